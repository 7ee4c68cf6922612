/**
 * Applying a write plan inside one Excel.run, in at most three syncs plus one per extra chunk of
 * a large table:
 *
 * 1. learn the sheets, their charts and tables, the workbook's tables and defined names (the
 *    ownership marks), and decide where each planned sheet goes (resolveSheetNames: only the
 *    add-in's own sheets are ever replaced);
 * 2. create the new sheets (each with its ownership mark), clear the add-in sheets being
 *    replaced, and write the values, number formats first;
 *    (2a. values that did not fit one request under the size limit, one request each;)
 * 3. styles, merges, column widths, frozen panes, page layout, tables, charts, tab colours,
 *    visibility, and the sheet to show.
 * Calculation and screen updating are suspended until each of these syncs.
 *
 * Literal text. Excel takes text sent as a cell value the way it takes typing: "=SUM(A1)"
 * becomes a formula, "-5" and "1,000" numbers, "2010/11" a date. Two ways keep text literal:
 * a leading apostrophe (Excel keeps it as the cell's hidden prefix, but range.formulas and some
 * round trips are known to drop it), or the Text number format "@", set before the value in the
 * same request, under which Excel stores whatever arrives as text. The writer uses "@" for every
 * text cell: it covers every case above, not only a leading "=", and leaves no apostrophe to be
 * lost or to show up in what Office.js and ExcelJS read back.
 *
 * Replacing an add-in sheet clears it in place (its tables and charts deleted, cells cleared,
 * merges, frozen panes and column widths reset) instead of deleting it and adding a new one:
 * formulas in the user's own sheets that refer to the add-in's sheet keep working, and the
 * sheet's ownership mark (a defined name pointing at it) stays valid.
 */
import {
  Cancellation,
  CancelledError,
  GatewayError,
  Progress,
  WriteOptions,
  WriteResult,
} from "../core/gateway";
import { CellRange, a1, quoteSheetName } from "../core/grid";
import {
  DefinedNameEntry,
  marksOwnership,
  nextOwnershipName,
  ownedSheetsFromNames,
  parseOwnershipName,
  sheetOfReference,
} from "../core/ownership";
import {
  CellStyle,
  ChartPlan,
  PlainValue,
  SheetNameDecision,
  SheetPlan,
  WritePlan,
  resolveSheetNames,
} from "../core/writePlan";
import { rangeAddress } from "./address";

// A plan's own faults, found before Excel is asked; here so the gateway fetches them with the writer.
export { planProblems } from "../core/writePlan";
import { isOfficeError, isPayloadTooLarge } from "./errors";

export interface WriterConfig {
  /** The most one request may carry, in bytes. */
  readonly maxRequestBytes: number;
  /** Style several ranges in one operation (RangeAreas, ExcelApi 1.9). */
  readonly rangeAreas: boolean;
}

export interface WritePlace {
  action: string;
  sheet?: string;
  range?: string;
  sheets?: readonly string[];
}

/** Bytes a JSON value takes as UTF-8. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** A rectangle of cells that take one number format, set in one operation. */
export interface FormatArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly format: string;
}

/** A rectangle of values written in one operation (a block, or a row slice of a big one). */
export interface ValuePiece {
  /** Index of the sheet in the plan. */
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  /** null leaves a cell as it is (Office.js ignores null when setting values). */
  readonly values: (string | number | boolean | null)[][];
  /** "@" for text cells (kept literal), the plan's format or "General" for the rest. */
  readonly formats: (string | null)[][];
  /** The same formats as rectangles (absolute rows and columns), one operation each. */
  readonly formatAreas: readonly FormatArea[];
  /** Estimated bytes on the wire: the values as JSON and the operations around them. */
  readonly bytes: number;
}

const TEXT_FORMAT = "@";

/**
 * Desktop Excel shows text of more than 255 characters in a Text ("@") cell as "#####". Such
 * text is written under General with a leading apostrophe instead: Excel keeps the apostrophe as
 * the cell's hidden prefix and stores the rest as text, whatever it looks like.
 */
export const TEXT_FORMAT_MAX_CHARS = 255;

/** Estimated bytes of one range operation on the wire (object path, instantiate, set). */
export const OPERATION_BYTES = 500;

/** One row's worth of one block. */
interface RowPart {
  readonly row: number;
  readonly left: number;
  readonly values: readonly PlainValue[];
  readonly formats?: readonly (string | undefined)[];
}

/** Runs of equal formats in a row: [left, right, format] (columns relative to the piece). */
function formatRuns(row: readonly (string | null)[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let c = 0; c < row.length; c++) {
    const f = row[c];
    if (f === null) continue;
    const last = out[out.length - 1];
    if (last && last[1] === c - 1 && last[2] === f) last[1] = c;
    else out.push([c, c, f]);
  }
  return out;
}

/**
 * The format rectangles of rows `from`..`to` of a piece: each row's runs of one format, joined
 * with the same run on the rows below. A ledger's columns become one rectangle each.
 */
export function formatAreasOf(
  formats: readonly (readonly (string | null)[])[],
  top: number,
  left: number
): FormatArea[] {
  const done: FormatArea[] = [];
  let open = new Map<string, { top: number; left: number; right: number; format: string }>();
  formats.forEach((row, i) => {
    const next = new Map<string, { top: number; left: number; right: number; format: string }>();
    for (const [l, r, f] of formatRuns(row)) {
      const key = `${l},${r},${f}`;
      next.set(key, open.get(key) ?? { top: i, left: l, right: r, format: f });
      open.delete(key);
    }
    for (const a of open.values())
      done.push({
        top: top + a.top,
        left: left + a.left,
        bottom: top + i - 1,
        right: left + a.right,
        format: a.format,
      });
    open = next;
  });
  for (const a of open.values())
    done.push({
      top: top + a.top,
      left: left + a.left,
      bottom: top + formats.length - 1,
      right: left + a.right,
      format: a.format,
    });
  return done;
}

/**
 * The value writes of one sheet plan. Blocks on consecutive rows (a renderer writes a statement
 * one row at a time) are joined into one rectangle, the cells between them left as they are, so
 * a statement of hundreds of rows is a few operations rather than hundreds. Each rectangle is
 * then cut into row slices of at most `maxBytes`: the values as JSON, and an operation for each
 * rectangle of one number format (set once for the rectangle, not cell by cell).
 */
export function valuePieces(sheet: number, plan: SheetPlan, maxBytes: number): ValuePiece[] {
  const parts: RowPart[] = [];
  for (const block of plan.blocks) {
    block.values.forEach((row, i) => {
      if (row.length > 0)
        parts.push({
          row: block.top + i,
          left: block.left,
          values: row,
          formats: block.numberFormats?.[i],
        });
    });
  }
  // Groups of parts on consecutive rows, with no two parts over the same cell.
  const groups: RowPart[][] = [];
  let group: RowPart[] = [];
  let lastRow = -2;
  const taken = new Map<number, [number, number][]>();
  for (const p of parts) {
    const right = p.left + p.values.length - 1;
    const overlaps = (taken.get(p.row) ?? []).some(([l, r]) => p.left <= r && right >= l);
    const fits = group.length > 0 && (p.row === lastRow || p.row === lastRow + 1) && !overlaps;
    if (!fits && group.length > 0) {
      groups.push(group);
      group = [];
      taken.clear();
    }
    group.push(p);
    taken.set(p.row, [...(taken.get(p.row) ?? []), [p.left, right]]);
    lastRow = p.row;
  }
  if (group.length > 0) groups.push(group);

  const out: ValuePiece[] = [];
  for (const g of groups) {
    const top = g[0].row;
    const bottom = g[g.length - 1].row;
    const left = Math.min(...g.map((p) => p.left));
    const width = Math.max(...g.map((p) => p.left + p.values.length)) - left;
    const values: (string | number | boolean | null)[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = top; r <= bottom; r++) {
      values.push(new Array(width).fill(null));
      formats.push(new Array(width).fill(null));
    }
    for (const p of g) {
      p.values.forEach((v, j) => {
        const at = p.left - left + j;
        const long = typeof v === "string" && v.length > TEXT_FORMAT_MAX_CHARS;
        values[p.row - top][at] = v === null ? "" : long ? `'${v}` : v;
        formats[p.row - top][at] =
          typeof v === "string" && !long ? TEXT_FORMAT : (p.formats?.[j] ?? "General");
      });
    }
    // Row slices under the byte budget; a row costs its values and the format runs it starts.
    let from = 0;
    let bytes = 0;
    const slice = (to: number): void => {
      const f = formats.slice(from, to);
      out.push({
        sheet,
        top: top + from,
        left,
        values: values.slice(from, to),
        formats: f,
        formatAreas: formatAreasOf(f, top + from, left),
        bytes,
      });
    };
    let previous = new Set<string>();
    for (let i = 0; i < values.length; i++) {
      const runs = formatRuns(formats[i]).map(([l, r, f]) => `${l},${r},${f}`);
      const fresh = i === from ? runs.length : runs.filter((k) => !previous.has(k)).length;
      const b = jsonBytes(values[i]) + 2 + fresh * OPERATION_BYTES;
      if (i > from && bytes + b > maxBytes) {
        slice(i);
        from = i;
        bytes = jsonBytes(values[i]) + 2 + runs.length * OPERATION_BYTES;
      } else bytes += b;
      previous = new Set(runs);
    }
    slice(values.length);
  }
  return out;
}

/** Packs pieces in order into requests: the first may hold `firstBudget`, the rest `budget`. */
export function packPieces(
  pieces: readonly ValuePiece[],
  firstBudget: number,
  budget: number
): ValuePiece[][] {
  const out: ValuePiece[][] = [];
  let current: ValuePiece[] = [];
  let bytes = 0;
  let limit = firstBudget;
  for (const p of pieces) {
    if (bytes + p.bytes > limit && (current.length > 0 || out.length === 0)) {
      out.push(current);
      current = [];
      bytes = 0;
      limit = budget;
    }
    current.push(p);
    bytes += p.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Character widths (as the plan and the .xlsx file give them) to points (as Office.js sets them). */
export function charsToPoints(chars: number): number {
  // Calibri 11: a character is 7 pixels, plus 5 pixels of padding; a pixel is 0.75 points.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Plan chart types to Office.js's (as strings: no runtime Excel namespace is needed). */
const CHART_TYPES = {
  line: "Line",
  lineMarkers: "LineMarkers",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
} as const satisfies Record<ChartPlan["type"], string>;

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

/** A valid, unused Excel table name from the planned one ("Input data" -> "Input_data"). */
export function tableName(planned: string, taken: Set<string>): string {
  let base = planned.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  base = base.slice(0, 250);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The plan's value at (row, col) of a sheet plan, when a block covers it. */
export function planValueAt(plan: SheetPlan, row: number, col: number): PlainValue | undefined {
  for (let b = plan.blocks.length - 1; b >= 0; b--) {
    const block = plan.blocks[b];
    const r = block.values[row - block.top];
    if (row >= block.top && r && col >= block.left && col - block.left < r.length)
      return r[col - block.left];
  }
  return undefined;
}

function checkCancel(cancel: Cancellation | undefined): void {
  if (cancel?.aborted) throw new CancelledError();
}

/**
 * A range to write to. Untracked: the writer never uses a range after the sync it was made for,
 * so Excel need not keep a reference to each (which would cost a request to release them all).
 */
function rangeOf(ws: Excel.Worksheet, r: CellRange): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1).untrack();
}

interface ExistingSheet {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly visibility: string;
}

interface Target {
  readonly index: number;
  readonly plan: SheetPlan;
  readonly decision: SheetNameDecision;
  readonly name: string;
  readonly ws: Excel.Worksheet;
  readonly wasHidden: boolean;
}

export async function applyWritePlanWith(
  context: Excel.RequestContext,
  plan: WritePlan,
  config: WriterConfig,
  options: WriteOptions,
  place: WritePlace
): Promise<WriteResult> {
  const { cancel, onProgress } = options;
  const progress = (p: Omit<Progress, "phase">): void => onProgress?.({ phase: "writing", ...p });
  checkCancel(cancel);

  // Values are cut and packed before anything is asked of Excel: the sizes do not depend on it.
  const overhead = 64_000;
  const pieceBudget = config.maxRequestBytes - overhead;
  let pieces = plan.sheets.flatMap((s, i) => valuePieces(i, s, pieceBudget));
  let batches = packPieces(pieces, pieceBudget, pieceBudget);
  const total = batches.length + 2;
  progress({ done: 0, total, label: "Looking at the workbook" });

  // Sync 1: what is there, and whose it is.
  place.action = "looking at the workbook before writing";
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/charts/items/name,items/tables/items/name");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const application = context.workbook.application;
  application.load("calculationMode");
  await context.sync();

  const existing: ExistingSheet[] = worksheets.items.map((ws) => ({
    ws,
    name: ws.name,
    visibility: ws.visibility,
  }));
  const marks: (DefinedNameEntry & { item: Excel.NamedItem })[] = names.items.map((n) => ({
    item: n,
    name: n.name,
    reference: typeof n.formula === "string" ? n.formula : String(n.formula),
  }));
  const owned = ownedSheetsFromNames(
    marks,
    existing.map((s) => s.name)
  );
  const decisions = resolveSheetNames(
    plan,
    existing.map((s) => ({ name: s.name, addinOwned: owned.has(s.name.toLowerCase()) }))
  );
  const actualName = new Map<string, string>();
  decisions.forEach((d) => {
    if (d.actual) actualName.set(d.planned.toLowerCase(), d.actual);
  });
  const replaced = new Set(
    decisions.filter((d) => d.replaces && d.actual).map((d) => (d.actual as string).toLowerCase())
  );
  const takenTables = new Set<string>();
  for (const t of tables.items) takenTables.add(t.name.toLowerCase());
  for (const s of existing) {
    if (!replaced.has(s.name.toLowerCase())) continue;
    for (const t of s.ws.tables.items) takenTables.delete(t.name.toLowerCase());
  }
  // A chart's data sheet must be in the plan or the workbook: found out before anything is written.
  const known = new Set(
    [...existing.map((s) => s.name.toLowerCase()), ...actualName.values()].map((n) =>
      n.toLowerCase()
    )
  );
  plan.sheets.forEach((s, i) => {
    if (!decisions[i].actual) return;
    for (const chart of s.charts ?? []) {
      if (chart.dataSheet === undefined) continue;
      const actual = actualName.get(chart.dataSheet.toLowerCase()) ?? chart.dataSheet;
      if (!known.has(actual.toLowerCase()))
        throw new GatewayError(
          `A chart on "${decisions[i].actual}" takes its figures from the sheet "${chart.dataSheet}", which is not in the workbook.`,
          decisions[i].actual
        );
    }
  });
  checkCancel(cancel);
  progress({ done: 1, total, label: "Creating the sheets" });

  // Calculation is suspended while the add-in writes (each suspension lasts one sync). Once the
  // cells are in, the workbook is recalculated (unless the user keeps it on manual), so formulas
  // that refer to the add-in's sheets show the new figures: with the last formatting request, or
  // on its own; and, should the write fail half-way, before the failure is reported.
  const recalculate = application.calculationMode !== "Manual";
  let suspended = false;
  let recalculated = false;
  const resumeCalculation = async (): Promise<void> => {
    if (!suspended || recalculated || !recalculate) return;
    application.calculate("Recalculate");
    await context.sync();
    recalculated = true;
  };
  try {
    // Sync 2: create or clear the sheets, then the first values.
    place.action = "creating the add-in's sheets";
    place.sheets = decisions.flatMap((d) => (d.actual ? [d.actual] : []));
    const queueSheets = (): Target[] => {
      const app = context.workbook.application;
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      suspended = true;
      const takenNames = marks.map((m) => m.name);
      const targets: Target[] = [];
      decisions.forEach((d, index) => {
        if (!d.actual) return;
        const sheetPlan = plan.sheets[index];
        const old = d.replaces
          ? existing.find((s) => s.name.toLowerCase() === (d.actual as string).toLowerCase())
          : undefined;
        let ws: Excel.Worksheet;
        if (old) {
          ws = old.ws;
          resetSheet(ws);
        } else {
          ws = worksheets.add(d.actual);
          if (marksOwnership(sheetPlan.role)) {
            const mark = nextOwnershipName(sheetPlan.role, takenNames);
            takenNames.push(mark);
            // The mark is the add-in's bookkeeping: kept out of the user's Name Manager.
            names.add(mark, ws.getRange("A1")).visible = false;
          }
        }
        targets.push({
          index,
          plan: sheetPlan,
          decision: d,
          name: d.actual,
          ws,
          wasHidden: old !== undefined && old.visibility !== "Visible",
        });
      });
      // Marks whose sheet is gone (#REF!) mark nothing: tidy them away.
      const present = new Set(existing.map((s) => s.name.toLowerCase()));
      for (const m of marks) {
        if (!parseOwnershipName(m.name)) continue;
        const sheet = sheetOfReference(m.reference);
        if (sheet === undefined || !present.has(sheet.toLowerCase())) m.item.delete();
      }
      return targets;
    };

    let targets = queueSheets();
    const queueValues = (batch: readonly ValuePiece[]): void => {
      for (const p of batch) {
        const t = targets.find((x) => x.index === p.sheet);
        if (!t) continue; // a createOnly sheet that already exists: nothing is written
        // Formats first, so text arrives in cells that are already Text.
        for (const a of p.formatAreas) setWhole(rangeOf(t.ws, a), "numberFormat", a.format);
        rangeOf(t.ws, {
          top: p.top,
          left: p.left,
          bottom: p.top + p.values.length - 1,
          right: p.left + p.values[0].length - 1,
        }).values = p.values;
      }
    };
    if (batches.length > 0) queueValues(batches[0]);
    try {
      await context.sync();
      batches = batches.slice(1);
    } catch (e) {
      if (!isPayloadTooLarge(e) || batches.length === 0) throw e;
      // Nothing of a refused request was done: create the sheets alone, values after, smaller.
      targets = queueSheets();
      await context.sync();
      const half = Math.max(16_000, Math.floor(pieceBudget / 2));
      pieces = plan.sheets.flatMap((s, i) => valuePieces(i, s, half));
      // (packPieces may open with an empty batch, for a first request that only creates sheets.)
      batches = packPieces(pieces, half, half).filter((b) => b.length > 0);
    }
    let done = 2;
    progress({ done, total: done + batches.length, label: "Writing the values" });

    // 2a: values that did not fit, one request each.
    while (batches.length > 0) {
      checkCancel(cancel);
      const batch = batches[0];
      const first = targets.find((t) => t.index === batch[0].sheet);
      place.action = "writing the values";
      place.sheet = first?.name;
      place.range = undefined;
      const app = context.workbook.application;
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
      suspended = true;
      queueValues(batch);
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of a large table is the point: each request must stay under Excel's 5 MB limit
        await context.sync();
      } catch (e) {
        if (!isPayloadTooLarge(e)) throw e;
        const smaller = batch.flatMap((p) => splitPiece(p));
        if (smaller.length === batch.length) throw e;
        const budget = Math.max(1, Math.floor(batch.reduce((n, p) => n + p.bytes, 0) / 2));
        batches = [
          ...packPieces(smaller, budget, budget).filter((b) => b.length > 0),
          ...batches.slice(1),
        ];
        continue;
      }
      batches = batches.slice(1);
      done++;
      progress({ done, total: done + batches.length + 1, label: `Writing ${first?.name ?? ""}` });
    }
    checkCancel(cancel);

    // Then how it looks: the formatting every sheet needs, in requests under the limit as the
    // values were; then the optional settings, in their own guarded step.
    place.action = "formatting the add-in's sheets";
    place.sheet = undefined;
    const wsByName = new Map<string, Excel.Worksheet>();
    for (const s of existing) wsByName.set(s.name.toLowerCase(), s.ws);
    for (const t of targets) wsByName.set(t.name.toLowerCase(), t.ws);
    const dataSheetFor = (
      name: string | undefined,
      own: Target
    ): { ws: Excel.Worksheet; plan?: SheetPlan } => {
      if (name === undefined) return { ws: own.ws, plan: own.plan };
      const actual = actualName.get(name.toLowerCase()) ?? name;
      const target = targets.find((t) => t.name.toLowerCase() === actual.toLowerCase());
      if (target) return { ws: target.ws, plan: target.plan };
      const ws = wsByName.get(actual.toLowerCase());
      if (!ws)
        throw new GatewayError(
          `A chart on "${own.name}" takes its figures from the sheet "${name}", which is not in the workbook.`,
          own.name
        );
      return { ws };
    };
    const ops: LayoutOp[] = targets.flatMap((t) => layoutOps(t, takenTables, dataSheetFor, config));
    const show = plan.activate ? actualName.get(plan.activate.toLowerCase()) : undefined;
    const shown = show
      ? targets.find((t) => t.name.toLowerCase() === show.toLowerCase())
      : undefined;
    if (shown && !shown.plan.hidden) ops.push({ bytes: 200, queue: () => shown.ws.activate() });
    let layout = packOps(ops, pieceBudget);
    const units = targets.flatMap((t) => cosmeticUnits(t, dataSheetFor, actualName));
    let cosmetics = packUnits(units, pieceBudget);
    let steps = done + layout.length + cosmetics.length;
    progress({ done, total: steps, label: "Formatting the sheets" });
    while (layout.length > 0) {
      checkCancel(cancel);
      const batch = layout[0];
      const last = layout.length === 1;
      if (!last) {
        application.suspendApiCalculationUntilNextSync();
        suspended = true;
      }
      application.suspendScreenUpdatingUntilNextSync();
      for (const op of batch) op.queue();
      const recalculating = last && recalculate && suspended;
      if (recalculating) application.calculate("Recalculate");
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request under Excel's 5 MB limit, as for the values
        await context.sync();
        if (recalculating) recalculated = true;
      } catch (e) {
        // A refused request did nothing: halve it and go on.
        if (!isPayloadTooLarge(e) || batch.length < 2) throw e;
        const mid = Math.floor(batch.length / 2);
        layout = [batch.slice(0, mid), batch.slice(mid), ...layout.slice(1)];
        steps++;
        continue;
      }
      layout = layout.slice(1);
      done++;
      progress({ done, total: steps, label: "Formatting the sheets" });
    }

    // Optional settings: a setting Excel refuses (a page setting a printer lacks, a chart detail)
    // costs only itself. The request is retried one setting group at a time; a group Excel still
    // refuses is left out and named in the result.
    place.action = "applying page layout and chart styling";
    const notes: string[] = [];
    while (cosmetics.length > 0) {
      checkCancel(cancel);
      const batch = cosmetics[0];
      application.suspendScreenUpdatingUntilNextSync();
      for (const u of batch) for (const op of u.ops) op.queue();
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request under Excel's 5 MB limit, and a retry per group when Excel refuses one
        await context.sync();
      } catch (e) {
        if (!isOfficeError(e)) throw e;
        if (batch.length > 1) {
          cosmetics = [...batch.map((u) => [u]), ...cosmetics.slice(1)];
          steps += batch.length - 1;
          continue;
        }
        if (!notes.includes(batch[0].leftOut)) notes.push(batch[0].leftOut);
      }
      cosmetics = cosmetics.slice(1);
      done++;
      progress({ done, total: steps, label: "Page layout and charts" });
    }
    // A write with nothing to format (values only) recalculates on its own.
    await resumeCalculation();
    const total2 = Math.max(steps, done);
    progress({ done: total2, total: total2, label: "Done" });
    return notes.length > 0 ? { sheets: decisions, notes } : { sheets: decisions };
  } catch (e) {
    // The error the user sees is the write's; a failure to recalculate as well adds nothing.
    await resumeCalculation().catch(() => undefined);
    throw e;
  }
}

/** One operation of the formatting step, with its estimated bytes on the wire. */
interface LayoutOp {
  readonly bytes: number;
  readonly queue: () => void;
}

/** Optional settings that are applied, or left out, together. */
interface CosmeticUnit {
  /** What the user is told when Excel refuses it: what is missing, and what to do. */
  readonly leftOut: string;
  readonly ops: readonly LayoutOp[];
  readonly bytes: number;
}

/** The most operations one formatting request carries (each answers with a few results). */
const MAX_OPS_PER_REQUEST = 4_000;

function packOps(ops: readonly LayoutOp[], budget: number): LayoutOp[][] {
  const out: LayoutOp[][] = [];
  let current: LayoutOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (
      current.length > 0 &&
      (bytes + op.bytes > budget || current.length >= MAX_OPS_PER_REQUEST)
    ) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function packUnits(units: readonly CosmeticUnit[], budget: number): CosmeticUnit[][] {
  const out: CosmeticUnit[][] = [];
  let current: CosmeticUnit[] = [];
  let bytes = 0;
  let count = 0;
  for (const u of units) {
    if (
      current.length > 0 &&
      (bytes + u.bytes > budget || count + u.ops.length > MAX_OPS_PER_REQUEST)
    ) {
      out.push(current);
      current = [];
      bytes = 0;
      count = 0;
    }
    current.push(u);
    bytes += u.bytes;
    count += u.ops.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Sets a cell-level property to one value for every cell of the range (one operation). */
function setWhole(r: Excel.Range, prop: "numberFormat", value: string): void {
  // Office.js takes a single value for a whole range ("applied to all cells in the range");
  // its typings only describe the 2-D form.
  (r as unknown as Record<typeof prop, string>)[prop] = value;
}

function splitPiece(p: ValuePiece): ValuePiece[] {
  if (p.values.length < 2) return [p];
  const mid = Math.floor(p.values.length / 2);
  const part = (from: number, to: number): ValuePiece => {
    const values = p.values.slice(from, to);
    const formats = p.formats.slice(from, to);
    const formatAreas = formatAreasOf(formats, p.top + from, p.left);
    return {
      sheet: p.sheet,
      top: p.top + from,
      left: p.left,
      values,
      formats,
      formatAreas,
      bytes: jsonBytes(values) + formatAreas.length * OPERATION_BYTES,
    };
  };
  return [part(0, mid), part(mid, p.values.length)];
}

/** Empties an add-in sheet for rewriting, keeping the sheet itself (see the top). */
function resetSheet(ws: Excel.Worksheet): void {
  for (const t of ws.tables.items) t.delete();
  for (const c of ws.charts.items) c.delete();
  const all = ws.getRange();
  all.unmerge();
  all.clear("All");
  all.format.useStandardWidth = true;
  ws.freezePanes.unfreeze();
  ws.tabColor = "";
}

/** A style without its number format, as a key: ranges with the same key are styled at once. */
function styleKey(style: CellStyle): string {
  const { numberFormat: _n, ...rest } = style;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function applyFormat(f: Excel.RangeFormat, style: CellStyle): void {
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor) f.font.color = style.fontColor;
  if (style.fill) f.fill.color = style.fill;
  if (style.horizontalAlignment) f.horizontalAlignment = H_ALIGN[style.horizontalAlignment];
  if (style.verticalAlignment) f.verticalAlignment = V_ALIGN[style.verticalAlignment];
  if (style.wrapText !== undefined) f.wrapText = style.wrapText;
  for (const [edge, weight] of [
    ["EdgeBottom", style.borderBottom],
    ["EdgeTop", style.borderTop],
  ] as const) {
    if (!weight) continue;
    const b = f.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = weight === "thin" ? "Thin" : "Medium";
  }
}

/** Settings in a style (each one property set on the wire). */
function styleSettings(style: CellStyle): number {
  const { numberFormat: _n, borderBottom, borderTop, ...rest } = style;
  return Object.keys(rest).length + (borderBottom ? 2 : 0) + (borderTop ? 2 : 0);
}

/** Areas per RangeAreas: Excel takes an address list of a few thousand characters. */
const MAX_AREAS_PER_OPERATION = 64;

/**
 * The formatting every sheet needs, as operations: identical styles applied to all their ranges
 * at once (a RangeAreas, ExcelApi 1.9), a number format once per range, merges, column widths
 * (runs of equal widths together), frozen panes, tables, charts with their titles and places,
 * tab colour and visibility.
 */
function layoutOps(
  t: Target,
  takenTables: Set<string>,
  dataSheetFor: (
    name: string | undefined,
    own: Target
  ) => { ws: Excel.Worksheet; plan?: SheetPlan },
  config: WriterConfig
): LayoutOp[] {
  const { ws, plan } = t;
  const ops: LayoutOp[] = [];
  const byStyle = new Map<string, { style: CellStyle; ranges: CellRange[] }>();
  const byFormat = new Map<string, CellRange[]>();
  for (const { range, style } of plan.styles ?? []) {
    if (styleSettings(style) > 0) {
      const key = styleKey(style);
      const g = byStyle.get(key) ?? { style, ranges: [] };
      g.ranges.push(range);
      byStyle.set(key, g);
    }
    if (style.numberFormat) {
      const list = byFormat.get(style.numberFormat) ?? [];
      list.push(range);
      byFormat.set(style.numberFormat, list);
    }
  }
  for (const { style, ranges } of byStyle.values()) {
    const cost = styleSettings(style) * 120;
    if (config.rangeAreas) {
      for (let i = 0; i < ranges.length; i += MAX_AREAS_PER_OPERATION) {
        const part = ranges.slice(i, i + MAX_AREAS_PER_OPERATION);
        const address = part.map((r) => rangeAddress(r)).join(",");
        ops.push({
          bytes: OPERATION_BYTES + address.length + cost,
          queue: () => applyFormat(ws.getRanges(address).untrack().format, style),
        });
      }
    } else {
      for (const r of ranges)
        ops.push({
          bytes: OPERATION_BYTES + cost,
          queue: () => applyFormat(rangeOf(ws, r).format, style),
        });
    }
  }
  for (const [format, ranges] of byFormat)
    for (const r of ranges)
      ops.push({
        bytes: OPERATION_BYTES + format.length,
        queue: () => setWhole(rangeOf(ws, r), "numberFormat", format),
      });
  for (const m of plan.merges ?? [])
    ops.push({ bytes: OPERATION_BYTES, queue: () => rangeOf(ws, m).merge(false) });
  const widths = plan.columnWidths ?? [];
  for (let col = 0; col < widths.length;) {
    let end = col;
    while (end + 1 < widths.length && widths[end + 1] === widths[col]) end++;
    const [from, to, w] = [col, end, widths[col]];
    ops.push({
      bytes: OPERATION_BYTES,
      queue: () => {
        ws.getRangeByIndexes(0, from, 1, to - from + 1).format.columnWidth = charsToPoints(w);
      },
    });
    col = end + 1;
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    const { rows, columns } = plan.freeze;
    ops.push({
      bytes: OPERATION_BYTES,
      queue: () => {
        if (rows > 0 && columns > 0)
          ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
        else if (rows > 0) ws.freezePanes.freezeRows(rows);
        else ws.freezePanes.freezeColumns(columns);
      },
    });
  }
  for (const table of plan.tables ?? []) {
    const name = tableName(table.name, takenTables);
    ops.push({
      bytes: OPERATION_BYTES * 2,
      queue: () => {
        ws.tables.add(rangeOf(ws, table.range), true).name = name;
      },
    });
  }
  for (const chart of plan.charts ?? [])
    ops.push({
      bytes: OPERATION_BYTES * 3 + chart.title.length,
      queue: () => addChart(t, chart, dataSheetFor),
    });
  // Rows sized for their wrapped text (a merged cell does not grow its row by itself): each run
  // of neighbouring rows of one height is one range, and runs of one height are set together
  // (RangeAreas) where the host has them. Untracked, as every range here: a tracked range costs
  // a reference Excel keeps until the end of the write, and their release is one more request.
  for (const { points, runs } of rowHeightGroups(plan.rowHeights ?? [])) {
    if (config.rangeAreas) {
      for (let i = 0; i < runs.length; i += MAX_AREAS_PER_OPERATION) {
        const address = runs
          .slice(i, i + MAX_AREAS_PER_OPERATION)
          .map((r) => rangeAddress({ top: r.top, left: 0, bottom: r.bottom, right: 0 }))
          .join(",");
        ops.push({
          bytes: OPERATION_BYTES + address.length,
          queue: () => {
            ws.getRanges(address).untrack().format.rowHeight = points;
          },
        });
      }
    } else {
      for (const r of runs)
        ops.push({
          bytes: OPERATION_BYTES,
          queue: () => {
            rangeOf(ws, { top: r.top, left: 0, bottom: r.bottom, right: 0 }).format.rowHeight =
              points;
          },
        });
    }
  }
  if (plan.tabColor) {
    const color = plan.tabColor;
    ops.push({ bytes: 200, queue: () => (ws.tabColor = color) });
  }
  if (plan.hidden) ops.push({ bytes: 200, queue: () => (ws.visibility = "Hidden") });
  else if (t.wasHidden) ops.push({ bytes: 200, queue: () => (ws.visibility = "Visible") });
  return ops;
}

/**
 * The plan's row heights as runs of neighbouring rows of one height, grouped by height (in the
 * order each height first appears), so a long table of rows of one height is one range.
 */
export function rowHeightGroups(
  heights: readonly { readonly row: number; readonly points: number }[]
): { points: number; runs: { top: number; bottom: number }[] }[] {
  // A row given twice takes the taller height.
  const tallest = new Map<number, number>();
  for (const h of heights) tallest.set(h.row, Math.max(tallest.get(h.row) ?? 0, h.points));
  const sorted = [...tallest]
    .map(([row, points]) => ({ row, points }))
    .sort((a, b) => a.row - b.row);
  const groups = new Map<number, { top: number; bottom: number }[]>();
  let run: { top: number; bottom: number; points: number } | undefined;
  const close = (): void => {
    if (!run) return;
    const list = groups.get(run.points) ?? [];
    list.push({ top: run.top, bottom: run.bottom });
    groups.set(run.points, list);
  };
  for (const h of sorted) {
    if (run && h.row === run.bottom + 1 && h.points === run.points) run.bottom = h.row;
    else {
      close();
      run = { top: h.row, bottom: h.row, points: h.points };
    }
  }
  close();
  return [...groups].map(([points, runs]) => ({ points, runs }));
}

/** Links set in one optional unit (each a few hundred bytes on the wire). */
const LINKS_PER_UNIT = 200;

/** A unit of optional settings, costed. */
function unit(leftOut: string, queue: (() => void)[]): CosmeticUnit {
  const ops = queue.map((q) => ({ bytes: OPERATION_BYTES, queue: q }));
  return { leftOut, ops, bytes: ops.length * OPERATION_BYTES };
}

/**
 * The optional settings of a sheet: its page layout (one unit), and for each chart its styling
 * and its description (one unit each, so that a name Excel will not take costs only the name).
 * The charts are found again by their place on the sheet, which the add-in has just emptied and
 * filled.
 */
function cosmeticUnits(
  t: Target,
  dataSheetFor: (
    name: string | undefined,
    own: Target
  ) => { ws: Excel.Worksheet; plan?: SheetPlan },
  actualName: ReadonlyMap<string, string>
): CosmeticUnit[] {
  const { ws, plan } = t;
  const out: CosmeticUnit[] = [];
  // Links (ExcelApi 1.7): where a host refuses them the cells keep their text ("W12-W18"). In
  // units of LINKS_PER_UNIT, so a statement with thousands of rows stays within a request.
  const links = plan.links ?? [];
  // Each link's text, found in one pass over the plan (a plan may hold thousands of links).
  const linkCells = new Set(links.map((l) => `${l.row},${l.col}`));
  const textAt = new Map<string, PlainValue>();
  if (linkCells.size > 0)
    for (const b of plan.blocks)
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${b.top + i},${b.left + j}`;
          if (linkCells.has(key)) textAt.set(key, v);
        })
      );
  for (let k = 0; k < links.length; k += LINKS_PER_UNIT) {
    const ops: LayoutOp[] = links.slice(k, k + LINKS_PER_UNIT).map((l) => {
      const sheet = actualName.get(l.sheet.toLowerCase()) ?? l.sheet;
      const text = textAt.get(`${l.row},${l.col}`);
      const link = {
        documentReference: `${quoteSheetName(sheet)}!${a1(l.target.row, l.target.col)}`,
        ...(typeof text === "string" ? { textToDisplay: text } : {}),
        ...(l.tip ? { screenTip: l.tip } : {}),
      };
      return {
        // the range's path and the setting, which carries the link (measured: about 520 bytes
        // a link through the runtime, for a 170-character link)
        bytes: OPERATION_BYTES + JSON.stringify(link).length,
        queue: () => {
          rangeOf(ws, { top: l.row, left: l.col, bottom: l.row, right: l.col }).hyperlink = link;
        },
      };
    });
    out.push({
      leftOut: `Excel did not accept the links from "${t.name}" to the working papers, so column J gives the working-paper lines (W12, say) as text. Find them on the working papers sheet.`,
      ops,
      bytes: ops.reduce((n, o) => n + o.bytes, 0),
    });
  }
  if (plan.page) {
    const page = plan.page;
    out.push(
      unit(
        `Excel did not accept the page layout of "${t.name}" (A4, orientation, print area, one page wide), so the sheet is written without it. Set it in Page Layout before printing.`,
        [
          () => {
            const layout = ws.pageLayout;
            layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
            layout.paperSize = "A4";
            if (page.printArea) layout.setPrintArea(rangeOf(ws, page.printArea));
            // One page wide, as many tall as it takes (0 = automatic, as in the file's fitToHeight).
            if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          },
        ]
      )
    );
  }
  (plan.charts ?? []).forEach((chart, k) => {
    const data = dataSheetFor(chart.dataSheet, t);
    const which = `the chart "${chart.title}" on "${t.name}"`;
    out.push(
      unit(
        `Excel did not accept the styling of ${which}, so it keeps Excel's own colours, legend and axis format. Its figures are as written.`,
        [() => styleChart(ws.charts.getItemAt(k), chart, data.plan)]
      ),
      unit(
        `Excel did not accept the description of ${which} for screen readers, so the chart has no description. Its title and figures are as written.`,
        [() => (ws.charts.getItemAt(k).name = chartName(chart.altText))]
      )
    );
  });
  return out;
}

// Office.js has no alternative text for charts (Shape.altTextDescription is for shapes): the
// chart's name, which screen readers announce, carries the description (cosmeticUnits).

function addChart(
  t: Target,
  chart: ChartPlan,
  dataSheetFor: (name: string | undefined, own: Target) => { ws: Excel.Worksheet; plan?: SheetPlan }
): void {
  const data = dataSheetFor(chart.dataSheet, t);
  const c = t.ws.charts.add(
    CHART_TYPES[chart.type],
    rangeOf(data.ws, chart.dataRange),
    chart.seriesBy === "rows" ? "Rows" : "Columns"
  );
  c.title.text = chart.title;
  c.setPosition(
    rangeAddress({ ...chart.position, bottom: chart.position.top, right: chart.position.left }),
    rangeAddress({ ...chart.position, top: chart.position.bottom, left: chart.position.right })
  );
}

/**
 * The longest chart name written: Excel refuses a name of 250 characters or more (Excel on the
 * web), so the description is cut at a word, short of that, and marked as cut.
 */
export const CHART_NAME_MAX_CHARS = 200;

/** A chart's description as its name: whole, or cut at a word within the limit, with "…". */
export function chartName(altText: string): string {
  const text = altText.replace(/\s+/g, " ").trim();
  if (text.length <= CHART_NAME_MAX_CHARS) return text;
  const cut = text.slice(0, CHART_NAME_MAX_CHARS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > CHART_NAME_MAX_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

function styleChart(c: Excel.Chart, chart: ChartPlan, dataPlan: SheetPlan | undefined): void {
  const byRows = chart.seriesBy === "rows";
  c.legend.position = "Bottom";
  if (chart.yAxisTitle) c.axes.valueAxis.title.text = chart.yAxisTitle;
  if (chart.valueAxisFormat) c.axes.valueAxis.numberFormat = chart.valueAxisFormat;
  if (chart.valueAxisMaximum !== undefined) c.axes.valueAxis.maximum = chart.valueAxisMaximum;
  if (chart.labelEveryCategory) c.axes.categoryAxis.tickLabelSpacing = 1;
  if (!chart.seriesStyles?.length || !dataPlan) return;
  // Series are numbered in the order of the data: the names are the first row (or column).
  const r = chart.dataRange;
  const seriesNames: string[] = [];
  if (byRows) {
    for (let row = r.top + 1; row <= r.bottom; row++)
      seriesNames.push(String(planValueAt(dataPlan, row, r.left) ?? ""));
  } else {
    for (let col = r.left + 1; col <= r.right; col++)
      seriesNames.push(String(planValueAt(dataPlan, r.top, col) ?? ""));
  }
  for (const style of chart.seriesStyles) {
    const index = seriesNames.indexOf(style.name);
    if (index < 0) continue;
    const s = c.series.getItemAt(index);
    const line = style.asLine || chart.type === "line" || chart.type === "lineMarkers";
    if (style.asLine && chart.type !== "line" && chart.type !== "lineMarkers") s.chartType = "Line";
    if (style.dashed) s.format.line.lineStyle = "Dash";
    if (style.color) {
      if (line) s.format.line.color = style.color;
      else s.format.fill.setSolidColor(style.color);
    }
  }
}
