import { benchmarkCards, migrationItems } from "../../src/taskpane/model/benchmarks";
import { paneResult } from "./fixtures";

describe("the Benchmarks step's cards", () => {
  const { analysis } = paneResult();
  const [overtime, support, procurement] = benchmarkCards(analysis);

  test("overtime: the latest year's ratio against 4%, its cells, the RAG in words", () => {
    // 2010/11: overtime 5,000,000 / paybill (95,000,000 + 5,000,000) = 0.05 -> "5.0%".
    expect(overtime.figure.text).toBe("5.0%");
    expect(overtime.figureLabel).toBe("Overtime as a share of paybill, 2010/11");
    expect(overtime.figure.sources.map((c) => `${c.sheet}!${c.address}`)).toEqual(
      expect.arrayContaining(["Budget!E5", "Budget!E6"])
    );
    expect(overtime.threshold).toBe("At most 4% of paybill (White Paper 5.9-5.10)");
    expect(overtime.position).toBe("Above 4%");
    expect(["On track", "At risk", "Off track", "Not assessed"]).toContain(overtime.rag.words);
    expect(overtime.rag.rule).toMatch(/White Paper 5\.9-5\.10/);
  });

  test("business support: the assessed year's share, IT left out", () => {
    // 2010/11: HR 230 FTE / workforce (2,000 + 480 + 200 + 230 + 50 + 40 = 3,000) = 7.67% -> "7.7%".
    expect(support.figure.text).toBe("7.7%");
    expect(support.position).toBe("Not yet below 7%");
    expect(support.threshold).toMatch(/^Below 7% of the workforce by 2013\/14/);
  });

  test("procurement: share on national frameworks and contracts still to move", () => {
    // Addressable 200,000 + 500,000 + 1,000,000 = 1,700,000; on framework 500,000 -> 29.4%.
    expect(procurement.figure.text).toBe("29.4%");
    expect(procurement.position).toBe("2 contracts still to move");
    expect(procurement.notes).toEqual([
      "There is one planned move later than the date due.",
      "There is one contract with no planned move date.",
    ]);
  });

  test("the migration timeline lists the earliest due first, late moves marked in words", () => {
    const items = migrationItems(analysis);
    // Body armour: framework 1 April 2010, contract ends 31 March 2011 -> move by 31 March 2011.
    // Vehicles: framework 30 June 2010, contract ends 31 March 2012 -> move by 31 March 2012.
    expect(items.map((i) => i.migrateBy)).toEqual(["2011-03-31", "2012-03-31"]);
    expect(items[0].late).toBe(true);
    expect(items[0].description).toBe(
      "Move by 31 March 2011; planned 30 June 2011 (later than due)."
    );
    expect(items[1].description).toBe("Move by 31 March 2012; no move planned yet.");
  });
});
