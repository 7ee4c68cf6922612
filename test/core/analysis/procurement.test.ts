import fc from "fast-check";
import { analyseProcurement, dayAfter } from "../../../src/core/analysis/procurement";
import { ProcurementCategory } from "../../../src/core/forceData";
import { DEFAULT_POLICY, applyOverrides } from "../../../src/core/policy";
import { penceAtRate } from "../../../src/core/analysis/figures";
import { applyRate } from "../../../src/core/money";
import { ProcurementSpec, makeData } from "./fixtures";

/*
 * Worked example:
 *   line  category        route     spend        contract end  framework date  migrate by   rate  saving
 *   1     body armour     local     £200,000     2011-03-31    2010-04-01      2011-03-31   3%    £6,000
 *   2     forensic drugs  national  £500,000     -             (on framework)
 *   3     forensic drugs  local     £300,000     2008-06-30    2008-09-01      2008-09-01   12%   £36,000
 *   4     vehicles        local     £1,000,000   2012-03-31    2010-06-30      2012-03-31   none  (local estimate needed)
 *   5     stationery      local     £50,000      (no national approach: not addressable)
 * Addressable = 200,000 + 500,000 + 300,000 + 1,000,000 = £2,000,000
 * On framework = £500,000 (25%); expected yearly saving = 6,000 + 36,000 = £42,000.
 */
const lines: ProcurementSpec[] = [
  { category: "bodyArmour", spend: 200_000, contractEnd: "2011-03-31", supplier: "Armour Ltd" },
  { category: "forensicDrugs", spend: 500_000, route: "nationalFramework" },
  { category: "forensicDrugs", spend: 300_000, contractEnd: "2008-06-30" },
  { category: "vehicles", spend: 1_000_000, contractEnd: "2012-03-31" },
  { category: "other", categoryText: "Stationery", spend: 50_000 },
];

describe("procurement: the worked example", () => {
  const a = analyseProcurement(makeData({ procurement: lines }), DEFAULT_POLICY);

  it("adds up addressable and on-framework spend", () => {
    expect(a.addressableSpend.value).toBe(2_000_000_00);
    expect(a.onFrameworkSpend.value).toBe(500_000_00);
    expect(a.onFrameworkShare).toBeCloseTo(0.25, 12);
    expect(a.otherSpend.value).toBe(50_000_00);
    expect(a.totalSpend.value).toBe(2_050_000_00);
    expect(a.onFrameworkSpend.sources).toEqual([{ sheet: "Procurement", address: "C3" }]);
  });

  it("lists each off-framework line with its migrate-by date and saving", () => {
    expect(
      a.opportunities.map((o) => [
        o.category,
        o.spend.value / 100,
        o.migrateBy,
        o.annualSaving?.value,
      ])
    ).toEqual([
      ["bodyArmour", 200_000, "2011-03-31", 6_000_00],
      ["forensicDrugs", 300_000, "2008-09-01", 36_000_00],
      ["vehicles", 1_000_000, "2012-03-31", undefined],
    ]);
    expect(a.opportunities[0].supplier).toBe("Armour Ltd");
    expect(a.opportunities[2].annualSaving).toBeNull();
    expect(a.expectedAnnualSaving.value).toBe(42_000_00);
    expect(a.spendWithoutRate.value).toBe(1_000_000_00);
  });

  it("asks for a local estimate where no rate is stated", () => {
    const f = a.findings.find((x) => x.code === "PROCUREMENT_RATE_NEEDED");
    expect(f?.cell).toEqual({ sheet: "Procurement", address: "A5" });
    // The setting as the settings panel words it, never its key.
    expect(f?.fix).toBe(
      'Enter a local estimate (for example 5%) as the policy setting "Vehicles: expected saving rate" (under Procurement frameworks).'
    );
  });

  it("uses a local estimate once given", () => {
    // vehicles at 2%: 1,000,000 x 2% = £20,000; total 42,000 + 20,000 = £62,000
    const p = applyOverrides(DEFAULT_POLICY, {
      "procurement.frameworks.vehicles.rate": "2%",
    }).policy;
    const b = analyseProcurement(makeData({ procurement: lines }), p);
    expect(b.opportunities[2].annualSaving?.value).toBe(20_000_00);
    expect(b.expectedAnnualSaving.value).toBe(62_000_00);
    expect(b.findings.map((x) => x.code)).not.toContain("PROCUREMENT_RATE_NEEDED");
  });

  it("summarises by category in policy order", () => {
    expect(a.byCategory.map((c) => [c.category, c.spend.value / 100, c.onFrameworkShare])).toEqual([
      ["vehicles", 1_000_000, 0],
      ["bodyArmour", 200_000, 0],
      ["forensicDrugs", 800_000, 0.625],
    ]);
  });

  it("is off track (red) while lines have no planned migration, as the check's error says", () => {
    // Three lines off the framework and none has a planned move: the check's
    // MIGRATION_DATE_PLANNED is an error for each, so the area is off track, not at risk.
    expect(a.opportunities.map((o) => o.migration)).toEqual([
      "notPlanned",
      "notPlanned",
      "notPlanned",
    ]);
    expect(a.rag).toMatchObject({
      rag: "red",
      words: "off track",
      rule: "no planned migration date for three lines not yet on a national framework",
    });
  });
});

describe("procurement: planned migrations and missing dates", () => {
  it("flags a planned migration later than the migrate-by date (red)", () => {
    const a = analyseProcurement(
      makeData({
        procurement: [
          {
            category: "bodyArmour",
            spend: 1000,
            contractEnd: "2011-03-31",
            plannedMigration: "2012-04-01",
          },
        ],
      }),
      DEFAULT_POLICY
    );
    expect(a.opportunities[0].plannedMigrationLate).toBe(true);
    const f = a.findings.find((x) => x.code === "MIGRATION_PLANNED_LATE");
    expect(f?.cell).toEqual({ sheet: "Procurement", address: "F2" });
    expect(a.rag.rag).toBe("red");
  });

  it("is in time when the move is planned for the day after the contract ends (5.35(b))", () => {
    // Contract ends 31 March 2011 (after the framework's 1 April 2010): moving on 1 April 2011,
    // as the old arrangement expires, is in time; 2 April 2011 is late.
    const at = (plannedMigration: string) =>
      analyseProcurement(
        makeData({
          procurement: [
            { category: "bodyArmour", spend: 1000, contractEnd: "2011-03-31", plannedMigration },
          ],
        }),
        DEFAULT_POLICY
      );
    expect(at("2011-04-01").opportunities[0].plannedMigrationLate).toBe(false);
    expect(at("2011-04-01").rag.rag).toBe("green");
    expect(at("2011-04-02").opportunities[0].plannedMigrationLate).toBe(true);
    expect(dayAfter("2012-02-28")).toBe("2012-02-29");
    expect(dayAfter("2011-12-31")).toBe("2012-01-01");
  });

  it("migrates by the framework date when the contract end is unknown, and says so", () => {
    const a = analyseProcurement(
      makeData({
        procurement: [{ category: "uniform", spend: 1000, plannedMigration: "2012-01-01" }],
      }),
      DEFAULT_POLICY
    );
    expect(a.opportunities[0]).toMatchObject({ migrateBy: "2012-04-01", contractEnd: null });
    expect(a.findings.map((x) => x.code)).toContain("CONTRACT_END_MISSING");
    expect(a.rag.rag).toBe("green"); // planned in time
  });

  it("gives no status while a planned date cannot be read, unless a line is off track anyway", () => {
    const unreadable = {
      category: "uniform" as const,
      spend: 1000,
      contractEnd: "2012-03-31",
      plannedMigration: "next spring",
    };
    const a = analyseProcurement(makeData({ procurement: [unreadable] }), DEFAULT_POLICY);
    expect(a.opportunities[0]).toMatchObject({
      migration: "dateUnreadable",
      plannedMigration: null,
    });
    expect(a.rag).toMatchObject({
      rag: "none",
      rule: "the planned migration date of one line cannot be read as a date, so whether its move is in time is not known",
    });
    // A move planned late elsewhere is off track whatever the unreadable date says.
    const b = analyseProcurement(
      makeData({
        procurement: [
          unreadable,
          {
            category: "bodyArmour",
            spend: 1000,
            contractEnd: "2011-03-31",
            plannedMigration: "2012-04-01",
          },
        ],
      }),
      DEFAULT_POLICY
    );
    expect(b.opportunities.map((o) => o.migration)).toEqual(["dateUnreadable", "late"]);
    expect(b.rag).toMatchObject({
      rag: "red",
      rule: "migration planned later than the migrate-by date for one line",
    });
  });

  it("counts a regional route as on the framework for construction only", () => {
    const a = analyseProcurement(
      makeData({
        procurement: [
          { category: "construction", spend: 100, route: "regional" },
          { category: "radio", spend: 100, route: "regional" },
        ],
      }),
      DEFAULT_POLICY
    );
    expect(a.onFrameworkSpend.value).toBe(100_00);
    expect(a.opportunities.map((o) => o.category)).toEqual(["radio"]);
  });

  it("no procurement lines", () => {
    const a = analyseProcurement(makeData({}), DEFAULT_POLICY);
    expect(a.findings.map((f) => f.code)).toEqual(["NO_PROCUREMENT_LINES"]);
    expect(a.rag.rag).toBe("none");
  });
});

describe("procurement: properties", () => {
  const cats: ProcurementCategory[] = [
    "vehicles",
    "bodyArmour",
    "forensicDna",
    "forensicDrugs",
    "uniform",
    "other",
  ];
  it("totals equal the sums of their lines to the penny, whatever the order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            category: fc.constantFrom(...cats),
            // pounds and pence, as a ledger holds them
            pence: fc.integer({ min: -1_000_00, max: 50_000_000_00 }),
            route: fc.constantFrom(
              "nationalFramework" as const,
              "local" as const,
              "unknown" as const
            ),
          }),
          { maxLength: 40 }
        ),
        (ls) => {
          const spec = ls.map((l) => ({
            category: l.category,
            spend: l.pence / 100,
            route: l.route,
          }));
          const a = analyseProcurement(makeData({ procurement: spec }), DEFAULT_POLICY);
          const sum = (f: (l: (typeof ls)[number]) => boolean) =>
            ls.filter(f).reduce((s, l) => s + l.pence, 0);
          expect(a.totalSpend.value).toBe(sum(() => true));
          expect(a.addressableSpend.value).toBe(sum((l) => l.category !== "other"));
          expect(a.onFrameworkSpend.value).toBe(
            sum((l) => l.category !== "other" && l.route === "nationalFramework")
          );
          expect(a.addressableSpend.value + a.otherSpend.value).toBe(a.totalSpend.value);
          expect(a.byCategory.reduce((s, c) => s + c.spend.value, 0)).toBe(
            a.addressableSpend.value
          );
          expect(a.opportunities.reduce((s, o) => s + (o.annualSaving?.value ?? 0), 0)).toBe(
            a.expectedAnnualSaving.value
          );
          const reversed = analyseProcurement(
            makeData({ procurement: [...spec].reverse() }),
            DEFAULT_POLICY
          );
          expect(reversed.addressableSpend.value).toBe(a.addressableSpend.value);
          expect(reversed.expectedAnnualSaving.value).toBe(a.expectedAnnualSaving.value);
        }
      )
    );
  });
});

describe("penceAtRate", () => {
  it("rounds exactly as applyRate (half away from zero), on its fast path and off it", () => {
    // 12,345 pence x 3% = 370.35 -> 370; 50 x 3% = 1.5 -> 2 (a tie takes the exact path)
    expect(penceAtRate(12_345, 0.03)).toBe(370);
    expect(penceAtRate(50, 0.03)).toBe(2);
    expect(penceAtRate(-50, 0.03)).toBe(-2);
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.constantFrom(0.03, 0.1, 0.12, 0.125, 0.05, 0.0275, 0.15),
        (p, r) => expect(penceAtRate(p, r)).toBe(applyRate(p, r))
      ),
      { numRuns: 2000 }
    );
  });
});

describe("procurement: dates and cells worked out once per distinct text, the same each time", () => {
  /*
   * Six body-armour lines (framework in place 2010-04-01), each ending 2011-03-31 but the last,
   * so the latest move on time is the day after, 2011-04-01 (5.35(b)), for every one of them:
   *   row  planned move   state           why
   *   2    2011-04-01     inTime          = the day after the end
   *   3    2011-04-02     late            one day after 2011-04-01
   *   4    2011-02-29     dateUnreadable  2011 has no 29 February
   *   5    2011-02-29     dateUnreadable  the same text again: the same answer
   *   6    (none)         notPlanned      its cell: the dates' column F (5 of 5 planned dates), row 6
   *   7    (none)         notPlanned      label cell written "$A$7": F7 all the same
   * Row 7 ends 2012-03-31, so its migrate-by is that day.
   */
  const specs: ProcurementSpec[] = [
    { plannedMigration: "2011-04-01" },
    { plannedMigration: "2011-04-02" },
    { plannedMigration: "2011-02-29" },
    { plannedMigration: "2011-02-29" },
    {},
    { contractEnd: "2012-03-31" },
  ].map((x) => ({
    category: "bodyArmour" as ProcurementCategory,
    spend: 10_000,
    contractEnd: "2011-03-31",
    ...x,
  }));
  const data = makeData({ procurement: specs });
  const lines = data.procurement.lines.map((l, i) =>
    i === 5 ? { ...l, labelCell: { sheet: "Procurement", address: "$A$7" } } : l
  );
  const a = analyseProcurement({ ...data, procurement: { lines } }, DEFAULT_POLICY);

  it("reads each line's move against the day after its contract's end", () => {
    expect(a.opportunities.map((o) => [o.migration, o.plannedMigration, o.migrateBy])).toEqual([
      ["inTime", "2011-04-01", "2011-03-31"],
      ["late", "2011-04-02", "2011-03-31"],
      ["dateUnreadable", null, "2011-03-31"],
      ["dateUnreadable", null, "2011-03-31"],
      ["notPlanned", null, "2011-03-31"],
      ["notPlanned", null, "2012-03-31"],
    ]);
    const late = a.findings.find((f) => f.code === "MIGRATION_PLANNED_LATE");
    expect(late?.message).toContain("is later than 1 April 2011");
  });

  it("puts a line's missing move in the dates' column on its own row, however its cell is written", () => {
    expect(a.opportunities.map((o) => o.migrationCell.address)).toEqual([
      "F2",
      "F3",
      "F4",
      "F5",
      "F6",
      "F7",
    ]);
  });
});
