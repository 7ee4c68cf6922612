/**
 * Workbooks for the Office gateway's tests and benchmark: a ten-sheet budget workbook of the
 * size forces keep, and a very tall ledger. Plain data, no jest, so `npm run bench` compiles it.
 */
import { CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";

const YEARS = ["2008/09", "2009/10", "2010/11", "2011/12", "2012/13", "2013/14"];

/** A sheet of `rows` lines: a label column, then one column per year (£000 with a format). */
function budgetSheet(name: string, rows: number, years: number, seed: number): SheetGrid {
  const values: CellValue[][] = [[`${name} (£000)`, ...YEARS.slice(0, years)]];
  const formats: (string | undefined)[][] = [[]];
  for (let r = 1; r < rows; r++) {
    const row: CellValue[] = [`Line ${r} of ${name}`];
    const fr: (string | undefined)[] = [undefined];
    for (let y = 0; y < years; y++) {
      // Deterministic figures with pence: (seed * 1000 + r * 37 + y * 11) / 100.
      row.push((seed * 1000 + r * 37 + y * 11) / 100);
      fr.push("#,##0.00");
    }
    values.push(row);
    formats.push(fr);
  }
  return { name, values, numberFormats: formats };
}

/**
 * Ten sheets of 40 to 220 rows and up to 14 columns, as a force's budget workbook: with error
 * values, a date, a formula, a hidden row, a merged title, a hidden sheet, a sheet starting at C5.
 */
export function tenSheetWorkbook(): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  const sizes: [string, number, number][] = [
    ["Budget", 220, 6],
    ["Workforce", 120, 6],
    ["Overtime", 60, 6],
    ["Procurement", 90, 5],
    ["Savings plan", 140, 6],
    ["Peers", 44, 4],
    ["Notes", 40, 1],
    ["Pay 2010", 80, 6],
    ["Non-pay", 100, 6],
  ];
  sizes.forEach(([name, rows, years], i) => sheets.push(budgetSheet(name, rows, years, i + 1)));
  // A few things the reader must get right, on the first sheet.
  const budget = sheets[0] as { -readonly [K in keyof SheetGrid]: SheetGrid[K] };
  budget.values[3][2] = { error: "#REF!" };
  budget.values[4][2] = { error: "#DIV/0!" };
  budget.values[5][0] = new Date(Date.UTC(2010, 2, 31));
  (budget.numberFormats as (string | undefined)[][])[5][0] = "dd/mm/yyyy";
  budget.values[6][6] = 123.45;
  budget.formulas = [];
  budget.formulas[6] = [];
  budget.formulas[6][6] = "=SUM(B7:F7)";
  budget.hiddenRows = [9, 10];
  budget.merges = [{ top: 0, left: 0, bottom: 0, right: 1 }];
  budget.values[0][1] = null;
  sheets[0] = budget;
  // A sheet whose used range starts at C5.
  const offset: CellValue[][] = [];
  for (let r = 0; r < 30; r++) offset.push(r < 4 ? [] : [null, null, `Item ${r}`, r * 2.5]);
  sheets.push({ name: "Offset 'data'", values: offset, visibility: "hidden" });
  return { sheets };
}

/** A ledger of `rows` rows and 8 columns: a date-free text id, a cost centre, six amounts. */
export function tallSheet(name: string, rows: number): SheetGrid {
  const values: CellValue[][] = new Array(rows);
  const formats: (string | undefined)[][] = new Array(rows);
  const fmt = "#,##0.00";
  values[0] = ["Ref", "Cost centre", "Q1", "Q2", "Q3", "Q4", "Total", "Variance"];
  formats[0] = [];
  const rowFormats = [undefined, undefined, fmt, fmt, fmt, fmt, fmt, fmt];
  for (let r = 1; r < rows; r++) {
    const a = (r % 997) * 3.25;
    values[r] = [`T${r}`, `CC${r % 40}`, a, a + 1, a + 2, a + 3, 4 * a + 6, (r % 13) - 6];
    formats[r] = rowFormats;
  }
  return { name, values, numberFormats: formats };
}
