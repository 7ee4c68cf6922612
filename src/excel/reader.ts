/**
 * Reading the whole workbook inside one Excel.run (see readPlan.ts for how it is cut up).
 *
 * Sync 1 lists the sheets (name, visibility) and the defined names that carry the add-in's
 * ownership marks. Sync 2 asks, for every sheet at once, for its used range (values only, so
 * cells that merely carry formatting do not count) and for the used part of a first window
 * anchored at A1: values, number formats, value types and formulas, with the visible cells and
 * merged areas of that window. A workbook whose sheets fit their windows is read in these two
 * syncs. What is left of bigger sheets is read in row chunks, several chunks to a request.
 *
 * Hidden rows. Loading `rowHidden` for each row would need a proxy per row (hundreds of
 * thousands for a large sheet) and `getVisibleView()` returns the visible cells' values again.
 * Instead each window or chunk asks for its visible cells (getSpecialCellsOrNullObject
 * ("Visible"), ExcelApi 1.9): one address list per chunk, "Budget!A1:F4, Budget!A6:F90", and a
 * row of the used range that no visible area touches is hidden. The cost is a little text per
 * chunk; the catch is a chunk whose columns are all hidden, where Excel reports no visible cell
 * at all: `rowHidden` of the chunk (true only when every row is hidden) settles that, and when it
 * cannot, the rows are left as visible. The strip to the right of a window that was too narrow
 * is not asked, as its rows were judged with the window.
 *
 * Merged areas come from getMergedAreasOrNullObject (ExcelApi 1.13), which fails on more than
 * 512 merged areas: a request that fails for any reason other than its size is retried once
 * without visible cells and merged areas, and those sheets are read without them.
 */
import { Cancellation, CancelledError, Progress, ReadOptions } from "../core/gateway";
import { CellRange, SheetGrid, WorkbookGrid } from "../core/grid";
import { DefinedNameEntry, ownedSheetsFromNames } from "../core/ownership";
import { cellCount, parseAreas, rangeAddress } from "./address";
import { SheetBuilder, toVisibility } from "./cells";
import { isPayloadTooLarge } from "./errors";
import {
  Chunk,
  ReadLimits,
  cellBytes,
  cellsPerRequest,
  chunkRows,
  columnsOf,
  firstWindow,
  halve,
  packRequests,
  remainder,
  rowLabel,
  rowsOf,
} from "./readPlan";

export interface ReaderConfig {
  readonly limits: ReadLimits;
  /** Read formulas (kept only for cells that hold one). */
  readonly formulas: boolean;
  /** Ask for merged areas (ExcelApi 1.13). */
  readonly merges: boolean;
  /** Ask for visible cells to find hidden rows (ExcelApi 1.9). */
  readonly hiddenRows: boolean;
}

/** Where the read is, for error messages; updated as the read goes on. */
export interface ReadPlace {
  action: string;
  sheet?: string;
  range?: string;
}

interface Extras {
  readonly visibility: boolean;
  readonly merges: boolean;
}

interface SheetEntry {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly builder: SheetBuilder;
}

interface ChunkLoad {
  readonly chunk: Chunk;
  readonly range: Excel.Range;
  readonly visible?: Excel.RangeAreas;
  readonly merged?: Excel.RangeAreas;
}

function checkCancel(cancel: Cancellation | undefined): void {
  if (cancel?.aborted) throw new CancelledError();
}

/** The chunk's rectangle from what a used-range proxy reported. */
function rectOf(r: { rowIndex: number; columnIndex: number }, values: unknown[][]): CellRange {
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  return {
    top: r.rowIndex,
    left: r.columnIndex,
    bottom: r.rowIndex + rows - 1,
    right: r.columnIndex + cols - 1,
  };
}

export async function readWorkbookWith(
  context: Excel.RequestContext,
  config: ReaderConfig,
  options: ReadOptions,
  place: ReadPlace
): Promise<WorkbookGrid> {
  const { cancel, onProgress } = options;
  const { limits, formulas } = config;
  const progress = (p: Omit<Progress, "phase">): void => onProgress?.({ phase: "reading", ...p });
  checkCancel(cancel);
  progress({ done: 0, total: 0, label: "Listing the sheets" });

  // Sync 1: the sheets and the ownership marks.
  place.action = "listing the sheets";
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  // The date system: DATE(1904,1,1) is serial 0 in a 1904 workbook and 1462 in a 1900 one.
  // (Office.js has no property for it; the worksheet function answers without touching a cell.)
  const functions = context.workbook.functions as Excel.Functions | undefined;
  const probe = functions ? functions.date(1904, 1, 1) : undefined;
  probe?.load("value");
  await context.sync();
  const date1904 = probe?.value === 0;

  const listed = worksheets.items.map((ws) => ({
    ws,
    name: ws.name,
    visibility: toVisibility(ws.visibility),
  }));
  const marks: DefinedNameEntry[] = names.items.map((n) => ({
    name: n.name,
    reference: typeof n.formula === "string" ? n.formula : String(n.formula),
  }));
  const owned = ownedSheetsFromNames(
    marks,
    listed.map((s) => s.name)
  );
  checkCancel(cancel);

  // Sync 2: every sheet's used range and the used part of its first window.
  place.action = "reading the sheets";
  let window = firstWindow(listed.length, limits, formulas);
  const extras: Extras = { visibility: config.hiddenRows, merges: config.merges };
  const queueFirst = (withData: boolean, withExtras: Extras) =>
    listed.map((s) => {
      const used = s.ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      if (!withData) return { used };
      const windowRange = s.ws.getRangeByIndexes(0, 0, window.rows, window.columns);
      const data = windowRange.getUsedRangeOrNullObject(true);
      data.load("rowIndex,columnIndex,values,numberFormat,valueTypes");
      if (formulas) data.load("formulas");
      let visible: Excel.RangeAreas | undefined;
      let merged: Excel.RangeAreas | undefined;
      if (withExtras.visibility) {
        visible = windowRange.getSpecialCellsOrNullObject("Visible");
        visible.load("address");
        windowRange.load("rowHidden");
      }
      if (withExtras.merges) {
        merged = windowRange.getMergedAreasOrNullObject();
        merged.load("address");
      }
      return { used, windowRange, data, visible, merged };
    });

  let firsts = queueFirst(true, extras);
  let extrasFailed = false;
  try {
    await context.sync();
  } catch (e) {
    if (isPayloadTooLarge(e)) {
      // Even the first windows were too much: learn the sizes only and read it all in chunks.
      window = { rows: 0, columns: 0 };
      firsts = queueFirst(false, extras);
      await context.sync();
    } else if (extras.visibility || extras.merges) {
      extrasFailed = true;
      firsts = queueFirst(true, { visibility: false, merges: false });
      await context.sync();
    } else throw e;
  }

  const sheets: SheetEntry[] = listed.map((s, i) => {
    const f = firsts[i];
    const used: CellRange | undefined = f.used.isNullObject
      ? undefined
      : {
          top: f.used.rowIndex,
          left: f.used.columnIndex,
          bottom: f.used.rowIndex + f.used.rowCount - 1,
          right: f.used.columnIndex + f.used.columnCount - 1,
        };
    const builder = new SheetBuilder(
      s.name,
      s.visibility,
      owned.has(s.name.toLowerCase()),
      used,
      date1904
    );
    if (extrasFailed) builder.markIncomplete({ hiddenRows: true, merges: true });
    if (!config.hiddenRows) builder.markIncomplete({ hiddenRows: true });
    if (!config.merges) builder.markIncomplete({ merges: true });
    if ("data" in f && f.data && used) {
      if (!f.data.isNullObject) {
        const values = f.data.values;
        builder.addCells(
          rectOf(f.data, values),
          values,
          f.data.numberFormat,
          f.data.valueTypes,
          formulas ? f.data.formulas : undefined
        );
      }
      const scope: CellRange = {
        top: 0,
        left: 0,
        bottom: window.rows - 1,
        right: window.columns - 1,
      };
      if (f.visible) applyVisibility(builder, scope, f.visible, f.windowRange.rowHidden);
      if (f.merged && !f.merged.isNullObject) builder.addMerges(parseAreas(f.merged.address));
    }
    return { ws: s.ws, name: s.name, builder };
  });

  // The rest of each sheet, in chunks packed into requests under the size limit.
  const maxCells = cellsPerRequest(limits, formulas);
  const chunks: Chunk[] = [];
  let total = 0;
  sheets.forEach((s, i) => {
    const used = s.builder.used;
    if (!used) return;
    total += cellCount(used);
    for (const rect of remainder(used, window)) chunks.push(...chunkRows(i, rect, maxCells));
  });
  let done = total - chunks.reduce((n, c) => n + cellCount(c.rect), 0);
  progress({ done, total, label: "Read the first part of every sheet" });

  let maxBytes = limits.maxRequestBytes;
  let requests = packRequests(chunks, limits, formulas, maxBytes);
  let withExtras: Extras = extrasFailed ? { visibility: false, merges: false } : extras;
  while (requests.length > 0) {
    const request = requests[0];
    checkCancel(cancel);
    const first = request[0];
    place.action = "reading";
    place.sheet = sheets[first.sheet].name;
    place.range = rangeAddress(first.rect);
    const loads = request.map((chunk) =>
      queueChunk(sheets[chunk.sheet], chunk, withExtras, formulas)
    );
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request is the point: each request must stay under Excel's 5 MB limit, and a request carries as many chunks as fit
      await context.sync();
    } catch (e) {
      if (isPayloadTooLarge(e)) {
        // Excel refused: cut each chunk in half and plan every later request at half the size.
        const pieces = request.flatMap((c) => halve(c) ?? [c]);
        if (request.length === 1 && pieces.length === 1) throw e;
        const planned = request.reduce(
          (n, c) => n + cellCount(c.rect) * cellBytes(limits, formulas) + limits.bytesPerChunk,
          0
        );
        maxBytes = Math.max(limits.bytesPerChunk * 2, Math.floor(Math.min(maxBytes, planned) / 2));
        requests = packRequests(
          [...pieces, ...requests.slice(1).flat()],
          limits,
          formulas,
          maxBytes
        );
        continue;
      }
      if (withExtras.visibility || withExtras.merges) {
        // Too many merged areas, or visible cells Excel would not list: go on without them.
        withExtras = { visibility: false, merges: false };
        for (const s of sheets) s.builder.markIncomplete({ hiddenRows: true, merges: true });
        continue;
      }
      throw e;
    }
    for (const l of loads) applyChunk(sheets[l.chunk.sheet].builder, l, formulas);
    requests = requests.slice(1);
    done += request.reduce((n, c) => n + cellCount(c.rect), 0);
    const last = request[request.length - 1];
    progress({ done, total, label: `${sheets[last.sheet].name} (${rowLabel(last.rect)})` });
  }
  place.sheet = undefined;
  place.range = undefined;

  const grids: SheetGrid[] = sheets.map((s) => s.builder.build());
  progress({ done: total, total, label: "Read every sheet" });
  return { sheets: grids };
}

function applyVisibility(
  builder: SheetBuilder,
  scope: CellRange,
  visible: Excel.RangeAreas,
  rowHidden: boolean | null
): void {
  if (!visible.isNullObject) {
    builder.addVisibility(scope, parseAreas(visible.address), false);
  } else if (rowHidden === true) {
    builder.addVisibility(scope, [], true);
  } else {
    // No visible cell, yet not every row hidden: every column of the scope is hidden, so the
    // rows cannot be told apart. They are left as visible.
    builder.markIncomplete({ hiddenRows: true });
  }
}

function queueChunk(sheet: SheetEntry, chunk: Chunk, extras: Extras, formulas: boolean): ChunkLoad {
  const { rect } = chunk;
  const range = sheet.ws.getRangeByIndexes(rect.top, rect.left, rowsOf(rect), columnsOf(rect));
  const used = sheet.builder.used;
  // Rows are judged only where the chunk spans the used range's full width (see the top).
  const judgeRows =
    extras.visibility && used !== undefined && rect.left === used.left && rect.right === used.right;
  range.load("values,numberFormat,valueTypes");
  if (formulas) range.load("formulas");
  if (judgeRows) range.load("rowHidden");
  let visible: Excel.RangeAreas | undefined;
  let merged: Excel.RangeAreas | undefined;
  if (judgeRows) {
    visible = range.getSpecialCellsOrNullObject("Visible");
    visible.load("address");
  }
  if (extras.merges) {
    merged = range.getMergedAreasOrNullObject();
    merged.load("address");
  }
  return { chunk, range, visible, merged };
}

function applyChunk(builder: SheetBuilder, load: ChunkLoad, formulas: boolean): void {
  const { range, chunk } = load;
  builder.addCells(
    chunk.rect,
    range.values,
    range.numberFormat,
    range.valueTypes,
    formulas ? range.formulas : undefined
  );
  if (load.visible) applyVisibility(builder, chunk.rect, load.visible, range.rowHidden);
  if (load.merged && !load.merged.isNullObject) builder.addMerges(parseAreas(load.merged.address));
}
