import JSZip from "jszip";
import { buildStatement } from "../../src/core/statement/build";
import { Statement, TableBlock, blocksOf } from "../../src/core/statement/model";
import {
  TEXT_WIDTH_TWIPS,
  cellTwips,
  columnNeeds,
  fittedWidths,
  fixedWidths,
  keepDatesWhole,
  renderPapersDocx,
  holdsEveryFigure,
  renderStatementDocx,
  tableLines,
} from "../../src/render/docx";
import { draftStatement, runVfm } from "../../src/core/run";
import { exampleshireTemplate } from "../../src/core/sample/exampleshire";
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
    // every table cell's text is in the document, each date with no-break spaces in it
    for (const t of blocksOf(s, "table"))
      for (const r of t.rows)
        for (const c of r.cells) expect(text).toContain(keepDatesWhole(c.text));
    const dates = blocksOf(s, "table").flatMap((t) =>
      t.rows.flatMap((r) => r.cells.filter((c) => c.kind === "date" && c.value !== null))
    );
    expect(dates.length).toBeGreaterThan(0);
    // "31 December 2010" is written 31\u00a0December\u00a02010: no line can end inside it
    for (const d of dates)
      expect(keepDatesWhole(d.text)).toMatch(/^\d{1,2}\u00a0[A-Z][a-z]+\u00a0\d{4}/);
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
  const text = (t: string) => ({ kind: "text" as const, value: t, text: t, sources: [] });
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
          text(label),
          { kind: "money", value: 1_840_000, text: "1,840,000", sources: [] },
          { kind: "percent", value: 0.053, text: "5.3%", sources: [] },
        ],
      },
    ],
  });

  test("every column holds its widest figure and longest header word, measured in Arial", () => {
    const w = fittedWidths(table("Category", "Vehicles"), 9000);
    // "1,840,000" at 9 pt: seven digits x 556 + two commas x 278 = 4,448 units;
    // 4,448 / 1000 x 9 pt x 20 = 800.64 -> 801 twips, + 180 for the cell's margins = 981
    expect(cellTwips("1,840,000", false)).toBe(981);
    expect(w[1]).toBeGreaterThanOrEqual(981);
    // the header "Share" in bold: S 667 + h 611 + a 556 + r 389 + e 556 = 2,779 units
    // -> 500.22 -> 501 + 180 = 681, wider than "5.3%" (556 + 278 + 556 + 889 = 2,279 -> 591)
    expect(cellTwips("Share", true)).toBe(681);
    expect(cellTwips("5.3%", false)).toBe(591);
    expect(w[2]).toBeGreaterThanOrEqual(681);
    expect(w.reduce((a, b) => a + b, 0)).toBe(9000);
  });

  test("when the minimums do not fit, the label column gives way and the figures stay whole", () => {
    // a 60-letter bold word: 60 x 556 = 33,360 units -> 6,005 + 180 = 6,185 twips, more than 3,000
    const w = fittedWidths(table("x".repeat(60), "label"), 3000);
    expect(w[1]).toBe(981); // "1,840,000"
    expect(w[2]).toBe(681); // "Share"
    expect(w[0]).toBe(3000 - 981 - 681);
  });
});

describe("fittedWidths: dates", () => {
  const date = (t: string) => ({ kind: "date" as const, value: t, text: t, sources: [] });
  const label = (t: string) => ({ kind: "text" as const, value: t, text: t, sources: [] });

  test("a date never breaks: its column holds the longest date whole, and the rest is shared by weight", () => {
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
        { cells: [label("Forensic analysis: drugs"), date("1 September 2008")] },
        // words in a date's place may wrap: they do not widen the column
        {
          cells: [
            label("Uniform"),
            { kind: "date", value: null, text: "not given by the workbook at all", sources: [] },
          ],
        },
      ],
    };
    // "1 September 2008": 1 556 + space 278 + September 4,891 + space 278 + 2008 2,224
    // = 8,227 units -> 1,480.86 -> 1,481 twips + 180 = 1,661
    expect(cellTwips("1 September 2008", false)).toBe(1661);
    expect(columnNeeds(t).whole).toEqual([0, 1661]);
    // The label's longest word is its bold header "Category" (4,334 units -> 781 + 180 = 961).
    // 961 + 1,661 = 2,622 of 3,000; no row can lose a line for the 378 left ("Forensic
    // analysis:" on one line needs 1,623), so they go 30:13 -> 263 and 115.
    expect(fittedWidths(t, 3000)).toEqual([961 + 263, 1661 + 115]);
  });

  test("a date in a label keeps its no-break spaces and its width; what follows a date may wrap", () => {
    expect(keepDatesWhole("move by 1 April 2013 (Procurement!G7)")).toBe(
      "move by 1\u00a0April\u00a02013 (Procurement!G7)"
    );
    const t: TableBlock = {
      kind: "table",
      id: "t",
      caption: "t",
      columns: [{ header: "Planned move", kind: "date", width: 10 }],
      headerRows: [],
      rows: [{ cells: [date("30 June 2012 (later than due)")] }],
    };
    // only "30 June 2012" must be whole: 3 0 = 1,112; space 278; J 500 u 556 n 556 e 556 =
    // 2,168; space 278; 2012 = 2,224: 6,060 units -> 1,090.8 -> 1,091 + 180 = 1,271
    expect(columnNeeds(t).whole).toEqual([1271]);
  });

  test("a table whose dates and figures cannot all be whole says so, and is cut only as a last resort", () => {
    const t: TableBlock = {
      kind: "table",
      id: "t",
      caption: "t",
      columns: [
        { header: "Ends", kind: "date", width: 1 },
        { header: "Move by", kind: "date", width: 1 },
      ],
      headerRows: [],
      rows: [{ cells: [date("30 September 2010"), date("30 September 2010")] }],
    };
    // each needs 1,761 (8,783 units -> 1,581 + 180): 3,522 in all
    expect(cellTwips("30 September 2010", false)).toBe(1761);
    expect(holdsEveryFigure(t, 3522)).toBe(true);
    expect(fittedWidths(t, 3522)).toEqual([1761, 1761]);
    expect(holdsEveryFigure(t, 3000)).toBe(false);
    expect(fittedWidths(t, 3000)).toEqual([1500, 1500]);
  });
});

describe("fittedWidths: words in a figure's place", () => {
  const money = (v: number, t: string) => ({
    kind: "money" as const,
    value: v,
    text: t,
    sources: [],
  });
  const missing = (t: string) => ({ kind: "money" as const, value: null, text: t, sources: [] });
  const label = (t: string) => ({ kind: "text" as const, value: t, text: t, sources: [] });
  const t: TableBlock = {
    kind: "table",
    id: "t",
    caption: "t",
    columns: [
      { header: "Year", kind: "text", width: 10 },
      { header: "Planned", kind: "money", width: 10 },
      { header: "Actual", kind: "money", width: 10 },
    ],
    headerRows: [],
    rows: [
      { cells: [label("2009/10"), money(400_000, "400,000"), money(350_000, "350,000")] },
      { cells: [label("2010/11"), money(900_000, "900,000"), missing("not reported")] },
      {
        role: "total",
        cells: [label("Total"), money(1_300_000, "1,300,000"), missing("not reported")],
      },
    ],
  };

  test("'not reported' comes onto one line where the room allows it, in bold in a total row", () => {
    // bold "not reported": n 611 o 611 t 333 space 278 r 389 e 556 p 611 o 611 r 389 t 333 e 556
    // d 611 = 5,889 units -> 1,060.02 -> 1,061 + 180 = 1,241 twips; its longest word, bold
    // "reported", is 4,056 units -> 731 + 180 = 911
    expect(cellTwips("not reported", true)).toBe(1241);
    expect(columnNeeds(t).words[2]).toBe(911);
    const w = fittedWidths(t, 4000);
    expect(w[2]).toBeGreaterThanOrEqual(1241);
    // one line each: the header row and the three rows
    expect(tableLines(t, w)).toBe(4);
    // at the bare minimum widths (911) "not reported" takes two lines in 2010/11 (regular: 5,392
    // units -> 971 + 180 = 1,151) and in the total: 1 + 1 + 2 + 2 = 6
    expect(cellTwips("not reported", false)).toBe(1151);
    expect(tableLines(t, columnNeeds(t).words)).toBe(6);
  });

  test("with no room for it, 'not reported' wraps between its words and the figures stay whole", () => {
    const need = columnNeeds(t);
    const total = need.words.reduce((a, b) => a + b, 0) + 100;
    const w = fittedWidths(t, total);
    expect(w[1]).toBeGreaterThanOrEqual(cellTwips("1,300,000", true));
    // 100 twips spare: not enough for 911 -> 1,151, so both stay on two lines
    expect(w[2]).toBeLessThan(1151);
    expect(tableLines(t, w)).toBe(6);
  });
});

describe("the sample's tables in Word", () => {
  const s = draftStatement(runVfm(exampleshireTemplate()), { generatedAt: GENERATED_AT });
  const tables = [...blocksOf(s, "table"), ...blocksOf(s, "table", "papers")];

  test("every table holds each figure and date whole, and each label's longest word, on A4", () => {
    expect(tables.length).toBeGreaterThan(15);
    const short = tables.flatMap((t) => {
      const w = fittedWidths(t);
      const need = columnNeeds(t);
      return [
        ...(holdsEveryFigure(t) ? [] : [`${t.id}: figures and dates do not fit`]),
        ...need.words.flatMap((n, j) =>
          w[j] < n ? [`${t.id} column ${j + 1}: ${w[j]} < ${n}`] : []
        ),
      ];
    });
    expect(short).toEqual([]);
  });

  test("the migration schedule has one Contract column, category (supplier), and its three dates", () => {
    const m = tables.find((t) => t.id === "procurement-migration")!;
    expect(m.columns.map((c) => c.header)).toEqual([
      "Contract",
      "Spend (£)",
      "Contract ends",
      "Move by",
      "Planned move",
      "Expected saving a year (£)",
    ]);
    expect(m.rows[0].cells[0].text).toBe("Body armour (Shieldwell Protective Ltd)");
    const w = fittedWidths(m);
    // the three date columns each hold "30 September 2010" (1,761 twips) or their longest date
    expect(w[2]).toBeGreaterThanOrEqual(1761);
    expect(w[3]).toBeGreaterThanOrEqual(1761);
  });
});

describe("fixedWidths", () => {
  test("scales relative widths to the text width exactly", () => {
    // 9638 twips split 1:1:2 -> 2409, 2409, 4820 (the last takes the remainder)
    expect(fixedWidths([1, 1, 2])).toEqual([2409, 2409, 4820]);
    expect(fixedWidths([3, 7], 1000)).toEqual([300, 700]);
  });
});
