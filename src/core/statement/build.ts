/**
 * buildStatement: the Value for Money Statement (White Paper 5.53) as a document model, from the
 * analysis and the detected data. Pure and deterministic: the same inputs (including the
 * generatedAt timestamp the caller passes) always give the same statement.
 *
 * Order: summary (with the national context), the nine areas (each with its evidence), the
 * benchmarking section, points to check before publishing, and the sources.
 */
import { Finding } from "../findings";
import { ForceData } from "../forceData";
import { WorkbookGrid } from "../grid";
import { MoneyUnit } from "../money";
import { formatYear } from "../format";
import { Analysis } from "../analysis/types";
import { Section, Statement } from "./model";
import { formatDate } from "../format";
import { DraftContext } from "./sections/common";
import { summarySections } from "./sections/summary";
import { allAreaSections } from "./sections/areas";
import { PeersForStatement, benchmarkingSections } from "./sections/benchmarking";
import { notesSection, sourcesSection } from "./sections/sources";
import { targetsSections } from "./sections/targets";
import { ScenarioResult } from "../scenario/types";

export interface StatementOptions {
  /** When the statement is drafted, ISO ("2025-05-05T14:03:00Z"); core never reads the clock. */
  readonly generatedAt: string;
  /** Peer comparison, where a peers sheet was analysed (PeersAnalysis fits). */
  readonly peers?: PeersForStatement;
  /** Money unit for the statement; default: the unit the budget sheet used, else whole pounds. */
  readonly unit?: MoneyUnit;
  /** Marks every output as illustrative (the sample); see workbookSaysIllustrative. */
  readonly illustrative?: boolean;
  /** The workbook's file name, for the sources section. */
  readonly workbookName?: string;
  /** The force's targets, where it chose a modelled scenario as them (a separate section). */
  readonly targets?: ScenarioResult;
}

/** The statement's title, with the span of years its savings plan covers. */
function titleOf(analysis: Analysis): string {
  const years = analysis.savings.byYear.map((y) => y.year);
  const span = years.length > 0 ? years : analysis.years;
  if (span.length === 0) return "Value for Money Statement";
  const first = span[0];
  const last = span[span.length - 1];
  return first === last
    ? `Value for Money Statement ${formatYear(first)}`
    : `Value for Money Statement ${formatYear(first)} to ${formatYear(last)}`;
}

/**
 * The statement from an analysis and its data; the policy is the one the analysis ran under.
 * Front ends call `draftStatement` (core/run.ts) with a whole result instead.
 */
export function buildStatement(
  analysis: Analysis,
  data: ForceData,
  options: StatementOptions
): Statement {
  const policy = analysis.policy;
  const findings: Finding[] = [];
  const force = analysis.force.value.trim() || "The force";
  const ctx: DraftContext = {
    analysis,
    data,
    policy,
    unit: options.unit ?? analysis.unit ?? data.budget.unit ?? "£",
    force,
    findings,
  };
  const generatedText = formatDate(options.generatedAt);
  const body: Section[] = [
    ...summarySections(ctx),
    ...allAreaSections(ctx),
    ...targetsSections(ctx, options.targets),
    ...benchmarkingSections(ctx, options.peers),
  ];
  const notes = notesSection(ctx);
  const sources = sourcesSection(ctx, body, {
    generatedText,
    ...(options.workbookName ? { workbookName: options.workbookName } : {}),
  });
  return {
    title: titleOf(analysis),
    force,
    generatedAt: options.generatedAt,
    generatedText,
    unit: ctx.unit,
    illustrative: options.illustrative ?? false,
    sections: [...body, notes, sources],
    findings,
  };
}

/**
 * True when the workbook says of itself that it is illustrative (the bundled sample does, in a
 * title cell): any text cell in the first 10 rows of a sheet containing "illustrative".
 */
export function workbookSaysIllustrative(workbook: WorkbookGrid): boolean {
  for (const sheet of workbook.sheets)
    for (const row of sheet.values.slice(0, 10))
      for (const v of row ?? [])
        if (typeof v === "string" && /\billustrative\b/i.test(v)) return true;
  return false;
}
