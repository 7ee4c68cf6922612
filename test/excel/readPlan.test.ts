import fc from "fast-check";
import { CellRange } from "../../src/core/grid";
import { cellCount } from "../../src/excel/address";
import {
  DEFAULT_READ_LIMITS,
  chunkBytes,
  chunkRows,
  cellsPerRequest,
  firstWindow,
  halve,
  packRequests,
  remainder,
  rowLabel,
} from "../../src/excel/readPlan";

const L = DEFAULT_READ_LIMITS;

describe("the first window", () => {
  test("ten sheets share one 4 MB request", () => {
    // (4,000,000 / 10 - 2,048) bytes / (64 + 32) bytes a cell = 4,145 cells; / 16 columns = 259 rows.
    expect(firstWindow(10, L, true)).toEqual({ rows: 259, columns: 16 });
    // Without formulas a cell is planned at 64 bytes: 397,952 / 64 = 6,218 cells; / 16 = 388 rows.
    expect(firstWindow(10, L, false)).toEqual({ rows: 388, columns: 16 });
  });

  test("never shrinks below the minimum, however many sheets", () => {
    expect(firstWindow(5000, L, true)).toEqual({ rows: 16, columns: 16 });
  });
});

describe("what a window leaves", () => {
  const window = { rows: 100, columns: 16 };
  test("a strip to the right and a block below", () => {
    const used: CellRange = { top: 4, left: 2, bottom: 299, right: 20 };
    expect(remainder(used, window)).toEqual([
      { top: 4, left: 16, bottom: 99, right: 20 },
      { top: 100, left: 2, bottom: 299, right: 20 },
    ]);
  });
  test("nothing when the used range fits", () => {
    expect(remainder({ top: 0, left: 0, bottom: 99, right: 15 }, window)).toEqual([]);
  });
  test("window and remainder cover the used range exactly once (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.nat(40),
        fc.nat(500),
        fc.nat(40),
        fc.nat(300),
        fc.nat(30),
        (t, l, h, w, wr, wc) => {
          const used = { top: t, left: l, bottom: t + h, right: l + w };
          const win = { rows: wr, columns: wc };
          const inWindow =
            Math.max(0, Math.min(used.bottom, wr - 1) - used.top + 1) *
            Math.max(0, Math.min(used.right, wc - 1) - used.left + 1);
          const rest = remainder(used, win).reduce((n, r) => n + cellCount(r), 0);
          expect(inWindow + rest).toBe(cellCount(used));
        }
      )
    );
  });
});

describe("chunks and requests", () => {
  test("a 300,000-row, 8-column ledger", () => {
    // (4,000,000 - 2,048) / 96 = 41,645 cells a request; / 8 columns = 5,205 rows a chunk.
    expect(cellsPerRequest(L, true)).toBe(41_645);
    const chunks = chunkRows(
      0,
      { top: 0, left: 0, bottom: 299_999, right: 7 },
      cellsPerRequest(L, true)
    );
    expect(chunks[0].rect).toEqual({ top: 0, left: 0, bottom: 5_204, right: 7 });
    // 300,000 / 5,205 = 57.6, so 58 chunks, each a request of its own.
    expect(chunks).toHaveLength(58);
    const requests = packRequests(chunks, L, true);
    expect(requests).toHaveLength(58);
    for (const r of requests)
      expect(r.reduce((n, c) => n + chunkBytes(c, L, true), 0)).toBeLessThanOrEqual(
        L.maxRequestBytes
      );
  });

  test("chunks of small sheets share a request", () => {
    const chunks = [0, 1, 2].map((sheet) => ({
      sheet,
      rect: { top: 300, left: 0, bottom: 399, right: 9 },
    }));
    expect(packRequests(chunks, L, true)).toEqual([chunks]);
  });

  test("chunks cover their rectangle exactly and requests stay under the limit (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 200_000 }),
        (h, w, max) => {
          const rect = { top: 7, left: 3, bottom: 7 + h, right: 2 + w };
          const chunks = chunkRows(0, rect, max);
          expect(chunks.reduce((n, c) => n + cellCount(c.rect), 0)).toBe(cellCount(rect));
          // Checked as plain booleans and asserted once: a run can have 100,000 chunks.
          const bad = chunks.findIndex(
            (c, i) =>
              c.rect.left !== rect.left ||
              c.rect.right !== rect.right ||
              (i > 0 && c.rect.top !== chunks[i - 1].rect.bottom + 1) ||
              // One row may be more than max only when a single row is wider than max cells.
              cellCount(c.rect) > Math.max(max, w)
          );
          expect(bad).toBe(-1);
          for (const r of packRequests(chunks, L, true))
            if (r.length > 1)
              expect(r.reduce((n, c) => n + chunkBytes(c, L, true), 0)).toBeLessThanOrEqual(
                L.maxRequestBytes
              );
        }
      )
    );
  });

  test("halving a refused chunk", () => {
    expect(halve({ sheet: 1, rect: { top: 10, left: 0, bottom: 19, right: 3 } })).toEqual([
      { sheet: 1, rect: { top: 10, left: 0, bottom: 14, right: 3 } },
      { sheet: 1, rect: { top: 15, left: 0, bottom: 19, right: 3 } },
    ]);
    expect(halve({ sheet: 1, rect: { top: 10, left: 0, bottom: 10, right: 3 } })).toBeUndefined();
  });

  test("labels are one-based, as Excel shows rows", () => {
    expect(rowLabel({ top: 0, left: 0, bottom: 49_999, right: 3 })).toBe("rows 1-50,000");
    expect(rowLabel({ top: 6, left: 0, bottom: 6, right: 3 })).toBe("row 7");
  });
});
