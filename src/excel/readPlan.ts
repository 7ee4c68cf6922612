/**
 * How a workbook read is cut into requests that stay well under Excel's limits. Pure planning:
 * no Office.js here, so the arithmetic is tested on its own.
 *
 * Excel on the web refuses a request or response bigger than 5 MB, and any one read of more than
 * 5 million cells. We cannot know a sheet's contents before reading it, so a request's size is
 * estimated from its cell count and a deliberately generous number of bytes per cell (values,
 * number formats, value types and, when read, formulas, each as JSON), and each request is
 * planned to stay under 4 MB. If Excel refuses anyway, the gateway halves the rows and retries.
 *
 * The read takes two steps that each cost one sync:
 * 1. list the sheets (names, visibility) and the add-in's ownership record;
 * 2. for every sheet at once, read the used part of a first window anchored at A1 (its used
 *    range, visible cells and merged areas come back in the same request).
 * A sheet whose used range does not fit its window has the rest read in row chunks; chunks of
 * different sheets share a request as long as the request stays under the limit.
 */
import { CellRange } from "../core/grid";
import { cellCount, intersect } from "./address";
import { formatCount } from "../core/format";

export interface ReadLimits {
  /** The most a planned request may carry, in bytes (Excel's own limit is 5 MB). */
  readonly maxRequestBytes: number;
  /** Excel's limit is 5 million cells per read; plan for far fewer. */
  readonly maxCellsPerRequest: number;
  /** Estimated bytes per cell for values + numberFormat + valueTypes (JSON). */
  readonly bytesPerCell: number;
  /** Estimated extra bytes per cell when formulas are read too. */
  readonly formulaBytesPerCell: number;
  /** Fixed allowance per chunk for its addresses (visible cells, merged areas). */
  readonly bytesPerChunk: number;
  /** Width of the first window: columns A.. that most budget sheets fit in. */
  readonly windowColumns: number;
  /** The first window never has fewer rows than this, however many sheets there are. */
  readonly minWindowRows: number;
}

/**
 * 64 bytes a cell: a value of up to ~20 characters, a format string of up to ~24 characters, a
 * value type such as "Double" and the JSON punctuation; formulas add up to ~32 more. Real budget
 * sheets average well under half of that, so a planned 4 MB request is nearer 2 MB.
 * The first window is 16 columns wide (A:P: a label, ten or so years, notes) and as tall as the
 * request allows: with ten sheets, (4,000,000 / 10 - 2,048) / 96 / 16 = 259 rows each.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRequestBytes: 4_000_000,
  maxCellsPerRequest: 1_000_000,
  bytesPerCell: 64,
  formulaBytesPerCell: 32,
  bytesPerChunk: 2_048,
  windowColumns: 16,
  minWindowRows: 16,
};

/** Bytes one cell is planned to cost. */
export function cellBytes(limits: ReadLimits, withFormulas: boolean): number {
  return limits.bytesPerCell + (withFormulas ? limits.formulaBytesPerCell : 0);
}

/** The most cells one request may hold under both the byte and the cell limits. */
export function cellsPerRequest(limits: ReadLimits, withFormulas: boolean): number {
  const byBytes = Math.floor(
    (limits.maxRequestBytes - limits.bytesPerChunk) / cellBytes(limits, withFormulas)
  );
  return Math.max(1, Math.min(byBytes, limits.maxCellsPerRequest));
}

/** The first window's size for each of `sheetCount` sheets read in one request. */
export function firstWindow(
  sheetCount: number,
  limits: ReadLimits,
  withFormulas: boolean
): { rows: number; columns: number } {
  const n = Math.max(1, sheetCount);
  const perSheetBytes = Math.floor(limits.maxRequestBytes / n) - limits.bytesPerChunk;
  const perSheetCells = Math.max(
    limits.minWindowRows * limits.windowColumns,
    Math.floor(perSheetBytes / cellBytes(limits, withFormulas))
  );
  const rows = Math.max(limits.minWindowRows, Math.floor(perSheetCells / limits.windowColumns));
  return { rows, columns: limits.windowColumns };
}

/** A rectangle of one sheet read in one piece. */
export interface Chunk {
  readonly sheet: number;
  readonly rect: CellRange;
}

export function rowsOf(r: CellRange): number {
  return r.bottom - r.top + 1;
}

export function columnsOf(r: CellRange): number {
  return r.right - r.left + 1;
}

/**
 * What of a used range the first window (rows 0..rows-1, columns 0..columns-1) did not cover:
 * a strip to the right of the window and a block below it, each at most the used range's size.
 */
export function remainder(used: CellRange, window: { rows: number; columns: number }): CellRange[] {
  const out: CellRange[] = [];
  const right = intersect(used, {
    top: 0,
    bottom: window.rows - 1,
    left: window.columns,
    right: Number.MAX_SAFE_INTEGER,
  });
  if (right) out.push(right);
  const below = intersect(used, {
    top: window.rows,
    bottom: Number.MAX_SAFE_INTEGER,
    left: 0,
    right: Number.MAX_SAFE_INTEGER,
  });
  if (below) out.push(below);
  return out;
}

/** Cuts a rectangle into row chunks of at most `maxCells` cells each (at least one row each). */
export function chunkRows(sheet: number, rect: CellRange, maxCells: number): Chunk[] {
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / columnsOf(rect)));
  const out: Chunk[] = [];
  for (let top = rect.top; top <= rect.bottom; top += rowsPerChunk) {
    const bottom = Math.min(rect.bottom, top + rowsPerChunk - 1);
    out.push({ sheet, rect: { top, bottom, left: rect.left, right: rect.right } });
  }
  return out;
}

/** Planned bytes of one chunk. */
export function chunkBytes(chunk: Chunk, limits: ReadLimits, withFormulas: boolean): number {
  return cellCount(chunk.rect) * cellBytes(limits, withFormulas) + limits.bytesPerChunk;
}

/**
 * Greedily packs chunks, in order, into requests of at most `maxBytes` planned bytes and
 * `limits.maxCellsPerRequest` cells. A chunk bigger than a request on its own gets a request
 * to itself (chunkRows never makes one, but a caller's halving budget might).
 */
export function packRequests(
  chunks: readonly Chunk[],
  limits: ReadLimits,
  withFormulas: boolean,
  maxBytes: number = limits.maxRequestBytes
): Chunk[][] {
  const out: Chunk[][] = [];
  let current: Chunk[] = [];
  let bytes = 0;
  let cells = 0;
  for (const c of chunks) {
    const b = chunkBytes(c, limits, withFormulas);
    const n = cellCount(c.rect);
    if (current.length > 0 && (bytes + b > maxBytes || cells + n > limits.maxCellsPerRequest)) {
      out.push(current);
      current = [];
      bytes = 0;
      cells = 0;
    }
    current.push(c);
    bytes += b;
    cells += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A chunk cut in two by rows, for a retry after Excel refused it; one-row chunks cannot be. */
export function halve(chunk: Chunk): Chunk[] | undefined {
  const rows = rowsOf(chunk.rect);
  if (rows < 2) return undefined;
  const mid = chunk.rect.top + Math.floor(rows / 2) - 1;
  return [
    { sheet: chunk.sheet, rect: { ...chunk.rect, bottom: mid } },
    { sheet: chunk.sheet, rect: { ...chunk.rect, top: mid + 1 } },
  ];
}

/** "rows 1-50,000" for progress labels and messages (one-based, as Excel shows them). */
export function rowLabel(r: CellRange): string {
  const f = (n: number): string => formatCount(n);
  return r.top === r.bottom ? `row ${f(r.top + 1)}` : `rows ${f(r.top + 1)}-${f(r.bottom + 1)}`;
}
