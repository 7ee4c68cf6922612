import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildStatement } from "../../src/core/statement/build";
import {
  ParagraphBlock,
  Statement,
  TableBlock,
  TableCell,
  TableColumn,
  blocksOf,
  paragraphText,
} from "../../src/core/statement/model";
import { SheetPlan, ValueBlock, WritePlan, looksLikeFormula } from "../../src/core/writePlan";
import {
  CHARTS_SHEET,
  PAPERS_SHEET,
  LINE_POINTS,
  RAG_FILL,
  STATEMENT_SHEET,
  gridSpans,
  lineRanges,
  renderStatementWritePlan,
  rowPoints,
  wrapText,
} from "../../src/render/excel";
import { writePlanToXlsx } from "../../src/xlsx/write";
import { draftStatement } from "../../src/core/draft";
import { runVfm } from "../../src/core/run";
import { exampleshireTemplate } from "../../src/core/sample/exampleshire";
import { analyse } from "../../src/core/analysis/analyse";
import { analysisToJson } from "../../src/core/analysis/json";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { makeData } from "../core/analysis/fixtures";
import { FORMULA_NOTE, GENERATED_AT, TESTSHIRE, testshire } from "../core/statement/fixture";

// Rendering Word and Excel files takes a second or two, more on a busy machine.
jest.setTimeout(30_000);

type Cell = { value: string | number | boolean | null; format?: string };

/** The plan's sheet as a map "row,col" -> value and format. */
function cells(sheet: SheetPlan): Map<string, Cell> {
  const out = new Map<string, Cell>();
  sheet.blocks.forEach((b: ValueBlock) =>
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const format = b.numberFormats?.[i]?.[j];
        out.set(`${b.top + i},${b.left + j}`, format ? { value: v, format } : { value: v });
      })
    )
  );
  return out;
}

function rowOf(map: Map<string, Cell>, col: number, value: string, after = -1): number {
  for (const [k, c] of map) {
    const [r, cc] = k.split(",").map(Number);
    if (cc === col && c.value === value && r > after) return r;
  }
  return -1;
}

function statement(): Statement {
  const { data, analysis } = testshire();
  return buildStatement(analysis, data, { generatedAt: GENERATED_AT });
}

describe("renderStatementWritePlan", () => {
  const s = statement();
  const plan: WritePlan = renderStatementWritePlan(s);
  const main = plan.sheets[0];
  const charts = plan.sheets[1];
  const map = cells(main);

  test("three add-in sheets (statement, charts, working papers), replaced on a re-run, statement shown", () => {
    expect(plan.sheets.map((p) => [p.name, p.role, p.mode])).toEqual([
      [STATEMENT_SHEET, "statement", "replace"],
      [CHARTS_SHEET, "charts", "replace"],
      [PAPERS_SHEET, "papers", "replace"],
    ]);
    expect(plan.activate).toBe(STATEMENT_SHEET);
  });

  test("A4 portrait, print area over everything written, frozen title rows, column widths", () => {
    const lastRow = Math.max(...[...map.keys()].map((k) => Number(k.split(",")[0])));
    expect(main.page).toEqual({
      orientation: "portrait",
      paper: "A4",
      // A to I, and J for each figure's working-papers line
      printArea: { top: 0, left: 0, bottom: lastRow, right: 9 },
      fitToWidth: true,
    });
    expect(main.freeze).toEqual({ rows: 3, columns: 0 });
    expect(main.columnWidths).toEqual([36, 14, 14, 14, 14, 14, 14, 14, 14, 12]);
    expect(map.get("0,0")?.value).toBe(s.title);
  });

  test("every heading is a styled row of its own", () => {
    for (const sec of s.sections) {
      const r = rowOf(map, 0, sec.heading);
      expect(r).toBeGreaterThan(0);
      const style = main.styles?.find((x) => x.range.top === r && x.range.left === 0)?.style;
      expect(style?.bold).toBe(true);
      expect(style?.fontSize).toBe(sec.level === 1 ? 14 : 12);
    }
  });

  test("table figures are the analysis JSON's values with the statement's number formats", () => {
    const json = analysisToJson(testshire().analysis) as {
      overtime: { byYear: { year: string; overtime: number; paybill: number; ratio: number }[] };
    };
    const caption = rowOf(
      map,
      0,
      "The force's overtime targets: overtime as a share of paybill by year, against 4%"
    );
    expect(caption).toBeGreaterThan(0);
    for (const y of json.overtime.byYear) {
      const r = rowOf(map, 0, y.year, caption);
      // column B says whether the year is actual, budget or plan (Testshire's headers do not)
      expect(map.get(`${r},1`)).toEqual({ value: "not stated" });
      expect(map.get(`${r},2`)).toEqual({ value: y.overtime, format: "#,##0,;(#,##0,)" });
      expect(map.get(`${r},3`)).toEqual({ value: y.paybill, format: "#,##0,;(#,##0,)" });
      expect(map.get(`${r},4`)).toEqual({ value: y.ratio, format: "0.0%" });
    }
    // a figure with no value is written as its words, not left blank or zero
    const support = rowOf(
      map,
      0,
      "The force's support services target: business support as a share of the workforce by year, against under 7%"
    );
    const r2011 = rowOf(map, 0, "2011/12", support);
    expect(map.get(`${r2011},2`)).toEqual({ value: "no data" });
  });

  test("RAG cells carry words and a fill, never the fill alone", () => {
    const statusRows = [...map.entries()].filter(
      ([k, c]) => c.value === "Status" && k.endsWith(",0")
    );
    expect(statusRows.length).toBe(9);
    for (const [k] of statusRows) {
      const [r] = k.split(",").map(Number);
      const words = map.get(`${r},1`)?.value;
      expect(["On track", "At risk", "Off track", "Not assessed"]).toContain(words);
      const style = main.styles?.find((x) => x.range.top === r && x.range.left === 1)?.style;
      const state = Object.entries({
        "On track": "onTrack",
        "At risk": "atRisk",
        "Off track": "offTrack",
        "Not assessed": "noData",
      } as const).find(([w]) => w === words)![1];
      expect(style?.fill).toBe(RAG_FILL[state].fill);
    }
  });

  test("a paragraph is one wrapped cell across A:I, its row tall enough; long table text wraps and its row grows", () => {
    const merged = (r: number, left: number, right: number) =>
      (main.merges ?? []).some(
        (m) => m.top === r && m.bottom === r && m.left === left && m.right === right
      );
    const height = (r: number) => main.rowHeights?.find((h) => h.row === r)?.points ?? LINE_POINTS;
    for (const sec of s.sections)
      for (const b of sec.blocks)
        if (b.kind === "paragraph") {
          const text = paragraphText(b);
          const want = b.role === "userNarrative" ? `“${text}”` : text;
          const r = rowOf(map, 0, want);
          expect({ text: want.slice(0, 40), found: r >= 0 }).toEqual({
            text: want.slice(0, 40),
            found: true,
          });
          expect(merged(r, 0, 8)).toBe(true);
          // 148 characters of room across A:I: a 300-character paragraph needs three lines
          const lines = wrapText(want, 148).length;
          expect(height(r)).toBeGreaterThanOrEqual(lines > 1 ? rowPoints(lines) : LINE_POINTS);
        }
    // a worked example: the summary's second paragraph
    const summary = s.sections.find((x) => x.id === "summary")!;
    const p = summary.blocks.find((b) => b.kind === "paragraph" && b.role !== "lead")!;
    const text = paragraphText(p as ParagraphBlock);
    const r = rowOf(map, 0, text);
    expect(height(r)).toBe(rowPoints(wrapText(text, 148).length));
    for (const [k, c] of map) {
      if (typeof c.value !== "string" || c.value.length <= 110) continue;
      const [r2, col] = k.split(",").map(Number);
      const wraps = main.styles?.some(
        (x) =>
          x.style.wrapText &&
          x.range.top <= r2 &&
          x.range.bottom >= r2 &&
          x.range.left <= col &&
          x.range.right >= col
      );
      expect({ text: c.value, wraps }).toEqual({ text: c.value, wraps: true });
    }
    expect(wrapText("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    expect(wrapText("averyveryverylongword x", 5)).toEqual(["averyveryverylongword", "x"]);
    expect(rowPoints(3)).toBe(48);
  });

  test("the .xlsx written keeps each planned row height and each W-line link, with its text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writePlanToXlsx(plan)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(STATEMENT_SHEET)!;
    const heights = main.rowHeights ?? [];
    expect(heights.length).toBeGreaterThan(5);
    for (const h of heights)
      expect([h.row, ws.getRow(h.row + 1).height]).toEqual([h.row, h.points]);
    const links = main.links ?? [];
    for (const l of links) {
      const cell = ws.getCell(l.row + 1, l.col + 1);
      // ExcelJS reads a hyperlink cell back as { text, hyperlink }; the text is the plan's.
      expect(cell.value).toEqual({
        text: map.get(`${l.row},${l.col}`)?.value,
        hyperlink: `#'${PAPERS_SHEET}'!A${l.target.row + 1}`,
      });
    }
    // The tip is in the sheet's XML (ExcelJS does not give it back in the cell's value).
    const zip = await JSZip.loadAsync(await writePlanToXlsx(plan));
    const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const tips = [...xml.matchAll(/<hyperlink [^>]*tooltip="([^"]*)"/g)].map((m) => m[1]);
    expect(tips).toHaveLength(links.length);
    expect(tips[0]).toBe(links[0].tip);
  });

  test("each figure's row names its working-papers lines in column J, linked to the first of them", () => {
    const papers = plan.sheets.find((x) => x.role === "papers")!;
    const pmap = cells(papers);
    const links = main.links ?? [];
    expect(links.length).toBeGreaterThan(20);
    for (const l of links) {
      expect(l.sheet).toBe(PAPERS_SHEET);
      expect(l.col).toBe(9);
      const text = map.get(`${l.row},9`)?.value as string;
      expect(text).toMatch(/^W\d+(-W\d+)?(, W\d+(-W\d+)?)*$/);
      // the target row holds the first line named
      const first = /^W(\d+)/.exec(text)![1];
      expect(pmap.get(`${l.target.row},1`)?.value).toBe(`W${first}`);
    }
    // the overtime table's 2009/10 row: its figures are on consecutive lines of the papers
    const caption = rowOf(
      map,
      0,
      "The force's overtime targets: overtime as a share of paybill by year, against 4%"
    );
    const r = rowOf(map, 0, "2009/10", caption);
    expect(map.get(`${r},9`)?.value).toMatch(/^W\d+-W\d+$/);
    expect(lineRanges(["W3", "W12", "W13", "W14", "W12"])).toBe("W3, W12-W14");
  });

  test("charts sheet: the figures, and a native chart over each block of them", () => {
    const chartBlocks = blocksOf(s, "chart");
    expect(charts.charts?.map((c) => c.title)).toEqual(chartBlocks.map((c) => c.title));
    const cmap = cells(charts);
    charts.charts!.forEach((plan, i) => {
      const model = chartBlocks[i];
      const { top, left, bottom, right } = plan.dataRange;
      // header row: category title, then the series names
      expect(cmap.get(`${top},${left}`)?.value).toBe(model.categoryTitle);
      model.series.forEach((sr, j) =>
        expect(cmap.get(`${top},${left + 1 + j}`)?.value).toBe(sr.name)
      );
      expect(bottom - top).toBe(model.categories.length);
      expect(right - left).toBe(model.series.length);
      model.categories.forEach((cat, r) => {
        expect(cmap.get(`${top + 1 + r},${left}`)?.value).toBe(cat);
        model.series.forEach((sr, j) => {
          const p = sr.points[r];
          expect(cmap.get(`${top + 1 + r},${left + 1 + j}`)?.value ?? null).toBe(
            p && typeof p.value === "number" ? p.value : null
          );
        });
      });
      // the chart sits beside its data, never over it
      expect(plan.position.left).toBeGreaterThan(right);
      expect(plan.altText).toBe(model.altText);
    });
    const ot = charts.charts!.find((c) => c.title.startsWith("Overtime"))!;
    expect(ot).toMatchObject({
      type: "columnClustered",
      valueAxisFormat: "0.0%",
      seriesStyles: [{ name: "4% threshold", dashed: true, asLine: true, color: "#C00000" }],
    });
    const bs = charts.charts!.find((c) => c.title.startsWith("Business support"))!;
    expect(bs.seriesStyles?.[0].name).toBe("7% threshold");
  });

  test("a formula-looking label stays a label", () => {
    expect([...map.values()].some((c) => c.value === `“${FORMULA_NOTE}”`)).toBe(true);
  });
});

describe("the plan written to .xlsx and read back with ExcelJS", () => {
  test("headings, figures, number formats, page setup and literal text survive", async () => {
    // A supplier and a force name that Excel would take as formulas if typed.
    const data = makeData({
      ...TESTSHIRE,
      forceName: "=Testshire Police",
      procurement: [
        ...(TESTSHIRE.procurement ?? []),
        {
          category: "uniform",
          categoryText: "@uniform",
          supplier: '=HYPERLINK("http://x")',
          spend: 90,
          contractEnd: "2012-03-31",
        },
      ],
    });
    const analysis = analyse(data, DEFAULT_POLICY);
    const s = buildStatement(analysis, data, {
      generatedAt: GENERATED_AT,
      authority: "=Testshire Police Authority",
    });
    const bytes = await writePlanToXlsx(renderStatementWritePlan(s));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([STATEMENT_SHEET, CHARTS_SHEET, PAPERS_SHEET]);
    const ws = wb.getWorksheet(STATEMENT_SHEET)!;
    const all: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => all.push(c)));
    const find = (v: string) => all.find((c) => c.value === v);

    // headings as text, bold
    for (const sec of s.sections) expect(find(sec.heading)?.font?.bold).toBe(true);
    // no cell holds a formula: every string arrived as a string
    expect(all.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    // the migration schedule's Contract cell, "@" first: the category as written, the supplier
    // (a formula's text) in brackets
    const contract = find('@uniform (=HYPERLINK("http://x"))');
    expect(contract?.type).toBe(ExcelJS.ValueType.String);
    expect(
      all.some(
        (c) =>
          typeof c.value === "string" &&
          looksLikeFormula(c.value) &&
          c.value.startsWith("=Testshire")
      )
    ).toBe(true);

    // a money figure: pounds, shown in £000 by its format
    const json = analysisToJson(analysis) as {
      overtime: { byYear: { year: string; overtime: number }[] };
    };
    const caption = find(
      "The force's overtime targets: overtime as a share of paybill by year, against 4%"
    )!;
    const yearCell = all.find((c) => c.value === "2009/10" && Number(c.row) > Number(caption.row))!;
    const money = ws.getCell(Number(yearCell.row), 3);
    expect(money.value).toBe(json.overtime.byYear.find((y) => y.year === "2009/10")!.overtime);
    expect(money.numFmt).toBe("#,##0,;(#,##0,)");
    expect(ws.getCell(Number(yearCell.row), 5).numFmt).toBe("0.0%");

    // page setup and frozen title rows
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("portrait");
    // A to I, and J for each figure's working-papers line
    expect(ws.pageSetup.printArea).toMatch(/^A1:J\d+$/);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    // RAG fill as well as words
    const off = all.find((c) => c.value === "Off track")!;
    expect((off.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  });
});

describe("dates in the statement sheet's tables", () => {
  const col = (header: string, kind: TableColumn["kind"]): TableColumn => ({
    header,
    kind,
    width: 12,
  });
  const figure = (kind: TableColumn["kind"], text: string): TableCell => ({
    kind,
    value: text,
    text,
    sources: [],
  });

  test("a date wider than a figure column (14 characters) takes two grid columns while the table leaves some spare", () => {
    // Nine grid columns (A:I). Seven model columns leave two spare: "30 September 2010" (17
    // characters) in the two date columns takes both; "1 April 2011" (12) fits in one.
    const t: TableBlock = {
      kind: "table",
      id: "t",
      caption: "Dates",
      columns: [
        col("Category", "text"),
        col("Supplier", "text"),
        col("Spend", "money"),
        col("Contract ends", "date"),
        col("Move by", "date"),
        col("Planned move", "date"),
        col("Saving", "money"),
      ],
      headerRows: [],
      rows: [
        {
          cells: [
            figure("text", "Body armour"),
            figure("text", "Shieldwell Protective Ltd"),
            figure("money", "312,500"),
            figure("date", "30 September 2010"),
            figure("date", "30 September 2010"),
            figure("date", "1 April 2011"),
            figure("money", "9,375"),
          ],
        },
      ],
    };
    expect(gridSpans(t)).toEqual([1, 1, 1, 2, 2, 1, 1]);
    // Eight model columns leave one spare: only the first wide date column gets it.
    const eight = { ...t, columns: [...t.columns, col("Note", "text")] };
    expect(gridSpans(eight)).toEqual([1, 1, 1, 2, 1, 1, 1, 1]);
    // Four columns of words (the papers' settings table) leave five spare: each column wider
    // than 14 characters takes a second (three), and the last column runs on to the right edge
    // with the two left, so it is merged over 2 + 2 = 4: 1 + 2 + 2 + 4 = 9 grid columns.
    const settings: TableBlock = {
      ...t,
      columns: [
        col("Setting", "text"),
        col("Value", "text"),
        col("White Paper", "text"),
        col("Default or changed", "text"),
      ],
      rows: [
        {
          cells: [
            figure("text", "Forensic analysis: DNA: national approach in place by"),
            figure("text", "1 September 2008"),
            figure("text", "5.33-5.34 (NFFA case study)"),
            figure("text", "Set to the default in Settings!B7"),
          ],
        },
      ],
    };
    expect(gridSpans(settings)).toEqual([1, 2, 2, 4]);
  });

  test("on the sample, every date in a table is on one line: merged across its columns, never wrapped", () => {
    const st = draftStatement(runVfm(exampleshireTemplate()), {
      generatedAt: "2011-05-01T00:00:00Z",
    });
    const sheet = renderStatementWritePlan(st).sheets[0];
    const map = cells(sheet);
    const schedule = blocksOf(st, "table").filter((b) => b.columns.some((c) => c.kind === "date"));
    expect(schedule.length).toBeGreaterThan(0);
    let dates = 0;
    for (const t of schedule) {
      const captionRow = rowOf(map, 0, t.caption);
      const first = captionRow + 1 + t.headerRows.length;
      const spans = gridSpans(t);
      t.rows.forEach((row, i) => {
        let left = 0;
        row.cells.forEach((c, j) => {
          const right = left + spans[j] - 1;
          if (t.columns[j].kind === "date" && c.value !== null) {
            dates++;
            const r = first + i;
            expect(map.get(`${r},${left}`)?.value).toBe(c.text);
            const room = 14 * spans[j];
            expect({ date: c.text, fits: c.text.length <= room }).toEqual({
              date: c.text,
              fits: true,
            });
            if (spans[j] > 1)
              expect(
                (sheet.merges ?? []).some(
                  (m) => m.top === r && m.bottom === r && m.left === left && m.right === right
                )
              ).toBe(true);
            const wrapped = (sheet.styles ?? []).some(
              (s) =>
                s.style.wrapText &&
                s.range.top <= r &&
                s.range.bottom >= r &&
                s.range.left <= left &&
                s.range.right >= left
            );
            expect({ date: c.text, wrapped }).toEqual({ date: c.text, wrapped: false });
          }
          left = right + 1;
        });
      });
    }
    // The migration schedule alone has 16 contracts with an end date and a move-by date.
    expect(dates).toBeGreaterThanOrEqual(32);
  });
});
