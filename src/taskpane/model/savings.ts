/**
 * The Savings step's tables (White Paper 5.53): planned against actual for the nine areas and
 * for each year, cashable and non-cashable apart, each with its variance (actual - planned over
 * the lines that report an actual, as the analysis defines it). Built as statement tables from
 * the analysis with the statement's own formatting, so every figure keeps its cells.
 */
import {
  Analysis,
  AREA_SHORT,
  areaStatus,
  cell,
  missingFigure,
  moneyFigure,
  MoneyUnit,
  PlannedActual,
  ragCell,
  ragState,
  SavingsAnalysis,
  SavingsYearTotals,
  TableBlock,
  TableCell,
  TableRow,
  textFigure,
  yearFigure,
} from "../../core";

export type SavingsKind = "cashable" | "nonCashable";

export const KIND_WORDS: Readonly<Record<SavingsKind, string>> = {
  cashable: "Cashable savings",
  nonCashable: "Non-cashable gains",
};

function money(
  f: PlannedActual["planned"] | null,
  unit: MoneyUnit,
  missing: string,
  strong: boolean
): TableCell {
  const c = f ? moneyFigure(f.value, unit, f.sources, f.formula) : missingFigure("money", missing);
  return strong ? cell(c, "strong") : c;
}

function paCells(pa: PlannedActual, unit: MoneyUnit, strong = false): TableCell[] {
  return [
    money(pa.planned, unit, "no data", strong),
    money(pa.actual, unit, "not reported", strong),
    money(pa.variance, unit, "not reported", strong),
  ];
}

function columns(first: string, status: boolean): TableBlock["columns"] {
  return [
    { header: first, kind: first === "Year" ? "year" : "text", width: 20 },
    { header: "Planned", kind: "money", width: 11 },
    { header: "Actual", kind: "money", width: 11 },
    { header: "Variance", kind: "money", width: 11 },
    ...(status ? [{ header: "Status", kind: "rag" as const, width: 10 }] : []),
  ];
}

function headerRow(cols: TableBlock["columns"]): TableBlock["headerRows"] {
  return [cols.map((c) => ({ text: c.header, span: 1 }))];
}

const NOTE =
  "Variance is actual minus planned over the lines that report an actual figure; brackets show a negative amount.";

/**
 * The nine areas, planned against actual over all years, with each area's status as the core
 * gives it (areaStatus: for overtime, support services and procurement the weaker of the savings
 * plan and the White Paper's own test, the same status the statement shows).
 */
export function areaTable(analysis: Analysis, kind: SavingsKind, unit: MoneyUnit): TableBlock {
  const s = analysis.savings;
  const status = (a: (typeof s.byArea)[number]) =>
    ragCell(ragState({ ...a.rag, rag: areaStatus(analysis, a.area).rag }));
  const cols = columns("Area", true);
  const rows: TableRow[] = s.byArea.map((a) => ({
    cells:
      a.lineCount === 0
        ? [
            textFigure(AREA_SHORT[a.area]),
            missingFigure("money", "no lines"),
            missingFigure("money", "no lines"),
            missingFigure("money", "no lines"),
            status(a),
          ]
        : [textFigure(AREA_SHORT[a.area]), ...paCells(a[kind], unit), status(a)],
  }));
  rows.push({
    role: "total",
    cells: [
      cell(textFigure("All nine areas"), "strong"),
      ...paCells(s.total[kind], unit, true),
      textFigure(""),
    ],
  });
  return {
    kind: "table",
    id: `savings-area-${kind}`,
    caption: `${KIND_WORDS[kind]} by area, all years (${unit})`,
    columns: cols,
    headerRows: headerRow(cols),
    rows,
    note: `${NOTE} The status of overtime, support services and procurement is the weaker of two tests: the savings plan's and the White Paper's own (see each area below).`,
  };
}

/** Planned against actual by year, with a total row. */
export function yearTable(
  byYear: readonly SavingsYearTotals[],
  total: PlannedActual,
  kind: SavingsKind,
  unit: MoneyUnit,
  caption: string,
  id: string
): TableBlock {
  const cols = columns("Year", false);
  const rows: TableRow[] = byYear.map((y) => ({
    cells: [yearFigure(y.year), ...paCells(y[kind], unit)],
  }));
  rows.push({
    role: "total",
    cells: [cell(textFigure("Total"), "strong"), ...paCells(total, unit, true)],
  });
  return {
    kind: "table",
    id,
    caption,
    columns: cols,
    headerRows: headerRow(cols),
    rows,
    note: NOTE,
  };
}

export function allYearsTable(s: SavingsAnalysis, kind: SavingsKind, unit: MoneyUnit): TableBlock {
  return yearTable(
    s.byYear,
    s.total[kind],
    kind,
    unit,
    `${KIND_WORDS[kind]} by year, all areas (${unit})`,
    `savings-year-${kind}`
  );
}
