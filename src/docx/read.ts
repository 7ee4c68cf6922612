/**
 * Reads a Word statement (.docx) into the plain blocks the inspector's check compares
 * (core/check/document.ts): headings, paragraphs (list items included) and tables of cell texts.
 *
 * Mammoth (mammoth.js, BSD-2-Clause) does the reading: it is a well-kept .docx reader that gives
 * a document's meaning rather than its storage, so what Word does on save does not matter here:
 * text split over many runs (spell-check marks, revision ids) comes back as one paragraph,
 * tracked changes come back as accepted (insertions kept, deletions left out), bookmarks, fields
 * and proofing marks come back as the text they show, and tables keep their rows and cells.
 * It takes bytes, so the command line and the task pane can both use it.
 */
import mammoth from "mammoth";
import type { DocBlock } from "../core";

/** Word's title style read as a heading above Heading 1 (the add-in writes the title in it). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

type MammothInput = Parameters<typeof mammoth.convertToHtml>[0];

export class DocxReadError extends Error {}

/** The document's blocks, in order; throws DocxReadError when the file is not a Word document. */
export async function readDocxBlocks(bytes: Uint8Array): Promise<DocBlock[]> {
  const arrayBuffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength
  ) as ArrayBuffer;
  let html: string;
  try {
    // Mammoth's Node build reads `buffer` (any bytes JSZip takes), its browser build `arrayBuffer`.
    const input = { buffer: bytes, arrayBuffer } as unknown as MammothInput;
    html = (await mammoth.convertToHtml(input, { styleMap: STYLE_MAP })).value;
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new DocxReadError(`not a Word document that can be read (${why})`);
  }
  return blocksOfHtml(html);
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      );
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

interface OpenTable {
  rows: string[][];
  headerRows: number;
  row?: string[];
  rowIsHeader: boolean;
  cell?: string[];
  span: number;
}

/**
 * Mammoth's HTML (a small, regular vocabulary: h1-h6, p, ul/ol/li, table/thead/tbody/tr/th/td,
 * inline strong/em/a/sup/sub/br) as blocks. A table cell's paragraphs are joined with spaces; a
 * table inside a cell is read into the cell's text.
 */
export function blocksOfHtml(html: string): DocBlock[] {
  const out: DocBlock[] = [];
  const tables: OpenTable[] = [];
  let text: string[] | undefined;
  let heading = 0;
  const tag = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi;
  let m: RegExpExecArray | null;
  const flush = () => {
    if (!text) return;
    const t = text.join("").replace(/\s+/g, " ").trim();
    text = undefined;
    const table = tables[tables.length - 1];
    if (table?.cell) {
      if (t) table.cell.push(t);
      return;
    }
    if (!t) return;
    out.push(
      heading > 0 ? { kind: "heading", level: heading, text: t } : { kind: "paragraph", text: t }
    );
  };
  while ((m = tag.exec(html))) {
    if (m[4] !== undefined) {
      const t = decode(m[4]);
      if (text) text.push(t);
      else {
        const table = tables[tables.length - 1];
        if (table?.cell) table.cell.push(t);
      }
      continue;
    }
    const closing = m[1] === "/";
    const name = m[2].toLowerCase();
    const attrs = m[3];
    const table = tables[tables.length - 1];
    switch (name) {
      case "p":
      case "li":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        flush();
        if (!closing) {
          text = [];
          heading = name[0] === "h" ? Number(name[1]) : 0;
        }
        break;
      case "br":
        if (text) text.push(" ");
        break;
      case "table":
        flush();
        if (!closing) {
          if (table?.cell) {
            // A table inside a cell: its text joins the cell.
            tables.push({ rows: [], headerRows: 0, rowIsHeader: false, span: 1, cell: table.cell });
            tables[tables.length - 1].cell = undefined;
          } else tables.push({ rows: [], headerRows: 0, rowIsHeader: false, span: 1 });
        } else {
          const done = tables.pop();
          if (!done) break;
          const outer = tables[tables.length - 1];
          if (outer?.cell) outer.cell.push(done.rows.map((r) => r.join(" ")).join(" "));
          else if (done.rows.length > 0)
            out.push({ kind: "table", rows: done.rows, headerRows: done.headerRows });
        }
        break;
      case "tr":
        if (!table) break;
        flush();
        if (!closing) {
          table.row = [];
          table.rowIsHeader = false;
        } else if (table.row) {
          table.rows.push(table.row);
          if (table.rowIsHeader && table.rows.length === table.headerRows + 1) table.headerRows++;
          table.row = undefined;
        }
        break;
      case "td":
      case "th":
        if (!table?.row) break;
        flush();
        if (!closing) {
          table.cell = [];
          const span = /colspan\s*=\s*"?(\d+)/i.exec(attrs);
          table.span = span ? Math.max(1, Number(span[1])) : 1;
          if (name === "th") table.rowIsHeader = true;
        } else if (table.cell) {
          table.row.push(table.cell.join(" ").replace(/\s+/g, " ").trim());
          for (let k = 1; k < table.span; k++) table.row.push("");
          table.cell = undefined;
        }
        break;
      default:
        break;
    }
  }
  flush();
  return out;
}
