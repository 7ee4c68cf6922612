import { useEffect, useMemo, useRef, useState } from "react";
import { Badge, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  CellRef,
  CellValue,
  SheetGrid,
  WorkbookGrid,
  a1,
  columnLetters,
  isErrorValue,
} from "../../core/grid";

/** What the workbook view needs from the in-memory workbook. */
export interface ViewableWorkbook {
  toGrid(): WorkbookGrid;
  subscribe(listener: (event: WorkbookEvent) => void): () => void;
}

export type WorkbookEvent =
  | { readonly type: "changed" }
  | { readonly type: "highlight"; readonly ref: CellRef }
  | { readonly type: "activate"; readonly sheet: string };

/** Rows drawn at once; the rest of a very large sheet is summarised, not drawn. */
const MAX_ROWS = 400;
const MAX_COLS = 30;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0 },
  tabs: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
    flexShrink: 0,
  },
  scroller: { overflow: "auto", flexGrow: 1, backgroundColor: tokens.colorNeutralBackground1 },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    minWidth: "48px",
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    textAlign: "right",
    fontWeight: tokens.fontWeightRegular,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "2px 6px",
    whiteSpace: "nowrap",
    maxWidth: "28ch",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: "right" },
  hiddenRow: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  highlight: {
    outline: `3px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-3px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: { padding: "8px", color: tokens.colorNeutralForeground2 },
});

function display(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (isErrorValue(v)) return v.error;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number")
    return Number.isInteger(v)
      ? v.toLocaleString("en-GB")
      : v.toLocaleString("en-GB", { maximumFractionDigits: 4 });
  return String(v);
}

function SheetTable({ sheet, highlight }: { sheet: SheetGrid; highlight?: CellRef }) {
  const styles = useStyles();
  const hidden = useMemo(() => new Set(sheet.hiddenRows ?? []), [sheet]);
  const rows = Math.min(sheet.values.length, MAX_ROWS);
  let cols = 0;
  for (let r = 0; r < rows; r++) cols = Math.max(cols, sheet.values[r]?.length ?? 0);
  cols = Math.min(Math.max(cols, 1), MAX_COLS);
  const target = highlight && highlight.sheet === sheet.name ? highlight.address : undefined;
  const targetRef = useRef<HTMLTableCellElement | null>(null);
  useEffect(() => {
    targetRef.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [target]);

  return (
    <>
      <table className={styles.table} aria-label={`Cells of sheet ${sheet.name}`}>
        <thead>
          <tr>
            <th className={styles.head} scope="col">
              <span className="vfm-visually-hidden">Row</span>
            </th>
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetters(c)}
              </th>
            ))}
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
                const address = a1(r, c);
                const isTarget = address === target;
                return (
                  <td
                    key={c}
                    ref={isTarget ? targetRef : undefined}
                    data-address={address}
                    className={[
                      styles.cell,
                      typeof v === "number" ? styles.number : "",
                      isTarget ? styles.highlight : "",
                    ].join(" ")}
                    aria-current={isTarget ? "location" : undefined}
                    title={isTarget ? `${address}: the cell the add-in points at` : undefined}
                  >
                    {display(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.values.length > MAX_ROWS ? (
        <p className={styles.note}>
          Showing the first {MAX_ROWS.toLocaleString("en-GB")} of{" "}
          {sheet.values.length.toLocaleString("en-GB")} rows.
        </p>
      ) : null}
    </>
  );
}

/** The preview's picture of the in-memory workbook: sheet tabs and a grid of cell values. */
export function WorkbookView({ workbook }: { workbook: ViewableWorkbook }) {
  const styles = useStyles();
  const [grid, setGrid] = useState<WorkbookGrid>(() => workbook.toGrid());
  const visibleSheets = grid.sheets.filter((s) => (s.visibility ?? "visible") === "visible");
  const [active, setActive] = useState<string>(visibleSheets[0]?.name ?? "");
  const [highlight, setHighlight] = useState<CellRef | undefined>();

  useEffect(
    () =>
      workbook.subscribe((event) => {
        if (event.type === "changed") setGrid(workbook.toGrid());
        else if (event.type === "highlight") {
          setActive(event.ref.sheet);
          setHighlight(event.ref);
        } else setActive(event.sheet);
      }),
    [workbook]
  );

  const sheet = visibleSheets.find((s) => s.name === active) ?? visibleSheets[0];
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
      <div
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={sheet ? `Sheet ${sheet.name}` : "No sheets"}
      >
        {sheet ? (
          <SheetTable sheet={sheet} highlight={highlight} />
        ) : (
          <Text className={styles.note}>The workbook has no sheets.</Text>
        )}
      </div>
    </section>
  );
}
