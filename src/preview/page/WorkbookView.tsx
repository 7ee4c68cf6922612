import { RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  CellRef,
  SheetGrid,
  WorkbookGrid,
  a1,
  columnLetters,
  numberFormat,
  parseA1,
} from "../../core/grid";
import type { SheetPresentation } from "../../xlsx/planSheets";
import { styleAt } from "../../xlsx/planSheets";
import { cellText } from "./cellText";
import { formatCount } from "../../core/format";

/** What the workbook view needs from the in-memory workbook. */
export interface ViewableWorkbook {
  toGrid(): WorkbookGrid;
  subscribe(listener: (event: WorkbookEvent) => void): () => void;
  /** How an add-in sheet looks (column widths, wrapping, bold), where the add-in wrote it. */
  sheetPresentation?(name: string): SheetPresentation | undefined;
}

export type WorkbookEvent =
  | { readonly type: "changed" }
  | { readonly type: "highlight"; readonly ref: CellRef }
  | { readonly type: "activate"; readonly sheet: string };

/** Rows drawn at once; the rest of a very large sheet is summarised, not drawn. */
const MAX_ROWS = 400;
const MAX_COLS = 30;
/** Widest a column is drawn, in characters, where the sheet does not set its width. */
const DEFAULT_MAX_CH = 28;
/** Narrowest column, in characters. */
const MIN_CH = 6;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0, minHeight: 0 },
  tabs: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
    flexShrink: 0,
  },
  viewer: {
    display: "flex",
    gap: "8px",
    alignItems: "baseline",
    flexShrink: 0,
    minHeight: "24px",
    maxHeight: "6.5em",
    overflowY: "auto",
    padding: "2px 8px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  viewerAddress: { fontWeight: tokens.fontWeightSemibold, flexShrink: 0, minWidth: "4ch" },
  viewerText: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  // Separate borders: with collapsed borders a sticky header loses its lines when scrolled.
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    textAlign: "right",
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: "nowrap",
  },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "2px 6px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "top",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "cell",
  },
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  bold: { fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: "right" },
  center: { textAlign: "center" },
  hiddenRow: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  selected: {
    outline: `2px solid ${tokens.colorNeutralStroke1}`,
    outlineOffset: "-2px",
  },
  highlight: {
    outline: `3px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-3px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: { padding: "8px", color: tokens.colorNeutralForeground2 },
});

/** Scrolls `box` (and nothing around it) so `target` sits in its middle. */
function centreIn(box: HTMLElement, target: HTMLElement): void {
  const b = box.getBoundingClientRect();
  const t = target.getBoundingClientRect();
  box.scrollTop += t.top - b.top - (box.clientHeight - t.height) / 2;
  box.scrollLeft += t.left - b.left - (box.clientWidth - t.width) / 2;
}

interface Selected {
  readonly address: string;
  readonly text: string;
}

function SheetTable({
  sheet,
  look,
  highlight,
  selected,
  onSelect,
  scroller,
}: {
  sheet: SheetGrid;
  look?: SheetPresentation;
  highlight?: CellRef;
  selected?: string;
  onSelect: (s: Selected) => void;
  scroller: RefObject<HTMLDivElement | null>;
}) {
  const styles = useStyles();
  const hidden = useMemo(() => new Set(sheet.hiddenRows ?? []), [sheet]);
  const rows = Math.min(sheet.values.length, MAX_ROWS);
  let cols = 0;
  for (let r = 0; r < rows; r++) cols = Math.max(cols, sheet.values[r]?.length ?? 0);
  cols = Math.min(Math.max(cols, 1), MAX_COLS);
  const target = highlight && highlight.sheet === sheet.name ? highlight.address : undefined;
  const targetRef = useRef<HTMLTableCellElement | null>(null);
  useEffect(() => {
    // Only the grid's own box scrolls: scrollIntoView would move the page as well.
    if (scroller.current && targetRef.current) centreIn(scroller.current, targetRef.current);
  }, [target, scroller]);
  const widths = look?.columnWidths;

  return (
    <>
      <table className={styles.table} aria-label={`Cells of sheet ${sheet.name}`}>
        <thead>
          <tr>
            <th className={mergeClasses(styles.head, styles.corner)} scope="col">
              <span className="vfm-visually-hidden">Row</span>
            </th>
            {Array.from({ length: cols }, (_, c) => {
              const ch = widths?.[c];
              const width = ch ? `${Math.max(MIN_CH, Math.round(ch))}ch` : undefined;
              return (
                <th
                  key={c}
                  className={styles.head}
                  scope="col"
                  style={{
                    minWidth: width ?? `${MIN_CH}ch`,
                    maxWidth: width ?? `${DEFAULT_MAX_CH}ch`,
                    width,
                  }}
                >
                  {columnLetters(c)}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r} className={hidden.has(r) ? styles.hiddenRow : undefined}>
              <th className={styles.rowHead} scope="row">
                {r + 1}
                {hidden.has(r) ? " (hidden)" : ""}
              </th>
              {Array.from({ length: cols }, (_, c) => {
                const v = sheet.values[r]?.[c] ?? null;
                const text = cellText(v, numberFormat(sheet, r, c));
                const address = a1(r, c);
                const isTarget = address === target;
                const style = look ? styleAt(look, r, c) : {};
                const ch = widths?.[c];
                const numeric = typeof v === "number" || v instanceof Date;
                const align =
                  style.horizontalAlignment === "center"
                    ? styles.center
                    : style.horizontalAlignment === "right" ||
                        (numeric && style.horizontalAlignment !== "left")
                      ? styles.number
                      : undefined;
                return (
                  <td
                    key={c}
                    ref={isTarget ? targetRef : undefined}
                    data-address={address}
                    className={mergeClasses(
                      styles.cell,
                      style.wrapText && styles.wrap,
                      style.bold && styles.bold,
                      align,
                      address === selected && styles.selected,
                      isTarget && styles.highlight
                    )}
                    style={{
                      maxWidth: ch
                        ? `${Math.max(MIN_CH, Math.round(ch))}ch`
                        : `${DEFAULT_MAX_CH}ch`,
                    }}
                    aria-current={isTarget ? "location" : undefined}
                    title={
                      isTarget
                        ? `${address}: the cell the add-in points at${text ? `. ${text}` : ""}`
                        : text.length > 12
                          ? text
                          : undefined
                    }
                    onClick={() => onSelect({ address, text })}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.values.length > MAX_ROWS ? (
        <p className={styles.note}>
          Showing the first {formatCount(MAX_ROWS)} of {formatCount(sheet.values.length)} rows.
        </p>
      ) : null}
    </>
  );
}

/**
 * The preview's picture of the in-memory workbook: sheet tabs, a line that shows the chosen cell
 * in full (as Excel's formula bar does), and a grid of the cells as Excel would show them. Each
 * sheet keeps its own scroll position; the column letters and row numbers stay in view.
 */
export function WorkbookView({ workbook }: { workbook: ViewableWorkbook }) {
  const styles = useStyles();
  const [grid, setGrid] = useState<WorkbookGrid>(() => workbook.toGrid());
  const visibleSheets = grid.sheets.filter((s) => (s.visibility ?? "visible") === "visible");
  const [active, setActive] = useState<string>(visibleSheets[0]?.name ?? "");
  const [highlight, setHighlight] = useState<CellRef | undefined>();
  const [selected, setSelected] = useState<(Selected & { sheet: string }) | undefined>();
  const scroller = useRef<HTMLDivElement | null>(null);
  const positions = useRef(new Map<string, { top: number; left: number }>());

  const sheet = visibleSheets.find((s) => s.name === active) ?? visibleSheets[0];
  const sheetName = sheet?.name;

  useEffect(
    () =>
      workbook.subscribe((event) => {
        if (event.type === "changed") setGrid(workbook.toGrid());
        else if (event.type === "highlight") {
          setActive(event.ref.sheet);
          setHighlight(event.ref);
          const s = workbook.toGrid().sheets.find((x) => x.name === event.ref.sheet);
          const at = s ? parseA1(event.ref.address) : undefined;
          if (s && at)
            setSelected({
              sheet: s.name,
              address: event.ref.address,
              text: cellText(s.values[at.row]?.[at.col], numberFormat(s, at.row, at.col)),
            });
        } else setActive(event.sheet);
      }),
    [workbook]
  );

  // Each sheet opens where it was last left (a sheet not seen yet at A1).
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || !sheetName) return;
    const at = positions.current.get(sheetName);
    box.scrollTop = at?.top ?? 0;
    box.scrollLeft = at?.left ?? 0;
  }, [sheetName]);

  const shown = selected && selected.sheet === sheetName ? selected : undefined;
  return (
    <section className={styles.root} aria-label="Workbook (in memory)">
      <div className={styles.tabs}>
        <TabList
          selectedValue={sheet?.name}
          onTabSelect={(_, d) => setActive(String(d.value))}
          size="small"
          aria-label="Sheets"
        >
          {visibleSheets.map((s) => (
            <Tab key={s.name} value={s.name}>
              {s.name}
              {s.addinOwned ? (
                <Badge appearance="tint" size="small" style={{ marginLeft: 4 }}>
                  add-in
                </Badge>
              ) : null}
            </Tab>
          ))}
        </TabList>
      </div>
      <div className={styles.viewer} data-testid="cell-viewer" aria-live="polite">
        <span className={styles.viewerAddress}>{shown?.address ?? ""}</span>
        <span className={styles.viewerText}>
          {shown ? shown.text : "Select a cell to read it in full here."}
        </span>
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={sheet ? `Sheet ${sheet.name}` : "No sheets"}
        data-testid="sheet-scroller"
        onScroll={(e) => {
          if (sheetName)
            positions.current.set(sheetName, {
              top: e.currentTarget.scrollTop,
              left: e.currentTarget.scrollLeft,
            });
        }}
      >
        {sheet ? (
          <SheetTable
            sheet={sheet}
            look={workbook.sheetPresentation?.(sheet.name)}
            highlight={highlight}
            selected={shown?.address}
            onSelect={(s) => setSelected({ ...s, sheet: sheet.name })}
            scroller={scroller}
          />
        ) : (
          <Text className={styles.note}>The workbook has no sheets.</Text>
        )}
      </div>
    </section>
  );
}
