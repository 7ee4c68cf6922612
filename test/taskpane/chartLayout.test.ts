import { ChartBlock, DisplayFigure } from "../../src/core/statement/model";
import { percentFigure } from "../../src/core/statement/format";
import { chartLayout, shorten } from "../../src/taskpane/model/chartLayout";

const p = (v: number): DisplayFigure => percentFigure(v, [{ sheet: "Budget", address: "C7" }]);

const overtime: ChartBlock = {
  kind: "chart",
  id: "chart-overtime",
  chartType: "column",
  title: "Overtime as % of paybill against the 4% threshold",
  categoryTitle: "Year",
  categories: ["2008/09", "2009/10", "2010/11"],
  series: [
    { name: "Overtime as % of paybill", points: [p(0.05), p(0.045), null], role: "data" },
    { name: "4% threshold", points: [p(0.04), p(0.04), p(0.04)], role: "threshold" },
  ],
  valueKind: "percent",
  valueAxisTitle: "% of paybill",
  valueFormat: "0.0%",
  threshold: { value: 0.04, text: "4%" },
  altText: "Column chart",
};

describe("chartLayout", () => {
  const l = chartLayout(overtime, { width: 320, height: 160 });

  test("scales bars from zero to the largest value inside the plot", () => {
    // Largest label "5.0%" (4 characters): left = 8 + 4 x 6.5 = 34. Three categories are labelled,
    // so the plot ends 22px above the bottom: 160 - 22 = 138; top 14; height 124.
    expect(l.plot).toEqual({ left: 34, top: 14, right: 312, bottom: 138 });
    expect(l.baseline).toBe(138);
    // Band = (312 - 34) / 3 = 92.67; bar width = 0.72 x 92.67 = 66.7; first bar starts 0.14 band in.
    expect(l.bars).toHaveLength(2); // 2010/11 has no figure: no bar
    expect(l.bars[0]).toMatchObject({ x: 47, y: 14, width: 66.7, height: 124, category: 0 });
    // 4.5% is 0.9 of 5.0%: top at 14 + 124 x 0.1 = 26.4, height 111.6.
    expect(l.bars[1]).toMatchObject({ y: 26.4, height: 111.6, category: 1 });
    expect(l.bars[0].label).toBe("Overtime as % of paybill, 2008/09: 5.0%");
  });

  test("draws the threshold as one dashed line across the plot, labelled with its own text", () => {
    // 4% is 0.8 of 5%: y = 14 + 124 x 0.2 = 38.8.
    expect(l.lines).toEqual([
      {
        points: [
          { x: 34, y: 38.8 },
          { x: 312, y: 38.8 },
        ],
        dashed: true,
        series: -1,
        name: "4% threshold",
        labelAt: { x: 312, y: 35.8, text: "4%" },
      },
    ]);
    expect(l.maxLabel).toEqual({ y: 14, text: "5.0%" });
    expect(l.legend.map((x) => x.kind)).toEqual(["bar", "dashed"]);
    expect(l.empty).toBe(false);
  });

  test("a ranked chart marks the force's own column, and long category lists are not drawn", () => {
    const names = Array.from({ length: 12 }, (_, i) => `Force ${i + 1}`);
    names[3] = "Exampleshire (this force)";
    const ranked: ChartBlock = {
      ...overtime,
      categories: names,
      series: [
        {
          name: "Other forces",
          points: names.map((_, i) => (i === 3 ? null : p(0.01 * (i + 1)))),
          role: "data",
        },
        {
          name: "Exampleshire",
          points: names.map((_, i) => (i === 3 ? p(0.04) : null)),
          role: "data",
        },
      ],
      threshold: undefined,
    };
    const r = chartLayout(ranked);
    expect(r.categoryLabels).toEqual([]);
    expect(r.bars).toHaveLength(12);
    const own = r.bars.filter((b) => b.emphasis);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ series: 1, category: 3 });
    // One value per category: each bar takes the whole 72% of its band.
    expect(r.bars[0].width).toBe(r.bars[3].width);
  });

  test("negative values hang below the zero line", () => {
    const c: ChartBlock = {
      ...overtime,
      series: [{ name: "Variance", points: [p(0.02), p(-0.02), null], role: "data" }],
      threshold: undefined,
    };
    const r = chartLayout(c, { width: 200, height: 100 });
    // Span -0.02..0.02: zero sits halfway down the plot.
    const mid = r.plot.top + (r.plot.bottom - r.plot.top) / 2;
    expect(r.baseline).toBeCloseTo(mid, 1);
    expect(r.bars[1].y).toBeCloseTo(r.baseline, 1);
    expect(r.bars[0].y + r.bars[0].height).toBeCloseTo(r.baseline, 1);
  });

  test("a chart with no figures is empty", () => {
    const c: ChartBlock = {
      ...overtime,
      series: [{ name: "x", points: [null, null, null], role: "data" }],
    };
    expect(chartLayout(c).empty).toBe(true);
  });

  test("shorten keeps short text and cuts long text with an ellipsis", () => {
    expect(shorten("2010/11", 8)).toBe("2010/11");
    expect(shorten("Devon and Cornwall", 8)).toBe("Devon a…");
  });
});
