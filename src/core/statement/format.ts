/**
 * The statement's figures: a value, its text and its sources together. The text is written by
 * the add-in's one formatting module (../format.ts); in Excel the value carries the matching
 * number format. Where there is no figure, the cell says "no data" rather than showing a blank
 * or a zero.
 */
import { CellRef, formatRef, parseA1 } from "../grid";
import {
  COUNT_FORMAT,
  FTE_FORMAT,
  PERCENT_FORMAT,
  formatCount,
  formatDate,
  formatFte,
  formatMoney,
  formatMoneyCell,
  formatNumber,
  formatPercent,
  formatYear,
  moneyNumberFormat,
} from "../format";
import { MoneyUnit, Pence, toPounds } from "../money";
import { FinancialYear } from "../years";
import { DisplayFigure, RAG_LABELS, RagState, TableCell } from "./model";

export const NO_DATA = "no data";

// ---------------------------------------------------------------------------------------------
// Figures: a value, its text and its sources together.

function refs(sources: readonly CellRef[] | undefined): readonly CellRef[] {
  return sources ?? [];
}

/** A money figure: value in pounds (as `vfm analyse --json` writes it), text in the statement's unit. */
export function moneyFigure(
  pence: Pence,
  unit: MoneyUnit,
  sources?: readonly CellRef[],
  derivation?: string,
  style: "cell" | "prose" = "cell"
): DisplayFigure {
  return {
    kind: "money",
    value: toPounds(pence),
    text: style === "cell" ? formatMoneyCell(pence, unit) : formatMoney(pence, unit),
    numberFormat: moneyNumberFormat(unit),
    sources: refs(sources),
    ...(derivation ? { derivation } : {}),
  };
}

/**
 * Stored values are rounded as `vfm analyse --json` rounds them, so a cell written by the
 * statement holds exactly the JSON's figure: ratios to ten decimals, FTE to four.
 */
export function roundRatio(fraction: number): number {
  return Math.round(fraction * 1e10) / 1e10;
}

export function roundFte(fte: number): number {
  return Math.round(fte * 1e4) / 1e4;
}

export function percentFigure(
  fraction: number,
  sources?: readonly CellRef[],
  derivation?: string
): DisplayFigure {
  return {
    kind: "percent",
    value: roundRatio(fraction),
    text: formatPercent(fraction),
    numberFormat: PERCENT_FORMAT,
    sources: refs(sources),
    ...(derivation ? { derivation } : {}),
  };
}

export function fteFigure(
  fte: number,
  sources?: readonly CellRef[],
  derivation?: string
): DisplayFigure {
  return {
    kind: "fte",
    value: roundFte(fte),
    text: formatFte(fte),
    numberFormat: FTE_FORMAT,
    sources: refs(sources),
    ...(derivation ? { derivation } : {}),
  };
}

export function countFigure(n: number, sources?: readonly CellRef[]): DisplayFigure {
  return {
    kind: "number",
    value: n,
    text: formatCount(n),
    numberFormat: COUNT_FORMAT,
    sources: refs(sources),
  };
}

/** A plain number shown to `decimals` places (peer indicators such as officers per 1,000). */
export function numberFigure(
  n: number,
  decimals: number,
  sources?: readonly CellRef[]
): DisplayFigure {
  return {
    kind: "number",
    value: n,
    text: formatNumber(n, decimals),
    numberFormat: decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : COUNT_FORMAT,
    sources: refs(sources),
  };
}

export function yearFigure(year: FinancialYear, sources?: readonly CellRef[]): DisplayFigure {
  const text = formatYear(year);
  return { kind: "year", value: text, text, sources: refs(sources) };
}

export function dateFigure(iso: string, sources?: readonly CellRef[]): DisplayFigure {
  const text = formatDate(iso);
  return { kind: "date", value: text, text, sources: refs(sources) };
}

export function textFigure(text: string, sources?: readonly CellRef[]): DisplayFigure {
  return { kind: "text", value: text, text, sources: refs(sources) };
}

/** A cell with no figure: it says so in words. */
export function missingFigure(kind: DisplayFigure["kind"], text: string = NO_DATA): DisplayFigure {
  return { kind, value: null, text, sources: [] };
}

export function ragCell(status: RagState): TableCell {
  const words = RAG_LABELS[status];
  return { kind: "rag", value: words, text: words, sources: [], rag: status };
}

/** A figure used as a table cell, optionally bold (totals). */
export function cell(figure: DisplayFigure, emphasis?: "strong"): TableCell {
  return emphasis ? { ...figure, emphasis } : figure;
}

/**
 * The cells a figure came from as a reader writes them: "Budget!C7", or "Budget!C7:H7" where
 * consecutive cells of one row or column follow each other, joined with ", ".
 */
export function refsText(sources: readonly CellRef[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < sources.length) {
    const first = sources[i];
    const start = parseA1(first.address);
    let j = i;
    if (start) {
      // Extend while the next cell is the neighbour along one row or down one column.
      let dir: "row" | "col" | undefined;
      while (j + 1 < sources.length && sources[j + 1].sheet === first.sheet) {
        const a = parseA1(sources[j].address);
        const b = parseA1(sources[j + 1].address);
        if (!a || !b) break;
        const along = a.row === b.row && b.col === a.col + 1 ? "row" : undefined;
        const down = a.col === b.col && b.row === a.row + 1 ? "col" : undefined;
        const step = along ?? down;
        if (!step || (dir && dir !== step)) break;
        dir = step;
        j++;
      }
    }
    const last = sources[j];
    parts.push(j > i ? `${formatRef(first)}:${last.address}` : formatRef(first));
    i = j + 1;
  }
  return parts.join(", ");
}
