/**
 * The published Word statement checked against its workbook (issue 14, item 2). The statement
 * is the sample's, written by the add-in's Word renderer on 5 May 2011; the edits are made by
 * code: as the blocks a reader gets (what a person changed), and in the .docx itself, re-saved
 * as Word saves it (runs split, revision ids, spelling marks, a bookmark) with the edit as a
 * tracked change.
 */
import { runVfm, draftStatement, VfmResult } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { DocBlock, PublishedStatement } from "../../../src/core/check/document";
import { renderStatementDocx } from "../../../src/render/docx";
import { readDocxBlocks } from "../../../src/docx/read";
import { publishedStatementOf } from "../../../src/docx/published";
import { saveAsWordWould } from "../../fixtures/wordSave";
import { CheckReport } from "../../../src/core/check/types";
import { formatRef } from "../../../src/core/grid";
import { ofRule, outcome } from "./helpers";
import { sample } from "./planted";

jest.setTimeout(120_000);

let result: VfmResult;
let docx: Uint8Array;
let blocks: DocBlock[];
let published: PublishedStatement;

beforeAll(async () => {
  result = runVfm({ ...sample(), fileName: "exampleshire.xlsx" });
  const statement = draftStatement(result, { generatedAt: "2011-05-05T10:00:00Z" });
  docx = await renderStatementDocx(statement);
  blocks = await readDocxBlocks(docx);
  published = await publishedStatementOf(result, blocks, {
    document: "statement.docx",
    workbook: "exampleshire.xlsx",
  });
});

const checkDoc = (found: readonly DocBlock[]): CheckReport =>
  checkWorkbook(result, { publishedStatement: { ...published, found } });

const documentFindings = (r: CheckReport) =>
  r.findings.filter((f) => f.rule.startsWith("DOCUMENT_"));

/** The blocks with the first table row labelled `row` in table `caption` changed at column `col`. */
function editCell(caption: string, row: string, col: number, to: string): DocBlock[] {
  let done = false;
  return blocks.map((b, i) => {
    const before = blocks[i - 1];
    if (done || b.kind !== "table" || before?.kind !== "paragraph" || before.text !== caption)
      return b;
    done = true;
    return {
      ...b,
      rows: b.rows.map((r) => (r[0] === row ? r.map((c, j) => (j === col ? to : c)) : r)),
    };
  });
}

describe("a statement as the add-in wrote it", () => {
  it("matches its workbook: no document findings, every document rule passes", () => {
    const r = checkDoc(blocks);
    expect(documentFindings(r)).toEqual([]);
    for (const rule of [
      "DOCUMENT_MATCHES_DATA",
      "DOCUMENT_AREAS_PRESENT",
      "DOCUMENT_TEXT_ADDED",
    ] as const)
      expect([rule, outcome(r, rule)]).toEqual([rule, "pass"]);
  });

  it("without a document, the document rules do not apply", () => {
    expect(outcome(checkWorkbook(result), "DOCUMENT_MATCHES_DATA")).toBe("notApplicable");
  });
});

describe("a figure edited in a table", () => {
  it("is named by section, table, row and column, with the cell it should match", () => {
    // The overtime table's 2010/11 overtime is Budget!D7, 5,150,000 in the workbook.
    const r = checkDoc(
      editCell("Overtime as a share of paybill, by year, against 4%", "2010/11", 1, "5,000,000")
    );
    const f = ofRule(r, "DOCUMENT_MATCHES_DATA");
    expect(f.map((x) => x.message)).toEqual([
      'In "2. Overtime > Overtime against 4% of paybill", table "Overtime as a share of paybill, by year, against 4%", row "2010/11", column "Overtime (£)" shows "5,000,000", but the workbook gives "5,150,000" (from Budget!D7).',
    ]);
    expect(f[0].place).toBe(
      '"2. Overtime > Overtime against 4% of paybill", table "Overtime as a share of paybill, by year, against 4%", row "2010/11", column "Overtime (£)"'
    );
    expect(f[0].cell && formatRef(f[0].cell)).toBe("Budget!D7");
    expect(f[0].severity).toBe("error");
  });
});

describe("text edited, removed or added", () => {
  const replaceText = (from: RegExp, to: string) => {
    let done = false;
    return blocks.map((b) => {
      if (done || b.kind === "table" || !from.test(b.text)) return b;
      done = true;
      return { ...b, text: b.text.replace(from, to) };
    });
  };

  it("names a status word changed", () => {
    // The overtime area is off track (two years above the required maximum).
    const idx = blocks.findIndex((b) => b.kind === "heading" && b.text === "2. Overtime");
    const edited = blocks.map((b, i) =>
      i > idx && b.kind === "paragraph" && b.text === "Status: Off track" && i < idx + 4
        ? { ...b, text: "Status: On track" }
        : b
    );
    const f = ofRule(checkDoc(edited), "DOCUMENT_MATCHES_DATA");
    expect(f.map((x) => x.message)).toEqual([
      'In "2. Overtime", the paragraph shows "Status: On track", where the statement drafted from the data shows "Status: Off track".',
    ]);
  });

  it('names a "Drafted on" line replaced by an approval line, and the line added', () => {
    const r = checkDoc(
      replaceText(
        /^Exampleshire Constabulary\. Drafted on .*$/,
        "Approved by the Police Authority on 1 June 2011."
      )
    );
    expect(documentFindings(r).map((x) => `${x.rule} ${x.message}`)).toEqual([
      'DOCUMENT_MATCHES_DATA In "Value for Money Statement 2008/09 to 2013/14", the line saying who the statement is for and when the add-in drafted it is missing or has been replaced; the draft has "Exampleshire Constabulary. Drafted on 1 January 2000 by the Value for Money add-in.".',
      'DOCUMENT_TEXT_ADDED In "Value for Money Statement 2008/09 to 2013/14", the document has text that the statement drafted from the workbook does not: "Approved by the Police Authority on 1 June 2011.".',
    ]);
  });

  it("names a figure changed in a sentence, with the cells behind it", () => {
    // The summary's "£19,280,000 of cashable savings" is the sum of every planned cashable line.
    const f = ofRule(checkDoc(replaceText(/£19,280,000/, "£21,000,000")), "DOCUMENT_MATCHES_DATA");
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe(
      `In "Summary", the paragraph has been changed from the statement drafted from the data: "…2013/14, the force expects £19,280,000 of cashable savings and…" is now "…2013/14, the force expects £21,000,000 of cashable savings and…" (from 'Savings plan'!E6, 'Savings plan'!E7, 'Savings plan'!E8 and more).`
    );
  });

  it("names a deleted point to check", () => {
    const i = blocks.findIndex((b) => b.kind === "paragraph" && b.text.startsWith("Warning: "));
    expect(i).toBeGreaterThan(0);
    const r = checkDoc(blocks.filter((_, k) => k !== i));
    const f = ofRule(r, "DOCUMENT_MATCHES_DATA");
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(
      /^In "Points to check before publishing", the document leaves out this paragraph of the statement drafted from the workbook: "Warning: Overtime in 2009\/10/
    );
  });

  it("names an edit to the settings table", () => {
    const caption = blocks.find(
      (b) =>
        b.kind === "paragraph" && /settings/i.test(b.text) && /^The|^Policy|^Settings/.test(b.text)
    );
    expect(caption).toBeDefined();
    const i = blocks.indexOf(caption!);
    const table = blocks[i + 1];
    expect(table.kind).toBe("table");
    if (table.kind !== "table") return;
    const row = table.rows.findIndex((r, k) => k >= table.headerRows && r.some((c) => c === "4%"));
    expect(row).toBeGreaterThan(0);
    const edited = blocks.map((b, k) =>
      k === i + 1 && b.kind === "table"
        ? {
            ...b,
            rows: b.rows.map((r, n) => (n === row ? r.map((c) => (c === "4%" ? "5%" : c)) : r)),
          }
        : b
    );
    const f = ofRule(checkDoc(edited), "DOCUMENT_MATCHES_DATA");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('shows "5%", but the workbook gives "4%"');
  });

  it("names one of the nine areas removed, once, not every paragraph of it", () => {
    const start = blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith("4. "));
    const end = blocks.findIndex(
      (b, k) => k > start && b.kind === "heading" && b.text.startsWith("5. ")
    );
    const r = checkDoc([...blocks.slice(0, start), ...blocks.slice(end)]);
    expect(ofRule(r, "DOCUMENT_AREAS_PRESENT").map((x) => x.message)).toEqual([
      'statement.docx has no section for reducing locally imposed bureaucracy ("4. Reducing locally imposed bureaucracy"), one of the nine areas the statement must report.',
    ]);
    expect(ofRule(r, "DOCUMENT_MATCHES_DATA")).toEqual([]);
  });
});

describe("a statement edited in Word and saved again", () => {
  it("reads as it did when re-saved with no edit (runs split, marks, a bookmark)", async () => {
    const resaved = await readDocxBlocks(await saveAsWordWould(docx));
    expect(resaved).toEqual(blocks);
    expect(documentFindings(checkDoc(resaved))).toEqual([]);
  });

  it("reads a tracked change as accepted and names the figure it changed", async () => {
    // The first run "5,150,000" is 2010/11 overtime (Budget!D7) in the overtime table.
    const edited = await readDocxBlocks(
      await saveAsWordWould(docx, [{ from: "5,150,000", to: "5,000,000" }])
    );
    const f = ofRule(checkDoc(edited), "DOCUMENT_MATCHES_DATA");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain(
      'shows "5,000,000", but the workbook gives "5,150,000" (from Budget!D7)'
    );
  });
});
