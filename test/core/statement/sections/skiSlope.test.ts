import { detectPeers } from "../../../../src/core/detect/peers";
import { analysePeers, PeersAnalysis } from "../../../../src/core/analysis/peers";
import { exampleshirePeersSheet, SAMPLE_FORCE } from "../../../../src/core/sample/peers";
import {
  rankedScale,
  roundAxisTop,
  skiSlopeChart,
  THIS_FORCE,
} from "../../../../src/core/statement/sections/skiSlope";
import { PeersForStatement } from "../../../../src/core/statement/sections/benchmarking";
import { buildStatement } from "../../../../src/core/statement/build";
import { blocksOf } from "../../../../src/core/statement/model";
import { analyse } from "../../../../src/core/analysis/analyse";
import { DEFAULT_POLICY } from "../../../../src/core/policy";
import { ForceData } from "../../../../src/core/forceData";
import { renderStatementWritePlan, CHARTS_SHEET } from "../../../../src/render/excel";
import { CellValue } from "../../../../src/core/grid";

function samplePeers(): PeersAnalysis {
  const p = detectPeers({ sheets: [exampleshirePeersSheet()] }, { forceName: SAMPLE_FORCE })!;
  return analysePeers(p, SAMPLE_FORCE);
}

/** A force with no budget figures at all: enough for the statement to be drafted around the peers. */
function emptyForce(): ForceData {
  return {
    settings: {
      forceName: {
        value: SAMPLE_FORCE,
        sources: [{ sheet: "Settings", address: "B2" }],
        how: "test",
      },
      policyOverrides: new Map(),
    },
    budget: { lines: [], years: [] },
    workforce: { lines: [], years: [] },
    procurement: { lines: [] },
    savingsPlan: { lines: [] },
    sheetsUsed: [],
    findings: [],
  };
}

describe("ski-slope charts", () => {
  const peers = samplePeers();
  const ot = peers.indicators.find((i) => i.key === "overtimePctPaybill")!;

  test("every force best first, the force in its own series and labelled in words, the 4% line", () => {
    const c = skiSlopeChart(ot, SAMPLE_FORCE)!;
    expect(c.categories).toHaveLength(44);
    expect(c.series.map((s) => [s.name, s.role])).toEqual([
      ["Other forces", "data"],
      [SAMPLE_FORCE, "data"],
      ["4% threshold", "threshold"],
    ]);
    const at = ot.chart.forceIndex!;
    expect(c.categories[at]).toBe(`${SAMPLE_FORCE} ${THIS_FORCE}`);
    expect(c.series[1].points.filter((p) => p !== null)).toHaveLength(1);
    expect(c.series[1].points[at]).toMatchObject({ value: 0.058, text: "5.8%" });
    expect(c.series[0].points[at]).toBeNull();
    // Values never rise from left to right for a lower-is-better indicator.
    const values = ot.chart.bars.map((b) => b.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(c.series[2].points.every((p) => p?.value === 0.04)).toBe(true);
    expect(c.altText).toMatch(
      new RegExp(`${SAMPLE_FORCE} is ${at + 1}(st|nd|rd|th) of 44 at 5\\.8%`)
    );
    expect(c.series[0].points[0]?.sources).toHaveLength(1);
  });

  test("no threshold line where the policy sets none; higher-is-better ranks highest first", () => {
    const fw = peers.indicators.find((i) => i.key === "frameworkProcurementPct")!;
    const c = skiSlopeChart(fw, SAMPLE_FORCE)!;
    expect(c.series.map((s) => s.role)).toEqual(["data", "data"]);
    const values = fw.chart.bars.map((b) => b.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(c.altText).toMatch(/best \(highest\)/);
  });

  test("the force missing from the sheet: one series, and the alt text says so", () => {
    const p = detectPeers({ sheets: [exampleshirePeersSheet()] })!;
    const a = analysePeers(p, "Nowhere Constabulary");
    const c = skiSlopeChart(a.indicators[0], "Nowhere Constabulary")!;
    expect(c.series.map((s) => s.name)).toEqual(["Other forces", "4% threshold"]);
    expect(c.altText).toMatch(/has no figure/);
  });

  test("an outlier runs off the top of the scale instead of flattening the rest, and says so", () => {
    // Officers per 1,000 in the sample's peers sheet (HMIC's figures): City of London 67.45,
    // then the Metropolitan Police 4.22, then 2.49 at most. 67.45 > 2 x 4.22, so City of London
    // runs off; 4.22 < 2 x 2.49, so the Met stays. The axis stops at 4.22 x 1.05 = 4.43, rounded
    // up to the next half: 4.5.
    const off = peers.indicators.find((i) => i.key === "officersPer1000")!;
    const c = skiSlopeChart(off, SAMPLE_FORCE)!;
    expect(c.axisMaximum).toBe(4.5);
    expect(c.categories).toContain("City of London Police (67.45, off the scale)");
    expect(c.categories).toContain("Metropolitan Police Service");
    expect(c.note).toBe(
      "The scale stops at 4.50 so that the other forces can be told apart: City of London Police (67.45), more than twice the next highest, runs off the top, and the label gives the figure."
    );
    expect(c.altText).toContain(
      "The scale stops at 4.50: City of London Police (67.45) runs off the top."
    );
    // every force is still labelled, and its figure is still the sheet's
    expect(c.categories).toHaveLength(44);
    expect(c.series[0].points.some((p) => p?.value === 67.45)).toBe(true);
    // a chart with no outlier keeps an axis that fits every value
    expect(skiSlopeChart(ot, SAMPLE_FORCE)!.axisMaximum).toBeUndefined();
  });

  test("the scale rule: ratios over two run off, repeatedly, keeping five columns on the scale", () => {
    const bar = (name: string, value: number) => ({ name, value, isForce: false });
    const bars = [1, 1.1, 1.2, 1.3, 1.4, 3.5, 9].map((v, k) => bar(`F${k}`, v));
    // 9 > 2 x 3.5: off; 3.5 > 2 x 1.4: off; 1.4 < 2 x 1.3: stays. Top 1.4 x 1.05 = 1.47 -> 1.5
    expect(rankedScale(bars)).toEqual({ axisMaximum: 1.5, offScale: [bars[6], bars[5]] });
    // the threshold line always shows: 4% above every column keeps the axis over it
    expect(rankedScale(bars, 4).axisMaximum).toBe(4.5);
    expect(rankedScale(bars.slice(0, 5))).toEqual({ offScale: [] });
    expect([roundAxisTop(0.0412), roundAxisTop(315.3), roundAxisTop(48)]).toEqual([0.045, 350, 55]);
  });

  test("the peers analysis fits the statement's peers slot as it is", () => {
    const slot: PeersForStatement = peers;
    expect(slot.indicators).toHaveLength(5);
  });
});

describe("the statement's benchmarking section with peers, and the charts sheet", () => {
  const peers = samplePeers();
  const data = emptyForce();
  const analysis = analyse(data, DEFAULT_POLICY);
  const statement = buildStatement(analysis, data, {
    generatedAt: "2011-03-31T09:30:00Z",
    peers,
  });
  const section = statement.sections.find((s) => s.id === "benchmarking")!;

  test("a table of indicators and a ranked chart per indicator", () => {
    const tables = section.blocks.filter((b) => b.kind === "table").map((b) => b.id);
    expect(tables).toContain("benchmarking-peers");
    const charts = section.blocks.filter((b) => b.kind === "chart").map((b) => b.id);
    expect(charts).toEqual([
      "chart-peers-overtimepctpaybill",
      "chart-peers-businesssupportpctworkforce",
      "chart-peers-nreperhead",
      "chart-peers-officersper1000",
      "chart-peers-frameworkprocurementpct",
    ]);
    expect(blocksOf(statement, "chart").length).toBeGreaterThanOrEqual(5);
  });

  test("the Excel renderer puts each ranked chart on the charts sheet as a native chart over its figures", () => {
    const plan = renderStatementWritePlan(statement);
    const charts = plan.sheets.find((s) => s.name === CHARTS_SHEET)!;
    const ranked = (charts.charts ?? []).filter((c) => /forces ranked, best first/.test(c.title));
    expect(ranked).toHaveLength(5);
    const ot = ranked[0];
    expect(ot.type).toBe("columnClustered");
    expect(ot.seriesStyles).toEqual([
      expect.objectContaining({ name: "4% threshold", dashed: true, asLine: true }),
    ]);
    // The chart's data range: a header row and 44 forces, in three series columns.
    expect(ot.dataRange.bottom - ot.dataRange.top).toBe(44);
    expect(ot.dataRange.right - ot.dataRange.left).toBe(3);
    // The force's own figure sits in its own column of the data, on its row.
    const cells = new Map<string, CellValue>();
    for (const b of charts.blocks)
      b.values.forEach((row, i) =>
        row.forEach((v, j) => cells.set(`${b.top + i},${b.left + j}`, v as CellValue))
      );
    const header = [0, 1, 2, 3].map((c) =>
      cells.get(`${ot.dataRange.top},${ot.dataRange.left + c}`)
    );
    expect(header).toEqual(["Force", "Other forces", SAMPLE_FORCE, "4% threshold"]);
    const forceRow = ot.dataRange.top + 1 + peers.indicators[0].chart.forceIndex!;
    expect(cells.get(`${forceRow},0`)).toBe(`${SAMPLE_FORCE} ${THIS_FORCE}`);
    expect(cells.get(`${forceRow},2`)).toBe(0.058);
    expect(cells.get(`${forceRow},1`)).toBeNull();
  });
});
