/**
 * The shared "load + detect + analyse" step of the commands that start from one workbook file
 * (`vfm analyse`, `vfm statement`): read the
 * file (never modifying it), read an optional --policy JSON file, run the one core pipeline
 * (runVfm: detection, analysis, peers), and refuse a workbook with no budget figures at all.
 *
 * Failures come back as one plain-English line for stderr (the caller adds "vfm NAME: " and exits
 * with code 2); nothing here throws.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  Analysis,
  decodeSettingsSheet,
  Finding,
  isSettingsSheet,
  policyOverridesFromJson,
  loadNationalTable,
  runVfm,
  withIndicatorEngine,
  sortFindings,
  StoredSettings,
  VfmResult,
  WorkbookGrid,
  hasBudgetFigures,
} from "../core";
import { UnreadableWorkbookError, readWorkbookFile } from "./readWorkbook";

/**
 * True when the workbook holds a police budget: the core's test (policeFigures.ts), the same
 * one the pane's Statement step uses. Shared from here by the commands (the lint rules keep
 * src/cli from importing src/cli/commands).
 */
export { hasBudgetFigures };

/** The one-line reason for a workbook that is not a police budget (the command adds its verb). */
export const NOT_A_BUDGET =
  "no police budget lines were found (such as police officer pay, overtime, police staff, PCSOs or non-pay, by financial year), so this is not a police budget and there is nothing";

/**
 * The analysis with the findings met while reading the file added (errors first, no repeats).
 * An error value the reader reported is left out where detection reported the same cell, since
 * detection's finding also names the line and year.
 */
export function withReadFindings(analysis: Analysis, read: readonly Finding[]): Analysis {
  const at = (f: Finding) => (f.cell ? `${f.cell.sheet}!${f.cell.address}` : undefined);
  const detectedErrors = new Set(analysis.findings.filter((f) => f.code === "ERROR_VALUE").map(at));
  const fromRead = read.filter(
    (f) => !(f.code === "CELL_ERROR_VALUE" && f.cell && detectedErrors.has(at(f)))
  );
  const seen = new Set<string>();
  const all = [...fromRead, ...analysis.findings].filter((f) => {
    const k = `${f.code}|${f.cell?.sheet ?? f.sheet ?? ""}!${f.cell?.address ?? ""}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { ...analysis, findings: sortFindings(all) };
}

/** The settings the add-in keeps in the workbook (its very hidden settings sheet), if any. */
export function storedSettings(workbook: WorkbookGrid): StoredSettings | undefined {
  const sheet = workbook.sheets.find((s) => s.addinOwned && isSettingsSheet(s.values));
  return sheet ? decodeSettingsSheet(sheet.values) : undefined;
}

export interface LoadedWorkbook {
  /** The absolute path read. */
  readonly file: string;
  readonly workbook: WorkbookGrid;
  /** runVfm's result (data, analysis, peers where a peers sheet exists). */
  readonly result: VfmResult;
  /** The analysis with the findings met while reading the file added, errors first. */
  readonly analysis: Analysis;
}

export type LoadOutcome =
  | { readonly ok: true; readonly loaded: LoadedWorkbook }
  | { readonly ok: false; readonly message: string };

export interface LoadOptions {
  /** A --policy JSON file, relative to cwd. */
  readonly policy?: string;
  /** Compare with HMIC's national data shipped with the add-in where the workbook has no peers sheet. */
  readonly national?: boolean;
  /** A most similar group (--group), for the national comparison. */
  readonly group?: readonly string[];
}

/** Reads a --policy JSON file; a file that cannot be read or parsed is one line for stderr. */
export async function readPolicyFile(
  cwd: string,
  policy: string
): Promise<
  | { ok: true; file: { name: string; overrides: Readonly<Record<string, unknown>> } }
  | { ok: false; message: string }
> {
  const policyPath = path.resolve(cwd, policy);
  let text: string;
  try {
    text = await fs.readFile(policyPath, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    return {
      ok: false,
      message: `${policy}: the policy file cannot be read (${code === "ENOENT" ? "no such file" : (code ?? "error")}).`,
    };
  }
  const parsed = policyOverridesFromJson(text, path.basename(policyPath));
  if (parsed.findings.length > 0) return { ok: false, message: parsed.findings[0].message };
  return { ok: true, file: { name: path.basename(policyPath), overrides: parsed.overrides } };
}

/** Reads and analyses one workbook; the file is only ever read. */
export async function loadAndAnalyse(
  fileArg: string,
  cwd: string,
  options: LoadOptions = {}
): Promise<LoadOutcome> {
  const file = path.resolve(cwd, fileArg);
  let policyFile: { name: string; overrides: Readonly<Record<string, unknown>> } | undefined;
  if (options.policy !== undefined) {
    const p = await readPolicyFile(cwd, options.policy);
    if (!p.ok) return p;
    policyFile = p.file;
  }
  let read: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    read = await readWorkbookFile(file);
  } catch (e) {
    const message =
      e instanceof UnreadableWorkbookError || e instanceof Error ? e.message : String(e);
    return { ok: false, message: message.split("\n")[0] };
  }
  let result: VfmResult;
  try {
    // The add-in's own settings kept in the workbook apply as they do in the task pane.
    const settings = storedSettings(read.workbook);
    // The formula engine (mathjs) is loaded only when the workbook defines indicators.
    const national = options.national ? await loadNationalTable() : undefined;
    const runOptions = await withIndicatorEngine(read.workbook, {
      ...(settings ? { settings } : {}),
      ...(policyFile ? { policyFile } : {}),
      ...(national ? { national } : {}),
      ...(options.group && options.group.length > 0 ? { group: options.group } : {}),
    });
    result = runVfm(read.workbook, runOptions);
  } catch (e) {
    return {
      ok: false,
      message: `${fileArg}: the workbook could not be analysed (${e instanceof Error ? e.message.split("\n")[0] : String(e)}).`,
    };
  }
  if (!hasBudgetFigures(result.data))
    return {
      ok: false,
      message: `${fileArg}: ${NOT_A_BUDGET} to report on.`,
    };
  return {
    ok: true,
    loaded: {
      file,
      workbook: read.workbook,
      result,
      analysis: withReadFindings(result.analysis, read.findings),
    },
  };
}
