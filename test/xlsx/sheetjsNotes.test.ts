/**
 * SheetJS's console notes at the reader's edge: the notes about number formats in a real HMIC
 * .ods file stay off stderr, and anything else SheetJS reports still gets there.
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as XLSX from "@e965/xlsx";
import { readSpreadsheet } from "../../src/xlsx/read";
import { isFormattingNote, withoutFormattingNotes } from "../../src/xlsx/sheetjsNotes";

// HMIC's 2014 POA profile data as published (LibreOffice conditional number styles in it).
const ODS = join(__dirname, "../fixtures/hmic-vfm/value-for-money-profile-2014-poa-data.ods");

describe("SheetJS's formatting notes", () => {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => spy.mockRestore());

  it("are printed by a bare SheetJS read of the real file (so the test below can fail)", () => {
    XLSX.read(readFileSync(ODS), { type: "buffer" });
    const notes = spy.mock.calls.filter((c) => isFormattingNote(c));
    expect(notes.length).toBeGreaterThan(0);
    expect(String(notes[0][0])).toMatch(/^ODS number format may be incorrect: /);
  });

  it("are kept off stderr when the reader reads the same file, which is still read", async () => {
    const book = await readSpreadsheet(
      readFileSync(ODS),
      "value-for-money-profile-2014-poa-data.ods"
    );
    expect(spy).not.toHaveBeenCalled();
    expect(book.workbook.sheets.length).toBeGreaterThan(0);
  });

  it("let every other message through, as written", () => {
    const out = withoutFormattingNotes(() => {
      console.error("ODS number format may be incorrect: value()<0");
      console.error("Cannot hydrate range", "A1", "B2");
      return 42;
    });
    expect(out).toBe(42);
    expect(spy.mock.calls).toEqual([["Cannot hydrate range", "A1", "B2"]]);
  });

  it("put the console back, even when the read throws", () => {
    const before = console.error;
    expect(() =>
      withoutFormattingNotes(() => {
        throw new Error("not a spreadsheet");
      })
    ).toThrow("not a spreadsheet");
    expect(console.error).toBe(before);
  });
});
