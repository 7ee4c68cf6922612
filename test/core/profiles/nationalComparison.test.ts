/**
 * A workbook with no peers sheet compared with all 43 forces in HMIC's national data shipped
 * with the add-in (nationalData.ts), in the year of the force's own figure:
 * - each force's workbook built from its real 2009/10 figures (realData/layouts.ts) is ranked
 *   among the 43 exactly where the national table ranks it, with its own figure in its row;
 * - the gap to the top quartile is priced in pounds: (force ratio − top-quartile ratio) × paybill;
 * - a figure for a year HMIC did not publish is compared with the nearest year, said in words;
 * - a peers sheet in the workbook still wins.
 */
import { draftStatement, runVfm, runVfmWith } from "../../../src/core/run";
import { exampleshireFreeForm } from "../../../src/core/sample/exampleshire";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { indicatorSpread, loadNationalModel, loadNationalTable } from "../../../src/core/profiles";
import { NationalTable } from "../../../src/core/profiles/types";
import { WorkbookGrid } from "../../../src/core/grid";
import { hmicForces } from "../realData/hmicData";
import { forceWorkbook } from "../realData/layouts";

let national: NationalTable;
beforeAll(async () => {
  national = await loadNationalTable();
});

/** The force's workbook with its name in a Settings sheet, as a finance team keeps it. */
function named(f: ReturnType<typeof hmicForces>[number]): WorkbookGrid {
  const wb = forceWorkbook(f, "adrReturn", "published");
  return { ...wb, sheets: [sheetFromRows("Settings", [["Force name", f.force]]), ...wb.sheets] };
}

const ot = (r: ReturnType<typeof runVfm>) =>
  r.peers?.indicators.find((i) => i.known === "overtimePctPaybill");

test("every force's own 2009/10 workbook is ranked among the 43 where HMIC's figures rank it", () => {
  const spread = indicatorSpread(national, 2009, "overtimeRatio")!;
  for (const f of hmicForces()) {
    const r = runVfm(named(f), { national });
    const i = ot(r);
    expect([f.force, r.peers?.national?.lines[0].year]).toEqual([f.force, 2009]);
    const id = r.peers?.matchedForce?.id ?? "";
    expect([f.force, i?.rank, i?.quartile]).toEqual([
      f.force,
      spread.ranks.get(id)?.rank,
      spread.ranks.get(id)?.quartile,
    ]);
    expect(i?.of).toBe(43);
    // The force's row holds its own workbook's figure, cited from its own sheet.
    expect(i?.valueCell?.sheet).toBe("Revenue budget");
    expect(Math.abs((i?.value ?? 0) - f.overtimeShare)).toBeLessThan(1e-12);
    expect(i?.topQuartileValue).toBe(spread.percentiles.p25);
  }
});

test("the Metropolitan Police, worked: 6.00% against a top quartile of 3.06%, the gap priced on its own paybill", () => {
  const met = hmicForces().find((f) => f.force === "Metropolitan Police")!;
  const r = runVfm(named(met), { national });
  const i = ot(r)!;
  expect(i.rank).toBe(43);
  expect(i.quartile).toBe(4);
  const paybillPence = (met.officerPayExOt + met.officerOvertime) * 1000 * 100;
  const gap = i.value! - i.topQuartileValue!;
  // (6.00% − 3.06%) × paybill, to the penny as the peers analysis rounds it.
  expect(Math.abs(i.gapSaving!.amount - gap * paybillPence)).toBeLessThanOrEqual(1);
  expect(i.gapSaving!.formula).toMatch(/paybill/);
  expect(i.chart.bars).toHaveLength(43);
  expect(i.chart.bars[i.chart.forceIndex!].isForce).toBe(true);
  expect(i.chart.bars[i.chart.forceIndex!].name).toBe("Metropolitan Police Service");
  const words = r.peers!.national!.lines.map((l) => l.words).join(" ");
  expect(words).toMatch(
    /compared with 43 forces in HMIC's Value for Money profile data for 2009\/10 \(CIPFA 2009-10 estimates\), the year of the force's own figure/
  );
  expect(words).toMatch(/HMIC 2010 \(Home Office ADR business support, IT excluded\)/);
  // Another force's value cites HMIC's published cell as an external reference.
  const other = i.chart.bars.find((b) => !b.isForce)!;
  expect(other.cell.sheet).toBe(
    "[value-for-money-2010-underlying-data-20100609.xls]Section 1. Income & Expenditure"
  );
});

test("a 2010/11 figure is compared with 2009/10, the nearest year HMIC published, and says so", () => {
  const wb = workbookOf(
    sheetFromRows("Settings", [["Force name", "Kent Police"]]),
    sheetFromRows("Budget", [
      ["Kent Police revenue budget, £000"],
      ["", "2010/11"],
      ["Police officer pay", 180000],
      ["Police officer overtime", 9000],
    ])
  );
  const r = runVfm(wb, { national });
  const line = r.peers?.national?.lines.find((l) => l.key === "overtimePctPaybill");
  expect(line?.year).toBe(2009);
  expect(line?.forceYear).toBe(2010);
  expect(line?.words).toMatch(
    /the force's own figure is for 2010\/11, for which HMIC published none, and 2009\/10 is the nearest year that HMIC did/
  );
  // 9,000 / (180,000 + 9,000) = 4.76%: Kent's own figure, not HMIC's 2009/10 figure for Kent.
  expect(ot(r)?.value).toBeCloseTo(9000 / 189000, 12);
});

test("a most similar group named by the user: its average is weighted by population, and says so", () => {
  const f = hmicForces().find((x) => x.force === "Kent")!;
  const group = ["Essex Police", "Hampshire Constabulary", "Sussex Police"];
  const r = runVfm(named(f), { national, group });
  expect(r.peers?.group).toEqual(group);
  expect(r.peers?.groupAverage.weightedBy).toBe("Population");
  const i = ot(r)!;
  const rec = (id: string) => national.records.find((x) => x.year === 2009 && x.forceId === id)!;
  const members = ["essex", "hampshire", "sussex"].map(rec);
  const w = members.map((m) => m.population!.value);
  const v = members.map((m) => m.indicators.overtimeRatio!.value);
  const expected = (v[0] * w[0] + v[1] * w[1] + v[2] * w[2]) / (w[0] + w[1] + w[2]);
  expect(i.msgAverage).toBeCloseTo(expected, 10);
  expect(i.msgCount).toBe(3);
});

test("a peers sheet in the workbook still wins", () => {
  const r = runVfm(exampleshireFreeForm(), { national });
  expect(r.peers?.sheet).toBe("Peers");
  expect(r.peers?.national).toBeUndefined();
});

test("a workbook that does not name its force: its figures are ranked beside the 43, and it says so", () => {
  const f = hmicForces()[0];
  const r = runVfm(forceWorkbook(f, "adrReturn", "published"), { national });
  expect(ot(r)?.of).toBe(44);
  expect(r.peers?.findings.map((x) => x.code)).toContain("PEERS_NATIONAL_FORCE_UNKNOWN");
});

test("the Settings sheet's 'Most similar forces' row names the group, as the pane's stored choice does", () => {
  const f = hmicForces().find((x) => x.force === "Kent")!;
  const wb = forceWorkbook(f, "adrReturn", "published");
  const settings = sheetFromRows("Settings", [
    ["Force name", "Kent Police"],
    ["Most similar forces", "Essex; Hampshire, Sussex Police"],
  ]);
  const r = runVfm({ ...wb, sheets: [settings, ...wb.sheets] }, { national });
  expect(r.peers?.group).toEqual(["Essex Police", "Hampshire Constabulary", "Sussex Police"]);
  expect(r.peers?.groupSource).toBe("settings");
  const stored = runVfm(named(f), { national, settings: { mostSimilarGroup: ["Surrey Police"] } });
  expect(stored.peers?.group).toEqual(["Surrey Police"]);
  expect(stored.peers?.groupAverage.weightedBy).toBe("Population");
});

test("never a later target: with a 2009/10 figure and a 2013/14 target, the 2009/10 figure is set beside HMIC's 2009/10", () => {
  const wb = workbookOf(
    sheetFromRows("Settings", [["Force name", "Kent Police"]]),
    sheetFromRows("Budget", [
      ["Kent Police revenue budget, £000"],
      ["", "2009/10", "2013/14 Target"],
      ["Police officer pay", 180000, 190000],
      ["Police officer overtime", 9000, 5000],
    ])
  );
  const r = runVfm(wb, { national });
  const line = r.peers?.national?.lines.find((l) => l.key === "overtimePctPaybill");
  expect([line?.year, line?.forceYear]).toEqual([2009, 2009]);
  // 9,000 / (180,000 + 9,000), the 2009/10 actual; not 5,000 / 195,000, the 2013/14 target.
  expect(ot(r)?.value).toBeCloseTo(9000 / 189000, 12);
});

test("the statement: HMIC's data named with its year and licence, and the ranked chart of the 43 with the force marked", () => {
  const f = hmicForces().find((x) => x.force === "Kent")!;
  const st = draftStatement(runVfm(named(f), { national }), {
    generatedAt: "2010-06-01T09:00:00Z",
  });
  const blocks = st.sections.flatMap((s) => [...s.blocks]);
  const text = JSON.stringify(blocks.filter((b) => b.kind === "paragraph"));
  expect(text).toMatch(
    /The workbook has no peers sheet, so the force is compared with all forces in HMIC's Value for Money profile data/
  );
  expect(text).toMatch(
    /for 2009\/10 \(CIPFA 2009-10 estimates\), the year of the force's own figure/
  );
  expect(text).toMatch(/Open Government Licence v3\.0/);
  const chart = blocks.find((b) => b.kind === "chart" && b.id === "chart-peers-overtimepctpaybill");
  expect(chart).toBeDefined();
  expect(JSON.stringify(chart)).toMatch(/Kent Police/);
});

test("the pane's path: the table with the comparison loadNationalModel fetched ranks as runVfm does; a table without it is a finding, not a silent gap", async () => {
  const f = hmicForces()[0];
  const model = await loadNationalModel();
  expect(model.table).toBe(national);
  const wb = named(f);
  const pane = runVfmWith(
    wb,
    { national: model.table, nationalComparer: model.compare },
    undefined
  );
  expect(pane.peers?.indicators).toEqual(runVfm(wb, { national }).peers?.indicators);
  const without = runVfmWith(wb, { national }, undefined);
  expect(without.peers).toBeUndefined();
  expect(without.findings.map((x) => x.message).join("\n")).toMatch(/national comparison/);
});
