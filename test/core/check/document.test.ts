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
import { renderPapersDocx, renderStatementDocx } from "../../../src/render/docx";
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
let papersDocx: Uint8Array;
let papersBlocks: DocBlock[];
let papers: PublishedStatement;

beforeAll(async () => {
  result = runVfm({ ...sample(), fileName: "exampleshire.xlsx" });
  const statement = draftStatement(result, { generatedAt: "2011-05-05T10:00:00Z" });
  docx = await renderStatementDocx(statement);
  blocks = await readDocxBlocks(docx);
  published = await publishedStatementOf(result, blocks, {
    document: "statement.docx",
    workbook: "exampleshire.xlsx",
  });
  papersDocx = await renderPapersDocx(statement);
  papersBlocks = await readDocxBlocks(papersDocx);
  papers = await publishedStatementOf(result, papersBlocks, {
    document: "papers.docx",
    workbook: "exampleshire.xlsx",
  });
});

const checkPapers = (found: readonly DocBlock[]): CheckReport =>
  checkWorkbook(result, { publishedStatement: { ...papers, found } });

const checkDoc = (found: readonly DocBlock[]): CheckReport =>
  checkWorkbook(result, { publishedStatement: { ...published, found } });

const documentFindings = (r: CheckReport) =>
  r.findings.filter((f) => f.rule.startsWith("DOCUMENT_"));

/** The blocks with the first table row labelled `row` in table `caption` changed at column `col`. */
function editCell(
  caption: string,
  row: string,
  col: number,
  to: string,
  from: readonly DocBlock[] = blocks
): DocBlock[] {
  let done = false;
  return from.map((b, i) => {
    const before = from[i - 1];
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

function replaceText(from: RegExp, to: string, within: readonly DocBlock[] = blocks): DocBlock[] {
  let done = false;
  return within.map((b) => {
    if (done || b.kind === "table" || !from.test(b.text)) return b;
    done = true;
    return { ...b, text: b.text.replace(from, to) };
  });
}

describe("a figure edited in a table", () => {
  it("is named by section, table, row and column, with the cell it should match", () => {
    // The overtime table's 2010/11 overtime is Budget!D7, 5,150,000 in the workbook.
    const r = checkDoc(
      editCell(
        "The force's overtime targets: overtime as a share of paybill by year, against 4%",
        "2010/11",
        2,
        "5,000,000"
      )
    );
    const f = ofRule(r, "DOCUMENT_MATCHES_DATA");
    const place =
      '"2. Overtime > Overtime against 4% of paybill", table "The force\'s overtime targets: overtime as a share of paybill by year, against 4%", row "2010/11", column "Overtime (£)"';
    expect(f.map((x) => x.message)).toEqual([
      `In ${place} shows "5,000,000", but the workbook gives "5,150,000" (from Budget!D7).`,
    ]);
    expect(f[0].place).toBe(place);
    expect(f[0].cell && formatRef(f[0].cell)).toBe("Budget!D7");
    expect(f[0].severity).toBe("error");
  });
});

describe("text edited, removed or added", () => {
  it("names a status word changed", () => {
    // The overtime area is off track (two years above the required maximum).
    const f = ofRule(
      checkDoc(
        replaceText(/^Status: Off track\. Overtime against/, "Status: On track. Overtime against")
      ),
      "DOCUMENT_MATCHES_DATA"
    );
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(
      /^In "2\. Overtime", the paragraph has been changed from the statement drafted from the data: "Status: Off track\. Overtime against the…" is now "Status: On track\. Overtime against the…"\.$/
    );
  });

  it("names an approval line typed in place of the draft line", async () => {
    // The draft says it is not yet approved; a typed line claims approval on 1 June 2011. The
    // statement is drafted again as approved on that date, whose approval line names the
    // Authority and whose foreword no longer says it is a draft: both differences are named.
    const edited = replaceText(
      /^Draft: not yet approved by the Authority\.$/,
      "Approved by the Police Authority on 1 June 2011."
    );
    const doc = await publishedStatementOf(result, edited, {
      document: "statement.docx",
      workbook: "exampleshire.xlsx",
    });
    const r = checkWorkbook(result, { publishedStatement: doc });
    expect(documentFindings(r).map((x) => `${x.rule} ${x.message}`)).toEqual([
      'DOCUMENT_MATCHES_DATA In "Foreword", the document leaves out this paragraph of the statement drafted from the workbook: "Approved by Exampleshire Police Authority on 1 June 2011.".',
      'DOCUMENT_TEXT_ADDED In "Value for Money Statement 2008/09 to 2013/14", the document has text that the statement drafted from the workbook does not: "Approved by the Police Authority on 1 June 2011.".',
      'DOCUMENT_TEXT_ADDED In "Foreword", the document has text that the statement drafted from the workbook does not: "This statement is a draft: it has not yet been approved by Exampleshire Police Authority, and every page says so until it is.".',
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
});

describe("the working papers", () => {
  it("as the add-in wrote them, match the workbook", () => {
    expect(documentFindings(checkPapers(papersBlocks))).toEqual([]);
  });

  it("name a deleted point to check", () => {
    const i = papersBlocks.findIndex(
      (b) => b.kind === "paragraph" && b.text.startsWith("Error: Overtime in 2011/12")
    );
    expect(i).toBeGreaterThan(0);
    const f = ofRule(checkPapers(papersBlocks.filter((_, k) => k !== i)), "DOCUMENT_MATCHES_DATA");
    expect(f.map((x) => x.message)).toEqual([
      'In "Points to check before publishing", the document leaves out this paragraph of the statement drafted from the workbook: "Error: Overtime in 2011/12 (£4,950,000) is above the required maximum of £4,892,500, a 5% cut on 2010/11. (Budget!E7)".',
    ]);
  });

  it("name an edit to the settings table", () => {
    // The overtime threshold, 4% (White Paper 5.9-5.10), typed as 5%.
    const table =
      papersBlocks[
        papersBlocks.findIndex((b) => b.kind === "paragraph" && b.text === "Policy settings used") +
          1
      ];
    expect(table.kind).toBe("table");
    if (table.kind !== "table") return;
    const row = table.rows.find((r) => r[1] === "4%")!;
    const f = ofRule(
      checkPapers(editCell("Policy settings used", row[0], 1, "5%", papersBlocks)),
      "DOCUMENT_MATCHES_DATA"
    );
    expect(f.map((x) => x.message)).toEqual([
      `In "Settings used", table "Policy settings used", row "${row[0]}", column "Value" shows "5%", but the workbook gives "4%".`,
    ]);
  });

  it('name the "Drafted on" line replaced by an approval line', () => {
    const f = ofRule(
      checkPapers(
        replaceText(
          /^Exampleshire Constabulary\. Drafted on .*$/,
          "Approved by the Police Authority.",
          papersBlocks
        )
      ),
      "DOCUMENT_MATCHES_DATA"
    );
    expect(f.map((x) => x.message)).toEqual([
      'In "Working papers for the Value for Money Statement 2008/09 to 2013/14", the line saying when the working papers were drafted is missing or has been replaced; the draft has "Exampleshire Constabulary. Drafted on 1 January 2000. Line numbers W1, W2, ... are the ones the statement\'s figures are checked against.".',
    ]);
  });
});

describe("the nine areas", () => {
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
