/**
 * Faults at their source (issue 14, item 1) and the variance explanation rule (item 4), on
 * workbooks planted from the sample by code (planted.ts). Each flaw is caught by its rule at its
 * own cell; the clean sample has none of these findings.
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runVfm } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { noteFallsShort } from "../../../src/core/check/varianceNote";
import { gridToXlsx } from "../../../src/xlsx/write";
import { readWorkbookFile } from "../../../src/cli/readWorkbook";
import { ofRule, outcome, places } from "./helpers";
import { plantedFlaws, sample } from "./planted";

const check = (wb: Parameters<typeof runVfm>[0]) => checkWorkbook(runVfm(wb));
const flaws = plantedFlaws();
const clean = check(sample());

describe("planted flaws, one workbook per rule", () => {
  it.each(Object.entries(flaws))("%s is caught at its cell", (_name, flaw) => {
    const r = check(flaw.workbook);
    expect(places(r, flaw.rule)).toContain(flaw.at);
    // The clean sample does not have this finding.
    expect(places(clean, flaw.rule)).not.toContain(flaw.at);
  });

  it("the clean sample passes the source-cell rules", () => {
    for (const rule of ["FIGURE_READABLE", "FIGURE_NOT_NEGATIVE", "NUMBER_NOT_TEXT"] as const)
      expect([rule, outcome(clean, rule)]).toEqual([rule, "pass"]);
  });
});

describe("FIGURE_READABLE", () => {
  it('names the cell holding "5150000 (est)", not only the totals it throws out', () => {
    const r = check(flaws.textInBudget.workbook);
    const f = ofRule(r, "FIGURE_READABLE");
    expect(f.map((x) => x.message)).toEqual([
      'Budget!D7 (2010/11 of "Overtime - Police Officers") holds the text "5150000 (est)" where an amount was expected; it was left out, so every total, ratio and statement figure that uses it is short of it.',
    ]);
    expect(f[0].severity).toBe("error");
    expect(f[0].paragraph).toBe("5.53, 5.58");
    // The knock-on findings are still there: D8 = 104,950,000 against 99,800,000 without D7.
    expect(places(r, "TOTALS_ADD_UP")).toContain("Budget!D8");
  });

  it("names an error value at its cell", () => {
    const f = ofRule(check(flaws.refError.workbook), "FIGURE_READABLE");
    expect(f.map((x) => x.message)).toEqual([
      'Budget!D7 (2010/11 of "Overtime - Police Officers") shows the error #REF!; it was left out, so every total, ratio and statement figure that uses it is short of it.',
    ]);
  });

  it('names "n/a" in a workforce cell', () => {
    const f = ofRule(check(flaws.notApplicableFte.workbook), "FIGURE_READABLE");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('holds the text "n/a"');
  });
});

describe("FIGURE_NOT_NEGATIVE", () => {
  it("names negative overtime once, at its cell", () => {
    const f = ofRule(check(flaws.negativeOvertime.workbook), "FIGURE_NOT_NEGATIVE");
    expect(f.map((x) => [x.cell?.address, x.message])).toEqual([
      [
        "D7",
        "Police officer overtime for 2010/11 at Budget!D7 is negative (-£5,150,000); pay cannot be below zero.",
      ],
    ]);
  });
});

describe("NUMBER_NOT_TEXT: Excel's SUM ignores this cell", () => {
  it("gives the sum Excel shows for the lines the cell belongs to", () => {
    // D6 + D7 as the add-in reads them: 99,800,000 + 5,150,000 = 104,950,000; Excel's SUM skips
    // the text in D7 and shows 99,800,000, which is what the workbook's D8 holds.
    const r = check(flaws.numberAsText.workbook);
    expect(ofRule(r, "NUMBER_NOT_TEXT").map((x) => x.message)).toEqual([
      `Budget!D7 holds "5,150,000" as text, not as a number. The add-in reads it as £5,150,000, but Excel's SUM ignores this cell: a SUM of rows 6 to 7 (the lines "Sub-total police officers" at Budget!D8 (=SUM(D6:D7)) totals) shows £99,800,000 for 2010/11 in Excel, where the add-in reads £104,950,000.`,
    ]);
    expect(ofRule(r, "NUMBER_NOT_TEXT")[0].severity).toBe("error");
  });

  it("names a pound amount typed as text in a procurement line", () => {
    const f = ofRule(check(flaws.poundsAsText.workbook), "NUMBER_NOT_TEXT");
    expect(f.map((x) => x.message)).toEqual([
      `Procurement!D6 holds "£1,840,000" as text, not as a number. The add-in reads it, but Excel's SUM ignores this cell, so a SUM over its column leaves it out.`,
    ]);
  });

  it("finds the text cell in a workbook saved and read back as .xlsx", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vfm-text-"));
    const file = path.join(dir, "planted.xlsx");
    await fs.writeFile(file, await gridToXlsx(flaws.numberAsText.workbook));
    const read = await readWorkbookFile(file);
    const f = ofRule(check(read.workbook), "NUMBER_NOT_TEXT");
    expect(f.map((x) => x.cell?.address)).toEqual(["D7"]);
    expect(f[0].message).toContain("shows £99,800,000 for 2010/11 in Excel");
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("VARIANCE_EXPLAINED: a note must address the variance", () => {
  it('does not count "See above." as an explanation', () => {
    // Overtime authorisation and controls, 2009/10: 120,000 of 280,000 is 160,000 short,
    // 160,000 / 280,000 = 57.1% below the plan.
    const f = ofRule(check(flaws.noteOnlyPoints.workbook), "VARIANCE_EXPLAINED");
    expect(f.map((x) => x.message)).toContain(
      '"Overtime authorisation and controls" saved £120,000 in 2009/10, 57.1% below the planned £280,000, and its note ("See above.") only points elsewhere and does not say why (the threshold is 10%).'
    );
  });

  it("does not count a note that names no cause or figure", () => {
    // Migration to national frameworks, 2009/10: 160,000 of 200,000 = 20% below the plan.
    const f = ofRule(check(flaws.noteSaysNothing.workbook), "VARIANCE_EXPLAINED");
    expect(f.map((x) => x.message)).toContain(
      '"Migration to national frameworks" saved £160,000 in 2009/10, 20% below the planned £200,000, and its note ("Good progress has been made on this initiative.") names no cause or figure for the difference (the threshold is 10%).'
    );
  });

  it("keeps the sample's own notes, which name a cause, a date or contracts ending", () => {
    // 350,000 of 400,000 ("went live in October 2009"), 120,000 of 280,000 ("because of two
    // major operations"), 160,000 of 200,000 ("as their local contracts end"): all explained.
    expect(places(clean, "VARIANCE_EXPLAINED")).toHaveLength(3);
  });

  it.each([
    ["See above.", "only points elsewhere"],
    ["see note 4", "only points elsewhere"],
    ["As per previous year", "only points elsewhere"],
    ["Refer to the business plan", "only points elsewhere"],
    ["n/a", "only points elsewhere"],
    ["Delayed.", "too short"],
    ["Good progress made on this initiative", "names no cause or figure"],
  ])("%j does not explain (%s)", (note, why) => {
    expect(noteFallsShort(note)).toContain(why);
  });

  it.each([
    "Contract signed three months late.",
    "Two major operations needed extra overtime.",
    "The new rota went live in October 2010.",
    "Savings of £40,000 moved into 2011/12.",
    "Lower than planned because recruitment was frozen.",
  ])("%j explains", (note) => {
    expect(noteFallsShort(note)).toBeUndefined();
  });

  it("never counts a pointer, whatever follows it", () => {
    fc.assert(
      fc.property(fc.constantFrom("See", "see", "Please see", "Refer to"), fc.string(), (p, rest) =>
        expect(noteFallsShort(`${p} ${rest}`)).toBeDefined()
      )
    );
  });

  it("always counts a note of three or more words that gives an amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) =>
        expect(noteFallsShort(`Lost £${n.toLocaleString("en-GB")} to slippage`)).toBeUndefined()
      )
    );
  });
});
