import JSZip from "jszip";
import { buildStatement } from "../../src/core/statement/build";
import { Statement, TableBlock, blocksOf } from "../../src/core/statement/model";
import {
  TEXT_WIDTH_TWIPS,
  fittedWidths,
  fixedWidths,
  renderPapersDocx,
  renderStatementDocx,
} from "../../src/render/docx";
import { FORMULA_NOTE, GENERATED_AT, testshire } from "../core/statement/fixture";

// Rendering Word and Excel files takes a second or two, more on a busy machine.
jest.setTimeout(30_000);

function statement(): Statement {
  const { data, analysis } = testshire();
  return buildStatement(analysis, data, { generatedAt: GENERATED_AT });
}

/** The visible text of a WordprocessingML fragment, paragraph by paragraph. */
function paragraphs(xml: string): { style?: string; text: string }[] {
  const out: { style?: string; text: string }[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    out.push(style ? { style, text } : { text });
  }
  return out;
}

const unescape = (t: string) =>
  t
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

describe("renderStatementDocx", () => {
  const s = statement();
  let zip: JSZip;
  let doc: string;
  let styles: string;

  beforeAll(async () => {
    const bytes = await renderStatementDocx(s);
    // a .docx is a zip: "PK" first
    expect(bytes[0]).toBe(0x50);
    expect(bytes[1]).toBe(0x4b);
    zip = await JSZip.loadAsync(bytes);
    doc = await zip.file("word/document.xml")!.async("string");
    styles = await zip.file("word/styles.xml")!.async("string");
  });

  test("headings use Word's heading styles, and those styles carry outline levels", () => {
    const ps = paragraphs(doc);
    expect(ps.find((p) => p.style === "Title")?.text).toBe(s.title);
    for (const sec of s.sections) {
      const p = ps.find((x) => unescape(x.text) === sec.heading);
      expect(p?.style).toBe(sec.level === 1 ? "Heading1" : "Heading2");
    }
    const styleXml = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? "";
    expect(styleXml("Heading1")).toContain('<w:outlineLvl w:val="0"/>');
    expect(styleXml("Heading2")).toContain('<w:outlineLvl w:val="1"/>');
  });

  test("every table has a fixed layout and fixed widths in twips, never percentages", () => {
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    // the statement's own tables; a native chart's figures are in them already (and its alt text)
    expect(tables.length).toBe(blocksOf(s, "table").length);
    expect(doc).not.toMatch(/w:type="pct"/);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      const width = Number(
        /<w:tblW w:type="dxa" w:w="(\d+)"\/>|<w:tblW w:w="(\d+)" w:type="dxa"\/>/
          .exec(t)
          ?.slice(1)
          .find((x) => x)
      );
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(width).toBe(TEXT_WIDTH_TWIPS);
      // the grid adds up to the table's width exactly
      expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
    }
  });

  test("header rows are marked to repeat", () => {
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    for (const t of tables) {
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/.exec(t)![0];
      expect(firstRow).toContain("<w:tblHeader/>");
    }
    // the planned/actual tables have two header rows (the group row and the column names)
    const summary = tables.find(
      (t) => t.includes("All areas: planned") || t.includes("Cashable (£000)")
    )!;
    const rows = [...summary.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows[1]).toContain("<w:tblHeader/>");
    expect(rows[2]).not.toContain("<w:tblHeader/>");
  });

  test("page numbers in the footer, A4 portrait", async () => {
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    const footer = await zip.file(footers[0])!.async("string");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  test("figures, RAG words and the user's text appear as written in the model", () => {
    const text = unescape(
      paragraphs(doc)
        .map((p) => p.text)
        .join("\n")
    );
    // overtime 2009/10: 4.7%, most allowed 4,940 (£000)
    expect(text).toContain("4.7%");
    expect(text).toContain("4,940");
    expect(text).toContain("Status: Off track");
    expect(text).toContain(`“${FORMULA_NOTE}”`);
    expect(text).toContain("+ travel policy <b>tightened</b>");
    // every table cell's text is in the document
    for (const t of blocksOf(s, "table"))
      for (const r of t.rows) for (const c of r.cells) expect(text).toContain(c.text);
  });

  test("charts are native Word charts with alt text, and their figures are also given as tables", async () => {
    const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(blocksOf(s, "chart").length);
    const all = await Promise.all(charts.map((c) => zip.file(c)!.async("string")));
    // the overtime chart: columns plus the 4% threshold drawn as a dashed line
    const ot = all.find((x) => x.includes("Overtime as % of paybill"))!;
    expect(ot).toContain("<c:barChart>");
    expect(ot).toContain("<c:lineChart>");
    expect(ot).toMatch(/prstDash val="dash"/);
    for (const c of blocksOf(s, "chart"))
      expect(doc).toContain(`descr="${c.altText.replace(/"/g, "&quot;")}"`.slice(0, 60));
  });

  test("without native charts, the figures' tables remain", async () => {
    const bytes = await renderStatementDocx(s, { nativeCharts: false });
    const z = await JSZip.loadAsync(bytes);
    expect(Object.keys(z.files).some((f) => f.startsWith("word/charts/"))).toBe(false);
    const d = await z.file("word/document.xml")!.async("string");
    const tables = [...d.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
    expect(tables.length).toBe(blocksOf(s, "table").length + blocksOf(s, "chart").length);
    expect(unescape(d)).toContain("Overtime as % of paybill against the 4% threshold");
  });

  test("the Authority's statement: its name, the plan, Draft on every page, contents, properties", async () => {
    const ps = paragraphs(doc);
    expect(ps[0]).toEqual({ style: "AuthorityName", text: "[Name of the Police Authority]" });
    expect(ps.map((p) => p.text)).toContain("Local Policing Plan 2010/11. Testshire Police.");
    // the header (on every page) says Draft until an approval date is given
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    const header = await zip.file(headers[0])!.async("string");
    expect(header).toContain("DRAFT: NOT YET APPROVED.");
    // one contents line per level-1 section, each with a PAGEREF to its heading's bookmark
    expect(ps.filter((p) => p.style === "ContentsEntry").map((p) => p.text.trim())).toEqual(
      s.contents.map((c) => c.heading)
    );
    for (const c of s.contents) {
      expect(doc).toContain(`PAGEREF vfm_${c.sectionId.replace(/[^A-Za-z0-9_]/g, "_")}`);
      expect(doc).toContain(`w:name="vfm_${c.sectionId.replace(/[^A-Za-z0-9_]/g, "_")}"`);
    }
    // no cell address or working-papers table in the published document
    expect(unescape(doc)).not.toMatch(/\b(?:Budget|Savings|Workforce|Procurement)![A-Z]+\d/);
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dc:title>Value for Money Statement 2010/11 to 2011/12</dc:title>");
    expect(core).not.toContain("Value for Money add-in");
  });

  test("approved: the header gives the date and the Authority is the document's author", async () => {
    const { data, analysis } = testshire();
    const st = buildStatement(analysis, data, {
      generatedAt: GENERATED_AT,
      authority: "Testshire Police Authority",
      approved: "2011-03-31",
    });
    const z = await JSZip.loadAsync(await renderStatementDocx(st));
    const headers = Object.keys(z.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    const header = await z.file(headers[0])!.async("string");
    expect(header).not.toContain("DRAFT");
    expect(header).toContain("Testshire Police Authority");
    const core = await z.file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dc:creator>Testshire Police Authority</dc:creator>");
    const d = await z.file("word/document.xml")!.async("string");
    expect(d).not.toContain("Draft: not yet approved");
  });

  test("the working papers: a document of their own, every figure on a numbered line with its cells", async () => {
    const z = await JSZip.loadAsync(await renderPapersDocx(s));
    const d = unescape(await z.file("word/document.xml")!.async("string"));
    const ps = paragraphs(d);
    expect(ps.find((p) => p.style === "Title")?.text).toBe(s.papersTitle);
    for (const sec of s.papers) expect(ps.map((p) => p.text)).toContain(sec.heading);
    const src = blocksOf(s, "sources", "papers")[0];
    expect(src.items.length).toBeGreaterThan(20);
    // W1's row: its line, figure, value and cells
    const w1 = src.items[0];
    expect(d).toContain(`>${w1.line}<`);
    expect(d).toContain(w1.cells);
    const headers = Object.keys(z.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    expect(await z.file(headers[0])!.async("string")).toContain(
      "Working papers, not for publication"
    );
  });
});

describe("fittedWidths", () => {
  const table = (header: string, label: string): TableBlock => ({
    kind: "table",
    id: "t",
    caption: "t",
    columns: [
      { header, kind: "text", width: 30 },
      { header: "Amount", kind: "money", width: 10 },
      { header: "Share", kind: "percent", width: 10 },
    ],
    headerRows: [
      [
        { text: header, span: 1 },
        { text: "Amount", span: 1 },
        { text: "Share", span: 1 },
      ],
    ],
    rows: [
      {
        cells: [
          { kind: "text", value: label, text: label, sources: [] },
          { kind: "money", value: 1_840_000, text: "1,840,000", sources: [] },
          { kind: "percent", value: 0.05, text: "5.3%", sources: [] },
        ],
      },
    ],
  });

  test("every column holds its widest figure and longest header word; the rest is shared by weight", () => {
    const w = fittedWidths(table("Category", "Vehicles"), 9000);
    // 112 twips a character + 180 padding: "1,840,000" needs 9 x 112 + 180 = 1,188
    expect(w[1]).toBeGreaterThanOrEqual(1188);
    expect(w[2]).toBeGreaterThanOrEqual(5 * 112 + 180);
    expect(w.reduce((a, b) => a + b, 0)).toBe(9000);
  });

  test("when the minimums do not fit, the label column gives way and the figures stay whole", () => {
    // a 60-letter word needs 60 x 112 + 180 = 6,900 twips, more than the 3,000 there are
    const w = fittedWidths(table("x".repeat(60), "label"), 3000);
    expect(w[1]).toBe(9 * 112 + 180);
    expect(w[2]).toBe(5 * 112 + 180); // "Share"
    expect(w[0]).toBe(3000 - w[1] - w[2]);
  });
});

describe("fittedWidths: dates", () => {
  test("a date column holds its longest date on one line, and gives way after the labels", () => {
    const date = (text: string) => ({ kind: "date" as const, value: text, text, sources: [] });
    const t: TableBlock = {
      kind: "table",
      id: "t",
      caption: "t",
      columns: [
        { header: "Category", kind: "text", width: 30 },
        { header: "In place by", kind: "date", width: 13 },
      ],
      headerRows: [],
      rows: [
        {
          cells: [
            {
              kind: "text",
              value: "Forensic analysis: drugs",
              text: "Forensic analysis: drugs",
              sources: [],
            },
            date("1 September 2008"),
          ],
        },
        // words in a date's place may wrap: they do not widen the column
        {
          cells: [
            { kind: "text", value: "Uniform", text: "Uniform", sources: [] },
            { kind: "date", value: null, text: "not given by the workbook at all", sources: [] },
          ],
        },
      ],
    };
    // "1 September 2008" is 16 characters: 16 x 112 + 180 = 1,972 twips, where there is room
    expect(fittedWidths(t, 9000)[1]).toBeGreaterThanOrEqual(1972);
    // In 3,000 twips the label keeps its longest word ("analysis:", 9 x 112 + 180 = 1,188) and
    // the date takes the rest: 3,000 - 1,188 = 1,812 (it may then break before its year).
    expect(fittedWidths(t, 3000)).toEqual([1188, 1812]);
  });
});

describe("fixedWidths", () => {
  test("scales relative widths to the text width exactly", () => {
    // 9638 twips split 1:1:2 -> 2409, 2409, 4820 (the last takes the remainder)
    expect(fixedWidths([1, 1, 2])).toEqual([2409, 2409, 4820]);
    expect(fixedWidths([3, 7], 1000)).toEqual([300, 700]);
  });
});
