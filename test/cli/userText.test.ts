/**
 * What `vfm statement`, `vfm analyse` and `vfm check` print on the two samples keeps the
 * plain-English rules (src/core/plainEnglish.ts; issue 13 item 4). The samples are written to
 * .xlsx and read back, as the commands read a force's own workbook.
 *
 * How the printed lines are read, and which rules apply:
 * - Each line is cut into cells at runs of two or more spaces: the tables pad their columns so,
 *   and running text never has two spaces in a row.
 * - A cell of five words or more is running text ("Why" column, the headings, the sentences, the
 *   findings) and keeps every rule of running text: no "(s)", no small count in digits, no
 *   sentence opening with a numeral, no ISO date, lower case after a semicolon or colon, no
 *   setting key.
 * - A shorter cell is a label or a figure ("4.0% in 2013/14", "2013/14", "£3,235,000") and keeps
 *   the rules for any published text (publishedTextProblems): a figure may open a cell.
 * - Cell addresses are allowed: the command line, like the working papers, names the cell of
 *   each finding ("error   Budget!C7   Overtime in 2009/10 ..."), by design.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { exampleshireFreeForm, exampleshireTemplate } from "../../src/core/sample/exampleshire";
import { publishedTextProblems, wordingProblems } from "../../src/core/plainEnglish";
import { gridToXlsx } from "../../src/xlsx/write";
import { fakeIo } from "./fakeIo";

// Reading the samples and rendering the Word files takes a few seconds, more on a busy machine.
jest.setTimeout(60_000);

const PROSE_WORDS = 5;

/** Each problem in the printed text, with the line it is on; cell addresses allowed. */
function printedProblems(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (/^[\s-]*$/.test(line)) continue; // blank lines and the tables' rules
    for (const cell of line.trim().split(/\s{2,}/)) {
      const words = cell.split(/\s+/).length;
      const found = words >= PROSE_WORDS ? wordingProblems(cell) : publishedTextProblems(cell);
      for (const p of found)
        if (p.rule !== "cellAddress") out.push(`${p.rule}: ${p.text} (in "${line.trim()}")`);
    }
  }
  return out;
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "vfm-usertext-"));
  await fs.writeFile(path.join(dir, "template.xlsx"), await gridToXlsx(exampleshireTemplate()));
  await fs.writeFile(path.join(dir, "freeform.xlsx"), await gridToXlsx(exampleshireFreeForm()));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(["template.xlsx", "freeform.xlsx"])("what the commands print on %s", (file) => {
  test("vfm analyse", async () => {
    const io = fakeIo(dir);
    await main(["analyse", file], io.io);
    expect(io.err()).toBe("");
    // the sample's 13 contract lines with no planned move: the "Why" column starts with a word
    expect(io.out()).toMatch(
      /Procurement .*OFF TRACK {2}no planned migration date for 13 lines not yet on a national framework/
    );
    expect(printedProblems(io.out())).toEqual([]);
  });

  test("vfm check", async () => {
    const io = fakeIo(dir);
    await main(["check", file], io.io);
    expect(io.err()).toBe("");
    expect(io.out()).toContain(
      "Checked one workbook: none without errors, one with errors and none that could not be read."
    );
    expect(printedProblems(io.out())).toEqual([]);
  });

  test("vfm statement", async () => {
    const io = fakeIo(dir);
    const out = `${file}.docx`;
    await main(["statement", file, "--out", out, "--date", "2011-03-31"], io.io);
    expect(io.err()).toBe("");
    // the points to check are counted at the start of a sentence that opens with a word
    expect(io.out()).toMatch(/^There are \d{2,} points to check before publishing: see /m);
    expect(printedProblems(io.out())).toEqual([]);
  });
});

test("the reading of printed lines finds what it is there to find", () => {
  const rules = (text: string) => printedProblems(text).map((p) => p.split(":")[0]);
  expect(rules("29 points to check before publishing: see the papers.")).toEqual([
    "numeralStartsSentence",
  ]);
  // a figure opening a short table cell is not a sentence; a date in ISO form is wrong anywhere
  expect(rules("Vehicles  £1,840,000  2011-03-31  4.0% in 2013/14")).toEqual(["isoDate"]);
  // a long cell is running text: "13 lines ..." opening the "Why" column is a sentence
  expect(rules("Procurement  OFF TRACK  13 lines not yet on a national framework")).toEqual([
    "numeralStartsSentence",
  ]);
  expect(rules("* Overtime: The weaker of two tests.")).toEqual(["capitalAfterColon"]);
  expect(rules("  error   Budget!C7        Overtime in 2009/10 is above.")).toEqual([]);
});
