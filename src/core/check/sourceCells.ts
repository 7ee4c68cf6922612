/**
 * Faults at their source (5.53, 5.58): the cell that is wrong is named, not only the totals and
 * ratios it throws out. Detection reads every figures cell and says what it could not use; these
 * rules turn that into the inspector's findings, each at its own cell:
 * - FIGURE_READABLE: text ("n/a", "5150000 (est)"), an error value (#REF!) or a date where a
 *   figure belongs; the figure is left out of everything built on it.
 * - FIGURE_NOT_NEGATIVE: pay, overtime, spend or FTE below zero.
 * - NUMBER_NOT_TEXT: a number typed as text ("5,150,000", "£312,500"). The add-in reads it, but
 *   Excel's SUM skips text, so the workbook's own totals and the add-in's disagree. The finding
 *   gives the sum Excel shows for the lines the cell belongs to.
 */
import { CellRef, SheetGrid, findSheet, formatRef, parseA1 } from "../grid";
import { Finding } from "../findings";
import { Pence } from "../money";
import { FinancialYear } from "../years";
import { formatFte, formatPounds, formatYear } from "../format";
import { CheckContext, hit, rowSpanText } from "./context";
import { RuleGroupResult, RuleHit } from "./types";

/** Detection's codes for a figures cell it could not read. */
const UNREADABLE = new Set(["TEXT_IN_NUMBER_CELL", "ERROR_VALUE", "NUMBER_TOO_LARGE"]);
/** Detection's and the analyses' codes for a figure below zero where none can be. */
const NEGATIVE = new Set(["NEGATIVE_PAY", "NEGATIVE_OVERTIME", "NEGATIVE_SPEND", "NEGATIVE_FTE"]);
const AS_TEXT = "NUMBER_STORED_AS_TEXT";

const key = (ref: CellRef) => formatRef(ref);

/** One finding per cell, the first message for it (two codes may name the same cell). */
function byCell(findings: readonly Finding[], codes: ReadonlySet<string>): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (!codes.has(f.code) || !f.cell || seen.has(key(f.cell))) continue;
    seen.add(key(f.cell));
    out.push(f);
  }
  return out;
}

function unreadable(findings: readonly Finding[]): RuleHit[] {
  return byCell(findings, UNREADABLE).map((f) =>
    hit(
      "FIGURE_READABLE",
      `${f.message.replace(/\.$/, "")}, so every total, ratio and statement figure that uses it is short of it.`,
      f.cell,
      f.fix ?? "Enter the figure as a number, or leave the cell empty if there is none."
    )
  );
}

function negative(findings: readonly Finding[]): RuleHit[] {
  return byCell(findings, NEGATIVE).map((f) =>
    hit(
      "FIGURE_NOT_NEGATIVE",
      f.message,
      f.cell,
      "Enter the figure as a positive amount; a saving or a refund belongs on its own line."
    )
  );
}

/** One row of a sheet for one year: a line or a total, with the cell its figure is in. */
interface Row {
  readonly label: string;
  readonly isTotal: boolean;
  readonly row: number;
  readonly labelCell: CellRef;
  readonly value?: number;
  readonly cell?: CellRef;
}

/** A figure of a sheet's lines, money (pence) or FTE. */
interface Column {
  readonly rows: readonly Row[];
  readonly year: FinancialYear;
  readonly show: (n: number) => string;
  readonly what: string;
}

/**
 * Where a text cell sits among the lines its total adds up: the first total row below it, and
 * the lines between the total before that and it (the lines a SUM in the total would cover).
 */
function sumAround(column: Column, at: number): { total: Row; lines: Row[] } | undefined {
  const rows = column.rows;
  for (let t = at + 1; t < rows.length; t++) {
    if (!rows[t].isTotal || rows[t].value === undefined) continue;
    let from = at;
    while (from > 0 && !(rows[from - 1].isTotal && rows[from - 1].value !== undefined)) from--;
    return { total: rows[t], lines: rows.slice(from, t).filter((r) => !r.isTotal) };
  }
  return undefined;
}

function asTextMessage(
  f: Finding,
  text: string,
  column: Column | undefined,
  at: number,
  textCells: ReadonlySet<string>,
  sheet: SheetGrid | undefined
): string {
  const place = f.cell ? formatRef(f.cell) : "";
  const own = column?.rows[at];
  const read = own?.value !== undefined ? ` as ${column?.show(own.value)}` : "";
  const head = `${place} holds "${text}" as text, not as a number. The add-in reads it${read}, but Excel's SUM ignores this cell`;
  if (!column || !own) return `${head}, so a SUM over its column leaves it out.`;
  const around = sumAround(column, at);
  if (!around)
    return `${head}: a SUM over ${column.what} for ${formatYear(column.year)} leaves it out.`;
  const { total, lines } = around;
  const sum = lines.reduce((s, r) => s + (r.value ?? 0), 0);
  const skipped = lines
    .filter((r) => r.cell && textCells.has(key(r.cell)))
    .reduce((s, r) => s + (r.value ?? 0), 0);
  const formula = total.cell && sheet ? formulaAt(sheet, total.cell) : undefined;
  const where = total.cell ? ` at ${formatRef(total.cell)}${formula ? ` (${formula})` : ""}` : "";
  return `${head}: a SUM of ${rowSpanText(lines.map((l) => l.labelCell))} (the lines "${total.label}"${where} totals) shows ${column.show(sum - skipped)} for ${formatYear(column.year)} in Excel, where the add-in reads ${column.show(sum)}.`;
}

function formulaAt(sheet: SheetGrid, ref: CellRef): string | undefined {
  const p = parseA1(ref.address);
  const f = p ? sheet.formulas?.[p.row]?.[p.col] : undefined;
  return f ? (f.startsWith("=") ? f : `=${f}`) : undefined;
}

/** Each budget and workforce figure cell, with the column (sheet, year, measure) it sits in. */
function columnsByCell(ctx: CheckContext): Map<string, { column: Column; at: number }> {
  const { data } = ctx.result;
  const out = new Map<string, { column: Column; at: number }>();
  const add = (rows: Row[], year: FinancialYear, show: Column["show"], what: string) => {
    const sorted = [...rows].sort((a, b) => a.row - b.row);
    const column: Column = { rows: sorted, year, show, what };
    sorted.forEach((r, i) => {
      if (r.cell) out.set(key(r.cell), { column, at: i });
    });
  };
  const rowOf = (ref: CellRef) => parseA1(ref.address)?.row ?? 0;
  const sheets = new Set(data.budget.lines.map((l) => l.labelCell.sheet));
  for (const sheet of sheets) {
    const lines = data.budget.lines.filter((l) => l.labelCell.sheet === sheet);
    const years = new Set(lines.flatMap((l) => [...l.amounts.keys()]));
    for (const year of years)
      add(
        lines.map((l) => {
          const a = l.amounts.get(year);
          return {
            label: l.label,
            isTotal: l.isTotal,
            row: rowOf(l.labelCell),
            labelCell: l.labelCell,
            ...(a ? { value: a.value, cell: a.sources[0] } : {}),
          };
        }),
        year,
        (n) => formatPounds(n as Pence),
        "the budget's lines"
      );
  }
  const wfSheets = new Set(data.workforce.lines.map((l) => l.labelCell.sheet));
  for (const sheet of wfSheets) {
    const lines = data.workforce.lines.filter((l) => l.labelCell.sheet === sheet);
    const years = new Set(lines.flatMap((l) => [...l.fte.keys()]));
    for (const year of years)
      for (const field of ["officers", "staff", "pcsos", "specials", "total"] as const)
        add(
          lines.map((l) => {
            const f = l.fte.get(year)?.[field];
            return {
              label: l.label,
              isTotal: l.isTotal,
              row: rowOf(l.labelCell),
              labelCell: l.labelCell,
              ...(f ? { value: f.value, cell: f.sources[0] } : {}),
            };
          }),
          year,
          (n) => `${formatFte(n, 2, 0)} FTE`,
          "the workforce lines"
        );
  }
  return out;
}

function storedAsText(ctx: CheckContext, findings: readonly Finding[]): RuleHit[] {
  const asText = byCell(findings, new Set([AS_TEXT]));
  if (asText.length === 0) return [];
  const columns = columnsByCell(ctx);
  const textCells = new Set(asText.map((f) => key(f.cell as CellRef)));
  const out: RuleHit[] = [];
  for (const f of asText) {
    const cell = f.cell as CellRef;
    const sheet = findSheet(ctx.result.workbook, cell.sheet);
    const p = parseA1(cell.address);
    const raw = p && sheet ? sheet.values[p.row]?.[p.col] : undefined;
    const text = typeof raw === "string" ? raw.trim() : String(raw ?? "");
    const c = columns.get(key(cell));
    out.push(
      hit(
        "NUMBER_NOT_TEXT",
        asTextMessage(f, text, c?.column, c?.at ?? 0, textCells, sheet),
        cell,
        "Convert the cell to a number in Excel (Data > Text to Columns, or the warning triangle's Convert to Number), so Excel's totals count it too."
      )
    );
  }
  return out;
}

export function checkSourceCells(ctx: CheckContext): RuleGroupResult {
  const findings = ctx.result.findings;
  return {
    findings: [...unreadable(findings), ...negative(findings), ...storedAsText(ctx, findings)],
    notApplicable: [],
  };
}
