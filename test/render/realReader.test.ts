/**
 * The statement, its working papers and the statement workbook as a treasurer reads them: the
 * .docx and .xlsx the add-in writes for the sample, opened in LibreOffice headless (Debian's
 * libreoffice-writer-nogui and libreoffice-calc-nogui, installed by .ci/run), converted to PDF,
 * and read back with pdftotext (poppler-utils). All three files go through one LibreOffice run,
 * so the test costs one start-up.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { draftStatement, runVfm } from "../../src/core/run";
import { exampleshireFreeForm, EXAMPLESHIRE_AUTHORITY } from "../../src/core/sample/exampleshire";
import { AREA_HEADINGS } from "../../src/core/statement/sections/areas";
import { SAVINGS_AREAS } from "../../src/core/forceData";
import { Statement, blocksOf } from "../../src/core/statement/model";
import { publishedTextProblems } from "../../src/core/plainEnglish";
import {
  cellTwips,
  fittedWidths,
  renderPapersDocx,
  renderStatementDocx,
} from "../../src/render/docx";
import { advanceWidth } from "../../src/render/fontMetrics";
import { renderStatementWritePlan } from "../../src/render/excel";
import { writePlanToXlsx } from "../../src/xlsx/write";

// One LibreOffice start-up and three conversions: a few seconds, more on a busy machine.
jest.setTimeout(180_000);

/** The limit for the sample: the statement fits in 12 A4 pages as LibreOffice lays it out. */
const MAX_STATEMENT_PAGES = 12;

interface Pdf {
  readonly pages: string[];
  readonly text: string;
  /** The text with every run of spaces and line breaks as one space (a heading may wrap). */
  readonly flat: string;
}

const flat = (t: string) => t.replace(/\s+/g, " ");

function pdfText(file: string, layout: boolean): Pdf {
  const text = execFileSync("pdftotext", [...(layout ? ["-layout"] : []), file, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // pdftotext ends every page with a form feed.
  const pages = text.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return { pages, text, flat: flat(text) };
}

const NUMERIC = new Set(["money", "percent", "fte", "number"]);

/**
 * Every figure's text in the statement's tables and sentences (e.g. "1,840", "5.3%", "£949k");
 * with `numbersOnly`, the amounts, shares and counts alone (not years or dates).
 */
function figureTexts(s: Statement, numbersOnly = false): string[] {
  const out = new Set<string>();
  for (const t of blocksOf(s, "table"))
    for (const r of t.rows)
      for (const c of r.cells)
        if (
          c.value !== null &&
          /\d/.test(c.text) &&
          c.kind !== "text" &&
          (!numbersOnly || NUMERIC.has(c.kind))
        )
          out.add(c.text);
  for (const p of blocksOf(s, "paragraph"))
    for (const r of p.runs) if (r.figure && /\d/.test(r.text)) out.add(r.text);
  return [...out];
}

/**
 * Lines that end inside a number, in a thousands group cut short ("1,840,00" then "0") or just
 * after a pound sign, and go on with digits on the next line. (A figure cut in any other way is
 * caught by looking for every figure whole.)
 */
function brokenNumbers(text: string): string[] {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const end = /(?:\d,\d{1,2}|£)$/.exec(lines[i].trimEnd());
    if (end && /^\s*\d/.test(lines[i + 1])) out.push(`${lines[i].trim()} / ${lines[i + 1].trim()}`);
  }
  return out;
}

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December)";

/**
 * Dates broken across lines, in pdftotext's reading order (without -layout, a cell's lines follow
 * one another): a line ending in a day and month whose next line starts with a year ("30
 * September" / "2010"), or ending in a day whose next line starts with a month ("1" / "April 2013").
 */
function brokenDates(text: string): string[] {
  const lines = text.split("\n");
  const dayMonth = new RegExp(`\\b\\d{1,2} ${MONTH}$`);
  const month = new RegExp(`^${MONTH}\\b`);
  const out: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i].trimEnd();
    const b = lines[i + 1].trimStart();
    if ((dayMonth.test(a) && /^\d{4}\b/.test(b)) || (/(?:^|\s)\d{1,2}$/.test(a) && month.test(b)))
      out.push(`${a.slice(-30)} / ${b.slice(0, 20)}`);
  }
  return out;
}

/** Where a phrase of several words is split across two lines ("not" / "reported"). */
function brokenPhrases(text: string, phrases: readonly string[]): string[] {
  const lines = text.split("\n").map((l) => l.trim());
  const out: string[] = [];
  for (const phrase of phrases) {
    const words = phrase.split(" ");
    for (let k = 1; k < words.length; k++) {
      const head = words.slice(0, k).join(" ");
      const tail = words.slice(k).join(" ");
      for (let i = 0; i + 1 < lines.length; i++)
        if ((lines[i] === head || lines[i].endsWith(` ${head}`)) && lines[i + 1].startsWith(tail))
          out.push(`${lines[i]} / ${lines[i + 1]}`);
    }
  }
  return out;
}

/**
 * Words in a figure's place in the statement's tables ("not reported") that every table holding
 * them gives room for on one line, measured as the Word renderer measures (bold in total rows).
 */
function phrasesGivenRoom(s: Statement): string[] {
  const room = new Set<string>();
  const tight = new Set<string>();
  for (const t of blocksOf(s, "table")) {
    const widths = fittedWidths(t);
    for (const r of t.rows)
      r.cells.forEach((c, j) => {
        if (c.value !== null || t.columns[j]?.kind === "text" || !c.text.includes(" ")) return;
        const bold = r.role === "total" || r.role === "subheading" || c.emphasis === "strong";
        (widths[j] >= cellTwips(c.text, bold) ? room : tight).add(c.text);
      });
  }
  return [...room].filter((p) => !tight.has(p));
}

/**
 * The advance widths of a TrueType font (hmtx, through its Unicode cmap, format 4), in thousandths
 * of the em: what LibreOffice lays the text out with.
 */
function trueTypeWidths(file: string, chars: readonly string[]): number[] {
  const b = readFileSync(file);
  const tables: Record<string, number> = {};
  for (let i = 0; i < b.readUInt16BE(4); i++)
    tables[b.toString("latin1", 12 + 16 * i, 16 + 16 * i)] = b.readUInt32BE(20 + 16 * i);
  const unitsPerEm = b.readUInt16BE(tables.head + 18);
  const metrics = b.readUInt16BE(tables.hhea + 34);
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(tables.cmap + 2); i++) {
    const at = tables.cmap + 4 + 8 * i;
    if (b.readUInt16BE(at) === 3 && b.readUInt16BE(at + 2) === 1)
      sub = tables.cmap + b.readUInt32BE(at + 4);
  }
  const segs = b.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const offsets = deltas + 2 * segs;
  const glyph = (code: number): number => {
    for (let i = 0; i < segs; i++) {
      if (code > b.readUInt16BE(ends + 2 * i)) continue;
      const start = b.readUInt16BE(starts + 2 * i);
      if (code < start) return 0;
      const delta = b.readInt16BE(deltas + 2 * i);
      const ro = b.readUInt16BE(offsets + 2 * i);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = b.readUInt16BE(offsets + 2 * i + ro + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return chars.map((ch) => {
    const g = Math.min(glyph(ch.codePointAt(0)!), metrics - 1);
    return Math.round((b.readUInt16BE(tables.hmtx + 4 * g) * 1000) / unitsPerEm);
  });
}

describe("the widths the Word tables are fitted with are those of the font LibreOffice uses for Arial", () => {
  const chars = [
    ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
    ..."\u00a0£€–—‘’“”…−×•é",
  ];
  test.each([
    ["Arial", false],
    ["Arial:bold", true],
  ])("%s", (pattern, bold) => {
    // fontconfig names the font that stands in for Arial (Liberation Sans, metric-compatible)
    const file = execFileSync("fc-match", ["-f", "%{file}", pattern], { encoding: "utf8" });
    expect(file).toMatch(/LiberationSans-(Regular|Bold)\.ttf$/);
    const font = trueTypeWidths(file, chars);
    const differ = chars.filter((c, i) => advanceWidth(c, bold) !== font[i]);
    expect(differ).toEqual([]);
  });
});

describe("the sample's statement, working papers and workbook, read in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "vfm-reader-"));
  const result = runVfm(exampleshireFreeForm());
  const statement = draftStatement(result, { generatedAt: "2011-05-01T00:00:00Z" });
  let doc: Pdf;
  let docLayout: Pdf;
  let papers: Pdf;
  let book: Pdf;

  beforeAll(async () => {
    writeFileSync(join(dir, "statement.docx"), await renderStatementDocx(statement));
    writeFileSync(join(dir, "papers.docx"), await renderPapersDocx(statement));
    writeFileSync(
      // not statement.xlsx: LibreOffice names each PDF after its source
      join(dir, "workbook.xlsx"),
      await writePlanToXlsx(renderStatementWritePlan(statement))
    );
    execFileSync(
      "soffice",
      [
        "--headless",
        // A profile of its own: another LibreOffice running on the machine does not interfere.
        `-env:UserInstallation=file://${dir}/profile`,
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        join(dir, "statement.docx"),
        join(dir, "papers.docx"),
        join(dir, "workbook.xlsx"),
      ],
      { stdio: "ignore", timeout: 170_000 }
    );
    doc = pdfText(join(dir, "statement.pdf"), false);
    docLayout = pdfText(join(dir, "statement.pdf"), true);
    papers = pdfText(join(dir, "papers.pdf"), false);
    book = pdfText(join(dir, "workbook.pdf"), true);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test(`the statement fits in ${MAX_STATEMENT_PAGES} A4 pages, and every page says Draft and names the Authority`, () => {
    expect(doc.pages.length).toBeGreaterThan(3);
    expect(doc.pages.length).toBeLessThanOrEqual(MAX_STATEMENT_PAGES);
    doc.pages.forEach((page, i) => {
      expect({ page: i + 1, draft: page.includes("DRAFT: NOT YET APPROVED") }).toEqual({
        page: i + 1,
        draft: true,
      });
      expect({ page: i + 1, authority: page.includes(EXAMPLESHIRE_AUTHORITY) }).toEqual({
        page: i + 1,
        authority: true,
      });
      // "Page 3 of 12", filled in by LibreOffice
      expect(page).toContain(`Page ${i + 1} of ${doc.pages.length}`);
    });
  });

  test("the statement leaves room on its last page, so a longer plan or name does not spill onto a 13th", () => {
    // Words with their boxes (points from the top of the page), from pdftotext -bbox.
    const last = doc.pages.length;
    const html = execFileSync(
      "pdftotext",
      ["-bbox", "-f", String(last), "-l", String(last), join(dir, "statement.pdf"), "-"],
      { encoding: "utf8" }
    );
    const words = [
      ...html.matchAll(
        /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g
      ),
    ].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]), text: m[3] }));
    // The footer is the line holding "Page N of N"; the body ends at the lowest word above it.
    const footer = Math.min(...words.filter((w) => w.text === "Page").map((w) => w.top));
    const body = Math.max(...words.filter((w) => w.bottom < footer - 1).map((w) => w.bottom));
    const room = footer - body;
    // Measured on the sample: 181 points (some 12 lines of text) when this was written.
    if (last === MAX_STATEMENT_PAGES) expect(room).toBeGreaterThanOrEqual(100);
  });

  test("the nine areas, the foreword and a contents list with the pages LibreOffice laid out", () => {
    for (const a of SAVINGS_AREAS) expect(doc.flat).toContain(AREA_HEADINGS[a]);
    expect(doc.text).toContain("Contents");
    expect(doc.flat).toContain("Foreword by the Chair of the Police Authority");
    // each contents line ends with the page its section starts on
    const contents = docLayout.pages[0];
    for (const c of statement.contents) {
      const line = contents.split("\n").find((l) => l.trim().startsWith(c.heading));
      expect(line).toBeDefined();
      const page = Number(/(\d+)\s*$/.exec(line!)?.[1]);
      expect(flat(docLayout.pages[page - 1])).toContain(c.heading);
    }
  });

  test("no number is broken across lines, and every figure of the tables and text is there whole", () => {
    expect(brokenNumbers(docLayout.text)).toEqual([]);
    // A wrap between words ("30 June" / "2010") is allowed; a break inside a figure is not.
    const missing = figureTexts(statement).filter((f) => !doc.flat.includes(f));
    expect(missing).toEqual([]);
  });

  test("no date is broken across lines in the statement or the working papers", () => {
    // "30 September" / "2010" in the migration schedule, "1" / "April 2013" in a sentence
    expect(brokenDates(doc.text)).toEqual([]);
    expect(brokenDates(papers.text)).toEqual([]);
    // the test looks where it should: the schedule's dates are there, whole
    expect(doc.flat).toContain("30 September 2010");
  });

  test("words in a figure's place stay on one line where their column has room for them", () => {
    const phrases = phrasesGivenRoom(statement);
    // a total row's "not reported" (bold) has room in every table of the sample
    expect(phrases).toContain("not reported");
    expect(brokenPhrases(doc.text, phrases)).toEqual([]);
  });

  test("no setting key, cell address, ISO date or '(s)' in the published statement", () => {
    expect(publishedTextProblems(doc.text)).toEqual([]);
    expect(doc.text).not.toContain("(s)");
    expect(doc.text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  test("the working papers give every figure's line and cells", () => {
    const src = blocksOf(statement, "sources", "papers")[0];
    expect(papers.flat).toContain(statement.papersTitle);
    expect(papers.text).toContain("Working papers, not for publication");
    // every line number whole, on a line of its own text (W10 not cut into "W1" and "0")
    const lines = new Set(papers.text.split("\n").map((l) => l.trim()));
    expect(src.items.filter((i) => !lines.has(i.line)).map((i) => i.line)).toEqual([]);
    expect(papers.text).toContain("Points to check before publishing");
    expect(brokenNumbers(pdfText(join(dir, "papers.pdf"), true).text)).toEqual([]);
  });

  test("the statement workbook prints with every figure whole and no #### for a number too wide", () => {
    expect(book.text).toContain(statement.title);
    expect(book.text).toContain(EXAMPLESHIRE_AUTHORITY);
    for (const a of SAVINGS_AREAS) expect(book.flat).toContain(AREA_HEADINGS[a]);
    expect(book.text).not.toContain("###");
    expect(brokenNumbers(book.text)).toEqual([]);
    // Each date sits whole in its cell (merged over two columns where it needs them).
    expect(brokenDates(pdfText(join(dir, "workbook.pdf"), false).text)).toEqual([]);
    const missing = figureTexts(statement, true).filter((f) => !book.flat.includes(f));
    expect(missing).toEqual([]);
  });
});
