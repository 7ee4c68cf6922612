/**
 * Writing statements through Microsoft's Excel client runtime (excel-web-16.00), answered by the
 * test host with Excel on the web's limits: every request and response is measured as the
 * runtime serialised it, not as we estimate it.
 */
import { ledgerWorkbook } from "../../bench/parts/analysis";
import { WorkbookGrid, a1 } from "../../src/core/grid";
import { draftStatement, runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { WritePlan } from "../../src/core/writePlan";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { CHART_NAME_MAX_CHARS, chartName } from "../../src/excel/writer";
import { renderStatementWritePlan } from "../../src/render/excel";
import { EXCEL_WEB_LIMITS, ExcelRuntimeHost } from "../fakes/excelHost";
import { userWorkbook } from "../gateway/contractSuite";

const LIMIT = EXCEL_WEB_LIMITS.maxRequestBytes;

function statementFor(workbook: WorkbookGrid): WritePlan {
  return renderStatementWritePlan(
    draftStatement(runVfm(workbook), { generatedAt: "2011-03-31T00:00:00Z" })
  );
}

async function write(
  workbook: WorkbookGrid,
  plan: WritePlan,
  host = ExcelRuntimeHost.fromGrid(workbook)
) {
  const result = await new OfficeGateway(host.run).applyWritePlan(plan);
  return { host, result };
}

function statementSheet(host: ExcelRuntimeHost, plan: WritePlan) {
  const sheet = host.model.sheet(plan.sheets[0].name);
  if (!sheet) throw new Error("no statement sheet");
  return sheet;
}

/** Planned row heights and links the host does not hold as planned (the first few). */
function layoutMisses(host: ExcelRuntimeHost, plan: WritePlan): string[] {
  const out: string[] = [];
  for (const sp of plan.sheets) {
    const sheet = host.model.sheet(sp.name);
    for (const h of sp.rowHeights ?? [])
      if (sheet?.rowHeights.get(h.row) !== h.points)
        out.push(
          `${sp.name} row ${h.row + 1}: ${String(sheet?.rowHeights.get(h.row))} pt, not ${h.points}`
        );
    for (const l of sp.links ?? []) {
      const got = sheet?.hyperlinks.get(`${l.row},${l.col}`)?.documentReference;
      if (!got?.endsWith(`!${a1(l.target.row, l.target.col)}`) || !got.includes(l.sheet))
        out.push(`${sp.name} ${a1(l.row, l.col)}: link ${String(got)}`);
    }
  }
  return out.slice(0, 5);
}

describe("a statement write stays within Excel on the web's limits", () => {
  test.each([
    ["the sample", 0],
    ["a 2,000-line procurement ledger", 2_000],
    ["a 30,000-line procurement ledger", 30_000],
  ])(
    "%s: every request and response under 5,000,000 bytes, none refused, every value written",
    async (_label, lines) => {
      const workbook = lines === 0 ? exampleshireFreeForm() : ledgerWorkbook(lines);
      const plan = statementFor(workbook);
      const { host } = await write(workbook, plan);
      expect(host.unsupported).toEqual([]);
      // Nothing had to be retried: the writer planned every request under the limit.
      expect(host.requests.filter((r) => r.failed)).toEqual([]);
      expect(host.largestRequestBytes).toBeLessThanOrEqual(LIMIT);
      expect(host.largestResponseBytes).toBeLessThanOrEqual(LIMIT);
      // Every planned value is in its cell (text literal, long text without its apostrophe).
      const wrong: string[] = [];
      let cells = 0;
      for (const sp of plan.sheets) {
        const sheet = host.model.sheet(sp.name);
        expect(sheet).toBeDefined();
        for (const b of sp.blocks)
          b.values.forEach((row, i) =>
            row.forEach((v, j) => {
              if (v === null) return;
              cells++;
              const got = sheet?.cell(b.top + i, b.left + j);
              if (got !== (v === "" ? null : v))
                wrong.push(`${sp.name} ${b.top + i},${b.left + j}: ${String(got)}`);
            })
          );
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(cells).toBeGreaterThan(lines);
      // Every row the plan sizes has its height, and the links are in; neither keeps a reference
      // per row in Excel (their release at the end would be a request of its own, over 5 MB).
      expect(layoutMisses(host, plan)).toEqual([]);
      expect(host.referencesKept).toBeLessThan(50);
      // Cells the user's formulas may refer to are calculated again once written.
      expect(host.needsRecalculation).toBe(false);
    },
    120_000
  );
});

describe("what might misbehave in real Excel, shown in the real runtime", () => {
  const sample = exampleshireFreeForm();
  const plan = statementFor(sample);

  test("a page setting or chart detail the host refuses costs only itself; the write succeeds and says so", async () => {
    const host = ExcelRuntimeHost.fromGrid(sample, {
      refuse: ["PageLayout.paperSize", "Chart.name"],
    });
    const { result } = await write(sample, plan, host);
    const sheet = statementSheet(host, plan);
    expect(sheet.cell(0, 0)).toBe(plan.sheets[0].blocks[0].values[0][0]);
    const charts = plan.sheets.flatMap((s) => (s.charts ?? []).map((c) => ({ s, c })));
    const paged = plan.sheets.filter((s) => s.page);
    // One note per refused unit: each page layout, and each chart's description; none for the
    // charts' styling, which Excel took.
    expect(result.notes).toHaveLength(paged.length + charts.length);
    for (const s of paged)
      expect(result.notes).toContain(
        `Excel did not accept the page layout of "${s.name}" (A4, orientation, print area, one page wide), so the sheet is written without it. Set it in Page Layout before printing.`
      );
    for (const { s, c } of charts)
      expect(result.notes).toContain(
        `Excel did not accept the description of the chart "${c.title}" on "${s.name}" for screen readers, so the chart has no description. Its title and figures are as written.`
      );
    // The rest of the styling went in: the charts exist with their titles and legends.
    const written = host.model.sheets.flatMap((s) => s.charts);
    expect(written.length).toBe(charts.length);
    expect(written.every((c) => c.title && c.legendPosition === "Bottom")).toBe(true);
    // The notes name no internal code.
    expect(result.notes?.some((n) => /InvalidArgument|\(\w+\)$/.test(n))).toBe(false);
  });

  test("a host without RangeAreas (ExcelApi 1.8) still sizes every row and sets every link", async () => {
    const host = ExcelRuntimeHost.fromGrid(sample, { excelApi: "1.8" });
    const supports = (_set: string, version: string) => Number(version.split(".")[1]) <= 8;
    const result = await new OfficeGateway(host.run, { supports }).applyWritePlan(plan);
    // Page layout is ExcelApi 1.9 too: left out and said so; the rows and links are not.
    expect(result.notes?.every((n) => /page layout/.test(n))).toBe(true);
    expect(plan.sheets.some((s) => (s.rowHeights ?? []).length > 0)).toBe(true);
    expect(plan.sheets.some((s) => (s.links ?? []).length > 0)).toBe(true);
    expect(layoutMisses(host, plan)).toEqual([]);
  });

  test("a host that refuses links leaves the line text in column J and says so once", async () => {
    const workbook = ledgerWorkbook(2_000);
    const big = statementFor(workbook);
    const links = big.sheets.reduce((n, s) => n + (s.links ?? []).length, 0);
    // More links than one unit takes, so the refusal is met in several units.
    expect(links).toBeGreaterThan(400);
    const host = ExcelRuntimeHost.fromGrid(workbook, { refuse: ["Range.hyperlink"] });
    const { result } = await write(workbook, big, host);
    const notes = (result.notes ?? []).filter((n) => /links from/.test(n));
    expect(notes).toHaveLength(1);
    const sp = big.sheets.find((s) => (s.links ?? []).length > 0);
    const l = sp?.links?.[0];
    if (!sp || !l) throw new Error("no links planned");
    const sheet = host.model.sheet(sp.name);
    expect(sheet?.hyperlinks.size).toBe(0);
    expect(sheet?.cell(l.row, l.col)).toMatch(/^W\d+/);
  }, 60_000);

  test("a chart's description longer than Excel takes as a name is cut at a word, not refused", async () => {
    const { host, result } = await write(sample, plan);
    expect(result.notes).toBeUndefined();
    const planned = plan.sheets.flatMap((s) => s.charts ?? []);
    const written = host.model.sheets.flatMap((s) => s.charts);
    // The sample's descriptions run to several hundred characters; Excel refuses 250 or more.
    expect(Math.max(...planned.map((c) => c.altText.length))).toBeGreaterThan(250);
    expect(written.map((c) => c.name)).toEqual(planned.map((c) => chartName(c.altText)));
    for (const c of written) {
      expect(c.name.length).toBeLessThanOrEqual(CHART_NAME_MAX_CHARS);
      // Cut at a word: "… actual £320k; Process improvement: cashable…", never mid-word.
      if (c.name.endsWith("…")) expect(c.name).toMatch(/[^\s,;:.]…$/);
    }
    expect(host.requests.filter((r) => r.failed)).toEqual([]);
  });

  test("a request Excel refuses for its size is cut and retried, by the runtime's error code", async () => {
    const workbook = ledgerWorkbook(2_000);
    const small = ExcelRuntimeHost.fromGrid(workbook, { maxRequestBytes: 400_000 });
    const p = statementFor(workbook);
    await new OfficeGateway(small.run, { limits: { maxRequestBytes: 1_500_000 } }).applyWritePlan(
      p
    );
    const refused = small.requests.filter((r) => r.failed);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.failed === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(statementSheet(small, p).cell(0, 0)).toBe(p.sheets[0].blocks[0].values[0][0]);
  });

  test("text over 255 characters is not shown as ##### and reads back as written", async () => {
    const long = `Note: ${"the force's overtime fell in each of the three years. ".repeat(6)}`;
    const host = ExcelRuntimeHost.fromGrid(userWorkbook());
    const gateway = new OfficeGateway(host.run);
    await gateway.applyWritePlan({
      sheets: [
        {
          name: "VfM Notes",
          role: "findings",
          mode: "replace",
          blocks: [{ top: 0, left: 0, values: [[long, "=not a formula"]] }],
        },
      ],
    });
    const shown = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("VfM Notes").getRange("A1:B1");
      r.load("text,values,numberFormat");
      await context.sync();
      return { text: r.text, values: r.values, formats: r.numberFormat };
    });
    expect(long.length).toBeGreaterThan(255);
    expect(shown.values).toEqual([[long, "=not a formula"]]);
    expect(shown.text[0][0]).toBe(long);
    expect(shown.formats).toEqual([["General", "@"]]);
  });

  test("the ownership marks are hidden from Name Manager", async () => {
    const { host } = await write(sample, plan);
    const marks = host.model.names.filter((n) => /^_vfm_owned_/i.test(n.name));
    expect(marks.length).toBe(plan.sheets.length);
    expect(marks.every((n) => !n.visible)).toBe(true);
  });

  test("calculation suspended while writing is resumed: the workbook is recalculated", async () => {
    const { host } = await write(sample, plan);
    expect(host.requests.some((r) => r.calculationSuspended)).toBe(true);
    expect(host.needsRecalculation).toBe(false);
  });

  test("a write of values alone, with nothing to format, is recalculated too", async () => {
    const host = ExcelRuntimeHost.fromGrid(userWorkbook());
    await new OfficeGateway(host.run).applyWritePlan({
      sheets: [
        {
          name: "VfM Figures",
          role: "findings",
          mode: "replace",
          blocks: [{ top: 0, left: 0, values: [["Overtime", 1_250_000]] }],
        },
      ],
    });
    expect(host.requests.some((r) => r.calculationSuspended)).toBe(true);
    expect(host.needsRecalculation).toBe(false);
  });

  test("a write that fails after the values are in still leaves the workbook recalculated", async () => {
    const host = ExcelRuntimeHost.fromGrid(sample);
    // Requests: 1 looks, 2 creates the sheets and writes the values, 3 formats: Excel fails it.
    host.failRequest("GeneralException", { atRequest: 3 });
    const error = await new OfficeGateway(host.run).applyWritePlan(plan).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("GeneralException");
    expect(statementSheet(host, plan).cell(0, 0)).toBe(plan.sheets[0].blocks[0].values[0][0]);
    expect(host.requests[1].calculationSuspended).toBe(true);
    expect(host.needsRecalculation).toBe(false);
  });

  test("an add-in bug (a property read before it was loaded) is reported as the add-in's, not Excel's", async () => {
    const host = ExcelRuntimeHost.fromGrid(userWorkbook());
    const { toGatewayError } = await import("../../src/excel/errors");
    const error = await host
      .run(async (context) => {
        const sheets = context.workbook.worksheets;
        await context.sync();
        return sheets.items.length; // never loaded
      })
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("PropertyNotLoaded");
    const message = toGatewayError(error, { action: "reading the workbook" }).message;
    expect(message).toMatch(/The add-in made a mistake/);
    expect(message).not.toMatch(/close and reopen/);
  });
});

describe("the host enforces Excel on the web's limits", () => {
  test("cell-level properties of an unbounded range read as null and cannot be set", async () => {
    const host = ExcelRuntimeHost.fromGrid(userWorkbook());
    const values = await host.run(async (context) => {
      const all = context.workbook.worksheets.getItem("Budget").getRange("A:C");
      all.load("values,address");
      await context.sync();
      return { values: all.values, address: all.address };
    });
    expect(values).toEqual({ values: null, address: "Budget!A:C" });
    const refused = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Budget").getRange("A:A").numberFormat =
          "0" as unknown as string[][];
        await context.sync();
      })
      .catch((e: { code?: string }) => e.code);
    expect(refused).toBe("InvalidArgument");
  });

  test("a read of more than 5 million cells fails; a request over 5,000,000 bytes is refused whole", async () => {
    const host = ExcelRuntimeHost.fromGrid(userWorkbook());
    const big = await host
      .run(async (context) => {
        const r = context.workbook.worksheets
          .getItem("Budget")
          .getRangeByIndexes(0, 0, 500_000, 11);
        r.load("values");
        await context.sync();
      })
      .catch((e: { code?: string }) => e.code);
    expect(big).toBe("ResponsePayloadSizeLimitExceeded");
    const text = "x".repeat(30_000);
    const request = await host
      .run(async (context) => {
        const r = context.workbook.worksheets.getItem("Budget").getRangeByIndexes(20, 0, 200, 1);
        r.values = Array.from({ length: 200 }, () => [text]);
        await context.sync();
      })
      .catch((e: { code?: string }) => e.code);
    expect(request).toBe("RequestPayloadSizeLimitExceeded");
    // Refused before anything ran: the cells are as they were.
    expect(host.model.sheet("Budget")?.cell(20, 0)).toBeNull();
  });
});

describe("Word on every host", () => {
  test("the gateway says where files cannot be saved (Excel for Mac and iPad), and only there", () => {
    const run = ExcelRuntimeHost.fromGrid(userWorkbook()).run;
    expect(new OfficeGateway(run, { platform: "Mac" }).canSaveFiles).toBe(false);
    expect(new OfficeGateway(run, { platform: "iOS" }).canSaveFiles).toBe(false);
    expect(new OfficeGateway(run, { platform: "PC" }).canSaveFiles).toBe(true);
    expect(new OfficeGateway(run, { platform: "OfficeOnline" }).canSaveFiles).toBe(true);
    // Outside Office (tests, the preview) nothing stops a download.
    expect(new OfficeGateway(run).canSaveFiles).toBe(true);
  });
});

describe("dates in a workbook on the 1904 date system", () => {
  test("read as the same days as in a 1900 workbook, not four years off", async () => {
    // 31 March 2010 is serial 40268 in the 1900 system and 40268 - 1462 = 38806 in the 1904.
    const grid: WorkbookGrid = {
      sheets: [
        {
          name: "Budget",
          values: [["As at", new Date(Date.UTC(2010, 2, 31))]],
          numberFormats: [[undefined, "dd/mm/yyyy"]],
        },
      ],
    };
    const in1900 = ExcelRuntimeHost.fromGrid(grid);
    expect(in1900.model.sheet("Budget")?.cell(0, 1)).toBe(40268);
    const in1904 = ExcelRuntimeHost.fromGrid(grid, { date1904: true });
    in1904.model.sheet("Budget")?.setCell(0, 1, 38806);
    for (const host of [in1900, in1904]) {
      const read = await new OfficeGateway(host.run).readWorkbook();
      expect(read.sheets[0].values[0][1]).toEqual(new Date(Date.UTC(2010, 2, 31)));
    }
  });
});
