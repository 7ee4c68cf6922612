/**
 * The keyboard for a table of figures, as the WAI-ARIA grid pattern has it: the table is one Tab
 * stop; the arrow keys move between cells (Home/End to the ends of a row, Ctrl+Home/End to the
 * first and last cell); Enter or Space follows the link in the cell (the figure's source cell).
 * The cell last visited keeps the Tab stop, so Tab away and back returns to it.
 *
 * Works on the DOM the component drew: rows are `tr` (or `[role=row]`), cells their `th`/`td`
 * (or `[role=gridcell]`), spans respected so Up/Down keep to the same column.
 */
import {
  FocusEvent as ReactFocusEvent,
  KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useLayoutEffect,
  useRef,
} from "react";

const ROW = "tr, [role=row]";
const CELL = ":scope > th, :scope > td, :scope > [role=gridcell], :scope > [role=rowheader]";
const INNER_FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

interface Position {
  readonly row: number;
  readonly col: number;
}

function rowsOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(ROW)];
}

function cellsOf(row: HTMLElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(CELL)];
}

/** Each cell of a row with the first visual column it covers and how many. */
function spans(row: HTMLElement): { cell: HTMLElement; start: number; span: number }[] {
  let at = 0;
  return cellsOf(row).map((cell) => {
    const span = Math.max(1, Number(cell.getAttribute("colspan")) || 1);
    const out = { cell, start: at, span };
    at += span;
    return out;
  });
}

function cellAt(rows: HTMLElement[], pos: Position): HTMLElement | undefined {
  const row = rows[pos.row];
  if (!row) return undefined;
  const list = spans(row);
  return (
    list.find((c) => pos.col >= c.start && pos.col < c.start + c.span)?.cell ??
    list[list.length - 1]?.cell
  );
}

function positionOf(rows: HTMLElement[], cell: HTMLElement): Position | undefined {
  for (let r = 0; r < rows.length; r++) {
    const found = spans(rows[r]).find((c) => c.cell === cell);
    if (found) return { row: r, col: found.start };
  }
  return undefined;
}

/** Makes `root` one Tab stop with arrow-key movement among its cells. */
export function useGridKeys<T extends HTMLElement>() {
  const ref = useRef<T | null>(null);
  const current = useRef<Position>({ row: 0, col: 0 });

  // After every render: one cell in the Tab order, everything inside the cells out of it.
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const rows = rowsOf(root);
    const active = cellAt(rows, current.current) ?? cellAt(rows, { row: 0, col: 0 });
    for (const row of rows)
      for (const cell of cellsOf(row)) {
        cell.tabIndex = cell === active ? 0 : -1;
        for (const inner of cell.querySelectorAll<HTMLElement>(INNER_FOCUSABLE))
          inner.tabIndex = -1;
      }
  });

  const move = useCallback((to: HTMLElement | undefined, from: HTMLElement) => {
    const root = ref.current;
    if (!root || !to || to === from) return;
    from.tabIndex = -1;
    to.tabIndex = 0;
    const pos = positionOf(rowsOf(root), to);
    if (pos) current.current = pos;
    to.focus();
  }, []);

  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent<T>) => {
      const root = ref.current;
      if (!root) return;
      const rows = rowsOf(root);
      const cell = (e.target as HTMLElement).closest<HTMLElement>("th, td, [role=gridcell]");
      if (!cell || !root.contains(cell)) return;
      const pos = positionOf(rows, cell);
      if (!pos) return;
      const lastRow = rows.length - 1;
      const lastCol = (r: number) => {
        const list = spans(rows[r]);
        const end = list[list.length - 1];
        return end ? end.start : 0;
      };
      let to: HTMLElement | undefined;
      switch (e.key) {
        case "ArrowRight": {
          const here = spans(rows[pos.row]).find((c) => c.cell === cell);
          to = cellAt(rows, { row: pos.row, col: pos.col + (here?.span ?? 1) });
          break;
        }
        case "ArrowLeft":
          to = pos.col > 0 ? cellAt(rows, { row: pos.row, col: pos.col - 1 }) : cell;
          break;
        case "ArrowDown":
          to = pos.row < lastRow ? cellAt(rows, { row: pos.row + 1, col: pos.col }) : cell;
          break;
        case "ArrowUp":
          to = pos.row > 0 ? cellAt(rows, { row: pos.row - 1, col: pos.col }) : cell;
          break;
        case "Home":
          to = cellAt(rows, { row: e.ctrlKey ? 0 : pos.row, col: 0 });
          break;
        case "End": {
          const r = e.ctrlKey ? lastRow : pos.row;
          to = cellAt(rows, { row: r, col: lastCol(r) });
          break;
        }
        case "Enter":
        case " ": {
          if (e.target !== cell) return;
          const action = cell.querySelector<HTMLElement>("button, a[href]");
          if (!action) return;
          e.preventDefault();
          action.click();
          return;
        }
        default:
          return;
      }
      e.preventDefault();
      move(to, cell);
    },
    [move]
  );

  // A click on a cell (or a link inside it) makes it the cell Tab returns to.
  const onFocus = useCallback((e: ReactFocusEvent<T>) => {
    const root = ref.current;
    const cell = (e.target as HTMLElement).closest<HTMLElement>("th, td, [role=gridcell]");
    if (!root || !cell || !root.contains(cell)) return;
    const pos = positionOf(rowsOf(root), cell);
    if (!pos) return;
    current.current = pos;
    for (const other of root.querySelectorAll<HTMLElement>("th, td, [role=gridcell]"))
      if (other !== cell && other.tabIndex === 0) other.tabIndex = -1;
    cell.tabIndex = 0;
  }, []);

  return { ref, onKeyDown, onFocus };
}
