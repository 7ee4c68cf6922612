/**
 * The bundled Exampleshire sample through detection and analysis: the figures its notes promise,
 * and the same results from the template and the free-form layouts (only the cells differ).
 */
import { analyse } from "../../../src/core/analysis/analyse";
import { analysisToJson } from "../../../src/core/analysis/json";
import { detectForceData } from "../../../src/core/detect/detect";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { exampleshireFreeForm, exampleshireTemplate } from "../../../src/core/sample/exampleshire";

const template = analyse(detectForceData(exampleshireTemplate()), DEFAULT_POLICY);
const freeForm = analyse(detectForceData(exampleshireFreeForm()), DEFAULT_POLICY);

/** The JSON without where things came from (cells, unit, category as written) or findings. */
function figuresOnly(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(figuresOnly);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      if (!["cells", "cell", "forceCell", "source", "unit", "findings", "categoryText"].includes(k))
        out[k] = figuresOnly(x);
    return out;
  }
  return v;
}

describe("the Exampleshire sample", () => {
  it("gives identical figures from the template and the free-form layouts", () => {
    expect(figuresOnly(analysisToJson(freeForm))).toEqual(figuresOnly(analysisToJson(template)));
  });

  it("is above 4% overtime in the baseline, misses the 5% cut twice and reaches 4% by 2013/14", () => {
    const ot = template.overtime;
    // 2008/09: 5,600 / 101,800 (£000) = 5.50%
    expect(ot.byYear[0].ratio?.value).toBeCloseTo(5600 / 101800, 12);
    // 2009/10 maximum 95% x 5,600 = 5,320 < 5,480; 2011/12 maximum 95% x 5,150 = 4,892.5 < 4,950
    expect(ot.yearsMissed).toEqual([2009, 2011]);
    expect(ot.requiredByYear[0].maximum.value).toBe(5_320_000_00);
    expect(ot.requiredByYear[2].maximum.value).toBe(4_892_500_00);
    // 2013/14: 4,250 / 106,750 = 3.98%
    expect(ot.yearThresholdReached).toBe(2013);
    // 5,600,000 x 70/413 = 949,152.54...
    expect(ot.nationalShare?.value).toBe(94_915_254);
    expect(ot.rag.rag).toBe("red");
  });

  it("is above 7% business support, still 7.8% in 2013/14", () => {
    const bs = template.businessSupport;
    const at = (y: number) => bs.byYear.find((b) => b.year === y)!;
    // 338 / 3,704 = 9.1% at 31 March 2010; 280.5 / 3,612.5 = 7.8% in 2013/14
    expect(at(2009).ratio?.value).toBeCloseTo(338 / 3704, 12);
    expect(at(2013).ratio?.value).toBeCloseTo(280.5 / 3612.5, 12);
    // excess: 280.5 - 7% x 3,612.5 = 280.5 - 252.875 = 27.625 FTE
    expect(bs.excessFte?.value).toBeCloseTo(27.625, 10);
    // at the Settings sheet's £32,500: 27.625 x 32,500 = £897,812.50
    expect(bs.averageCost?.method).toBe("input");
    expect(bs.cashableSaving?.value).toBe(89_781_250);
    expect(bs.rag.rag).toBe("red");
  });

  it("reconciles procurement and savings totals to their lines", () => {
    const pr = template.procurement;
    expect(pr.addressableSpend.value + pr.otherSpend.value).toBe(pr.totalSpend.value);
    expect(pr.byCategory.reduce((s, c) => s + c.spend.value, 0)).toBe(pr.addressableSpend.value);
    const sv = template.savings;
    expect(sv.byArea.reduce((s, a) => s + a.cashable.planned.value, 0)).toBe(
      sv.total.cashable.planned.value
    );
    expect(sv.total.cashable.planned.value).toBe(19_280_000_00);
  });
});
