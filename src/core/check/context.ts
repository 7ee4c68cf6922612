/**
 * What every rule module reads, and small helpers they share for pointing at cells.
 */
import { CellRef, parseA1 } from "../grid";
import type { VfmResult } from "../run";
import { RuleCode } from "./rules";
import { RuleHit, StatementExpectation } from "./types";
import type { PublishedStatement } from "./document";

export interface CheckContext {
  readonly result: VfmResult;
  /** A planned-vs-actual difference above this share of the plan needs a note (0.10 = 10%). */
  readonly varianceThreshold: number;
  /** A plan's saving this far from the budget's fall does not reconcile (default 0.15). */
  readonly reconciliationTolerance?: number;
  /** The date the check treats as today, ISO "2011-06-30"; see pastYears in completeness.ts. */
  readonly today?: string;
  /** The statement sheets as they would be drafted now (built outside the core). */
  readonly expectedStatement?: StatementExpectation;
  /** A published Word statement to check against the workbook (see document.ts). */
  readonly publishedStatement?: PublishedStatement;
}

export function hit(
  rule: RuleCode,
  message: string,
  where?: CellRef | { readonly sheet: string },
  fix?: string
): RuleHit {
  if (!where) return fix ? { rule, message, fix } : { rule, message };
  const place = "address" in where ? { cell: where } : { sheet: where.sheet };
  return fix ? { rule, message, ...place, fix } : { rule, message, ...place };
}

/**
 * The cell on `row`'s row in the column most of `columnFrom` sit in (on the same sheet): where a
 * figure is missing, the cell it should be in. Undefined when no column can be inferred.
 */
export function cellInColumnOf(
  row: CellRef,
  columnFrom: readonly (CellRef | undefined)[]
): CellRef | undefined {
  const at = parseA1(row.address);
  if (!at) return undefined;
  const counts = new Map<string, number>();
  for (const ref of columnFrom) {
    if (!ref || ref.sheet !== row.sheet) continue;
    const m = /^([A-Z]+)/.exec(ref.address);
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [col, c] of counts)
    if (c > n || (c === n && best !== undefined && col < best)) {
      best = col;
      n = c;
    }
  return best === undefined ? undefined : { sheet: row.sheet, address: `${best}${at.row + 1}` };
}

/** "rows 9 to 14" for a message, from the cells of the lines concerned. */
export function rowSpanText(refs: readonly CellRef[]): string {
  const rows = refs.map((r) => parseA1(r.address)?.row).filter((r): r is number => r !== undefined);
  if (rows.length === 0) return "its lines";
  const lo = Math.min(...rows) + 1;
  const hi = Math.max(...rows) + 1;
  return lo === hi ? `row ${lo}` : `rows ${lo} to ${hi}`;
}
