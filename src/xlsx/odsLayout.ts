/**
 * What SheetJS leaves out when it reads an OpenDocument spreadsheet (.ods): which rows and
 * columns are hidden and which sheets are hidden. LibreOffice keeps them in content.xml:
 * - a row or column is hidden by `table:visibility="collapse"` (hidden by hand) or
 *   `"filter"` (hidden by an AutoFilter), on the <table:table-row> or <table:table-column>
 *   itself, which `table:number-rows-repeated` / `table:number-columns-repeated` may repeat;
 * - a sheet is hidden when its table style says `table:display="false"`.
 * (OpenDocument 1.2, part 1, 9.1.2, 9.1.3, 9.1.6, 19.615 and 20.389.) content.xml is read as
 * it is decompressed, tag by tag, and never held whole, so a large .ods costs little more.
 * No Node imports: the preview reads .ods files in the browser too.
 */
import { ZipEntryInfo, streamPart } from "./inspect";

/** Runs of hidden rows or columns: [first (zero-based), how many]. */
export type HiddenRuns = readonly (readonly [number, number])[];

export interface OdsSheetLayout {
  /** The sheet's name (table:name), as SheetJS names the sheet. */
  readonly name: string;
  readonly hiddenRows: HiddenRuns;
  readonly hiddenColumns: HiddenRuns;
  /** True when the sheet itself is hidden. */
  readonly hidden: boolean;
}

/** A start tag of the elements that matter, whatever their namespace prefix. */
const TAG =
  /<(\/?)(?:[A-Za-z_][\w.-]*:)?(table-row|table-column|table|style|table-properties)(?=[\s/>])([^>]*)>/g;

const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute's value by its local name (any namespace prefix). */
function attribute(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re)
    ATTRIBUTES.set(
      name,
      (re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`))
    );
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (all, e: string) => {
    const lower = e.toLowerCase();
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "amp") return "&";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const code = lower.startsWith("#x")
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : all;
  });
}

const isHidden = (visibility: string | undefined) =>
  visibility === "collapse" || visibility === "filter";

function repeatOf(attrs: string, name: string): number {
  const n = Number(attribute(attrs, name) ?? "1");
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function addRun(runs: [number, number][], start: number, count: number): void {
  const last = runs[runs.length - 1];
  if (last && last[0] + last[1] === start) last[1] += count;
  else runs.push([start, count]);
}

/** Reads the layout tag by tag; feed it content.xml's text in pieces. */
class LayoutScanner {
  readonly sheets: {
    name: string;
    style?: string;
    hiddenRows: [number, number][];
    hiddenColumns: [number, number][];
  }[] = [];
  readonly hiddenTableStyles = new Set<string>();
  private carry = "";
  private depth = 0;
  private row = 0;
  private column = 0;
  private tableStyle: string | undefined;

  feed(text: string): void {
    const s = this.carry + text;
    // An unfinished tag at the end waits for the next piece.
    const open = s.lastIndexOf("<");
    const cut = open > s.lastIndexOf(">") ? open : s.length;
    this.carry = s.slice(cut);
    const body = cut === s.length ? s : s.slice(0, cut);
    TAG.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TAG.exec(body))) this.tag(m[1] === "/", m[2], m[3]);
  }

  private tag(closing: boolean, name: string, attrs: string): void {
    const selfClosing = attrs.endsWith("/");
    if (name === "table") {
      // A table inside a table (a sub-table in a cell) is not a sheet.
      if (closing) this.depth = Math.max(0, this.depth - 1);
      else if (!selfClosing) {
        if (this.depth++ === 0) {
          this.sheets.push({
            name: unescapeXml(attribute(attrs, "name") ?? ""),
            style: attribute(attrs, "style-name"),
            hiddenRows: [],
            hiddenColumns: [],
          });
          this.row = 0;
          this.column = 0;
        }
      }
      return;
    }
    if (name === "style") {
      if (closing) this.tableStyle = undefined;
      else if (!selfClosing && attribute(attrs, "family") === "table")
        this.tableStyle = attribute(attrs, "name");
      return;
    }
    if (name === "table-properties") {
      if (!closing && this.tableStyle && attribute(attrs, "display") === "false")
        this.hiddenTableStyles.add(this.tableStyle);
      return;
    }
    if (closing || this.depth !== 1) return;
    const sheet = this.sheets[this.sheets.length - 1];
    if (name === "table-row") {
      const n = repeatOf(attrs, "number-rows-repeated");
      if (isHidden(attribute(attrs, "visibility"))) addRun(sheet.hiddenRows, this.row, n);
      this.row += n;
    } else {
      const n = repeatOf(attrs, "number-columns-repeated");
      if (isHidden(attribute(attrs, "visibility"))) addRun(sheet.hiddenColumns, this.column, n);
      this.column += n;
    }
  }
}

/**
 * The hidden rows, columns and sheets of an .ods file, from its content.xml; undefined where
 * the part cannot be read here (then the grid simply has none, as before).
 */
export async function readOdsLayout(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[]
): Promise<OdsSheetLayout[] | undefined> {
  const content = entries.find((e) => e.name.replace(/^\//, "").toLowerCase() === "content.xml");
  if (!content) return undefined;
  const scanner = new LayoutScanner();
  const decoder = new TextDecoder("utf-8");
  try {
    const read = await streamPart(bytes, content, (chunk) =>
      scanner.feed(decoder.decode(chunk, { stream: true }))
    );
    if (!read) return undefined;
    scanner.feed(decoder.decode());
  } catch {
    return undefined;
  }
  return layoutsOf(scanner);
}

/** The layout of content.xml's text given in pieces (as it arrives while decompressing). */
export function odsLayoutOfText(pieces: Iterable<string>): OdsSheetLayout[] {
  const scanner = new LayoutScanner();
  for (const p of pieces) scanner.feed(p);
  return layoutsOf(scanner);
}

function layoutsOf(scanner: LayoutScanner): OdsSheetLayout[] {
  return scanner.sheets.map((s) => ({
    name: s.name,
    hiddenRows: s.hiddenRows,
    hiddenColumns: s.hiddenColumns,
    hidden: s.style !== undefined && scanner.hiddenTableStyles.has(s.style),
  }));
}

/**
 * Runs longer than this are listed only as far as the sheet's cells go: "hide the rest of the
 * sheet" is one run of about a million rows, and rows with nothing in them matter to no figure.
 */
export const LONG_RUN = 1024;

/** The hidden indexes (rows or columns), a long run cut at `extent` (the cells' extent). */
export function indexesOf(runs: HiddenRuns, extent: number): number[] {
  const out: number[] = [];
  for (const [start, count] of runs) {
    const end = count > LONG_RUN ? Math.min(start + count, extent) : start + count;
    for (let i = start; i < end; i++) out.push(i);
  }
  return out;
}
