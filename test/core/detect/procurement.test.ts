import { detectForceData } from "../../../src/core/detect/detect";
import { CellValue } from "../../../src/core/grid";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";

const HEAD: CellValue[] = ["Category", "Supplier", "Annual spend (£)", "Route", "Contract end"];

function detect(rows: CellValue[][], formats?: (string | undefined)[][]) {
  return detectForceData(
    workbookOf(
      sheetFromRows(
        "Contracts",
        [HEAD, ...rows],
        formats ? { numberFormats: [[], ...formats] } : {}
      )
    )
  );
}

describe("procurement lines", () => {
  test("free-text categories map onto the national approaches; routes and dates are read", () => {
    const d = detect(
      [
        [
          "Forensic services - drugs",
          "Analytica",
          642000,
          "Local contract",
          new Date(Date.UTC(2010, 11, 31)),
        ],
        ["Forensic services - DNA", "Helix", 1425000.5, "NFFA", "31 August 2011"],
        ["Vehicles - marked cars", "Northway", 1840000, "National framework", 40633],
        ["Cleaning", "Brightwell", 960000, "Regional consortium", null],
      ],
      [[], [], [], [undefined, undefined, undefined, undefined, "dd/mm/yyyy"]]
    );
    const l = d.procurement.lines;
    expect(l.map((x) => x.category)).toEqual(["forensicDrugs", "forensicDna", "vehicles", "other"]);
    expect(l.map((x) => x.route)).toEqual([
      "local",
      "nationalFramework",
      "nationalFramework",
      "regional",
    ]);
    expect(l.map((x) => x.contractEnd?.value)).toEqual([
      "2010-12-31",
      "2011-08-31",
      "2011-03-31",
      undefined,
    ]);
    // £1,425,000.50 = 142,500,050p
    expect(l[1].annualSpend).toEqual({
      value: 142_500_050,
      sources: [{ sheet: "Contracts", address: "C3" }],
      how: expect.stringContaining("£ stated in the header at C1"),
    });
    expect(l[0].supplier).toBe("Analytica");
    expect(l[0].categoryText).toBe("Forensic services - drugs");
    expect(l[0].labelCell).toEqual({ sheet: "Contracts", address: "A2" });
    expect(d.findings.filter((f) => f.severity !== "info").map((f) => f.code)).toEqual([
      "BUDGET_NOT_FOUND",
    ]);
  });

  test("a date that cannot be read, a category and a route that cannot be mapped", () => {
    const d = detect([
      ["Sundries 4", "X Ltd", 100, "Local", "soon"],
      ["Sundries 4", "Y Ltd", 200, "Local", "2011-03-31"],
      ["Body armour", "Z Ltd", 300, "Handshake", "31/03/2011"],
    ]);
    const date = d.findings.find((f) => f.code === "DATE_UNREADABLE");
    expect(date?.cell).toEqual({ sheet: "Contracts", address: "E2" });
    expect(date?.message).toContain('"soon"');
    const cat = d.findings.filter((f) => f.code === "CATEGORY_UNMAPPED");
    // One finding per distinct text, counting its lines.
    expect(cat).toHaveLength(1);
    expect(cat[0].message).toContain("2 lines");
    expect(d.findings.find((f) => f.code === "ROUTE_UNMAPPED")?.cell).toEqual({
      sheet: "Contracts",
      address: "D4",
    });
    expect(d.procurement.lines[2].route).toBe("unknown");
    expect(d.procurement.lines[0].category).toBeUndefined();
  });

  test("a total row is not a line; text in the spend column is a finding", () => {
    const d = detect([
      ["Uniform", "Kestrel", 100, "Local"],
      ["Radio", "Tern", "see note", "Local"],
      [],
      ["Total", null, 100],
      [null, null, 100],
    ]);
    expect(d.procurement.lines).toHaveLength(1);
    expect(d.findings.find((f) => f.code === "TEXT_IN_NUMBER_CELL")?.cell).toEqual({
      sheet: "Contracts",
      address: "C3",
    });
    expect(d.findings.map((f) => f.code)).toContain("UNLABELLED_FIGURES");
  });

  test("the user's category for a text wins", () => {
    const d = detectForceData(
      workbookOf(sheetFromRows("Contracts", [HEAD, ["Sundries 4", "X", 100, "Local"]])),
      {
        procurementCategories: { "sundry 4": "uniform" },
      }
    );
    expect(d.procurement.lines[0].category).toBe("uniform");
  });

  test("a spend too large to be an amount is left out with a finding, never read as zero", () => {
    const d = detect([
      ["Uniform", "Kestrel", 1e20, "Local"],
      ["Radio", "Tern", 250, "Local"],
    ]);
    expect(d.procurement.lines.map((l) => l.annualSpend.value)).toEqual([25_000]);
    expect(d.findings.find((f) => f.code === "NUMBER_TOO_LARGE")?.cell).toEqual({
      sheet: "Contracts",
      address: "C2",
    });
  });
});
