/**
 * The Data step's picture of what detection found, as rows of text with the cell each figure
 * came from. Amounts are written with the statement's formatting helpers in the unit the
 * budget sheet used, so a figure here reads as it does in the sheet.
 */
import {
  Analysis,
  AREA_SHORT,
  BUDGET_KEY_NAMES,
  BudgetLine,
  CellRef,
  FinancialYear,
  ForceData,
  formatDate,
  formatFte,
  formatMoneyCell,
  formatYear,
  functionCategoryLabel,
  lineWorkforceFte,
  missingFigure,
  MoneyUnit,
  NO_DATA,
  procurementCategoryLabel,
  ROUTE_NAMES,
  supportClassOf,
  TableBlock,
  TableCell,
  TableColumn,
  textFigure,
  UNIT_WORDS,
} from "../../core";

/** A figure as the Data step shows it: its text and the cell(s) it came from. */
export interface FoundFigure {
  readonly text: string;
  readonly cells: readonly CellRef[];
}

export interface BudgetRowView {
  readonly label: string;
  readonly labelCell: CellRef;
  /** What the line was recognised as, e.g. "police officer overtime". */
  readonly recognisedAs: string;
  readonly isTotal: boolean;
  /** One per year of BudgetView.years; text "no data" where the line has no amount. */
  readonly amounts: readonly FoundFigure[];
}

export interface BudgetView {
  readonly unit: MoneyUnit;
  /** "thousands of pounds (£000)", or a note that none was stated. */
  readonly unitWords: string;
  readonly unitStated: boolean;
  readonly years: readonly string[];
  /** Lines the analyses use (recognised ones), in sheet order. */
  readonly rows: readonly BudgetRowView[];
  /** Lines read but not needed by the analyses. */
  readonly otherLines: number;
}

const SUPPORT_WORDS = {
  businessSupport: "Business support",
  excluded: "Left out of the ratio",
  operational: "Operational",
} as const;

export interface WorkforceRowView {
  readonly label: string;
  readonly labelCell: CellRef;
  readonly category: string;
  /** How the policy counts the function: business support, left out, operational. */
  readonly countsAs: string;
  readonly fte: FoundFigure;
}

export interface ProcurementRowView {
  readonly category: string;
  readonly labelCell: CellRef;
  readonly supplier: string;
  readonly spend: FoundFigure;
  readonly route: string;
  readonly contractEnd: string;
}

export interface SavingsRowView {
  readonly initiative: string;
  readonly labelCell: CellRef;
  readonly area: string;
  readonly type: string;
  readonly year: string;
  readonly planned: FoundFigure;
  readonly actual: FoundFigure;
}

export interface DataView {
  readonly force?: FoundFigure;
  readonly budget: BudgetView;
  readonly workforce: { readonly year?: string; readonly rows: readonly WorkforceRowView[] };
  readonly procurement: readonly ProcurementRowView[];
  readonly savings: readonly SavingsRowView[];
}

function lineYears(lines: readonly BudgetLine[], years: readonly FinancialYear[]): FinancialYear[] {
  if (years.length > 0) return [...years];
  const set = new Set<FinancialYear>();
  for (const l of lines) for (const y of l.amounts.keys()) set.add(y);
  return [...set].sort((a, b) => a - b);
}

export function budgetView(data: ForceData): BudgetView {
  const unit = data.budget.unit ?? "£";
  const years = lineYears(data.budget.lines, data.budget.years);
  const recognised = data.budget.lines.filter((l) => l.key !== undefined);
  return {
    unit,
    unitWords: data.budget.unit ? UNIT_WORDS[data.budget.unit] : UNIT_WORDS["£"],
    unitStated: data.budget.unit !== undefined,
    years: years.map(formatYear),
    rows: recognised.map((l) => ({
      label: l.label,
      labelCell: l.labelCell,
      recognisedAs: BUDGET_KEY_NAMES[l.key!],
      isTotal: l.isTotal,
      amounts: years.map((y) => {
        const a = l.amounts.get(y);
        return a
          ? { text: formatMoneyCell(a.value, unit), cells: a.sources }
          : { text: NO_DATA, cells: [] };
      }),
    })),
    otherLines: data.budget.lines.length - recognised.length,
  };
}

export function dataView(data: ForceData, analysis: Analysis): DataView {
  const wfYears = data.workforce.years;
  const latest = wfYears.length > 0 ? wfYears[wfYears.length - 1] : undefined;
  const force = data.settings.forceName;
  const unit = data.budget.unit ?? "£";
  return {
    ...(force ? { force: { text: force.value, cells: force.sources } } : {}),
    budget: budgetView(data),
    workforce: {
      ...(latest !== undefined ? { year: formatYear(latest) } : {}),
      rows: data.workforce.lines
        .filter((l) => !l.isTotal)
        .map((l) => {
          const fte = latest !== undefined ? lineWorkforceFte(l, latest) : undefined;
          return {
            label: l.label,
            labelCell: l.labelCell,
            category: l.category ? functionCategoryLabel(l.category) : "Not recognised",
            countsAs: SUPPORT_WORDS[supportClassOf(analysis.policy, l.category)],
            fte: fte
              ? { text: formatFte(fte.value), cells: fte.sources }
              : { text: NO_DATA, cells: [] },
          };
        }),
    },
    procurement: data.procurement.lines.map((l) => ({
      category: l.category ? procurementCategoryLabel(l.category) : l.categoryText,
      labelCell: l.labelCell,
      supplier: l.supplier ?? "not given",
      spend: { text: formatMoneyCell(l.annualSpend.value, unit), cells: l.annualSpend.sources },
      route: ROUTE_NAMES[l.route],
      contractEnd: l.contractEnd ? formatDate(l.contractEnd.value) : "not given",
    })),
    savings: data.savingsPlan.lines.map((l) => ({
      initiative: l.initiative,
      labelCell: l.labelCell,
      area: l.area ? AREA_SHORT[l.area] : `Not recognised ("${l.areaText}")`,
      type: l.type === "cashable" ? "Cashable" : "Non-cashable",
      year: formatYear(l.year),
      planned: l.planned
        ? { text: formatMoneyCell(l.planned.value, unit), cells: l.planned.sources }
        : { text: NO_DATA, cells: [] },
      actual: l.actual
        ? { text: formatMoneyCell(l.actual.value, unit), cells: l.actual.sources }
        : { text: "not reported", cells: [] },
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The same, as tables the pane draws (every figure a link to its cell).

function fig(f: FoundFigure, kind: TableCell["kind"]): TableCell {
  if (f.cells.length === 0 && (f.text === NO_DATA || f.text === "not reported"))
    return missingFigure(kind, f.text);
  return { ...textFigure(f.text, f.cells), kind };
}

function table(
  id: string,
  caption: string,
  columns: TableColumn[],
  rows: TableCell[][],
  note?: string
): TableBlock {
  return {
    kind: "table",
    id,
    caption,
    columns,
    headerRows: [columns.map((c) => ({ text: c.header, span: 1 }))],
    rows: rows.map((cells) => ({ cells })),
    ...(note ? { note } : {}),
  };
}

export function budgetTable(b: BudgetView): TableBlock {
  return table(
    "data-budget",
    "Budget lines the analysis uses",
    [
      { header: "Line in the sheet", kind: "text", width: 20 },
      { header: "Read as", kind: "text", width: 16 },
      ...b.years.map((y) => ({ header: `${y} (${b.unit})`, kind: "money" as const, width: 10 })),
    ],
    b.rows.map((r) => [
      textFigure(r.label, [r.labelCell]),
      textFigure(r.recognisedAs + (r.isTotal ? " (total)" : "")),
      ...r.amounts.map((a) => fig(a, "money")),
    ]),
    (b.unitStated
      ? `Amounts in ${b.unitWords}.`
      : "No unit was stated, so amounts are read as pounds (£).") +
      (b.otherLines > 0
        ? ` ${b.otherLines} other line${b.otherLines === 1 ? " was" : "s were"} read but ${b.otherLines === 1 ? "is" : "are"} not needed by the analysis.`
        : "")
  );
}

export function workforceTable(w: DataView["workforce"]): TableBlock {
  return table(
    "data-workforce",
    w.year ? `Workforce functions, FTE in ${w.year}` : "Workforce functions",
    [
      { header: "Function in the sheet", kind: "text", width: 20 },
      { header: "Category", kind: "text", width: 14 },
      { header: "Counts as", kind: "text", width: 12 },
      { header: "FTE", kind: "fte", width: 8 },
    ],
    w.rows.map((r) => [
      textFigure(r.label, [r.labelCell]),
      textFigure(r.category),
      textFigure(r.countsAs),
      fig(r.fte, "fte"),
    ])
  );
}

export function procurementTable(rows: readonly ProcurementRowView[], unit: MoneyUnit): TableBlock {
  return table(
    "data-procurement",
    "Procurement contracts",
    [
      { header: "Category", kind: "text", width: 18 },
      { header: "Supplier", kind: "text", width: 12 },
      { header: `Spend (${unit})`, kind: "money", width: 10 },
      { header: "Route", kind: "text", width: 12 },
      { header: "Contract ends", kind: "text", width: 12 },
    ],
    rows.map((r) => [
      textFigure(r.category, [r.labelCell]),
      textFigure(r.supplier),
      fig(r.spend, "money"),
      textFigure(r.route),
      textFigure(r.contractEnd),
    ])
  );
}

export function savingsTable(rows: readonly SavingsRowView[], unit: MoneyUnit): TableBlock {
  return table(
    "data-savings",
    "Savings plan lines",
    [
      { header: "Initiative", kind: "text", width: 18 },
      { header: "Area", kind: "text", width: 12 },
      { header: "Type", kind: "text", width: 10 },
      { header: "Year", kind: "text", width: 8 },
      { header: `Planned (${unit})`, kind: "money", width: 10 },
      { header: `Actual (${unit})`, kind: "money", width: 10 },
    ],
    rows.map((r) => [
      textFigure(r.initiative, [r.labelCell]),
      textFigure(r.area),
      textFigure(r.type),
      textFigure(r.year),
      fig(r.planned, "money"),
      fig(r.actual, "money"),
    ])
  );
}
