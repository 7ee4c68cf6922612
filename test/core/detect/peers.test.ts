import fc from "fast-check";
import { CellValue, SheetGrid, WorkbookGrid, formatRef } from "../../../src/core/grid";
import { detectPeers, detectPeersReport } from "../../../src/core/detect/peers";
import { peersTemplateSheet } from "../../../src/core/template";
import { FORCES } from "../../../src/core/forces";
import {
  EXAMPLESHIRE_GROUP,
  ILLUSTRATIVE_LABEL,
  exampleshirePeersSheet,
  samplePeerFigures,
} from "../../../src/core/sample/peers";

/** A sheet from rows of values, with optional number formats by "row,col". */
function sheet(
  name: string,
  values: CellValue[][],
  formats: Record<string, string> = {}
): SheetGrid {
  const numberFormats = values.map((row, r) => row.map((_, c) => formats[`${r},${c}`]));
  return { name, values, numberFormats };
}
const book = (...sheets: SheetGrid[]): WorkbookGrid => ({ sheets });
const codes = (fs: readonly { code: string }[]) => fs.map((f) => f.code);
const at = (
  fs: readonly { code: string; cell?: { sheet: string; address: string } }[],
  code: string
) => fs.filter((f) => f.code === code).map((f) => (f.cell ? formatRef(f.cell) : ""));

describe("the sample's peers sheet (free form)", () => {
  const peers = detectPeers(book(exampleshirePeersSheet()), {
    forceName: "Exampleshire Constabulary",
  })!;

  test("is found below its title rows: header in row 4, force names in column A", () => {
    expect(peers.sheet).toBe("Peers");
    expect(peers.headerRow).toBe(3);
    expect(peers.forceColumn).toBe(0);
    expect(peers.groupColumn).toBe(1);
    expect(peers.form).toBe("freeForm");
    expect(peers.illustrativeNote).toMatch(ILLUSTRATIVE_LABEL);
  });

  test("reads the five known indicators and population as a context column; notes are ignored", () => {
    expect(peers.columns.map((c) => [c.key, c.role, c.isPercent, c.headerCell.address])).toEqual([
      ["overtimePctPaybill", "indicator", true, "C4"],
      ["businessSupportPctWorkforce", "indicator", true, "D4"],
      ["nrePerHead", "indicator", false, "E4"],
      ["officersPer1000", "indicator", false, "F4"],
      ["frameworkProcurementPct", "indicator", true, "G4"],
      ["col:population", "context", false, "H4"],
    ]);
  });

  test("44 rows: Exampleshire and the 43 forces; the source line under the table is not a force", () => {
    expect(peers.rows).toHaveLength(44);
    expect(peers.rows[0]).toMatchObject({ name: "Exampleshire Constabulary", isOwnForce: true });
    expect(peers.rows.slice(1).map((r) => r.force?.id)).toEqual(FORCES.map((f) => f.id));
    expect(peers.findings).toEqual([]);
  });

  test("5.8 under a '%' header and 0.084 formatted 0.0% are both fractions, each with its cell", () => {
    const ex = peers.rows[0];
    expect(ex.values.get("overtimePctPaybill")).toMatchObject({
      value: 0.058,
      sources: [{ sheet: "Peers", address: "C5" }],
    });
    expect(ex.values.get("businessSupportPctWorkforce")).toMatchObject({
      value: 0.084,
      sources: [{ sheet: "Peers", address: "D5" }],
    });
    expect(ex.values.get("nrePerHead")?.value).toBe(196.4);
  });

  test("the group is split on semicolons into seven real forces; City of London has none", () => {
    expect(peers.rows[0].group?.members).toEqual(EXAMPLESHIRE_GROUP);
    expect(peers.rows[0].group?.matched.every((f) => f !== undefined)).toBe(true);
    expect(peers.rows[0].group?.cell).toEqual({ sheet: "Peers", address: "B5" });
    const city = peers.rows.find((r) => r.force?.id === "city-of-london")!;
    expect(city.group).toBeUndefined();
  });
});

describe("the template form", () => {
  test("the sample in template form reads as the template and gives the same figures as the free form", () => {
    const t = detectPeers(book(exampleshirePeersSheet("template")), {
      forceName: "Exampleshire Constabulary",
    })!;
    const f = detectPeers(book(exampleshirePeersSheet("freeForm")), {
      forceName: "Exampleshire Constabulary",
    })!;
    expect(t.form).toBe("template");
    expect(t.how).toBe("template sheet Peers");
    const figures = (p: typeof t) =>
      p.rows.map((r) => [
        r.name,
        r.group?.members ?? [],
        ...p.columns.map((c) => r.values.get(c.key)?.value ?? null),
      ]);
    expect(figures(t)).toEqual(figures(f));
    expect(t.findings).toEqual([]);
  });

  test("a blank template is recognised, and says every force has no figures yet", () => {
    const plan = peersTemplateSheet();
    const values: CellValue[][] = [];
    for (const b of plan.blocks) b.values.forEach((row, i) => (values[b.top + i] = [...row]));
    const rep = detectPeersReport(
      book(
        sheet(
          "Peers",
          Array.from(values, (r) => r ?? [])
        )
      )
    );
    expect(rep.peers?.form).toBe("template");
    expect(rep.peers?.rows).toHaveLength(0);
    expect(at(rep.findings, "PEERS_ROW_EMPTY")).toHaveLength(43);
  });
});

describe("percentages stored either way mean the same", () => {
  const rows = (v: CellValue, header = "Overtime %") => [
    ["Force", header],
    ["Kent Police", v],
    ["Essex Police", 0.05],
  ];
  test("5.9 under a '%' header = 0.059 formatted as % = the text '5.9%' = 0.059", () => {
    const a = detectPeers(book(sheet("P", rows(5.9), { "2,1": "0.0%" })))!;
    const b = detectPeers(book(sheet("P", rows(0.059), { "1,1": "0.0%", "2,1": "0.0%" })))!;
    const c = detectPeers(book(sheet("P", rows("5.9%"), { "2,1": "0.0%" })))!;
    for (const p of [a, b, c])
      expect(p.rows[0].values.get("overtimePctPaybill")?.value).toBe(0.059);
    expect(codes(c.findings)).toContain("PEERS_NUMBER_AS_TEXT");
  });

  test("a '%' column of unformatted numbers all at most 1 is read as fractions, with a warning", () => {
    const p = detectPeers(
      book(
        sheet("P", [
          ["Force", "Overtime %"],
          ["Kent Police", 0.059],
          ["Essex Police", 0.041],
        ])
      )
    )!;
    expect(p.rows[0].values.get("overtimePctPaybill")?.value).toBe(0.059);
    expect(at(p.findings, "PEERS_PERCENT_SCALE_ASSUMED")).toEqual(["P!B1"]);
  });

  test("an unknown column with a % format becomes a percentage column", () => {
    const p = detectPeers(
      book(
        sheet(
          "P",
          [
            ["Force", "Sickness absence"],
            ["Kent Police", 0.031],
            ["Essex Police", 4.2],
          ],
          { "1,1": "0.0%" }
        )
      )
    )!;
    expect(p.columns[0]).toMatchObject({ key: "col:sickness-absence", isPercent: true });
    expect(p.rows.map((r) => r.values.get("col:sickness-absence")?.value)).toEqual([0.031, 0.042]);
  });
});

describe("free-form peers sheets", () => {
  const messy = (): SheetGrid =>
    sheet("VfM profile 2009-10", [
      ["Value for money profile: comparison with most similar forces"],
      ["Prepared by the finance team"],
      [],
      [
        null,
        "Police force area",
        "Region",
        "MSG",
        "Overtime (% of pay)",
        "Cost per head £",
        "Comments",
      ],
      [null, "Kent Police", "South East", "Essex; Sussex", 4.1, 180, "checked"],
      [null, "Essex", "East", "Kent, Sussex, Herts", 3.6, 170, null],
      [],
      [null, "Sussex Police", "South East", "Kent", 4.9, 190, null],
      [null, "Hertfordshire Constabulary", "East", "", 3.2, 175, null],
      [null, "Most similar group average", null, null, 4.2, 181, null],
      [null, "England and Wales", null, null, 4.5, 200, null],
    ]);

  test("title rows, a blank row, text columns and average rows are handled", () => {
    const p = detectPeers(book(messy()))!;
    expect(p.headerRow).toBe(3);
    expect(p.forceColumn).toBe(1);
    expect(p.groupColumn).toBe(3);
    // "Cost per head" is read as net revenue expenditure per head.
    expect(p.columns.map((c) => c.key)).toEqual(["overtimePctPaybill", "nrePerHead"]);
    expect(p.columns[1].unit).toBe("£");
    expect(p.rows.map((r) => r.force?.id)).toEqual(["kent", "essex", "sussex", "hertfordshire"]);
    expect(p.rows[1].group?.members).toEqual(["Kent", "Sussex", "Herts"]);
    expect(at(p.findings, "PEERS_SUMMARY_ROW_SKIPPED")).toEqual([
      "'VfM profile 2009-10'!B10",
      "'VfM profile 2009-10'!B11",
    ]);
    expect(at(p.findings, "PEERS_FORCE_NAME_VARIANT")).toEqual(["'VfM profile 2009-10'!B6"]);
    expect(p.how).toMatch(/header row 4 of sheet VfM profile 2009-10/);
  });

  test("a force column with no heading is found by the force names in it", () => {
    const p = detectPeers(
      book(
        sheet("Comparison", [
          [null, "Overtime %", "Business support %"],
          ["Kent Police", 4.1, 8.2],
          ["Essex Police", 3.6, 7.9],
          ["Surrey Police", 5.1, 9.3],
        ])
      )
    )!;
    expect(p.forceColumn).toBe(0);
    expect(p.rows).toHaveLength(3);
    expect(p.rows[2].values.get("businessSupportPctWorkforce")?.value).toBe(0.093);
  });

  test("a budget workbook with no table of forces has no peers sheet", () => {
    const budget = sheet("Budget", [
      ["Exampleshire Constabulary revenue budget (£000)"],
      ["", "2008/09", "2009/10"],
      ["Police officer pay", 100, 104],
      ["Police officer overtime", 5, 5.2],
    ]);
    const rep = detectPeersReport(book(budget), { forceName: "Exampleshire Constabulary" });
    expect(rep.peers).toBeUndefined();
    expect(rep.findings).toEqual([]);
  });

  test("a ledger with a Force column repeating a few forces is not a peers table", () => {
    const ledger: CellValue[][] = [["Supplier", "Force", "Amount"]];
    for (let i = 0; i < 300; i++)
      ledger.push([`Supplier ${i}`, i % 2 ? "Kent Police" : "Essex Police", i]);
    expect(detectPeers(book(sheet("Ledger", ledger)))).toBeUndefined();
    // Ten rows naming two forces five times each is not one either.
    expect(detectPeers(book(sheet("Ledger", ledger.slice(0, 11))))).toBeUndefined();
  });

  test("a sheet named Peers with no force column is reported, not guessed", () => {
    const rep = detectPeersReport(book(sheet("Peers", [["Nothing to see"], [1, 2, 3]])));
    expect(rep.peers).toBeUndefined();
    expect(codes(rep.findings)).toEqual(["PEERS_SHEET_NOT_READ"]);
  });

  test("the add-in's own sheets are never read as input", () => {
    const own: SheetGrid = { ...exampleshirePeersSheet(), addinOwned: true };
    expect(detectPeers(book(own))).toBeUndefined();
  });

  test("inserting blank rows, a notes column and title rows changes no figure", () => {
    const base: CellValue[][] = [
      ["Force", "Overtime %", "NRE per head (£)"],
      ["Kent Police", 4.1, 180],
      ["Essex Police", 3.6, 170],
      ["Surrey Police", 5.1, 190],
      ["Sussex Police", 4.4, 185],
    ];
    const figures = (s: SheetGrid) =>
      detectPeers(book(s))!.rows.map((r) => [
        r.name,
        ...[...r.values.values()].map((v) => v.value),
      ]);
    const expected = figures(sheet("P", base));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
        fc.boolean(),
        (titles, blanksAfter, notes) => {
          let rows: CellValue[][] = base.map((r) => (notes ? [...r, "a note"] : [...r]));
          if (notes) rows[0][3] = "Notes";
          for (const b of [...blanksAfter].sort((x, y) => y - x)) rows.splice(b + 1, 0, []);
          rows = [...Array.from({ length: titles }, (_, i) => [`Title line ${i + 1}`]), ...rows];
          expect(figures(sheet("P", rows))).toEqual(expected);
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("bad input in the peers sheet becomes findings with cells", () => {
  const p = detectPeers(
    book(
      sheet(
        "Peers",
        [
          ["Force", "Most similar forces", "Overtime %", "Business support %"],
          ["Kent Police", "Essex; Exampleton Police", 4.1, null],
          [
            "Essex Police",
            "Kent, Surrey, Sussex, Herts, Beds, Suffolk, Norfolk, Cambs",
            "n/a",
            8.1,
          ],
          ["British Transport Police", "", 5.0, 9.0],
          ["Surrey Police", "", { error: "#DIV/0!" }, 7.5],
          ["Kent", "", 9.9, 9.9],
          ["Sussex Police", 42, 4.0, 8.0],
        ],
        {}
      )
    ),
    {}
  )!;

  test("a blank value", () => expect(at(p.findings, "PEERS_VALUE_MISSING")).toEqual(["Peers!D2"]));
  test("text in a number cell", () =>
    expect(at(p.findings, "PEERS_VALUE_NOT_NUMBER")).toEqual(["Peers!C3"]));
  test("an error value", () => expect(at(p.findings, "PEERS_VALUE_ERROR")).toEqual(["Peers!C5"]));
  test("a name that is not one of the 43 (and why)", () => {
    expect(at(p.findings, "PEERS_UNKNOWN_FORCE")).toEqual(["Peers!A4"]);
    expect(p.findings.find((f) => f.code === "PEERS_UNKNOWN_FORCE")?.message).toMatch(/railways/);
  });
  test("a group member that is not a force", () =>
    expect(at(p.findings, "PEERS_GROUP_MEMBER_UNKNOWN")).toEqual(["Peers!B2"]));
  test("more than seven in a group", () => {
    expect(at(p.findings, "PEERS_GROUP_TOO_LARGE")).toEqual(["Peers!B3"]);
    expect(p.rows[1].group?.members).toHaveLength(8);
  });
  test("the same force twice: the first row is used", () => {
    expect(at(p.findings, "PEERS_DUPLICATE_FORCE")).toEqual(["Peers!A6"]);
    expect(p.rows.filter((r) => r.force?.id === "kent")).toHaveLength(1);
    expect(p.rows[0].values.get("overtimePctPaybill")?.value).toBe(0.041);
  });
  test("a group cell that is not names", () =>
    expect(at(p.findings, "PEERS_GROUP_NOT_TEXT")).toEqual(["Peers!B7"]));
  test("every finding names the sheet and cell, and the rest is still read", () => {
    expect(p.findings.every((f) => f.cell?.sheet === "Peers")).toBe(true);
    expect(p.rows.map((r) => r.name)).toEqual([
      "Kent Police",
      "Essex Police",
      "British Transport Police",
      "Surrey Police",
      "Sussex Police",
    ]);
  });
});

test("the synthetic figures are within their stated ranges and the sheet says they are illustrative", () => {
  const figs = samplePeerFigures();
  expect(figs).toHaveLength(44);
  for (const f of figs.slice(1)) {
    expect(f.overtimePoints).toBeGreaterThanOrEqual(3.1);
    expect(f.overtimePoints).toBeLessThanOrEqual(7.3);
    expect(f.businessSupport).toBeGreaterThanOrEqual(0.064);
    expect(f.businessSupport).toBeLessThanOrEqual(0.13);
  }
  const s = exampleshirePeersSheet();
  expect(String(s.values[1][0])).toMatch(/^Illustrative figures, not real force data\./);
});
