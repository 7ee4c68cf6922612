import fc from "fast-check";
import { StoredSettings } from "../../src/core/gateway";
import {
  SETTINGS_CHUNK_CHARS,
  SETTINGS_SIGNATURE,
  decodeSettingsSheet,
  encodeSettingsSheet,
  nextOwnershipName,
  ownedSheetsFromNames,
  ownershipName,
  ownershipNamesFor,
  ownershipReference,
  parseOwnershipName,
  sheetOfReference,
} from "../../src/core/ownership";

describe("ownership marks (defined names pointing at an owned sheet's A1)", () => {
  test("names carry the role and a number, and read back", () => {
    expect(ownershipName("statement", 1)).toBe("_vfm_owned_statement_1");
    expect(parseOwnershipName("_VFM_OWNED_CHARTS_12")).toEqual({ role: "charts", index: 12 });
    expect(parseOwnershipName("_vfm_owned_pivot_1")).toBeUndefined();
    expect(parseOwnershipName("Print_Area")).toBeUndefined();
  });

  test("references are written as Excel writes them and read from either gateway's form", () => {
    expect(ownershipReference("VfM Statement")).toBe("'VfM Statement'!$A$1");
    expect(ownershipReference("Charts")).toBe("Charts!$A$1");
    expect(ownershipReference("Officers' pay")).toBe("'Officers'' pay'!$A$1");
    // ExcelJS gives the reference bare; Office.js gives the formula with "=".
    expect(sheetOfReference("'VfM Statement'!$A$1")).toBe("VfM Statement");
    expect(sheetOfReference("='Officers'' pay'!$A$1")).toBe("Officers' pay");
    expect(sheetOfReference("=Charts!$A$1:$B$2")).toBe("Charts");
    // A deleted sheet leaves #REF!: it marks nothing.
    expect(sheetOfReference("=#REF!")).toBeUndefined();
    expect(sheetOfReference("=#REF!$A$1")).toBeUndefined();
  });

  test("owned sheets: marks whose sheet exists, keyed without case; other names ignored", () => {
    const owned = ownedSheetsFromNames(
      [
        { name: "_vfm_owned_statement_1", reference: "'VfM Statement'!$A$1" },
        { name: "_vfm_owned_charts_1", reference: "=#REF!" },
        { name: "_vfm_owned_findings_1", reference: "'Deleted sheet'!$A$1" },
        { name: "MyRange", reference: "Budget!$A$1" },
      ],
      ["Budget", "vfm statement"]
    );
    expect([...owned]).toEqual([["vfm statement", "statement"]]);
  });

  test("new marks are numbered per role and never reuse a name in use", () => {
    expect(
      ownershipNamesFor([
        { name: "VfM Statement", role: "statement" },
        { name: "VfM Charts", role: "charts" },
        { name: "VfM Statement (2)", role: "statement" },
      ])
    ).toEqual([
      { name: "_vfm_owned_statement_1", reference: "'VfM Statement'!$A$1" },
      { name: "_vfm_owned_charts_1", reference: "'VfM Charts'!$A$1" },
      { name: "_vfm_owned_statement_2", reference: "'VfM Statement (2)'!$A$1" },
    ]);
    expect(
      nextOwnershipName("statement", ["_VFM_OWNED_STATEMENT_1", "_vfm_owned_statement_3"])
    ).toBe("_vfm_owned_statement_2");
  });
});

const json: fc.Arbitrary<StoredSettings> = fc.dictionary(
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<StoredSettings[string]>,
  { maxKeys: 8 }
);

describe("the settings sheet", () => {
  test("A1 holds the signature, B1 the format version, then the JSON", () => {
    expect(encodeSettingsSheet({ units: "£000" })).toEqual([
      [SETTINGS_SIGNATURE, "1"],
      ['{"units":"£000"}'],
    ]);
    expect(encodeSettingsSheet({})).toEqual([[SETTINGS_SIGNATURE, "1"], ["{}"]]);
  });

  test("long settings are cut into pieces under Excel's cell limit, none starting like a formula", () => {
    // 100,000 characters of digits and minus signs: cut points must move off them.
    const settings: StoredSettings = {
      numbers: Array.from({ length: 20000 }, (_, i) => -i - 1),
      text: "=".repeat(40000),
    };
    const rows = encodeSettingsSheet(settings);
    const pieces = rows.slice(1).map((r) => r[0]);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.every((p) => p.length <= SETTINGS_CHUNK_CHARS)).toBe(true);
    expect(pieces.filter((p) => /^[=+\-@0-9.]/.test(p))).toEqual([]);
    expect(decodeSettingsSheet(rows)).toEqual(settings);
  });

  test("round trip for any JSON settings (property)", () => {
    fc.assert(
      fc.property(json, (settings) => {
        const back = decodeSettingsSheet(encodeSettingsSheet(settings));
        // JSON.parse(JSON.stringify(x)) is the reference: -0 becomes 0, as in any JSON store.
        expect(back).toEqual(JSON.parse(JSON.stringify(settings)));
      })
    );
  });

  test("not a settings sheet, a later format, or damaged JSON: no settings", () => {
    expect(decodeSettingsSheet([["Budget"], ["{}"]])).toBeUndefined();
    expect(decodeSettingsSheet([[SETTINGS_SIGNATURE, "2"], ["{}"]])).toBeUndefined();
    expect(decodeSettingsSheet([[SETTINGS_SIGNATURE, "1"], ['{"a":']])).toBeUndefined();
    expect(decodeSettingsSheet([[SETTINGS_SIGNATURE, "1"], ["[1,2]"]])).toBeUndefined();
    expect(decodeSettingsSheet([[SETTINGS_SIGNATURE, 1]])).toEqual({});
  });
});
