import { MigrationItem, migrationItems } from "../../src/taskpane/model/benchmarks";
import { runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { isoDay, timelineLayout } from "../../src/taskpane/model/timeline";

const item = (migrateBy: string, planned: string | null, late = false): MigrationItem => ({
  label: "x",
  cell: { sheet: "Procurement", address: "A2" },
  migrateBy,
  planned,
  late,
  description: "",
});

describe("the migration timeline", () => {
  test("places dates on financial years from 1 April", () => {
    // Dates from 31 March 2011 (in 2010/11) to 30 June 2011 (in 2011/12): axis 1 April 2010 to
    // 1 April 2012, 731 days over 320 - 12 - 24 = 284 px.
    const l = timelineLayout([item("2011-03-31", "2011-06-30", true)], { width: 320 });
    expect(l.ticks.map((t) => t.text)).toEqual(["2010/11", "2011/12", ""]);
    expect(l.ticks[0].x).toBe(24);
    expect(l.ticks[2].x).toBe(308);
    // 31 March 2011 is day 364 of 731: 24 + 364/731 x 284 = 165.4.
    expect(l.rows[0].dueX).toBe(165.4);
    // 30 June 2011 is day 455: 24 + 455/731 x 284 = 200.8.
    expect(l.rows[0].plannedX).toBe(200.8);
    expect(l.rows[0].late).toBe(true);
  });

  test("a contract with no planned date has no planned mark; rows beyond the limit are left to the list", () => {
    const l = timelineLayout([item("2011-03-31", null), item("2012-03-31", null)], { maxRows: 1 });
    expect(l.rows).toHaveLength(1);
    expect(l.rows[0].plannedX).toBeNull();
  });

  test("isoDay reads an ISO date as whole days", () => {
    expect(isoDay("1970-01-02")).toBe(1);
    expect(isoDay("31/03/2011")).toBeUndefined();
  });

  test("on the sample: all 16 contracts plotted, named, to the last year any is due, no mark hidden", () => {
    const items = migrationItems(runVfm(exampleshireFreeForm()).analysis);
    expect(items).toHaveLength(16);
    const l = timelineLayout(items, { width: 400, labelWidth: 120 });
    expect(l.rows).toHaveLength(16);
    // The two ICT contracts are due on 1 April 2014, in 2014/15: the axis runs to its end.
    expect(l.ticks.map((t) => t.text)).toEqual([
      "2010/11",
      "2011/12",
      "2012/13",
      "2013/14",
      "2014/15",
      "",
    ]);
    // Rows say what they are, numbered as the list below: not 1 to 12.
    expect(l.rows[0].shortLabel).toBe("1. Body armour");
    expect(l.rows.map((r) => r.shortLabel)).toContain("16. ICT within ISIS");
    for (const r of l.rows) expect(r.shortLabel.length).toBeLessThanOrEqual(20);
    // Body armour is due 30 September 2010 and planned 1 October 2010: one day apart, less than
    // a pixel on this axis, so the circle rings the diamond rather than sitting under it.
    const armour = l.rows[0];
    expect(Math.abs(armour.plannedX! - armour.dueX)).toBeLessThan(1);
    expect(armour.together).toBe(true);
    // A contract planned three months late keeps its two marks apart.
    expect(timelineLayout([item("2011-03-31", "2011-06-30", true)]).rows[0].together).toBe(false);
  });
});
