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
 * Each address list is checked against the counts Excel gives with it, and asked again area by
 * area when it was cut short (areaLists.ts).
 *
 * Merged areas come from getMergedAreasOrNullObject (ExcelApi 1.13), which fails on more than
 * 512 merged areas. A request that fails for any reason other than its size is read again
 * without visible cells and merged areas, and those are then asked apart, place by place: a
 * failing place is split (a sheet from the others, visible cells from merged areas, a range into
 * halves of its rows), so only the sheet that Excel will not answer for is read without them,
 * and only for what it would not answer.
 */
import { Cancellation, CancelledError, Progress, ReadOptions } from "../core/gateway";
import { CellRange, SheetGrid, WorkbookGrid } from "../core/grid";
import { DefinedNameEntry, ownedSheetsFromNames } from "../core/ownership";
import { cellCount, rangeAddress } from "./address";
import { AreaList, askAreas, settleAreaLists } from "./areaLists";
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

/** Which of the two area lists are asked: of one sheet (it stops being asked what it refused). */
interface Extras {
  visibility: boolean;
  merges: boolean;
}

const NO_EXTRAS: Extras = { visibility: false, merges: false };

interface SheetEntry {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly builder: SheetBuilder;
}

/** A rectangle of one sheet whose visible cells and merged areas are wanted. */
interface Place {
  /** Index of the sheet. */
  readonly sheet: number;
  readonly rect: CellRange;
  /** Hidden rows are judged here (see the top): visible cells are asked. */
  readonly judgeRows: boolean;
}

/** The read's sheets as far as the area lists go. */
interface ExtrasState {
  /** What is still asked of each sheet. */
  readonly extras: readonly Extras[];
  /** The sheets, filled in once their used ranges are known (before any list is used). */
  readonly sheets: readonly SheetEntry[];
  /** Extra requests spent per sheet on asking merged areas in halves. */
  readonly splits: Map<number, number>;
}

/** At most this many extra requests per sheet go into asking its merged areas in halves. */
const MAX_MERGE_SPLITS = 32;

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

/**
 * Queues the area lists of a place (what `kinds` and the sheet still ask): the visible cells,
 * with the range's rowHidden for when there are none, and the merged areas.
 */
function queueExtras(
  range: Excel.Range,
  place: Place,
  kinds: Extras,
  state: ExtrasState
): AreaList[] {
  const { sheet, rect } = place;
  const asked = state.extras[sheet];
  const lists: AreaList[] = [];
  if (kinds.visibility && asked.visibility && place.judgeRows) {
    range.load("rowHidden");
    lists.push(
      askAreas(
        range.getSpecialCellsOrNullObject("Visible"),
        (areas) => applyVisibility(state.sheets[sheet].builder, rect, areas, range.rowHidden),
        () => state.sheets[sheet].builder.markIncomplete({ hiddenRows: true })
      )
    );
  }
  if (kinds.merges && asked.merges)
    lists.push(
      askAreas(
        range.getMergedAreasOrNullObject(),
        (areas) => {
          if (areas) state.sheets[sheet].builder.addMerges(areas);
        },
        () => state.sheets[sheet].builder.markIncomplete({ merges: true })
      )
    );
  return lists;
}

/**
 * Asks the area lists of places apart from their cells, after a request with both failed:
 * all at once, then, where Excel refuses, in halves of the places, each kind on its own, and a
 * place's merged areas in halves of its rows (Excel lists at most 512 at a time). What one
 * place still refuses is left out for its sheet alone, and that sheet is marked as read without
 * it; every other sheet keeps both.
 */
async function askApart(
  context: Excel.RequestContext,
  places: readonly Place[],
  kinds: Extras,
  state: ExtrasState
): Promise<void> {
  const wanted = places.filter(
    (p) =>
      (kinds.visibility && state.extras[p.sheet].visibility && p.judgeRows) ||
      (kinds.merges && state.extras[p.sheet].merges)
  );
  if (wanted.length === 0) return;
  const lists = wanted.flatMap((p) => {
    const { rect } = p;
    const ws = state.sheets[p.sheet].ws;
    const range = ws.getRangeByIndexes(rect.top, rect.left, rowsOf(rect), columnsOf(rect));
    return queueExtras(range, p, kinds, state);
  });
  try {
    await context.sync();
    await settleAreaLists(context, lists);
    return;
  } catch {
    // Refused: split what was asked, below.
  }
  if (wanted.length > 1) {
    const mid = Math.floor(wanted.length / 2);
    await askApart(context, wanted.slice(0, mid), kinds, state);
    await askApart(context, wanted.slice(mid), kinds, state);
    return;
  }
  const place = wanted[0];
  if (kinds.visibility && kinds.merges) {
    await askApart(context, [place], { visibility: true, merges: false }, state);
    await askApart(context, [place], { visibility: false, merges: true }, state);
    return;
  }
  const { sheet, rect } = place;
  const used = state.splits.get(sheet) ?? 0;
  if (kinds.merges && rowsOf(rect) > 1 && used < MAX_MERGE_SPLITS) {
    state.splits.set(sheet, used + 1);
    const mid = rect.top + Math.floor(rowsOf(rect) / 2) - 1;
    await askApart(
      context,
      [
        { ...place, rect: { ...rect, bottom: mid } },
        { ...place, rect: { ...rect, top: mid + 1 } },
      ],
      kinds,
      state
    );
    return;
  }
  const { builder } = state.sheets[sheet];
  if (kinds.visibility) {
    state.extras[sheet].visibility = false;
    builder.markIncomplete({ hiddenRows: true });
  } else {
    state.extras[sheet].merges = false;
    builder.markIncomplete({ merges: true });
  }
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
  const windowRect = (): CellRange => ({
    top: 0,
    left: 0,
    bottom: window.rows - 1,
    right: window.columns - 1,
  });
  // The builders are made once the used ranges are known; the lists' callbacks find them here.
  const sheets: SheetEntry[] = [];
  const state: ExtrasState = {
    extras: listed.map(() => ({ ...extras })),
    sheets,
    splits: new Map(),
  };
  const queueFirst = (withData: boolean, withExtras: Extras) =>
    listed.map((s, i) => {
      const used = s.ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      if (!withData) return { used, lists: [] as AreaList[] };
      const windowRange = s.ws.getRangeByIndexes(0, 0, window.rows, window.columns);
      const data = windowRange.getUsedRangeOrNullObject(true);
      data.load("rowIndex,columnIndex,values,numberFormat,valueTypes");
      if (formulas) data.load("formulas");
      const place: Place = { sheet: i, rect: windowRect(), judgeRows: true };
      const lists = queueExtras(windowRange, place, withExtras, state);
      return { used, data, lists };
    });

  let firsts = queueFirst(true, extras);
  let askLater = false;
  try {
    await context.sync();
  } catch (e) {
    if (isPayloadTooLarge(e)) {
      // Even the first windows were too much: learn the sizes only and read it all in chunks.
      window = { rows: 0, columns: 0 };
      firsts = queueFirst(false, extras);
      await context.sync();
    } else if (extras.visibility || extras.merges) {
      // Read the windows without their area lists, and ask those apart (askApart).
      askLater = true;
      firsts = queueFirst(true, NO_EXTRAS);
      await context.sync();
    } else throw e;
  }

  listed.forEach((s, i) => {
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
    if (!config.hiddenRows) builder.markIncomplete({ hiddenRows: true });
    if (!config.merges) builder.markIncomplete({ merges: true });
    sheets.push({ ws: s.ws, name: s.name, builder });
    if ("data" in f && f.data && used && !f.data.isNullObject) {
      const values = f.data.values;
      builder.addCells(
        rectOf(f.data, values),
        values,
        f.data.numberFormat,
        f.data.valueTypes,
        formulas ? f.data.formulas : undefined
      );
    }
  });
  if (window.rows > 0) {
    const withWindows = sheets.flatMap((s, i) => (s.builder.used ? [i] : []));
    if (askLater)
      await askApart(
        context,
        withWindows.map((i) => ({ sheet: i, rect: windowRect(), judgeRows: true })),
        extras,
        state
      );
    else
      await settleAreaLists(
        context,
        firsts.flatMap((f, i) => (sheets[i].builder.used ? f.lists : []))
      );
  }

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
  while (requests.length > 0) {
    const request = requests[0];
    checkCancel(cancel);
    const first = request[0];
    place.action = "reading";
    place.sheet = sheets[first.sheet].name;
    place.range = rangeAddress(first.rect);
    const placeOf = (chunk: Chunk): Place => {
      const used = sheets[chunk.sheet].builder.used;
      // Rows are judged only where the chunk spans the used range's full width (see the top).
      const judgeRows =
        used !== undefined && chunk.rect.left === used.left && chunk.rect.right === used.right;
      return { sheet: chunk.sheet, rect: chunk.rect, judgeRows };
    };
    let loads = request.map((chunk) => queueChunk(sheets[chunk.sheet], chunk, formulas));
    let lists = request.flatMap((chunk, k) =>
      queueExtras(loads[k].range, placeOf(chunk), extras, state)
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
      if (lists.length === 0) throw e;
      // Too many merged areas, or visible cells Excel would not list: the cells first, alone;
      // then the area lists apart, so that only the sheet Excel refuses goes without them.
      loads = request.map((chunk) => queueChunk(sheets[chunk.sheet], chunk, formulas));
      lists = [];
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the same request again without its area lists
      await context.sync();
      for (const l of loads) applyChunk(sheets[l.chunk.sheet].builder, l, formulas);
      await askApart(context, request.map(placeOf), extras, state);
      loads = [];
    }
    for (const l of loads) applyChunk(sheets[l.chunk.sheet].builder, l, formulas);
    await settleAreaLists(context, lists);
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
  visible: readonly CellRange[] | undefined,
  rowHidden: boolean | null
): void {
  if (visible) {
    builder.addVisibility(scope, visible, false);
  } else if (rowHidden === true) {
    builder.addVisibility(scope, [], true);
  } else {
    // No visible cell, yet not every row hidden: every column of the scope is hidden, so the
    // rows cannot be told apart. They are left as visible.
    builder.markIncomplete({ hiddenRows: true });
  }
}

interface ChunkLoad {
  readonly chunk: Chunk;
  readonly range: Excel.Range;
}

function queueChunk(sheet: SheetEntry, chunk: Chunk, formulas: boolean): ChunkLoad {
  const { rect } = chunk;
  const range = sheet.ws.getRangeByIndexes(rect.top, rect.left, rowsOf(rect), columnsOf(rect));
  range.load("values,numberFormat,valueTypes");
  if (formulas) range.load("formulas");
  return { chunk, range };
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
}
