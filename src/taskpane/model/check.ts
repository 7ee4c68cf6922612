/**
 * The Check step's view of the inspector's check (core/check): the overall status in words,
 * the findings grouped by area with their rule, and how every rule came out.
 */
import {
  AREA_HEADINGS,
  CellRef,
  CHECK_AREA_LABELS,
  CheckReport,
  findingsByArea,
  RAG_LABELS,
  RagState,
  ragState,
  ruleWords,
  RuleOutcome,
  sentence,
} from "../../core";

export interface CheckFindingView {
  readonly severity: "Error" | "Warning";
  readonly rule: string;
  readonly ruleTitle: string;
  readonly message: string;
  readonly cell?: CellRef;
  readonly sheet?: string;
  /** "White Paper 5.9-5.10". */
  readonly paragraph: string;
  readonly fix?: string;
  /** Where in a published document ("2. Overtime", table "...", row "2010/11"). */
  readonly place?: string;
}

export interface CheckView {
  readonly state: RagState;
  /** "Errors to put right". */
  readonly words: string;
  /** "2 errors to put right before the statement is published (White Paper 5.53-5.54, 5.58)." */
  readonly rule: string;
  /** "2 errors and 3 warnings". */
  readonly counts: string;
  readonly groups: readonly {
    readonly area: string;
    readonly counts: string;
    readonly findings: readonly CheckFindingView[];
  }[];
  /** The nine areas' one status each, as the statement gives it (the core's areaStatus). */
  readonly areas: readonly {
    readonly area: string;
    readonly name: string;
    readonly state: RagState;
    /** "Off track". */
    readonly words: string;
    /** "The weaker of two tests. Savings plan: ..." or the one test's rule. */
    readonly rule: string;
  }[];
  readonly rules: readonly {
    readonly title: string;
    readonly area: string;
    readonly outcome: string;
    readonly note?: string;
  }[];
}

const OUTCOME_WORDS: Readonly<Record<RuleOutcome, string>> = {
  pass: "Met",
  fail: "Not met",
  notApplicable: "Did not apply",
  off: "Switched off",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function countsText(errors: number, warnings: number): string {
  return `${plural(errors, "error")} and ${plural(warnings, "warning")}`;
}

export function checkView(report: CheckReport): CheckView {
  const r = report.rag;
  return {
    state: ragState(r),
    words: r.words ? r.words[0].toUpperCase() + r.words.slice(1) : r.words,
    rule: sentence(`${r.rule} (White Paper ${r.paragraph})`),
    counts: countsText(report.counts.errors, report.counts.warnings),
    groups: findingsByArea(report).map((g) => ({
      area: CHECK_AREA_LABELS[g.area],
      counts: countsText(
        report.counts.byArea[g.area].errors,
        report.counts.byArea[g.area].warnings
      ),
      findings: g.findings.map((f) => ({
        severity: f.severity === "error" ? "Error" : "Warning",
        rule: f.rule,
        ruleTitle: ruleWords(report, f.rule).title,
        message: f.message,
        ...(f.cell ? { cell: f.cell } : {}),
        ...(f.sheet ? { sheet: f.sheet } : {}),
        paragraph: `White Paper ${f.paragraph}`,
        ...(f.fix ? { fix: f.fix } : {}),
        ...(f.place ? { place: f.place } : {}),
      })),
    })),
    areas: (report.areas ?? []).map((a) => {
      const state = ragState({ rag: a.rag, words: a.words, rule: a.rule, paragraph: "" });
      return {
        area: a.area,
        name: AREA_HEADINGS[a.area],
        state,
        words: RAG_LABELS[state],
        rule: a.rule,
      };
    }),
    rules: report.rules.map((x) => ({
      title: ruleWords(report, x.rule).title,
      area: CHECK_AREA_LABELS[x.area],
      outcome: OUTCOME_WORDS[x.outcome],
      ...(x.note ? { note: x.note } : {}),
    })),
  };
}

/** The rules that compare a published Word document with the workbook. */
const DOCUMENT_RULES: ReadonlySet<string> = new Set([
  "DOCUMENT_MATCHES_DATA",
  "DOCUMENT_AREAS_PRESENT",
  "DOCUMENT_TEXT_ADDED",
]);

/** What "Check a published statement…" shows: the document's differences from the workbook. */
export interface DocumentCheckView {
  /** "statement.docx matches the workbook." or "statement.docx: 2 errors and 1 warning." */
  readonly headline: string;
  readonly findings: readonly CheckFindingView[];
  /** How each document rule came out, in words. */
  readonly rules: readonly { readonly title: string; readonly outcome: string }[];
}

export function documentCheckView(report: CheckReport, document: string): DocumentCheckView {
  const all = checkView(report).groups.flatMap((g) => g.findings);
  const findings = all.filter((f) => DOCUMENT_RULES.has(f.rule));
  const errors = findings.filter((f) => f.severity === "Error").length;
  const warnings = findings.length - errors;
  return {
    headline:
      findings.length === 0
        ? `${document} matches the workbook: every figure, status word and year is the one the workbook gives, and all nine areas are there.`
        : `${document}: ${countsText(errors, warnings)}, each named by its place in the document and the cells it should match.`,
    findings,
    rules: report.rules
      .filter((r) => DOCUMENT_RULES.has(r.rule))
      .map((r) => ({ title: ruleWords(report, r.rule).title, outcome: OUTCOME_WORDS[r.outcome] })),
  };
}
