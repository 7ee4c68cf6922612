import { MigrationItem } from "../../src/taskpane/model/benchmarks";
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
});
