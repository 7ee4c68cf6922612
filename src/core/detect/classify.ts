/**
 * What each sheet is: a budget, a workforce table (by year or by worker type), procurement lines,
 * a savings plan, settings, a peers table (read by the peers step), or none of these. Each kind
 * has a probe that finds its header near the top of the sheet; the template's own tables are
 * recognised by their exact headers first. The probes' findings (headers, columns) are handed to
 * the readers, so each sheet is scanned once.
 */
import { SheetGrid } from "../grid";
import {
  headerSignature,
  inputTemplate,
  TEMPLATE_LAYOUT,
  TemplateSheet,
  TemplateSheetKind,
} from "../template";
import { cellText } from "./cells";
import { functionMatcher, isTotalLabel, labelTokens, matchBudgetLabel } from "./labels";
import { SheetKind } from "./options";
import { findProcurementHeader, ProcurementRole, RoleHeader } from "./procurement";
import { findSavingsHeader, SavingsHeader } from "./savingsPlan";
import { settingsScore } from "./settings";
import {
  findYearHeader,
  HEADER_SCAN_ROWS,
  readYearTable,
  YearHeader,
  YearHeaderOptions,
} from "./table";
import { findWorkerTypeHeader, WorkerTypeHeader } from "./workforce";

export type SheetPlan =
  | { readonly kind: "budget"; readonly header: YearHeader }
  | { readonly kind: "workforceByYear"; readonly header: YearHeader }
  | { readonly kind: "workforceByType"; readonly header: WorkerTypeHeader }
  | { readonly kind: "procurement"; readonly header: RoleHeader<ProcurementRole> }
  | { readonly kind: "savingsPlan"; readonly header: SavingsHeader }
  | { readonly kind: "settings" }
  | { readonly kind: "peers" }
  | { readonly kind: "notRecognised" };

export interface SheetClassification {
  readonly sheet: string;
  /** What the sheet is read as ("notRecognised" when none; "ignored" by the user or the add-in's own). */
  readonly kind: SheetKind | "notRecognised" | "ignored";
  readonly plan: SheetPlan;
  /** The template table it matched, for the fast path and the "how". */
  readonly template?: string;
  readonly score: number;
  readonly how: string;
}

const NAME_HINTS: readonly [SheetKind, readonly string[]][] = [
  ["budget", ["budget", "revenue", "mtfp", "mtfs", "expenditure", "spending", "finance"]],
  ["workforce", ["workforce", "establishment", "fte", "staffing", "strength", "headcount", "post"]],
  ["procurement", ["procurement", "contract", "purchasing", "ledger", "supplier", "nonpay"]],
  ["savingsPlan", ["saving", "efficiency", "efficiencie", "cip"]],
  ["settings", ["setting", "cover", "parameter"]],
  ["peers", ["peer", "similar", "benchmark", "comparator", "msf"]],
];

function hinted(words: readonly string[], kind: SheetKind): boolean {
  const hints = NAME_HINTS.find((h) => h[0] === kind)?.[1] ?? [];
  return words.some((w) => hints.includes(w));
}

/** The words of a sheet's name and of its title rows (above a header row). */
function titleWords(sheet: SheetGrid, headerRow: number): string[] {
  const words = [...labelTokens(sheet.name)];
  for (let r = 0; r < Math.min(headerRow, 10); r++)
    for (const v of sheet.values[r] ?? []) {
      const t = cellText(v);
      if (t && t.length < 200) words.push(...labelTokens(t));
    }
  return words;
}

const TEMPLATES = inputTemplate();

/** The template table whose header row this sheet has, looked for near the layout's header row. */
function templateOf(sheet: SheetGrid): TemplateSheet | undefined {
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row || row.length < 2) continue;
    const sigs = new Set(row.map((v) => headerSignature(cellText(v))));
    for (const t of TEMPLATES) {
      const required = t.columns.filter(
        (c) => !c.optional && (c.role !== "year" || t.kind !== "budget")
      );
      if (required.every((c) => sigs.has(headerSignature(c.header)))) return t;
    }
    if (r > TEMPLATE_LAYOUT.headerRow + 20) break;
  }
  return undefined;
}

/**
 * How much each kind of evidence counts when a sheet is classified. The sheet goes to the kind
 * with the highest score: the user's own choice beats the template's marks, which beat any
 * header; a recognised header beats a table of year columns; each evidence is capped, so a long
 * sheet does not outweigh a clear header of another kind.
 */
export const CLASSIFIER_SCORES = {
  /** The kind the user chose for the sheet in the Data step. */
  chosenByUser: 1000,
  /** The sheet carries the add-in's input-template marks for the kind. */
  template: 500,
  /** The sheet's name has a word of the kind ("Budget", "Establishment", ...). */
  nameHint: 15,
  /** A procurement, savings-plan or worker-type header, before its columns are counted. */
  header: 40,
  /** A savings plan's amount columns (money, hours, officer equivalents) counted up to this many. */
  savingsYearsCap: 12,
  /** A table of forces (peers), before its other columns are counted (up to 10). */
  peersTable: 25,
  peersColumnsCap: 10,
  /** A table of year columns whose lines read as budget or workforce lines. */
  yearTable: 10,
  budgetPerLine: 3,
  budgetLinesCap: 8,
  workforcePerLine: 2,
  workforceLinesCap: 10,
  /** The title above a year table names the kind (or "£" for a budget). */
  titleHint: 6,
} as const;
const W = CLASSIFIER_SCORES;

const FORCE_HEADERS = new Set(["force", "force name", "police force", "forces", "name of force"]);

/** A table of forces: a "Force" header over at least three names, with other columns beside it. */
function peersScore(sheet: SheetGrid): number {
  const limit = Math.min(sheet.values.length, 60);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]).toLowerCase();
      if (!FORCE_HEADERS.has(t)) continue;
      const others = row.filter((v, i) => i !== c && cellText(v) !== "").length;
      let names = 0;
      for (let rr = r + 1; rr < Math.min(sheet.values.length, r + 60); rr++)
        if (cellText(sheet.values[rr]?.[c] ?? null) !== "") names++;
      if (others >= 2 && names >= 3) return W.peersTable + Math.min(others, W.peersColumnsCap);
    }
  }
  return 0;
}

function yearTableProbe(
  sheet: SheetGrid,
  header: YearHeader
): { budget: number; workforce: number } {
  const table = readYearTable(sheet, header, { isTotal: isTotalLabel, maxRows: 500 });
  let kb = 0;
  let kw = 0;
  let lines = 0;
  for (const row of table.rows) {
    if (row.kind !== "line") continue;
    lines++;
    if (matchBudgetLabel(row.label, row.heading).kind === "match") kb++;
    if (!row.isTotal && functionMatcher.match(row.label).kind === "match") kw++;
    if (lines > 400) break;
  }
  if (lines === 0) return { budget: 0, workforce: 0 };
  const words = titleWords(sheet, header.row);
  const hb = hinted(words, "budget") || words.includes("£");
  const hw = hinted(words, "workforce");
  // Capped, so a long sheet does not outweigh a clear header of another kind.
  const budget =
    kb >= 1 || hb
      ? W.yearTable + W.budgetPerLine * Math.min(kb, W.budgetLinesCap) + (hb ? W.titleHint : 0)
      : 0;
  const workforce =
    kw >= 2 || hw
      ? W.yearTable +
        W.workforcePerLine * Math.min(kw, W.workforceLinesCap) +
        (hw ? W.titleHint : 0)
      : 0;
  return { budget, workforce };
}

const KIND_OF_TEMPLATE: Record<TemplateSheetKind, SheetKind> = {
  budget: "budget",
  workforce: "workforce",
  procurement: "procurement",
  savingsPlan: "savingsPlan",
  settings: "settings",
};

export interface ClassifyOptions extends YearHeaderOptions {
  readonly sheetKinds?: Readonly<Record<string, SheetKind | "ignore">>;
}

function kindOf(plan: SheetPlan): SheetKind | "notRecognised" {
  switch (plan.kind) {
    case "workforceByYear":
    case "workforceByType":
      return "workforce";
    default:
      return plan.kind;
  }
}

/** Classifies one sheet. */
export function classifySheet(
  sheet: SheetGrid,
  options: ClassifyOptions = {}
): SheetClassification {
  const forced = options.sheetKinds?.[sheet.name];
  if (sheet.addinOwned)
    return {
      sheet: sheet.name,
      kind: "ignored",
      plan: { kind: "notRecognised" },
      score: 0,
      how: "the add-in's own sheet, never read as input",
    };
  if (forced === "ignore")
    return {
      sheet: sheet.name,
      kind: "ignored",
      plan: { kind: "notRecognised" },
      score: 0,
      how: "ignored as chosen in the Data step",
    };
  const candidates: { plan: SheetPlan; score: number; template?: string; how: string }[] = [];
  const template = templateOf(sheet);
  const nameWords = labelTokens(sheet.name);
  const bonus = (k: SheetKind): number =>
    (hinted(nameWords, k) ? W.nameHint : 0) + (forced === k ? W.chosenByUser : 0);
  const tplBonus = (k: SheetKind): number =>
    template && KIND_OF_TEMPLATE[template.kind] === k ? W.template : 0;

  const proc = findProcurementHeader(sheet);
  if (proc)
    candidates.push({
      plan: { kind: "procurement", header: proc },
      score: W.header + proc.columns.size + bonus("procurement") + tplBonus("procurement"),
      how: "procurement header",
    });
  const sav = findSavingsHeader(sheet);
  if (sav)
    candidates.push({
      plan: { kind: "savingsPlan", header: sav },
      score:
        W.header +
        // Hours and officer-equivalent columns are the plan's too, so "Officer equivalents"
        // does not make it read as a workforce table.
        Math.min(sav.amounts.length + sav.capacity.length, W.savingsYearsCap) +
        bonus("savingsPlan") +
        tplBonus("savingsPlan"),
      how: "savings plan header",
    });
  const wt = findWorkerTypeHeader(sheet);
  if (wt)
    candidates.push({
      plan: { kind: "workforceByType", header: wt },
      score: W.header + wt.columns.size + bonus("workforce") + tplBonus("workforce"),
      how: "worker-type header",
    });
  const yh = findYearHeader(sheet, options, 1);
  if (yh) {
    const s = yearTableProbe(sheet, yh);
    if (s.budget > 0 || forced === "budget" || template?.kind === "budget")
      candidates.push({
        plan: { kind: "budget", header: yh },
        score: s.budget + bonus("budget") + tplBonus("budget"),
        how: "year header and budget lines",
      });
    if (s.workforce > 0 || forced === "workforce")
      candidates.push({
        plan: { kind: "workforceByYear", header: yh },
        score: s.workforce + bonus("workforce"),
        how: "year header and workforce functions",
      });
  }
  const ss = settingsScore(sheet);
  if (ss >= 2 || (ss >= 1 && hinted(nameWords, "settings")) || forced === "settings")
    candidates.push({
      plan: { kind: "settings" },
      score: 12 + 4 * ss + bonus("settings") + tplBonus("settings"),
      how: "settings rows",
    });
  const ps = peersScore(sheet);
  if (ps > 0 || forced === "peers" || (hinted(nameWords, "peers") && candidates.length === 0))
    candidates.push({
      plan: { kind: "peers" },
      score: ps + bonus("peers"),
      how: "table of forces",
    });
  if (candidates.length === 0)
    return {
      sheet: sheet.name,
      kind: "notRecognised",
      plan: { kind: "notRecognised" },
      score: 0,
      how: "no budget, workforce, procurement, savings or settings table found",
    };
  // Highest score wins; ties go to the order above, which never depends on Map iteration.
  let best = candidates[0];
  for (const c of candidates) if (c.score > best.score) best = c;
  const isTemplate =
    template !== undefined && KIND_OF_TEMPLATE[template.kind] === kindOf(best.plan);
  return {
    sheet: sheet.name,
    kind: kindOf(best.plan),
    plan: best.plan,
    ...(isTemplate && template ? { template: template.table } : {}),
    score: best.score,
    how: isTemplate && template ? `template table ${template.table}` : best.how,
  };
}
