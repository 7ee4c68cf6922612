/**
 * The user's mapping decisions and policy overrides, kept inside the workbook in the add-in's
 * very hidden settings sheet (the convention in core/ownership.ts, which the preview gateway and
 * the .xlsx reader share): owned by the add-in (an ownership mark with the role "data") and
 * signed in A1. Office's document settings would work in Excel only; the sheet travels with the
 * file to the command line and the preview as well.
 */
import { JsonValue, StoredSettings } from "../core/gateway";
import { CellValue } from "../core/grid";
import {
  DefinedNameEntry,
  SETTINGS_SHEET_NAME,
  decodeSettingsSheet,
  nextOwnershipName,
  ownedSheetsFromNames,
} from "../core/ownership";
import { toCellValue, ValueType } from "./cells";

/** Settings that are larger than this many rows of 30,000 characters are not read. */
const MAX_SETTINGS_ROWS = 2_000;

interface Candidates {
  readonly worksheets: Excel.WorksheetCollection;
  readonly names: Excel.NamedItemCollection;
  readonly marks: DefinedNameEntry[];
  /** Add-in sheets with the role "data": where the settings may be. */
  readonly candidates: Excel.Worksheet[];
  readonly sheetNames: string[];
}

/** Sync 1: the sheets and marks, and which sheets may hold the settings. */
async function findCandidates(context: Excel.RequestContext): Promise<Candidates> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  await context.sync();
  const marks = names.items.map((n) => ({
    name: n.name,
    reference: typeof n.formula === "string" ? n.formula : String(n.formula),
  }));
  const sheetNames = worksheets.items.map((ws) => ws.name);
  const owned = ownedSheetsFromNames(marks, sheetNames);
  const candidates = worksheets.items.filter((ws) => owned.get(ws.name.toLowerCase()) === "data");
  return { worksheets, names, marks, candidates, sheetNames };
}

function cellsOf(range: Excel.Range): CellValue[][] {
  return range.values.map((row, i) =>
    row.map((v, j) => toCellValue(v, range.valueTypes[i]?.[j] as ValueType | undefined))
  );
}

/** The settings sheet and what it holds, in two syncs; undefined when there is none. */
async function findSettings(
  context: Excel.RequestContext
): Promise<{ found?: { ws: Excel.Worksheet; settings: StoredSettings }; c: Candidates }> {
  const c = await findCandidates(context);
  if (c.candidates.length === 0) return { c };
  const reads = c.candidates.map((ws) => {
    const used = ws.getRangeByIndexes(0, 0, MAX_SETTINGS_ROWS, 2).getUsedRangeOrNullObject(true);
    used.load("values,valueTypes");
    return { ws, used };
  });
  await context.sync();
  for (const r of reads) {
    if (r.used.isNullObject) continue;
    const settings = decodeSettingsSheet(cellsOf(r.used));
    if (settings) return { found: { ws: r.ws, settings }, c };
  }
  return { c };
}

export async function loadSettingsWith(context: Excel.RequestContext): Promise<StoredSettings> {
  const { found } = await findSettings(context);
  return found?.settings ?? {};
}

/** True when the value is plain JSON data (what StoredSettings promises). */
export function isJsonValue(v: unknown): v is JsonValue {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonValue);
  if (typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(v as Record<string, unknown>).every(isJsonValue);
  }
  return false;
}

/**
 * Writes the settings sheet: the one found, cleared and rewritten, or a new very hidden sheet
 * with its ownership mark. Every cell is Text ("@"), so no piece of JSON turns into a number.
 * Three syncs: find the sheets, find the settings sheet, write.
 */
export async function saveSettingsWith(
  context: Excel.RequestContext,
  rows: readonly (readonly string[])[]
): Promise<void> {
  const { found, c } = await findSettings(context);
  const app = context.workbook.application;
  app.suspendApiCalculationUntilNextSync();
  let ws: Excel.Worksheet;
  if (found) {
    ws = found.ws;
    ws.getRange().clear("Contents");
  } else {
    const taken = new Set(c.sheetNames.map((n) => n.toLowerCase()));
    let name = SETTINGS_SHEET_NAME;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${SETTINGS_SHEET_NAME} (${n})`;
    ws = c.worksheets.add(name);
    ws.visibility = "VeryHidden";
    c.names.add(
      nextOwnershipName(
        "data",
        c.marks.map((m) => m.name)
      ),
      ws.getRange("A1")
    );
  }
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
  const range = ws.getRangeByIndexes(0, 0, values.length, width);
  range.numberFormat = values.map((r) => r.map(() => "@"));
  range.values = values;
  await context.sync();
}
