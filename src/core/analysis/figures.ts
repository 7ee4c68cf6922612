/**
 * Small helpers the analyses share: building figures with their sources, picking budget and
 * workforce figures out of ForceData, exact pence arithmetic.
 */
import { fteUnit, withinRounding } from "../tolerance";
import { CellRef } from "../grid";
import { BudgetLine, BudgetLineKey, ForceData, Sourced, WorkforceLine } from "../forceData";
import { Pence, applyRate } from "../money";
import { shiftRound } from "../rounding";
import { FinancialYear } from "../years";
import { Figure, Rag, RAG_WORDS, RagStatus } from "./types";

export function fig<T>(value: T, sources: readonly CellRef[], formula?: string): Figure<T> {
  return formula === undefined ? { value, sources } : { value, sources, formula };
}

/** Sources of several figures, in order, without repeats. */
export function mergeSources(...lists: (readonly CellRef[] | undefined)[]): CellRef[] {
  const seen = new Set<string>();
  const out: CellRef[] = [];
  for (const list of lists) {
    if (!list) continue;
    for (const r of list) {
      const k = `${r.sheet}\u0000${r.address}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(r);
      }
    }
  }
  return out;
}

/** a x b / c, exactly, rounded half away from zero to a whole number (no float drift). */
export function mulDiv(a: number, b: number, c: number): number {
  if (c === 0) throw new RangeError("Division by zero");
  if (!Number.isInteger(a) || !Number.isInteger(b) || !Number.isInteger(c))
    return shiftRound((a * b) / c, 0);
  const neg = a * b < 0 !== c < 0;
  const n = BigInt(Math.abs(a)) * BigInt(Math.abs(b));
  const d = BigInt(Math.abs(c));
  const q = (n * 2n + d) / (2n * d);
  const r = Number(q);
  return neg ? -r : r;
}

export function rag(status: Rag, rule: string, paragraph: string): RagStatus {
  return { rag: status, words: RAG_WORDS[status], rule, paragraph };
}

/** The lines an analysis may add up: recognised, and not subtotals or totals. */
export function detailLines(lines: readonly BudgetLine[], key: BudgetLineKey): BudgetLine[] {
  return lines.filter((l) => l.key === key && !l.isTotal);
}

/**
 * The amount for a budget line key in a year: the sum of every non-total line with that key.
 * Undefined where no such line has a figure for the year.
 */
export function budgetAmount(
  data: ForceData,
  key: BudgetLineKey,
  year: FinancialYear
): Figure<Pence> | undefined {
  let total = 0;
  let found = false;
  const sources: CellRef[] = [];
  for (const l of data.budget.lines) {
    if (l.key !== key || l.isTotal) continue;
    const a = l.amounts.get(year);
    if (!a) continue;
    found = true;
    total += a.value;
    sources.push(...a.sources);
  }
  return found ? fig(total, sources) : undefined;
}

/** Adds figures (undefined ones are skipped); undefined when all are. */
export function addFigures(
  parts: readonly (Figure<Pence> | undefined)[],
  formula?: string
): Figure<Pence> | undefined {
  const present = parts.filter((p): p is Figure<Pence> => p !== undefined);
  if (present.length === 0) return undefined;
  let v = 0;
  for (const p of present) v += p.value;
  return fig(v, mergeSources(...present.map((p) => p.sources)), formula);
}

export type WorkerType = "officers" | "staff" | "pcsos";

/**
 * A workforce line's FTE for a year on the ratio's basis: officers + staff + PCSOs where the
 * sheet splits by worker type, otherwise its total (specials never count).
 */
export function lineWorkforceFte(
  line: WorkforceLine,
  year: FinancialYear
): { value: number; sources: CellRef[] } | undefined {
  const f = line.fte.get(year);
  if (!f) return undefined;
  const parts = [f.officers, f.staff, f.pcsos].filter((p): p is Sourced<number> => p !== undefined);
  if (parts.length > 0) {
    let v = 0;
    const sources: CellRef[] = [];
    for (const p of parts) {
      v += p.value;
      sources.push(...p.sources);
    }
    // A stated total that agrees with its parts within their rounding is the published
    // figure (worked out before rounding), so it is the one used.
    const t = f.total;
    const stated = t !== undefined && !t.sources.every((c) => sources.includes(c));
    if (
      stated &&
      t &&
      withinRounding(t.value, v, parts.length, fteUnit([t.value, ...parts.map((p) => p.value)]))
    )
      return { value: t.value, sources: [...t.sources] };
    return { value: v, sources };
  }
  if (f.total) return { value: f.total.value, sources: [...f.total.sources] };
  return undefined;
}

export function lineWorkerFte(
  line: WorkforceLine,
  year: FinancialYear,
  type: WorkerType
): Sourced<number> | undefined {
  return line.fte.get(year)?.[type];
}

/** FTE sums carry float noise (0.1 + 0.2); keep four decimals, more than any sheet states. */
export function cleanFte(v: number): number {
  return Math.round(v * 10000) / 10000;
}

export function sortedUnique(years: Iterable<FinancialYear>): FinancialYear[] {
  return [...new Set(years)].sort((a, b) => a - b);
}

/**
 * Pence x rate rounded half away from zero, as applyRate, with a fast path for the common case
 * where the product is not within a hair of a half penny (ledgers call this per line).
 */
export function penceAtRate(pence: Pence, rate: number): Pence {
  const v = pence * rate;
  const frac = Math.abs(v - Math.trunc(v));
  if (Math.abs(frac - 0.5) > 1e-6) return v < 0 ? -Math.round(-v) || 0 : Math.round(v);
  return applyRate(pence, rate);
}
