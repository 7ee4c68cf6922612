import JSZip from "jszip";
import { buildStatement } from "../../src/core/statement/build";
import { Statement, blocksOf } from "../../src/core/statement/model";
import { TEXT_WIDTH_TWIPS, fixedWidths, renderStatementDocx } from "../../src/render/docx";
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
    // the model's tables, plus one table of figures under each chart, plus the sources table
    expect(tables.length).toBe(blocksOf(s, "table").length + blocksOf(s, "chart").length + 1);
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
    for (const c of blocksOf(s, "chart")) {
      expect(doc).toContain(`descr="${c.altText.replace(/"/g, "&quot;")}"`.slice(0, 60));
      expect(unescape(doc)).toContain(`Figures in the chart: ${c.title}`);
    }
  });

  test("without native charts, the figures' tables remain", async () => {
    const bytes = await renderStatementDocx(s, { nativeCharts: false });
    const z = await JSZip.loadAsync(bytes);
    expect(Object.keys(z.files).some((f) => f.startsWith("word/charts/"))).toBe(false);
    const d = await z.file("word/document.xml")!.async("string");
    expect(unescape(d)).toContain("Figures in the chart: Planned and actual savings by area");
  });
});

describe("fixedWidths", () => {
  test("scales relative widths to the text width exactly", () => {
    // 9638 twips split 1:1:2 -> 2409, 2409, 4820 (the last takes the remainder)
    expect(fixedWidths([1, 1, 2])).toEqual([2409, 2409, 4820]);
    expect(fixedWidths([3, 7], 1000)).toEqual([300, 700]);
  });
});
