/**
 * City of London in the comparison with the 43 (HMIC's data shipped with the add-in). HMIC's 2010
 * files count its population as 316,500 (2009/10); the 2012 file as its 11,677 residents
 * (Populations!B6), so its 2012/13 figures per head and per 1,000 are many times any other
 * force's. The profiles reader raises PROFILE_POPULATION_JUMPS; the comparison shows and ranks
 * those figures but says so where they are shown, and leaves them out of the quartile edges
 * and the averages, saying which forces those are of.
 *
 * Worked, 2012/13 net revenue expenditure per head (CIPFA POA 2012/13 estimates):
 *   City of London: (64,764 + 25,658) × 1,000 / 11,677 = £7,743.60; the next highest is the
 *   Metropolitan Police, £422.59.
 *   The other 42 sorted ascending, 0-based: [10] £176.2579, [11] £176.7823, [30] £204.4466,
 *   [31] £208.0940. PERCENTILE.INC over 42 puts p25 at 0.25 × 41 = 10.25 and p75 at 30.75:
 *     p25 = 176.2579 + 0.25 × (176.7823 − 176.2579) = £176.39
 *     p75 = 204.4466 + 0.75 × (208.0940 − 204.4466) = £207.18
 *   With City of London (43 figures) p75 would be at 31.5: (208.0940 + 212.2154) / 2 = £210.15.
 *   The all-forces average of the 42: 8,270.47 / 42 = £196.92; with City of London it would be
 *   (8,270.47 + 7,743.60) / 43 = £372.42.
 */
import { runVfm } from "../../../src/core/run";
import { draftStatement } from "../../../src/core/run";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import {
  indicatorSpread,
  loadNationalTable,
  nationalTableToJson,
  populationShifts,
} from "../../../src/core/profiles";
import { NationalTable } from "../../../src/core/profiles/types";
import { percentileInc } from "../../../src/core/analysis/peersStats";
import { peersToJson } from "../../../src/core/analysis/peersJson";

let national: NationalTable;
beforeAll(async () => {
  national = await loadNationalTable();
});

/** A workbook of one force with its 2012/13 (or other) officer pay and overtime, £000. */
function budget(force: string, year: string, pay = 100_000, overtime = 3_000) {
  return workbookOf(
    sheetFromRows("Settings", [["Force name", force]]),
    sheetFromRows("Budget", [
      [`${force} revenue budget, £000`],
      ["", year],
      ["Police officer pay", pay],
      ["Police officer overtime", overtime],
    ])
  );
}

const per = (r: ReturnType<typeof runVfm>, key: string) =>
  r.peers!.indicators.find((i) => i.known === key)!;

/** The 2012/13 figures of the 42 forces other than City of London, sorted ascending. */
function others2012(key: "nrePerHead" | "officersPer1000"): number[] {
  return national.records
    .filter((r) => r.year === 2012 && r.forceId !== "city-of-london" && r.indicators[key])
    .map((r) => r.indicators[key]!.value)
    .sort((a, b) => a - b);
}

test("the profiles reader's flag: City of London's population moves from 316,500 to 11,677, and only 2012/13 is off footing", () => {
  const shifts = populationShifts(national.records);
  expect(shifts.map((s) => [s.force, s.low.population.value, s.high.population.value])).toEqual([
    ["City of London Police", 11_677, 316_500],
  ]);
  // 11,677 × 2 = 23,354 < 316,500: 2012/13 is off footing; the 2008/09 and 2009/10 records' 316,500 is not.
  expect(shifts[0].offFooting).toEqual([2012]);
  expect(shifts[0].low.population.address).toBe("B6");
});

test("2012/13 spending per head: City of London ranked 43rd and flagged, the quartiles and average of the other 42", () => {
  const r = runVfm(budget("Cleveland Police", "2012/13"), { national });
  const i = per(r, "nrePerHead");
  expect(r.peers!.national!.lines.find((l) => l.key === "nrePerHead")?.year).toBe(2012);
  const col = i.chart.bars.find((b) => b.name === "City of London Police")!;
  // (64,764 + 25,658) × 1,000 / 11,677 = 7,743.60
  expect(col.value).toBeCloseTo(((64_764 + 25_658) * 1000) / 11_677, 6);
  expect([col.rank, col.notComparable]).toEqual([43, true]);
  expect(i.chart.bars.filter((b) => b.notComparable)).toHaveLength(1);
  expect(i.of).toBe(43);
  expect(i.leftOut).toEqual([
    { name: "City of London Police", value: col.value, why: expect.any(String), isForce: false },
  ]);
  const s = others2012("nrePerHead");
  expect(s).toHaveLength(42);
  expect(i.percentiles!.p25).toBeCloseTo(s[10] + 0.25 * (s[11] - s[10]), 9);
  expect(i.percentiles!.p75).toBeCloseTo(s[30] + 0.75 * (s[31] - s[30]), 9);
  expect(i.percentiles!.p25).toBeCloseTo(176.39, 2);
  expect(i.percentiles!.p75).toBeCloseTo(207.18, 2);
  // With City of London counted in, the edge would be 210.15: it moves the quartiles.
  expect(percentileInc([...s, col.value], 0.75)).toBeCloseTo(210.15, 2);
  // Lower is better: the top-quartile edge is p25.
  expect(i.topQuartileValue).toBe(i.percentiles!.p25);
  const sum = s.reduce((a, b) => a + b, 0);
  expect(i.allAverage).toBeCloseTo(sum / 42, 9);
  expect(i.allAverage).toBeCloseTo(196.92, 2);
  expect((sum + col.value) / 43).toBeCloseTo(372.42, 2);
  const words = r.peers!.national!.lines.find((l) => l.key === "nrePerHead")!.words;
  // vfm analyse --json says it too.
  const json = peersToJson(r.peers!).indicators as { key: string; leftOutOfQuartiles?: unknown }[];
  expect(json.find((x) => x.key === "nrePerHead")?.leftOutOfQuartiles).toEqual([
    {
      force: "City of London Police",
      value: Math.round(col.value * 1e10) / 1e10,
      why: i.leftOut![0].why,
    },
  ]);
  expect(json.find((x) => x.key === "overtimePctPaybill")).not.toHaveProperty("leftOutOfQuartiles");
  // The statement's ranked chart labels the column where it is shown.
  const st = draftStatement(r, { generatedAt: "2013-06-01T09:00:00Z" });
  const chart = st.sections
    .flatMap((x) => [...x.blocks])
    .find((b) => b.kind === "chart" && b.id === "chart-peers-nreperhead");
  expect(JSON.stringify(chart)).toContain(
    "City of London Police (£7,743.60, off the scale) (not comparable)"
  );
  expect(words).toContain(
    "City of London Police's figure (£7,743.60) is not on the same footing as the other forces': its population in HMIC's data is 11,677 for 2012/13, against 316,500 for 2009/10. It is ranked, but the quartiles and averages are of the other 42 forces."
  );
});

test("2012/13 officers per 1,000: City of London first on 75.84 and flagged; Cleveland's quartile is against the other 42", () => {
  const r = runVfm(budget("Cleveland Police", "2012/13"), { national });
  const i = per(r, "officersPer1000");
  // 885.6 × 1,000 / 11,677 = 75.84 (higher is better, so City of London ranks first).
  expect(i.chart.bars[0]).toMatchObject({
    name: "City of London Police",
    rank: 1,
    notComparable: true,
  });
  expect(i.chart.bars[0].value).toBeCloseTo((885.6 * 1000) / 11_677, 6);
  const s = others2012("officersPer1000");
  // Higher is better: the top-quartile edge is p75 of the 42, at 30.75.
  expect(i.topQuartileValue).toBeCloseTo(s[30] + 0.75 * (s[31] - s[30]), 9);
  expect(i.quartile).not.toBeNull();
  expect(r.peers!.national!.lines.find((l) => l.key === "officersPer1000")!.words).toContain(
    "City of London Police's figure (75.84) is not on the same footing"
  );
  // The overtime ratio is not per head: all 43 in its quartiles, nothing said.
  const ot = per(r, "overtimePctPaybill");
  expect(ot.leftOut).toBeUndefined();
  expect(r.peers!.national!.lines.find((l) => l.key === "overtimePctPaybill")!.words).not.toMatch(
    /footing/
  );
});

test("City of London's own statement: its 2012/13 spending per head is ranked 43rd of 43 with no quartile, and says why", () => {
  const r = runVfm(budget("City of London Police", "2012/13"), { national });
  const i = per(r, "nrePerHead");
  expect([i.rank, i.of, i.quartile, i.gapToTopQuartile]).toEqual([43, 43, null, null]);
  expect(i.leftOut?.[0].isForce).toBe(true);
  const st = draftStatement(r, { generatedAt: "2013-06-01T09:00:00Z" });
  const text = JSON.stringify(st.sections.flatMap((s) => [...s.blocks]));
  expect(text).toContain(
    "The force's figure (£7,743.60) is not on the same footing as the other forces': its population in HMIC's data is 11,677 for 2012/13, against 316,500 for 2009/10. It is ranked, but has no quartile, and the quartiles and averages are of the other 42 forces."
  );
});

test("2009/10, on HMIC's 316,500: City of London's £266.06 per head (41st) is in the quartiles, and nothing is said", () => {
  const r = runVfm(budget("Cleveland Police", "2009/10"), { national });
  const i = per(r, "nrePerHead");
  expect(r.peers!.national!.lines.find((l) => l.key === "nrePerHead")?.year).toBe(2009);
  const col = i.chart.bars.find((b) => b.name === "City of London Police")!;
  // 84,208 × 1,000 / 316,500 = 266.06
  expect(col.value).toBeCloseTo((84_208 * 1000) / 316_500, 6);
  expect([col.rank, col.notComparable]).toEqual([41, undefined]);
  expect(i.leftOut).toBeUndefined();
  const all = i.chart.bars.map((b) => b.value);
  expect(i.percentiles!.p25).toBeCloseTo(percentileInc(all, 0.25), 12);
  expect(r.peers!.national!.lines.map((l) => l.words).join(" ")).not.toMatch(/footing/);
});

test("vfm profiles' spread counts all 43, as Excel would, and says City of London's 2012/13 figure is in it", () => {
  const s = indicatorSpread(national, 2012, "nrePerHead")!;
  expect([s.count, s.max]).toEqual([43, s.offFooting[0].value]);
  expect(s.offFooting.map((o) => [o.force, Math.round(o.value * 100) / 100])).toEqual([
    ["City of London Police", 7743.6],
  ]);
  expect(indicatorSpread(national, 2009, "nrePerHead")!.offFooting).toEqual([]);
  expect(indicatorSpread(national, 2012, "overtimeRatio")!.offFooting).toEqual([]);
  const row = nationalTableToJson(national).summary.find(
    (x) => x.year === "2012/13" && x.indicator === "officersPer1000"
  );
  expect(row?.notOnSameFooting?.map((o) => o.force)).toEqual(["City of London Police"]);
});
