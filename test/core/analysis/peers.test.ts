import fc from "fast-check";
import { CellValue, SheetGrid, formatRef } from "../../../src/core/grid";
import { Finding } from "../../../src/core/findings";
import { detectPeers } from "../../../src/core/detect/peers";
import { PeersData } from "../../../src/core/peersData";
import { PeersSettings, analysePeers } from "../../../src/core/analysis/peers";
import { competitionRank, percentileInc, quartileOf } from "../../../src/core/analysis/peersStats";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { FORCES } from "../../../src/core/forces";
import { exampleshirePeersSheet } from "../../../src/core/sample/peers";

function sheet(values: CellValue[][], formats: Record<string, string> = {}): SheetGrid {
  return {
    name: "Peers",
    values,
    numberFormats: values.map((row, r) => row.map((_, c) => formats[`${r},${c}`])),
  };
}
function peersOf(values: CellValue[][], formats: Record<string, string> = {}): PeersData {
  const p = detectPeers(
    { sheets: [sheet(values, formats)] },
    { forceName: "Exampleshire Constabulary" }
  );
  if (!p) throw new Error("no peers sheet found");
  return p;
}
const at = (fs: readonly Finding[], code: string) =>
  fs.filter((f) => f.code === code).map((f) => (f.cell ? formatRef(f.cell) : (f.sheet ?? "")));
const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);

describe("percentiles are Excel's PERCENTILE.INC (mathjs quantileSeq, linear interpolation)", () => {
  // PERCENTILE.INC(values, p): sort; position h = p x (n - 1) from 0; result =
  // v[floor h] + (h - floor h) x (v[floor h + 1] - v[floor h]).
  test("[2,4,6,8]: h = 0.25 x 3 = 0.75 -> 2 + 0.75 x (4 - 2) = 3.5; median 5; 75th 6.5", () => {
    expect(percentileInc([2, 4, 6, 8], 0.25)).toBe(3.5);
    expect(percentileInc([8, 2, 6, 4], 0.5)).toBe(5); // h = 1.5 -> 4 + 0.5 x 2
    expect(percentileInc([2, 4, 6, 8], 0.75)).toBe(6.5); // h = 2.25 -> 6 + 0.25 x 2
  });

  test.each([
    // 1..10: h(0.25) = 2.25 -> 3 + 0.25 x 1 = 3.25; h(0.75) = 6.75 -> 7 + 0.75 x 1 = 7.75
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.25, 3.25],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.75, 7.75],
    // [15,20,35,40,50], 40th: h = 0.4 x 4 = 1.6 -> 20 + 0.6 x 15 = 29
    [[15, 20, 35, 40, 50], 0.4, 29],
    // seven values: h(0.25) = 1.5 -> 4.4 + 0.5 x 1.5 = 5.15; h(0.75) = 4.5 -> 7.0 + 0.5 x 1.3 = 7.65
    [[3.1, 4.4, 5.9, 6.2, 7.0, 8.3, 9.5], 0.25, 5.15],
    [[3.1, 4.4, 5.9, 6.2, 7.0, 8.3, 9.5], 0.5, 6.2],
    [[3.1, 4.4, 5.9, 6.2, 7.0, 8.3, 9.5], 0.75, 7.65],
    // one value is every percentile; two values [1,3]: h(0.25) = 0.25 -> 1 + 0.25 x 2 = 1.5
    [[5], 0.25, 5],
    [[1, 3], 0.25, 1.5],
    // ties: [1,1,1,5]: h(0.75) = 2.25 -> 1 + 0.25 x 4 = 2
    [[1, 1, 1, 5], 0.75, 2],
  ])("PERCENTILE.INC(%j, %d) = %d", (values, p, expected) => {
    expect(percentileInc(values, p)).toBeCloseTo(expected, 12);
  });

  test("percentiles agree with the formula on any vector (checked against a direct implementation)", () => {
    const excel = (vs: number[], p: number) => {
      const s = [...vs].sort((a, b) => a - b);
      const h = p * (s.length - 1);
      const lo = Math.floor(h);
      return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100000, max: 100000 }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1),
        (ints, p) => {
          const vs = ints.map((i) => i / 100);
          expect(percentileInc(vs, p)).toBeCloseTo(excel(vs, p), 9);
        }
      )
    );
  });

  test("ranks are RANK.EQ: ties share the better rank, the next is skipped", () => {
    const vs = [3, 5, 5, 9];
    expect(vs.map((v) => competitionRank(v, vs, "lowerIsBetter"))).toEqual([1, 2, 2, 4]);
    expect(vs.map((v) => competitionRank(v, vs, "higherIsBetter"))).toEqual([4, 2, 2, 1]);
  });

  test("quartiles: lower is better uses <= the 25th/50th/75th; higher mirrors with >=", () => {
    const q = { p25: 3.5, p50: 5, p75: 6.5 }; // of [2,4,6,8]
    expect([2, 4, 6, 8].map((v) => quartileOf(v, q, "lowerIsBetter"))).toEqual([1, 2, 3, 4]);
    expect([2, 4, 6, 8].map((v) => quartileOf(v, q, "higherIsBetter"))).toEqual([4, 3, 2, 1]);
    expect(quartileOf(3.5, q, "lowerIsBetter")).toBe(1); // on the edge counts as inside
    expect(quartileOf(6.5, q, "higherIsBetter")).toBe(1);
  });

  test("the median value itself is in the second quartile, binary noise or not", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in binary; the median of the three is that value, and
    // PERCENTILE.INC's point is shown to 12 digits as 0.3. Excel's =B1<=PERCENTILE.INC(...,0.5)
    // is TRUE for it, so it is in the second quartile, not the third.
    const vs = [0.1, 0.1 + 0.2, 0.5];
    const q = {
      p25: percentileInc(vs, 0.25),
      p50: percentileInc(vs, 0.5),
      p75: percentileInc(vs, 0.75),
    };
    expect(q.p50).toBe(0.3);
    expect(quartileOf(0.1 + 0.2, q, "lowerIsBetter")).toBe(2);
    expect(quartileOf(0.1 + 0.2, q, "higherIsBetter")).toBe(2);
  });
});

/**
 * Eight forces. Overtime as points under a "%" header; business support as fractions formatted %.
 *   overtime %:  Ex 5.0, Avon 3.0, Beds 4.0, Cambs 6.0, Cheshire 7.0, Cleveland 2.0, Cumbria 8.0, Derbys 4.5
 *   support:     Ex .09, Avon .064, Beds .07, Cambs .08, Cheshire .10, Cleveland .11, Cumbria .12, Derbys .13
 */
const EIGHT: CellValue[][] = [
  ["Benchmarking 2009/10"],
  [],
  ["Force", "Most similar forces", "Overtime %", "Business support", "Population", "Notes"],
  ["Exampleshire Constabulary", "Avon & Somerset; Cheshire; Cumbria", 5.0, 0.09, 1_200_000, "own"],
  ["Avon and Somerset Constabulary", "", 3.0, 0.064, 1_600_000, null],
  ["Bedfordshire Police", "", 4.0, 0.07, 600_000, null],
  ["Cambridgeshire Constabulary", "", 6.0, 0.08, 800_000, null],
  ["Cheshire Constabulary", "", 7.0, 0.1, 1_000_000, null],
  ["Cleveland Police", "", 2.0, 0.11, 550_000, null],
  ["Cumbria Constabulary", "", 8.0, 0.12, 500_000, null],
  ["Derbyshire Constabulary", "", 4.5, 0.13, 1_000_000, null],
];
const EIGHT_FORMATS = Object.fromEntries(
  Array.from({ length: 8 }, (_, i) => [`${i + 3},3`, "0.0%"])
);
const PAYBILL = { value: 4_000_000_000, sources: [{ sheet: "Budget", address: "D12" }] }; // £40m
const FTE = { value: 2000, sources: [{ sheet: "Workforce", address: "F20" }] };
const SUPPORT_COST = { value: 3_000_000, sources: [{ sheet: "Settings", address: "B9" }] }; // £30,000

describe("a worked example: eight forces", () => {
  const peers = peersOf(EIGHT, EIGHT_FORMATS);
  const a = analysePeers(peers, "Exampleshire Constabulary", {
    gapInputs: { paybill: PAYBILL, workforceFte: FTE, averageSupportCost: SUPPORT_COST },
  });
  const ot = a.indicators.find((i) => i.key === "overtimePctPaybill")!;
  const bs = a.indicators.find((i) => i.key === "businessSupportPctWorkforce")!;

  test("the force, its group (official names) and the indicators", () => {
    expect(a.force).toBe("Exampleshire Constabulary");
    expect(a.forceCell).toEqual({ sheet: "Peers", address: "A4" });
    expect(a.group).toEqual([
      "Avon and Somerset Constabulary",
      "Cheshire Constabulary",
      "Cumbria Constabulary",
    ]);
    expect(a.groupSource).toBe("sheet");
    expect(a.indicators.map((i) => i.key)).toEqual([
      "overtimePctPaybill",
      "businessSupportPctWorkforce",
    ]); // population is context, not ranked
    expect(a.findings).toEqual([]);
  });

  test("overtime: sorted 2, 3, 4, 4.5, 5, 6, 7, 8 (%)", () => {
    // 25th: h = 0.25 x 7 = 1.75 -> 3 + 0.75 x (4 - 3) = 3.75%
    // 50th: h = 3.5 -> 4.5 + 0.5 x (5 - 4.5) = 4.75%; 75th: h = 5.25 -> 6 + 0.25 x 1 = 6.25%
    expect(ot.percentiles).toEqual({ p25: 0.0375, p50: 0.0475, p75: 0.0625 });
    // 5.0% is beaten by 2, 3, 4 and 4.5 -> rank 5 of 8; 4.75 < 5.0 <= 6.25 -> quartile 3
    expect(ot).toMatchObject({ value: 0.05, rank: 5, of: 8, quartile: 3 });
    expect(ot.valueCell).toEqual({ sheet: "Peers", address: "C4" });
    expect(ot.topQuartileValue).toBe(0.0375);
    // group (3 + 7 + 8) / 3 = 6.0%; all (5+3+4+6+7+2+8+4.5) / 8 = 39.5 / 8 = 4.9375%
    expect(ot.msgAverage).toBeCloseTo(0.06, 12);
    expect(ot.msgCount).toBe(3);
    expect(ot.allAverage).toBeCloseTo(0.049375, 12);
    // gap 5.0% - 3.75% = 1.25 points
    expect(ot.gapToTopQuartile).toBe(0.0125);
    expect(ot.direction).toBe("lowerIsBetter");
    expect(ot.threshold).toMatchObject({ value: DEFAULT_POLICY.overtime.threshold });
  });

  test("overtime gap priced: (5.0% - 3.75%) x £40,000,000 = £500,000, an estimate with its formula", () => {
    expect(ot.gapSaving).toMatchObject({
      amount: 50_000_000,
      estimate: true,
      formula: "(force overtime ratio − top-quartile ratio) × paybill",
    });
    expect(ot.gapSaving?.terms.map((t) => t.value)).toEqual([0.05, 0.0375, 4_000_000_000]);
    expect(ot.gapSaving?.sources).toEqual([
      { sheet: "Peers", address: "C4" },
      { sheet: "Budget", address: "D12" },
    ]);
  });

  test("business support: 9.0% ranks 4 of 8, quartile 2; gap priced at 25 FTE x £30,000 = £750,000", () => {
    // sorted .064 .07 .08 .09 .10 .11 .12 .13: 25th h = 1.75 -> .07 + .75 x .01 = .0775;
    // median h = 3.5 -> .09 + .5 x .01 = .095, and .09 <= .095 -> quartile 2
    expect(bs).toMatchObject({
      value: 0.09,
      rank: 4,
      of: 8,
      quartile: 2,
      topQuartileValue: 0.0775,
    });
    // gap .09 - .0775 = .0125; x 2,000 FTE = 25 FTE; x £30,000 = £750,000
    expect(bs.gapToTopQuartile).toBe(0.0125);
    expect(bs.gapSaving).toMatchObject({ amount: 75_000_000, excessFte: 25 });
    // group (.064 + .10 + .12) / 3 = .094666...
    expect(bs.msgAverage).toBeCloseTo(0.284 / 3, 10);
  });

  test("the ski-slope chart: best to worst, the force marked, the 4% line", () => {
    expect(ot.chart.bars.map((b) => b.value)).toEqual([
      0.02, 0.03, 0.04, 0.045, 0.05, 0.06, 0.07, 0.08,
    ]);
    expect(ot.chart.forceIndex).toBe(4);
    expect(ot.chart.bars[4]).toMatchObject({ name: "Exampleshire Constabulary", isForce: true });
    expect(ot.chart.bars.filter((b) => b.inGroup).map((b) => b.name)).toEqual([
      "Avon and Somerset Constabulary",
      "Cheshire Constabulary",
      "Cumbria Constabulary",
    ]);
    expect(ot.chart.threshold).toMatchObject({ value: 0.04 });
    expect(bs.chart.threshold).toMatchObject({ value: 0.07 });
  });

  test("settings: include the force in its group average: (5 + 3 + 7 + 8) / 4 = 5.75%", () => {
    const b = analysePeers(peers, "Exampleshire Constabulary", {
      includeForceInGroupAverage: true,
    });
    expect(b.indicators[0].msgAverage).toBeCloseTo(0.0575, 12);
    expect(b.groupAverage.includesForce).toBe(true);
  });

  test("settings: weight the group average by population", () => {
    // (3 x 1.6m + 7 x 1.0m + 8 x 0.5m) / 3.1m = 15.8 / 3.1 = 5.0968%
    const b = analysePeers(peers, "Exampleshire Constabulary", { weightColumn: "Population" });
    expect(b.indicators[0].msgAverage).toBeCloseTo(0.158 / 3.1, 10);
    expect(b.groupAverage.weightedBy).toBe("Population");
  });

  test("settings: a group chosen by the user replaces the sheet's", () => {
    const b = analysePeers(peers, "Exampleshire Constabulary", {
      group: ["Cleveland Police", "Beds"],
    });
    expect(b.groupSource).toBe("settings");
    expect(b.group).toEqual(["Cleveland Police", "Bedfordshire Police"]);
    expect(b.indicators[0].msgAverage).toBeCloseTo(0.03, 12); // (2 + 4) / 2
  });

  test("settings: reversing a direction mirrors rank and quartile", () => {
    const b = analysePeers(peers, "Exampleshire Constabulary", {
      directions: { "Overtime % of paybill": "higherIsBetter" },
    });
    // 5.0% is beaten by 6, 7 and 8 -> rank 4; 4.75 <= 5.0 < 6.25 -> quartile 2; top edge 6.25%
    expect(b.indicators[0]).toMatchObject({
      direction: "higherIsBetter",
      directionSource: "setting",
      rank: 4,
      quartile: 2,
      topQuartileValue: 0.0625,
      gapToTopQuartile: 0.0125,
      gapSaving: null,
    });
  });

  test("a force already in the top quartile has no gap and a zero estimate", () => {
    const b = analysePeers(peers, "Cleveland Police", { gapInputs: { paybill: PAYBILL } });
    expect(b.indicators[0]).toMatchObject({ rank: 1, quartile: 1, gapToTopQuartile: 0 });
    expect(b.indicators[0].gapSaving?.amount).toBe(0);
  });

  test("the force may be named by a variant of its name", () => {
    const b = analysePeers(peers, "Cumbria");
    expect(b.force).toBe("Cumbria Constabulary");
    expect(b.indicators[0]).toMatchObject({ value: 0.08, rank: 8, quartile: 4 });
  });
});

describe("bad input: a finding each, and the rest goes on", () => {
  test("the force missing from the peers sheet", () => {
    const a = analysePeers(peersOf(EIGHT, EIGHT_FORMATS), "Kent Police");
    expect(at(a.findings, "PEERS_FORCE_NOT_FOUND")).toEqual(["Peers"]);
    expect(a.findings[0].severity).toBe("error");
    expect(a.indicators[0]).toMatchObject({ value: null, rank: null, quartile: null, of: 8 });
    expect(a.indicators[0].allAverage).toBeCloseTo(0.049375, 12);
    expect(a.indicators[0].chart.forceIndex).toBeNull();
  });

  test("no force name at all", () => {
    const a = analysePeers(peersOf(EIGHT, EIGHT_FORMATS), "  ");
    expect(codes(a.findings)).toContain("PEERS_FORCE_NAME_MISSING");
  });

  test("group members not in the sheet, not real forces, or more than seven", () => {
    const rows = EIGHT.map((r) => [...r]);
    rows[3][1] =
      "Kent; Exampleton Police; Avon & Somerset; Beds; Cambs; Cheshire; Cleveland; Cumbria; Derbyshire";
    const a = analysePeers(peersOf(rows, EIGHT_FORMATS), "Exampleshire Constabulary");
    expect(at(a.findings, "PEERS_GROUP_MEMBER_NOT_IN_SHEET")).toEqual(["Peers!B4", "Peers!B4"]);
    expect(
      a.findings.filter((f) => f.code === "PEERS_GROUP_MEMBER_NOT_IN_SHEET")[0].message
    ).toMatch(/Kent Police/);
    expect(at(a.findings, "PEERS_GROUP_MEMBER_UNKNOWN")).toEqual(["Peers!B4"]);
    expect(at(a.findings, "PEERS_GROUP_TOO_LARGE")).toEqual(["Peers!B4"]);
    // The seven members in the sheet still make the average: (3+4+6+7+2+8+4.5) / 7 = 34.5 / 7
    expect(a.indicators[0].msgAverage).toBeCloseTo(0.345 / 7, 10);
    expect(a.indicators[0].msgCount).toBe(7);
  });

  test("a chosen group with unknown names or more than seven", () => {
    const a = analysePeers(peersOf(EIGHT, EIGHT_FORMATS), "Exampleshire Constabulary", {
      group: [
        "Avon",
        "Beds",
        "Cambs",
        "Cheshire",
        "Cleveland",
        "Cumbria",
        "Derbyshire",
        "Notts",
        "Gotham",
      ],
    });
    expect(codes(a.findings)).toEqual(
      expect.arrayContaining(["PEERS_GROUP_MEMBER_UNKNOWN", "PEERS_GROUP_TOO_LARGE"])
    );
  });

  test("missing and non-numeric values are left out of that indicator only", () => {
    const rows = EIGHT.map((r) => [...r]);
    rows[5][2] = null; // Beds overtime blank
    rows[6][2] = "tbc"; // Cambs overtime text
    const a = analysePeers(peersOf(rows, EIGHT_FORMATS), "Exampleshire Constabulary");
    expect(at(a.findings, "PEERS_VALUE_MISSING")).toEqual(["Peers!C6"]);
    expect(at(a.findings, "PEERS_VALUE_NOT_NUMBER")).toEqual(["Peers!C7"]);
    // overtime over six forces: 2, 3, 4.5, 5, 7, 8 -> 5.0 is rank 4 of 6
    expect(a.indicators[0]).toMatchObject({ rank: 4, of: 6 });
    expect(a.indicators[1]).toMatchObject({ of: 8 });
  });

  test("an indicator where every force has the same value: all rank 1, no quartile", () => {
    const rows = EIGHT.map((r, i) => (i >= 3 ? [r[0], r[1], 4.0, r[3], r[4]] : [...r]));
    const a = analysePeers(peersOf(rows, EIGHT_FORMATS), "Exampleshire Constabulary");
    expect(at(a.findings, "PEERS_INDICATOR_NO_SPREAD")).toEqual(["Peers!C3"]);
    expect(a.indicators[0]).toMatchObject({ rank: 1, of: 8, quartile: null, gapToTopQuartile: 0 });
    expect(a.indicators[1].quartile).toBe(2);
  });

  test("fewer than four forces: quartiles are given but flagged as saying little", () => {
    const a = analysePeers(peersOf(EIGHT.slice(0, 6), EIGHT_FORMATS), "Exampleshire Constabulary");
    // three forces: 5.0, 3.0, 4.0 -> 25th: h = 0.5 -> 3 + 0.5 x 1 = 3.5%
    expect(at(a.findings, "PEERS_TOO_FEW_FORCES")).toEqual(["Peers!C3", "Peers!D3"]);
    expect(a.findings.find((f) => f.code === "PEERS_TOO_FEW_FORCES")?.message).toMatch(
      /fewer than four/
    );
    expect(a.indicators[0]).toMatchObject({ of: 3, rank: 3, quartile: 4, topQuartileValue: 0.035 });
  });

  test("City of London has no most similar group: compared with all forces only", () => {
    const rows: CellValue[][] = [
      ["Force", "Most similar forces", "Overtime %"],
      ["City of London Police", "None", 6.1],
      ["Metropolitan Police Service", "", 5.2],
      ["Kent Police", "Essex", 4.0],
      ["Essex Police", "Kent", 3.9],
    ];
    const a = analysePeers(peersOf(rows), "City of London Police");
    expect(a.group).toEqual([]);
    expect(a.groupSource).toBe("none");
    expect(a.indicators[0].msgAverage).toBeNull();
    expect(at(a.findings, "PEERS_NO_GROUP")).toEqual(["Peers!B2"]);
    expect(a.findings.find((f) => f.code === "PEERS_NO_GROUP")?.message).toMatch(/City of London/);
    expect(a.findings.find((f) => f.code === "PEERS_NO_GROUP")?.severity).toBe("info");
  });

  test("groups need not be mutual: Kent lists Essex, Essex lists only Surrey", () => {
    const rows: CellValue[][] = [
      ["Force", "MSG", "Overtime %"],
      ["Kent Police", "Essex", 4.0],
      ["Essex Police", "Surrey", 3.0],
      ["Surrey Police", "", 5.0],
      ["Sussex Police", "", 6.0],
    ];
    expect(analysePeers(peersOf(rows), "Kent").indicators[0].msgAverage).toBeCloseTo(0.03, 12);
    expect(analysePeers(peersOf(rows), "Essex").indicators[0].msgAverage).toBeCloseTo(0.05, 12);
  });

  test("the workbook's own force need not be one of the 43, even when detection did not know it", () => {
    const p = detectPeers({ sheets: [sheet(EIGHT, EIGHT_FORMATS)] })!;
    expect(at(p.findings, "PEERS_UNKNOWN_FORCE")).toEqual(["Peers!A4"]);
    const a = analysePeers(p, "Exampleshire Constabulary");
    expect(codes(a.findings)).not.toContain("PEERS_UNKNOWN_FORCE");
    expect(a.indicators[0].rank).toBe(5);
  });

  test("a user's own indicator: direction guessed from its words, or assumed and flagged", () => {
    const rows: CellValue[][] = [
      ["Force", "Sickness days lost per officer", "Crime detection rate %", "Widgets"],
      ["Kent Police", 9.1, 28, 3],
      ["Essex Police", 8.2, 31, 4],
      ["Surrey Police", 7.5, 26, 5],
      ["Sussex Police", 10.3, 30, 6],
    ];
    const a = analysePeers(peersOf(rows), "Kent Police");
    expect(a.indicators.map((i) => [i.name, i.direction, i.directionSource])).toEqual([
      ["Sickness days lost per officer", "lowerIsBetter", "guessed"],
      ["Crime detection rate %", "higherIsBetter", "guessed"],
      ["Widgets", "lowerIsBetter", "assumed"],
    ]);
    expect(at(a.findings, "PEERS_DIRECTION_ASSUMED")).toEqual(["Peers!D1"]);
    expect(at(a.findings, "PEERS_DIRECTION_GUESSED")).toEqual(["Peers!B1", "Peers!C1"]);
    const set = analysePeers(peersOf(rows), "Kent Police", {
      directions: { Widgets: "higherIsBetter" },
    });
    expect(set.indicators[2]).toMatchObject({ direction: "higherIsBetter", rank: 4 });
    expect(codes(set.findings)).not.toContain("PEERS_DIRECTION_ASSUMED");
  });

  test("gap not priced without the analysis's figures; peers figure checked against the force's own", () => {
    const a = analysePeers(peersOf(EIGHT, EIGHT_FORMATS), "Exampleshire Constabulary", {
      gapInputs: {
        overtimeRatio: { value: 0.052, sources: [{ sheet: "Budget", address: "E30" }] },
      },
    });
    expect(a.indicators[0].gapSaving).toBeNull();
    expect(at(a.findings, "PEERS_GAP_NOT_PRICED")).toEqual(["Peers!C3", "Peers!D3"]);
    expect(at(a.findings, "PEERS_VALUE_DIFFERS_FROM_ANALYSIS")).toEqual(["Peers!C4"]);
    // The force's own figure travels with the indicator, for the statement to show beside it.
    expect(a.indicators[0].ownFigure).toEqual({
      value: 0.052,
      sources: [{ sheet: "Budget", address: "E30" }],
    });
    expect(a.indicators[1].ownFigure).toBeUndefined();
  });

  test("a weight column that does not exist falls back to a simple mean", () => {
    const a = analysePeers(peersOf(EIGHT, EIGHT_FORMATS), "Exampleshire Constabulary", {
      weightColumn: "Households",
    });
    expect(codes(a.findings)).toContain("PEERS_WEIGHT_COLUMN_NOT_FOUND");
    expect(a.indicators[0].msgAverage).toBeCloseTo(0.06, 12);
  });
});

describe("properties", () => {
  /** A sheet of n real forces with one indicator ("Cost per officer", lower is better). */
  const table = (values: number[]): CellValue[][] => [
    ["Force", "Most similar forces", "Cost per officer"],
    ...values.map((v, i) => [FORCES[i].name, i === 0 ? "Kent; Essex; Surrey" : "", v]),
  ];
  const values = fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 2, maxLength: 43 });
  const analyse = (rows: CellValue[][], settings: PeersSettings = {}) =>
    analysePeers(peersOf(rows), FORCES[0].name, settings);
  const ranksByForce = (a: ReturnType<typeof analyse>) =>
    new Map(a.indicators[0].chart.bars.map((b) => [b.name, b.rank]));

  test("permuting the rows changes nothing", () => {
    fc.assert(
      fc.property(values, fc.infiniteStream(fc.nat()), (ints, rnd) => {
        const rows = table(ints.map((i) => i / 10));
        const body = rows.slice(1);
        const shuffled = [...body];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const a = analyse(rows).indicators[0];
        const b = analyse([rows[0], ...shuffled]).indicators[0];
        const pick = (x: typeof a) => ({
          value: x.value,
          rank: x.rank,
          of: x.of,
          quartile: x.quartile,
          percentiles: x.percentiles,
          gap: x.gapToTopQuartile,
          bars: x.chart.bars.map((bar) => [bar.name, bar.value, bar.rank]),
        });
        expect(pick(b)).toEqual(pick(a));
        expect(b.allAverage!).toBeCloseTo(a.allAverage!, 9);
        if (a.msgAverage === null) expect(b.msgAverage).toBeNull();
        else expect(b.msgAverage!).toBeCloseTo(a.msgAverage, 9);
      }),
      { numRuns: 60 }
    );
  });

  test("scaling an indicator leaves every force's rank unchanged", () => {
    fc.assert(
      fc.property(values, fc.constantFrom(0.001, 0.5, 3, 7.3, 100, 1e6), (ints, k) => {
        const a = analyse(table(ints.map((i) => i / 10)));
        const b = analyse(table(ints.map((i) => (i / 10) * k)));
        expect(ranksByForce(b)).toEqual(ranksByForce(a));
        expect(b.indicators[0].rank).toBe(a.indicators[0].rank);
      }),
      { numRuns: 60 }
    );
  });

  test("scaling by a power of two (exact in binary) also keeps every quartile", () => {
    fc.assert(
      fc.property(values, fc.constantFrom(0.25, 2, 1024), (ints, k) => {
        const a = analyse(table(ints.map((i) => i / 10))).indicators[0];
        const b = analyse(table(ints.map((i) => (i / 10) * k))).indicators[0];
        expect(b.quartile).toBe(a.quartile);
        expect(b.topQuartileValue).toBeCloseTo(a.topQuartileValue! * k, 6);
      }),
      { numRuns: 40 }
    );
  });

  test("reversing the direction reverses the ranks (rank low + rank high = n + 2 - forces tied)", () => {
    fc.assert(
      fc.property(values, (ints) => {
        const rows = table(ints.map((i) => i / 10));
        const low = analyse(rows, { directions: { "Cost per officer": "lowerIsBetter" } });
        const high = analyse(rows, { directions: { "Cost per officer": "higherIsBetter" } });
        const lo = low.indicators[0].chart.bars;
        const hi = ranksByForce(high);
        const n = lo.length;
        for (const bar of lo) {
          const tied = lo.filter((b) => b.value === bar.value).length;
          expect(bar.rank + hi.get(bar.name)!).toBe(n + 2 - tied);
        }
        // With no ties, it is exactly the reverse order.
        if (new Set(ints).size === ints.length)
          expect(high.indicators[0].chart.bars.map((b) => b.name)).toEqual(
            lo.map((b) => b.name).reverse()
          );
      }),
      { numRuns: 60 }
    );
  });
});

describe("the sample", () => {
  test("Exampleshire is above 4% overtime and 7% support, and is benchmarked without an error", () => {
    const p = detectPeers(
      { sheets: [exampleshirePeersSheet()] },
      { forceName: "Exampleshire Constabulary" }
    )!;
    const a = analysePeers(p, "Exampleshire Constabulary");
    expect(a.illustrative).toBe(true);
    expect(a.group).toHaveLength(7);
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const ot = a.indicators.find((i) => i.key === "overtimePctPaybill")!;
    const bs = a.indicators.find((i) => i.key === "businessSupportPctWorkforce")!;
    expect(ot.value).toBeGreaterThan(0.04);
    expect(bs.value).toBeGreaterThan(0.07);
    expect(ot.of).toBe(44);
    expect(a.indicators).toHaveLength(5);
  });
});
