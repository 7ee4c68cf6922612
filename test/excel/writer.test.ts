import fc from "fast-check";
import { SheetPlan } from "../../src/core/writePlan";
import {
  charsToPoints,
  OPERATION_BYTES,
  formatAreasOf,
  jsonBytes,
  packPieces,
  planValueAt,
  rowHeightGroups,
  tableName,
  valuePieces,
} from "../../src/excel/writer";

function sheet(blocks: SheetPlan["blocks"]): SheetPlan {
  return { name: "S", role: "statement", mode: "replace", blocks };
}

describe("value pieces", () => {
  test("rows written one block at a time become one rectangle; gaps are left alone (null)", () => {
    const plan = sheet([
      { top: 0, left: 0, values: [["Title"]] },
      { top: 1, left: 0, values: [["Overtime", 0.052]], numberFormats: [[undefined, "0.0%"]] },
      { top: 1, left: 3, values: [["note"]] },
      { top: 2, left: 1, values: [[1200, null]] },
      // A gap of a row starts a new piece.
      { top: 4, left: 0, values: [["=literal"]] },
    ]);
    const pieces = valuePieces(0, plan, 1_000_000);
    expect(pieces.map((p) => [p.top, p.left, p.values, p.formats])).toEqual([
      [
        0,
        0,
        [
          ["Title", null, null, null],
          ["Overtime", 0.052, null, "note"],
          [null, 1200, "", null],
        ],
        [
          ["@", null, null, null],
          ["@", "0.0%", null, "@"],
          [null, "General", "General", null],
        ],
      ],
      [4, 0, [["=literal"]], [["@"]]],
    ]);
  });

  test("number formats are set once per rectangle, not cell by cell", () => {
    // A ledger: a Text reference column, a date column and two money columns, 1,000 rows.
    const rows = Array.from({ length: 1000 }, (_, r) => [`T${r}`, 40000 + r, r * 2.5, r]);
    const formats = rows.map(() => [undefined, "dd/mm/yyyy", "#,##0.00", "#,##0.00"]);
    const [piece] = valuePieces(
      0,
      sheet([{ top: 1, left: 0, values: rows, numberFormats: formats }]),
      1e9
    );
    expect(piece.formatAreas).toEqual([
      { top: 1, left: 0, bottom: 1000, right: 0, format: "@" },
      { top: 1, left: 1, bottom: 1000, right: 1, format: "dd/mm/yyyy" },
      { top: 1, left: 2, bottom: 1000, right: 3, format: "#,##0.00" },
    ]);
    // A run that stops and starts again is two rectangles; a gap (null) has no format.
    expect(
      formatAreasOf(
        [
          ["@", "0%"],
          ["@", null],
          ["@", "0%"],
        ],
        0,
        0
      ).sort((a, b) => a.left - b.left || a.top - b.top)
    ).toEqual([
      { top: 0, left: 0, bottom: 2, right: 0, format: "@" },
      { top: 0, left: 1, bottom: 0, right: 1, format: "0%" },
      { top: 2, left: 1, bottom: 2, right: 1, format: "0%" },
    ]);
  });

  test("text over 255 characters is written under General with an apostrophe (Text shows #####)", () => {
    const long = "x".repeat(256);
    const [piece] = valuePieces(0, sheet([{ top: 0, left: 0, values: [["short", long]] }]), 1e9);
    expect(piece.values).toEqual([["short", `'${long}`]]);
    expect(piece.formats).toEqual([["@", "General"]]);
  });

  test("two blocks over the same cell are written in plan order, not joined", () => {
    const pieces = valuePieces(
      0,
      sheet([
        { top: 0, left: 0, values: [["first"]] },
        { top: 0, left: 0, values: [["second"]] },
      ]),
      1_000_000
    );
    expect(pieces.map((p) => p.values)).toEqual([[["first"]], [["second"]]]);
  });

  test("a big block is cut into row slices under the byte limit, covering every row once (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 200, max: 5000 }),
        (rows, cols, max) => {
          const values = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: cols }, (_, c) => (c === 0 ? `row ${r}` : r * c))
          );
          const pieces = valuePieces(0, sheet([{ top: 3, left: 2, values }]), max);
          expect(pieces.reduce((n, p) => n + p.values.length, 0)).toBe(rows);
          pieces.forEach((p, i) => {
            if (p.values.length > 1) expect(p.bytes).toBeLessThanOrEqual(max);
            // Values as JSON, and one operation per rectangle of one format: here the label
            // column (Text) and the figures (General) of the slice.
            expect(p.formatAreas).toHaveLength(cols > 1 ? 2 : 1);
            expect(p.bytes).toBe(
              p.values.reduce((n, _r, j) => n + jsonBytes(p.values[j]) + 2, 0) +
                p.formatAreas.length * OPERATION_BYTES
            );
            if (i > 0) expect(p.top).toBe(pieces[i - 1].top + pieces[i - 1].values.length);
          });
        }
      )
    );
  });

  test("pieces pack into requests under the budget", () => {
    const piece = (bytes: number) => ({
      sheet: 0,
      top: 0,
      left: 0,
      values: [[1]],
      formats: [["General"]],
      formatAreas: [],
      bytes,
    });
    const batches = packPieces([piece(60), piece(50), piece(40), piece(70)], 100, 100);
    expect(batches.map((b) => b.map((p) => p.bytes))).toEqual([[60], [50, 40], [70]]);
  });
});

describe("row heights", () => {
  test("neighbouring rows of one height are one run; runs of one height are one group", () => {
    // Rows 3-5 at 33 pt (a two-line paragraph each), 6 at 48, 7 at 33 again, 10-11 at 48.
    const groups = rowHeightGroups([
      { row: 4, points: 33 },
      { row: 3, points: 33 },
      { row: 5, points: 33 },
      { row: 6, points: 48 },
      { row: 7, points: 33 },
      { row: 10, points: 48 },
      { row: 11, points: 48 },
    ]);
    expect(groups).toEqual([
      {
        points: 33,
        runs: [
          { top: 3, bottom: 5 },
          { top: 7, bottom: 7 },
        ],
      },
      {
        points: 48,
        runs: [
          { top: 6, bottom: 6 },
          { top: 10, bottom: 11 },
        ],
      },
    ]);
  });

  test("every row keeps its height, and no row is in two runs (any heights, any order)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ row: fc.nat(200), points: fc.constantFrom(18, 33, 48) }), {
          selector: (h) => h.row,
        }),
        (heights) => {
          const got = new Map<number, number>();
          for (const g of rowHeightGroups(heights))
            for (const r of g.runs)
              for (let row = r.top; row <= r.bottom; row++) {
                expect(got.has(row)).toBe(false);
                got.set(row, g.points);
              }
          expect(got).toEqual(new Map(heights.map((h) => [h.row, h.points])));
        }
      )
    );
  });

  test("a long table of rows of one height is one range, not one call a row", () => {
    // 30,000 ledger rows at 33 pt, one caption at 48 pt between them.
    const heights = Array.from({ length: 30_001 }, (_, row) => ({
      row,
      points: row === 15_000 ? 48 : 33,
    }));
    const groups = rowHeightGroups(heights);
    expect(groups.map((g) => g.runs.length)).toEqual([2, 1]);
  });
});

describe("small conversions", () => {
  test("column widths in characters to points", () => {
    // (36 * 7 + 5) * 0.75 = 192.75; (14 * 7 + 5) * 0.75 = 77.25.
    expect(charsToPoints(36)).toBe(192.75);
    expect(charsToPoints(14)).toBe(77.25);
  });

  test("table names are made valid and unique", () => {
    const taken = new Set(["input_data"]);
    expect(tableName("Input data", taken)).toBe("Input_data_2");
    expect(tableName("2010 figures", taken)).toBe("_2010_figures");
    expect(tableName("Input data", taken)).toBe("Input_data_3");
  });

  test("the plan's value at a cell, later blocks winning", () => {
    const plan = sheet([
      { top: 0, left: 0, values: [["Year", "Overtime %", "4% threshold"]] },
      { top: 0, left: 2, values: [["Threshold"]] },
    ]);
    expect(planValueAt(plan, 0, 1)).toBe("Overtime %");
    expect(planValueAt(plan, 0, 2)).toBe("Threshold");
    expect(planValueAt(plan, 5, 5)).toBeUndefined();
  });
});
