/**
 * Invariants of detection, checked on random budgets: the unit, the order of rows, and blank or
 * notes rows and columns never change a figure; totals equal the sums of their lines.
 */
import fc from "fast-check";
import { detectForceData } from "../../../src/core/detect/detect";
import { ForceData } from "../../../src/core/forceData";
import { CellValue, SheetGrid } from "../../../src/core/grid";
import { insertColumns, insertRows, sheetFromRows } from "../../../src/core/sample/gridBuilder";
import { formatYear } from "../../../src/core/format";

const LABELS = [
  "Police officer pay",
  "Overtime - Police Officers",
  "Police staff pay",
  "Police staff overtime",
  "PCSO pay and allowances",
  "PCSO overtime",
  "Premises",
  "Transport",
  "Supplies and services",
  "Third party payments",
  "Capital financing",
  "Income",
];

interface Budget {
  readonly years: readonly number[];
  /** label -> pence per year */
  readonly lines: readonly { label: string; pence: readonly number[] }[];
}

const budgetArb: fc.Arbitrary<Budget> = fc
  .record({
    first: fc.integer({ min: 2005, max: 2012 }),
    count: fc.integer({ min: 1, max: 6 }),
    labels: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: LABELS.length }),
  })
  .chain(({ first, count, labels }) =>
    fc
      .array(
        fc.array(fc.integer({ min: -1e11, max: 1e12 }), { minLength: count, maxLength: count }),
        {
          minLength: labels.length,
          maxLength: labels.length,
        }
      )
      .map((values) => ({
        years: Array.from({ length: count }, (_, i) => first + i),
        lines: labels.map((label, i) => ({ label, pence: values[i] })),
      }))
  );

type Unit = "£" | "£000" | "£m";
const DIVISOR: Record<Unit, number> = { "£": 100, "£000": 100_000, "£m": 100_000_000 };

function sheetOf(b: Budget, unit: Unit, withTotal = false): SheetGrid {
  const rows: CellValue[][] = [
    [`Revenue budget (${unit})`],
    [],
    [null, ...b.years.map(formatYear)],
  ];
  for (const l of b.lines) rows.push([l.label, ...l.pence.map((p) => p / DIVISOR[unit])]);
  if (withTotal)
    // As Excel's SUM would hold it: a double, added in the sheet's unit.
    rows.push([
      "Total",
      ...b.years.map((_, i) => b.lines.reduce((a, l) => a + l.pence[i] / DIVISOR[unit], 0)),
    ]);
  return sheetFromRows("Budget", rows);
}

/** The figures by label, without cells: what must not change. */
function figures(d: ForceData): [string, string | undefined, boolean, [number, number][]][] {
  return d.budget.lines
    .map((l): [string, string | undefined, boolean, [number, number][]] => [
      l.label,
      l.key,
      l.isTotal,
      [...l.amounts].map(([y, a]) => [y, a.value]),
    ])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function detect(sheet: SheetGrid): ForceData {
  return detectForceData({ sheets: [sheet] });
}

describe("detection invariants", () => {
  test("restating amounts in £000 or £m, with the unit marked, gives identical pence", () => {
    fc.assert(
      fc.property(budgetArb, (b) => {
        const pounds = figures(detect(sheetOf(b, "£")));
        expect(figures(detect(sheetOf(b, "£000")))).toEqual(pounds);
        expect(figures(detect(sheetOf(b, "£m")))).toEqual(pounds);
        // And they are the pence the budget was made of.
        for (const l of b.lines) {
          const got = pounds.find((f) => f[0] === l.label);
          expect(got?.[3].map((x) => x[1])).toEqual([...l.pence]);
        }
      }),
      { numRuns: 150 }
    );
  });

  test("reordering the rows changes nothing", () => {
    fc.assert(
      fc.property(budgetArb, fc.nat(), (b, seed) => {
        const shuffled = [...b.lines].sort((x, y) => hash(x.label, seed) - hash(y.label, seed));
        expect(figures(detect(sheetOf({ ...b, lines: shuffled }, "£000")))).toEqual(
          figures(detect(sheetOf(b, "£000")))
        );
      }),
      { numRuns: 100 }
    );
  });

  test("inserting blank rows, blank columns or a notes column changes nothing", () => {
    fc.assert(
      fc.property(
        budgetArb,
        fc.array(
          fc.tuple(
            fc.constantFrom("row", "col", "notes"),
            fc.nat(20),
            fc.integer({ min: 1, max: 3 })
          ),
          { maxLength: 5 }
        ),
        (b, edits) => {
          const base = sheetOf(b, "£000");
          let sheet = base;
          for (const [kind, at, n] of edits) {
            if (kind === "row") sheet = insertRows(sheet, at % (sheet.values.length + 1), n);
            else if (kind === "col") sheet = insertColumns(sheet, at % 9, n);
            else {
              // A notes column goes right of the labels (never before them, where it would be the label).
              const labelCol = sheet.values.findIndex((r) => r.some((v) => v === b.lines[0].label));
              const firstLabel = sheet.values[labelCol].findIndex((v) => v === b.lines[0].label);
              const col = firstLabel + 1 + (at % 8);
              sheet = insertColumns(sheet, col, 1, (r) =>
                r === headerRow(sheet) ? "Notes" : r % 2 ? "see note" : null
              );
            }
          }
          expect(figures(detect(sheet))).toEqual(figures(detect(base)));
        }
      ),
      { numRuns: 150 }
    );
  });

  test("totals equal the sums of their lines, to the penny", () => {
    fc.assert(
      fc.property(budgetArb, fc.constantFrom<Unit>("£", "£000", "£m"), (b, unit) => {
        const d = detect(sheetOf(b, unit, true));
        const total = d.budget.lines.find((l) => l.isTotal);
        const lines = d.budget.lines.filter((l) => !l.isTotal);
        for (const y of b.years) {
          const sum = lines.reduce((a, l) => a + (l.amounts.get(y)?.value ?? 0), 0);
          expect(total?.amounts.get(y)?.value).toBe(sum);
        }
        expect(d.findings.map((f) => f.code)).not.toContain("TOTAL_NOT_RECONCILED");
      }),
      { numRuns: 150 }
    );
  });
});

function headerRow(sheet: SheetGrid): number {
  return sheet.values.findIndex((r) =>
    r.some((v) => typeof v === "string" && /^\d{4}\/\d{2}$/.test(v))
  );
}

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
