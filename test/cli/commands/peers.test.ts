import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { CliIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { benchmarkWorkbook, peersCommand } from "../../../src/cli/commands/peers";
import { SheetGrid } from "../../../src/core/grid";
import { exampleshirePeersSheet, SAMPLE_FORCE } from "../../../src/core/sample/peers";

const dir = mkdtempSync(path.join(tmpdir(), "vfm-peers-"));

/** Writes sheets to an .xlsx file with ExcelJS, values and number formats as given. */
async function xlsx(name: string, sheets: readonly SheetGrid[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      (row ?? []).forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value =
          typeof v === "object" && !(v instanceof Date)
            ? ({ error: v.error } as ExcelJS.CellErrorValue)
            : v;
        const fmt = s.numberFormats?.[r]?.[c];
        if (fmt) cell.numFmt = fmt;
      })
    );
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function io(): CliIo & { out: string; err: string } {
  const o = {
    out: "",
    err: "",
    isTTY: false,
    env: {},
    cwd: dir,
    stdout: (t: string) => {
      o.out += t;
    },
    stderr: (t: string) => {
      o.err += t;
    },
  };
  return o;
}

describe("vfm peers", () => {
  let sample: string;
  beforeAll(async () => {
    sample = await xlsx("sample-peers.xlsx", [exampleshirePeersSheet()]);
  });

  test("--json: force, group, indicators and findings as the issue lists them", async () => {
    const t = io();
    const code = await main(["peers", sample, "--json", "--force", SAMPLE_FORCE], t);
    expect(t.err).toBe("");
    expect(code).toBe(0);
    const j = JSON.parse(t.out);
    expect(j.force).toBe(SAMPLE_FORCE);
    expect(j.group).toHaveLength(7);
    expect(j.group[0]).toBe("Derbyshire Constabulary");
    expect(j.indicators.map((i: { name: string }) => i.name)).toEqual([
      "Overtime % of paybill",
      "Business support % of workforce",
      "Net revenue expenditure per head of population",
      "Officers per 1,000 population",
      "Procurement spend through national frameworks %",
    ]);
    const ot = j.indicators[0];
    for (const k of [
      "name",
      "direction",
      "value",
      "rank",
      "of",
      "quartile",
      "topQuartileValue",
      "msgAverage",
      "allAverage",
      "gapToTopQuartile",
    ])
      expect(ot).toHaveProperty(k);
    // A ratio is a fraction, read from the cell it names.
    expect(ot).toMatchObject({
      value: 0.058,
      cell: "Peers!C5",
      of: 44,
      direction: "lowerIsBetter",
    });
    expect(ot.threshold).toEqual({ value: 0.04, paragraph: "5.9-5.10" });
    expect(j.illustrative).toBe(true);
    expect(Array.isArray(j.findings)).toBe(true);
  });

  test("without --force, the one row that is not among the 43 is taken as the force, and said so", async () => {
    const t = io();
    expect(await main(["peers", "sample-peers.xlsx", "--json"], t)).toBe(0);
    const j = JSON.parse(t.out);
    expect(j.force).toBe(SAMPLE_FORCE);
    const f = j.findings.find((x: { code: string }) => x.code === "PEERS_FORCE_ASSUMED");
    expect(f).toMatchObject({ severity: "info", cell: "Peers" });
  });

  test("the readable table: one row per indicator, quartiles in words, the PERCENTILE.INC note", async () => {
    const t = io();
    expect(await peersCommand([sample, "--force", "Exampleshire Constabulary"], t)).toBe(0);
    expect(t.out).toMatch(/^Benchmarking Exampleshire Constabulary against 44 forces/);
    expect(t.out).toMatch(/Illustrative figures, not real force data/);
    expect(t.out).toMatch(/Most similar forces \(from the sheet\): Derbyshire Constabulary/);
    expect(t.out).toMatch(/Overtime % of paybill\s+lower\s+5\.8%/);
    expect(t.out).toMatch(/PERCENTILE\.INC/);
    const header = t.out.split("\n").find((l) => l.startsWith("Indicator"));
    expect(header).toMatch(/Rank\s+Quartile/);
  });

  test("a force that is not in the sheet: exit 0 with an error finding", async () => {
    const t = io();
    expect(await peersCommand([sample, "--json", "--force", "Kentshire Police"], t)).toBe(0);
    const j = JSON.parse(t.out);
    expect(j.findings[0]).toMatchObject({ severity: "error", code: "PEERS_FORCE_NOT_FOUND" });
    expect(j.indicators[0]).toMatchObject({ value: null, rank: null, of: 44 });
  });

  test("bad cells are findings written Sheet!C7", async () => {
    const s = exampleshirePeersSheet();
    const values = s.values.map((r) => [...r]);
    values[6][2] = "n/a"; // row 7, column C
    const file = await xlsx("bad.xlsx", [{ ...s, values }]);
    const t = io();
    expect(await peersCommand([file, "--json", "--force", SAMPLE_FORCE], t)).toBe(0);
    const j = JSON.parse(t.out);
    expect(j.findings).toContainEqual(
      expect.objectContaining({ code: "PEERS_VALUE_NOT_NUMBER", cell: "Peers!C7" })
    );
    expect(j.indicators[0].of).toBe(43);
  });

  test("exit 2 with one line on stderr: a missing file, a file that is not a workbook, no peers sheet", async () => {
    const missing = io();
    expect(await main(["peers", "nowhere.xlsx"], missing)).toBe(2);
    expect(missing.err.trim().split("\n")).toHaveLength(1);
    expect(missing.err).toMatch(/nowhere\.xlsx: No such file/);

    const notXlsx = path.join(dir, "notes.xlsx");
    writeFileSync(notXlsx, "this is not a workbook");
    const bad = io();
    expect(await main(["peers", notXlsx], bad)).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).not.toMatch(/\n\s+at /);

    const rota = await xlsx("rota.xlsx", [
      {
        name: "Rota",
        values: [
          ["Name", "Shift"],
          ["A. Smith", "Early"],
          ["B. Jones", "Late"],
        ],
      },
    ]);
    const none = io();
    expect(await main(["peers", rota], none)).toBe(2);
    expect(none.err).toMatch(/no peers sheet/);
    expect(none.out).toBe("");
  });

  test("--help and bad options", async () => {
    const h = io();
    expect(await peersCommand(["--help"], h)).toBe(0);
    expect(h.out).toMatch(/vfm peers WORKBOOK\.xlsx \[--json\]/);
    const b = io();
    expect(await peersCommand([sample, "--frobnicate"], b)).toBe(2);
    expect(b.err).toMatch(/unknown option --frobnicate/);
    expect(await peersCommand([], io())).toBe(2);
  });

  test("gap inputs from the rest of the workbook price the gaps", () => {
    const r = benchmarkWorkbook(
      { sheets: [exampleshirePeersSheet()] },
      {
        context: {
          forceName: SAMPLE_FORCE,
          gapInputs: {
            paybill: { value: 9_000_000_000, sources: [{ sheet: "Budget", address: "D9" }] },
          },
        },
      }
    );
    if ("noPeers" in r) throw new Error(r.noPeers);
    const ot = r.analysis.indicators[0];
    // (5.8% - 3.575%) x £90,000,000 = 2.225% x £90m = £2,002,500
    expect(ot.topQuartileValue).toBe(0.03575);
    expect(ot.gapSaving?.amount).toBe(200_250_000);
  });
});
