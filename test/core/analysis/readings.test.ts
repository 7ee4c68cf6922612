/**
 * The readings the White Paper leaves open, as settings, and the verdict each gives on the
 * Exampleshire sample (template layout, amounts in pounds):
 *
 *   Budget 2008/09 (column B): officer pay 96,200,000, officer overtime 5,600,000 (row 7),
 *   staff pay 41,800,000, staff overtime 1,150,500, PCSO pay 6,700,000, PCSO overtime 120,000.
 *   Officer overtime: 5,600,000 / 5,480,000 / 5,150,000 / 4,950,000 / 4,600,000 / 4,250,000
 *   from 2008/09 to 2013/14 (columns B to G).
 *   Workforce 2013/14: business support 280.5 FTE of 3,612.5; a support FTE costs £32,500.
 */
import { analyse } from "../../../src/core/analysis/analyse";
import { analysisToJson } from "../../../src/core/analysis/json";
import { analysisSummary } from "../../../src/cli/analysisSummary";
import { fewestPostsUnder, mostSupportUnder } from "../../../src/core/analysis/businessSupport";
import { detectForceData } from "../../../src/core/detect/detect";
import { DEFAULT_POLICY, applyOverrides, findPolicySetting } from "../../../src/core/policy";
import { WorkbookGrid } from "../../../src/core/grid";
import { runVfm } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { rulesFor } from "../../../src/core/check/rules";
import { exampleshireTemplate } from "../../../src/core/sample/exampleshire";
import { setCell } from "../check/planted";
import { ofRule, places } from "../check/helpers";

const policy = (o: Record<string, string>) => applyOverrides(DEFAULT_POLICY, o).policy;
const analysed = (o: Record<string, string> = {}, wb: WorkbookGrid = exampleshireTemplate()) =>
  analyse(detectForceData(wb), policy(o));

const sample = analysed();
const reading = (key: string) => sample.readings.find((r) => r.key === key)!;
const option = (key: string, value: string) => reading(key).options.find((o) => o.value === value)!;

describe("the readings as settings", () => {
  it("each names the White Paper's words it reads, with the paragraph", () => {
    for (const key of [
      "overtime.basis",
      "overtime.atOrBelow",
      "overtime.cutFrom",
      "businessSupport.excessMeasure",
      "procurement.planMovesFor",
    ]) {
      const d = findPolicySetting(key)!;
      expect(d.whitePaperWords).toMatch(/^5\.\d+(\(b\))?: .*".+"/);
      expect(d.paragraph).toMatch(/^add-in setting/);
    }
    expect(findPolicySetting("overtime.atOrBelow")!.whitePaperWords).toContain(
      "continue to make further reductions"
    );
    expect(sample.readings.map((r) => r.key)).toEqual([
      "overtime.basis",
      "overtime.atOrBelow",
      "overtime.cutFrom",
      "businessSupport.excessMeasure",
      "procurement.planMovesFor",
    ]);
  });

  it("keeps today's readings as the defaults, and marks the one in use", () => {
    expect(DEFAULT_POLICY.overtime).toMatchObject({
      basis: "officers",
      atOrBelow: "noRise",
      cutFrom: "previousYear",
    });
    expect(DEFAULT_POLICY.businessSupport.excessMeasure).toBe("fixedWorkforce");
    expect(DEFAULT_POLICY.procurement.planMovesFor).toBe("everyContract");
    expect(option("overtime.basis", "officers").inUse).toBe(true);
    expect(option("overtime.basis", "wholeWorkforce").inUse).toBe(false);
  });
});

describe("(c) the paybill 4% is measured against", () => {
  it("officer paybill: 5,600,000 / (96,200,000 + 5,600,000) = 5.50% in 2008/09, off track", () => {
    expect(sample.overtime.byYear[0].ratio!.value).toBeCloseTo(5_600_000 / 101_800_000, 12);
    expect(option("overtime.basis", "officers").verdict).toBe(
      "5.50% in 2008/09 and 3.98% in 2013/14; two years above the required maximum (2009/10 and 2011/12); off track"
    );
  });

  it("whole paybill with officer overtime: 5,600,000 / 151,570,500 = 3.69%, on track", () => {
    // 96,200,000 + 41,800,000 + 6,700,000 pay + 5,600,000 + 1,150,500 + 120,000 overtime
    // = 151,570,500 (the sheet's "Total pay"); 5,600,000 / 151,570,500 = 3.6946%.
    const a = analysed({ "overtime.basis": "officerOvertimeWholePaybill" });
    const y = a.overtime.byYear[0];
    expect(y.overtime.value).toBe(5_600_000_00);
    expect(y.paybill.value).toBe(151_570_500_00);
    expect(y.ratio!.value).toBeCloseTo(5_600_000 / 151_570_500, 12);
    expect(y.status).toBe("atOrBelow");
    expect(a.overtime.rag.words).toBe("on track");
    expect(option("overtime.basis", "officerOvertimeWholePaybill").verdict).toBe(
      "3.69% in 2008/09 and 2.71% in 2013/14; every year within its required maximum; on track"
    );
    expect(reading("overtime.basis").turnsOnIt).toBe(true);
  });

  it("all overtime against the whole paybill: 6,870,500 / 151,570,500 = 4.53%", () => {
    const a = analysed({ "overtime.basis": "wholeWorkforce" });
    expect(a.overtime.byYear[0].ratio!.value).toBeCloseTo(6_870_500 / 151_570_500, 12);
  });
});

describe("(b) the 5% a year cut, year on year or compounded from 2008/09", () => {
  it("year on year misses two years; compounded from the baseline misses four", () => {
    // Compounded: 5,600,000 x 0.95^n: 5,320,000 (2009/10, 5,480,000 misses), 5,054,000 (2010/11,
    // 5,150,000 misses), 4,801,300 (2011/12, 4,950,000 misses), 4,561,235 (2012/13, 4,600,000
    // misses), 4,333,173.25 (2013/14, 4,250,000 is within it).
    const a = analysed({ "overtime.cutFrom": "baseline" });
    expect(a.overtime.yearsMissed).toEqual([2009, 2010, 2011, 2012]);
    expect(a.overtime.requiredByYear.map((r) => r.maximum.value)).toEqual([
      5_320_000_00, 5_054_000_00, 4_801_300_00, 4_561_235_00, 4_333_173_25,
    ]);
    expect(a.overtime.requiredByYear[4].compounded).toEqual({ fromYear: 2008, years: 5 });
    expect(sample.overtime.yearsMissed).toEqual([2009, 2011]);
    expect(option("overtime.cutFrom", "baseline").verdict).toContain(
      "four years above the required maximum (2009/10, 2010/11, 2011/12 and 2012/13)"
    );
  });

  it("the check names each compounded miss at its overtime cell and says how the bar was set", () => {
    const r = checkWorkbook(
      runVfm(exampleshireTemplate(), { policy: policy({ "overtime.cutFrom": "baseline" }) })
    );
    expect(places(r, "OVERTIME_ANNUAL_CUT")).toEqual([
      "Budget!C7",
      "Budget!D7",
      "Budget!E7",
      "Budget!F7",
    ]);
    expect(ofRule(r, "OVERTIME_ANNUAL_CUT")[1].message).toContain(
      "more than £5,054,000, which is 2008/09's overtime cut by 5% a year for two years"
    );
    const rule = rulesFor(policy({ "overtime.cutFrom": "baseline" })).find(
      (x) => x.code === "OVERTIME_ANNUAL_CUT"
    )!;
    expect(rule.explanation).toContain("compounded");
  });
});

describe("(a) at or below 4%: no rise, or 'continue to make further reductions'", () => {
  // On the whole paybill the sample is at or below 4% from 2008/09; 2011/12's overtime planted
  // level with 2010/11's (5,150,000 at Budget!E7).
  const flat = setCell(exampleshireTemplate(), "Budget", "E7", 5_150_000);
  const whole = { "overtime.basis": "officerOvertimeWholePaybill" };

  it("a level year passes as no rise and misses as a fall", () => {
    const noRise = analysed(whole, flat);
    expect(noRise.overtime.yearsMissed).toEqual([]);
    const fall = analysed({ ...whole, "overtime.atOrBelow": "fall" }, flat);
    expect(fall.overtime.yearsMissed).toEqual([2011]);
    expect(fall.overtime.requiredByYear[2]).toMatchObject({ rule: "fall", met: false });
    const r = checkWorkbook(
      runVfm(flat, { policy: policy({ ...whole, "overtime.atOrBelow": "fall" }) })
    );
    expect(places(r, "OVERTIME_NO_RISE")).toEqual(["Budget!E7"]);
    expect(ofRule(r, "OVERTIME_NO_RISE")[0].message).toContain(
      "continue to make further reductions"
    );
  });

  it("gives the same verdict on the sample as it is (no year at or below 4% is followed by another)", () => {
    expect(reading("overtime.atOrBelow").turnsOnIt).toBe(false);
  });
});

describe("(d) removing the excess support posts shrinks the workforce", () => {
  it("27.7 FTE at a fixed workforce, 29.8 FTE when the posts leave it", () => {
    // Fixed: 7% of 3,612.5 = 252.875, the most under it 252.8; 280.5 - 252.8 = 27.7.
    expect(mostSupportUnder(0.07, 3612.5)).toBe(252.8);
    // Posts leave: (280.5 - x) < 0.07 x (3,612.5 - x) needs x > 27.625 / 0.93 = 29.704...;
    // x = 29.7 gives 250.8 against 250.796 (not under), so 29.8.
    expect(fewestPostsUnder(0.07, 280.5, 3612.5)).toBe(29.8);
    const posts = analysed({ "businessSupport.excessMeasure": "postsLeave" });
    expect(sample.businessSupport.excessFte!.value).toBe(27.7);
    expect(posts.businessSupport.excessFte!.value).toBe(29.8);
    // 29.8 x £32,500 = £968,500; 27.7 x £32,500 = £900,250.
    expect(posts.businessSupport.cashableSaving!.value).toBe(968_500_00);
    expect(option("businessSupport.excessMeasure", "postsLeave").verdict).toBe(
      "29.8 FTE to remove in 2013/14 to get below 7%, £968,500 a year at £32,500 per FTE; off track"
    );
    expect(option("businessSupport.excessMeasure", "fixedWorkforce").verdict).toContain("27.7 FTE");
  });

  it("needs no posts where the share is already under the threshold", () => {
    expect(fewestPostsUnder(0.07, 250, 3612.5)).toBe(0);
  });
});

describe("(e) contracts whose national approach arrives later, with no planned move", () => {
  it("every contract: 13 lines need a move; approach in place by 31 March 2011: two", () => {
    // The plan's year is 2010/11 (the first year the budget heads Budget, not Actual). A line
    // that needs a move and has none breaks MIGRATION_DATE_PLANNED, an error: off track.
    expect(option("procurement.planMovesFor", "everyContract").verdict).toBe(
      "13 lines not yet on a national approach need a planned move now and have none; off track"
    );
    expect(option("procurement.planMovesFor", "approachInPlace").verdict).toBe(
      "two lines not yet on a national approach need a planned move now and have none; 11 more, whose approach arrives after 31 March 2011, to plan later; off track"
    );
  });

  it("the check asks a date only of the contracts due under the setting", () => {
    const all = checkWorkbook(runVfm(exampleshireTemplate()));
    expect(ofRule(all, "MIGRATION_DATE_PLANNED")).toHaveLength(13);
    const p = policy({ "procurement.planMovesFor": "approachInPlace" });
    const due = checkWorkbook(runVfm(exampleshireTemplate(), { policy: p }));
    expect(ofRule(due, "MIGRATION_DATE_PLANNED")).toHaveLength(2);
    const a = analysed({ "procurement.planMovesFor": "approachInPlace" });
    expect(a.findings.find((f) => f.code === "MIGRATION_NOT_YET_DUE")?.message).toContain(
      "There are 11 lines not yet on a national approach with no planned move"
    );
  });
});

describe("the readings in vfm analyse", () => {
  it("are in the JSON, each option with its verdict, status and cells", () => {
    const json = analysisToJson(sample) as unknown as {
      readings: {
        key: string;
        turnsOnIt: boolean;
        options: {
          value: string;
          inUse: boolean;
          verdict: string;
          rag: { words: string };
          cells: string[];
        }[];
      }[];
    };
    const basis = json.readings.find((r) => r.key === "overtime.basis")!;
    expect(basis.turnsOnIt).toBe(true);
    const whole = basis.options.find((o) => o.value === "officerOvertimeWholePaybill")!;
    expect(whole).toMatchObject({ inUse: false, rag: { words: "on track" } });
    expect(whole.cells.some((c) => c.startsWith("Budget!"))).toBe(true);
  });

  it("that change a verdict are listed in the readable summary, the one in use starred", () => {
    const text = analysisSummary(sample);
    expect(text).toContain(
      "Readings the White Paper leaves open that change a verdict here (settings)"
    );
    expect(text).toContain(
      "  * Police officers only: 5.50% in 2008/09 and 3.98% in 2013/14; two years above the required maximum (2009/10 and 2011/12); off track"
    );
    expect(text).toContain(
      "    With the posts leaving the workforce: 29.8 FTE to remove in 2013/14 to get below 7%, £968,500 a year at £32,500 per FTE; off track"
    );
    // the same verdict either way on the sample: not listed
    expect(text).not.toContain("At or below the threshold, overtime must");
  });
});
