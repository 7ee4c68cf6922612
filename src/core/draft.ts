/**
 * The pipeline's next step after runVfm (run.ts): the Value for Money Statement for a result.
 */
import type { VfmResult } from "./run";
import { MoneyUnit } from "./money";
import { Statement } from "./statement/model";
import { buildStatement, workbookSaysIllustrative } from "./statement/build";

export interface DraftOptions {
  /** When the statement is drafted, ISO; the core never reads the clock, the caller passes it. */
  readonly generatedAt: string;
  /** Money unit for the statement; default: the unit the analysis or the budget sheet used. */
  readonly unit?: MoneyUnit;
  /** The workbook's file name for the sources; default: the name the workbook was read under. */
  readonly workbookName?: string;
  /** Marks the statement illustrative; default: the workbook says so of itself (the sample). */
  readonly illustrative?: boolean;
  /**
   * The Police Authority's name, where the user gives it (`--authority`); default: the name kept
   * in the add-in's settings, else the workbook's Settings sheet or cover.
   */
  readonly authority?: string;
  /**
   * The ISO date the Authority approved the statement (`--approved`); default: the date kept in
   * the add-in's settings. Until one is given, every page says "Draft".
   */
  readonly approved?: string;
}

/**
 * The pipeline's next step after runVfm: the Value for Money Statement (5.53) for a result, with
 * its peers comparison, under the policy the analysis ran with. Every front end drafts with this.
 */
export function draftStatement(result: VfmResult, options: DraftOptions): Statement {
  const workbookName = options.workbookName ?? result.workbook.fileName;
  const authority = options.authority ?? result.statementSettings?.authority;
  const approved = options.approved ?? result.statementSettings?.approved;
  return buildStatement(result.analysis, result.data, {
    generatedAt: options.generatedAt,
    illustrative: options.illustrative ?? workbookSaysIllustrative(result.workbook),
    ...(options.unit ? { unit: options.unit } : {}),
    ...(workbookName ? { workbookName } : {}),
    ...(authority ? { authority } : {}),
    ...(approved ? { approved } : {}),
    ...(result.peers ? { peers: result.peers } : {}),
    ...(result.targets ? { targets: result.targets } : {}),
  });
}
