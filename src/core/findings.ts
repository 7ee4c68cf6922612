import { CellRef, formatRef } from "./grid";

export type Severity = "error" | "warning" | "info";

/**
 * A problem with the input or the result, in plain English, pointing at the cell it concerns.
 * Problems travel as findings, never as exceptions, so the rest of the analysis goes on.
 */
export interface Finding {
  readonly severity: Severity;
  /** Stable machine code, e.g. "TEXT_IN_NUMBER_CELL". */
  readonly code: string;
  readonly message: string;
  readonly cell?: CellRef;
  /** A sheet-level pointer where no single cell applies. */
  readonly sheet?: string;
  /** What the user can do about it. */
  readonly fix?: string;
  /**
   * The inspector's check rule that finds the same problem (a RuleCode, core/check/rules.ts),
   * where there is one: the finding then takes that rule's severity, so the Data step, the
   * command line and the check count one problem alike (see withRuleSeverities).
   */
  readonly rule?: string;
}

export function finding(
  severity: Severity,
  code: string,
  message: string,
  where?: CellRef | { sheet: string },
  fix?: string
): Finding {
  const f: { -readonly [K in keyof Finding]: Finding[K] } = { severity, code, message };
  if (where && "address" in where) f.cell = where;
  else if (where) f.sheet = where.sheet;
  if (fix) f.fix = fix;
  return f;
}

/** "Sheet!C7", the sheet alone, or undefined: how a finding's place is written in JSON and tables. */
export function findingPlace(f: Finding): string | undefined {
  if (f.cell) return formatRef(f.cell);
  return f.sheet;
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information; stable otherwise. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order[a.f.severity] - order[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
