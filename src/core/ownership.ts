/**
 * How the add-in marks the sheets it owns and where it keeps its settings inside the workbook.
 * Both gateways (Office.js in src/excel, the in-memory preview and the .xlsx reader/writer in
 * src/preview) use these same conventions, so a workbook written by one is understood by the other.
 *
 * OWNERSHIP: one workbook-scoped defined name per owned sheet, pointing at that sheet's A1:
 *
 *     _vfm_owned_statement_1  ->  ='VfM Statement'!$A$1
 *
 * Why a defined name and not a list of sheet names: Excel keeps the reference pointing at the
 * same sheet when the user renames it, and turns it into #REF! when the sheet is deleted. So a
 * sheet the user deletes and re-creates under the same name is the user's, never the add-in's,
 * and a copy the user makes of an add-in sheet ("VfM Statement (2)") is the user's as well. Every
 * mistake this can make errs on the safe side: a sheet whose mark was lost is treated as the
 * user's and left alone. ExcelJS reads and writes such names (workbook.definedNames); Office.js
 * reads them with workbook.names (name, formula) and adds them with names.add(name, range).
 * A name whose reference no longer resolves (#REF!) marks nothing and may be deleted.
 *
 * SETTINGS: a very hidden sheet owned by the add-in (role "data"), recognised by its first cell:
 *
 *     A1 = SETTINGS_SIGNATURE   B1 = SETTINGS_FORMAT_VERSION
 *     A2, A3, ... = the settings as JSON, cut into pieces of at most SETTINGS_CHUNK_CHARS
 *
 * It is found by its ownership mark and signature, not by name; its preferred name is
 * SETTINGS_SHEET_NAME. Every piece is literal text (see writePlan.ts on literal text).
 */
import { JsonValue, StoredSettings } from "./gateway";
import { CellValue, quoteSheetName } from "./grid";
import { SheetPlan } from "./writePlan";

export type SheetRole = SheetPlan["role"];

const ROLES: readonly SheetRole[] = ["statement", "papers", "charts", "findings", "input", "data"];

/** Every ownership name starts with this (Excel compares names without regard to case). */
export const OWNERSHIP_NAME_PREFIX = "_vfm_owned_";

/** Preferred name of the add-in's settings sheet (very hidden). */
export const SETTINGS_SHEET_NAME = "_vfm_settings";
/** The text in A1 that identifies the settings sheet. */
export const SETTINGS_SIGNATURE = "Police VfM add-in settings";
export const SETTINGS_FORMAT_VERSION = 1;
/** Excel holds at most 32,767 characters in a cell; pieces stay well under that. */
export const SETTINGS_CHUNK_CHARS = 30000;

/** A defined name as both gateways see it: its name and the reference text it points at. */
export interface DefinedNameEntry {
  readonly name: string;
  /** "'VfM Statement'!$A$1", with or without a leading "=" ("=#REF!" when broken). */
  readonly reference: string;
}

/**
 * Whether a sheet the add-in creates stays the add-in's. The input template's sheets ("Insert
 * input sheets") are handed to the user to fill in: they get no ownership mark, so they are read
 * as input like any sheet of the user's, and the add-in never replaces them.
 */
export function marksOwnership(role: SheetRole): boolean {
  return role !== "input";
}

/** "_vfm_owned_statement_1". */
export function ownershipName(role: SheetRole, index: number): string {
  return `${OWNERSHIP_NAME_PREFIX}${role}_${index}`;
}

/** The role and index in an ownership name, or undefined when the name is not one. */
export function parseOwnershipName(name: string): { role: SheetRole; index: number } | undefined {
  const m = /^_vfm_owned_([a-z]+)_(\d+)$/i.exec(name);
  if (!m) return undefined;
  const role = ROLES.find((r) => r === m[1].toLowerCase());
  return role ? { role, index: Number(m[2]) } : undefined;
}

/** The reference an ownership name holds for a sheet: "'VfM Statement'!$A$1" (no "="). */
export function ownershipReference(sheet: string): string {
  return `${quoteSheetName(sheet)}!$A$1`;
}

/** The sheet a reference points at ("='My Sheet'!$A$1" -> "My Sheet"); undefined for #REF!. */
export function sheetOfReference(reference: string): string | undefined {
  const text = reference.trim().replace(/^=/, "");
  const m =
    /^(?:'((?:[^']|'')+)'|([^!'#]+))!\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.exec(
      text
    );
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/**
 * The sheets the add-in owns, keyed by lower-case sheet name, with the role recorded in the
 * mark. Names that are not ownership marks, or whose sheet no longer exists, are ignored.
 */
export function ownedSheetsFromNames(
  names: readonly DefinedNameEntry[],
  sheetNames: readonly string[]
): Map<string, SheetRole> {
  const present = new Set(sheetNames.map((s) => s.toLowerCase()));
  const owned = new Map<string, SheetRole>();
  for (const n of names) {
    const parsed = parseOwnershipName(n.name);
    if (!parsed) continue;
    const sheet = sheetOfReference(n.reference);
    if (sheet === undefined || !present.has(sheet.toLowerCase())) continue;
    if (!owned.has(sheet.toLowerCase())) owned.set(sheet.toLowerCase(), parsed.role);
  }
  return owned;
}

/** The ownership names to write for these sheets: one per sheet, numbered per role from 1. */
export function ownershipNamesFor(
  sheets: readonly { readonly name: string; readonly role: SheetRole }[]
): DefinedNameEntry[] {
  const counts = new Map<SheetRole, number>();
  return sheets.map((s) => {
    const n = (counts.get(s.role) ?? 0) + 1;
    counts.set(s.role, n);
    return { name: ownershipName(s.role, n), reference: ownershipReference(s.name) };
  });
}

/** The first ownership name for a role not already taken (names compare without case). */
export function nextOwnershipName(role: SheetRole, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = ownershipName(role, i);
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * The settings sheet's cells: the signature row, then the JSON in pieces. A piece never starts
 * with a character Excel could take as the start of a formula or a number, so even a gateway
 * that typed the text in would keep it as text.
 */
export function encodeSettingsSheet(settings: StoredSettings): string[][] {
  const json = safeJson(settings);
  const rows: string[][] = [[SETTINGS_SIGNATURE, String(SETTINGS_FORMAT_VERSION)]];
  let at = 0;
  while (at < json.length) {
    let end = Math.min(json.length, at + SETTINGS_CHUNK_CHARS);
    // Move the cut back (at most 200 characters) so the next piece starts with a safe character.
    for (let back = 0; end < json.length && back < 200 && !safeStart(json[end]); back++) end--;
    if (end <= at) end = Math.min(json.length, at + SETTINGS_CHUNK_CHARS);
    rows.push([json.slice(at, end)]);
    at = end;
  }
  return rows;
}

/**
 * JSON in which = + - @ inside strings are written as \u escapes, so that only numbers (short)
 * hold characters a piece must not start with, and a cut can always step off them.
 */
function safeJson(value: JsonValue): string {
  if (typeof value === "string")
    return JSON.stringify(value).replace(
      /[=+\-@]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
    );
  if (Array.isArray(value)) return `[${value.map(safeJson).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${safeJson(k)}:${safeJson(v)}`)
      .join(",")}}`;
  // Numbers, booleans and null as JSON writes them (NaN and Infinity become null).
  return JSON.stringify(value) ?? "null";
}

function safeStart(ch: string): boolean {
  return !/[=+\-@0-9.]/.test(ch);
}

/** True when the cells are those of the add-in's settings sheet. */
export function isSettingsSheet(values: readonly (readonly CellValue[] | undefined)[]): boolean {
  return values[0]?.[0] === SETTINGS_SIGNATURE;
}

/**
 * The settings held in a settings sheet's cells; undefined when they are not a settings sheet
 * or the JSON cannot be read (a later format version, or cells edited by hand).
 */
export function decodeSettingsSheet(
  values: readonly (readonly CellValue[] | undefined)[]
): StoredSettings | undefined {
  if (!isSettingsSheet(values)) return undefined;
  const version = Number(values[0]?.[1]);
  if (!Number.isFinite(version) || version > SETTINGS_FORMAT_VERSION) return undefined;
  let json = "";
  for (let r = 1; r < values.length; r++) {
    const v = values[r]?.[0];
    if (typeof v !== "string") break;
    json += v;
  }
  if (json === "") return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
    return parsed as StoredSettings;
  } catch {
    return undefined;
  }
}
