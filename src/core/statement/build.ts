/**
 * buildStatement: the Police Authority's Value for Money Statement (White Paper 5.53-5.54) and
 * its working papers as one document model, from the analysis and the detected data. Pure and
 * deterministic: the same inputs (including the generatedAt timestamp the caller passes) always
 * give the same statement.
 *
 * The statement (`sections`): foreword, summary (with the national context), the nine areas
 * (each with its evidence), benchmarking. The working papers (`papers`): points to check before
 * publishing, the sheets read, the settings used and where every figure came from.
 */
import { formatDate, formatYear } from "../format";
import { Finding, finding } from "../findings";
import { ForceData } from "../forceData";
import { WorkbookGrid } from "../grid";
import { MoneyUnit } from "../money";
import { FinancialYear } from "../years";
import { Analysis } from "../analysis/types";
import { Approval, Authority, Section, Statement } from "./model";
import { tidySections } from "./wording";
import { forewordSection } from "./sections/foreword";
import { DraftContext, sheetOf } from "./sections/common";
import { policingPlanYear } from "../analysis/planYear";
import { readingsSection } from "./sections/readings";
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
  /** The workbook's file name, for the working papers. */
  readonly workbookName?: string;
  /** The force's targets, where it chose a modelled scenario as them (a separate section). */
  readonly targets?: ScenarioResult;
  /** The Police Authority's name as the user gives it (`--authority`, the pane); beats the workbook's. */
  readonly authority?: string;
  /** The date the Authority approved the statement, ISO "2011-03-31"; until then every page says "Draft". */
  readonly approved?: string;
  /** The Local Policing Plan's year; default: the workbook's setting, else the first year not actual. */
  readonly planYear?: FinancialYear;
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

/** The words the statement prints where no Authority was named. */
export const AUTHORITY_PLACEHOLDER = "[Name of the Police Authority]";

function authorityOf(data: ForceData, options: StatementOptions): Authority {
  const given = options.authority?.trim();
  if (given) return { name: given, text: given, from: "option", sources: [] };
  const read = data.settings.authorityName;
  if (read && read.value.trim())
    return {
      name: read.value.trim(),
      text: read.value.trim(),
      from: "workbook",
      sources: read.sources,
    };
  return { name: null, text: AUTHORITY_PLACEHOLDER, from: "none", sources: [] };
}

/**
 * The Local Policing Plan's year (5.53: statements from 2010/11): the option, the workbook's
 * setting, else the first year the budget headers do not mark actual, from 2010/11 on.
 */
function planYearOf(ctx: DraftContext, options: StatementOptions): FinancialYear {
  if (options.planYear !== undefined) return options.planYear;
  return policingPlanYear(ctx.data, ctx.policy, ctx.analysis.years);
}

function approvalOf(options: StatementOptions): Approval {
  const date = options.approved;
  if (!date) return { approved: false, pageMark: "Draft: not yet approved" };
  const dateText = formatDate(date);
  return { approved: true, date, dateText, pageMark: `Approved ${dateText}` };
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
  const authority = authorityOf(data, options);
  const planYear = planYearOf(ctx, options);
  const approval = approvalOf(options);
  const illustrative = options.illustrative ?? false;
  const generatedText = formatDate(options.generatedAt);
  if (authority.name === null)
    findings.push(
      finding(
        "warning",
        "STATEMENT_NO_AUTHORITY",
        "The workbook does not name the Police Authority that publishes the statement, so the statement shows a space for its name.",
        sheetOf(data, "settings"),
        'Add a "Police authority" row to the Settings sheet, or give the name when drafting.'
      )
    );
  const body: Section[] = tidySections([
    forewordSection(ctx, { authority, planYear, approval, illustrative }),
    ...summarySections(ctx),
    ...allAreaSections(ctx),
    ...targetsSections(ctx, options.targets),
    ...benchmarkingSections(ctx, options.peers),
  ]);
  const notes = notesSection(ctx);
  const sources = sourcesSection(ctx, body, {
    generatedText,
    ...(options.workbookName ? { workbookName: options.workbookName } : {}),
  });
  const title = titleOf(analysis);
  return {
    title,
    force,
    authority,
    planYear,
    planText: `Local Policing Plan ${formatYear(planYear)}`,
    approval,
    contents: body
      .filter((s) => s.level === 1)
      .map((s) => ({ sectionId: s.id, heading: s.heading })),
    papersTitle: `Working papers for the ${title}`,
    // The readings follow the settings they explain.
    papers: [
      notes,
      ...sources.flatMap((s) => (s.id === "settings" ? [s, ...readingsSection(ctx)] : [s])),
    ],
    generatedAt: options.generatedAt,
    generatedText,
    unit: ctx.unit,
    illustrative,
    sections: body,
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
