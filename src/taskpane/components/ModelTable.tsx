import { useId } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DisplayFigure, TableBlock, TableCell } from "../../core";
import { CellLink } from "./CellLink";
import { RagText } from "./RagText";
import { useGridKeys } from "./gridKeys";

const useStyles = makeStyles({
  wrap: {
    overflowX: "auto",
    maxWidth: "100%",
    marginBottom: "12px",
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
    minWidth: "100%",
  },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    padding: "4px 0",
    color: tokens.colorNeutralForeground1,
  },
  // Every cell shows where the keyboard is (the table is a grid: see gridKeys.ts).
  focusable: {
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  // The first column stays in view when a wide table scrolls sideways.
  sticky: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
  stickyBody: { backgroundColor: tokens.colorNeutralBackground1 },
  th: {
    textAlign: "left",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: "4px 6px",
  },
  rowHead: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: "3px 6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
    minWidth: "8ch",
  },
  td: {
    padding: "3px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
    verticalAlign: "top",
  },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  missing: { fontStyle: "italic", color: tokens.colorNeutralForeground2, whiteSpace: "normal" },
  total: {
    fontWeight: tokens.fontWeightSemibold,
    borderTop: `2px solid ${tokens.colorNeutralStroke1}`,
  },
  note: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    margin: "4px 0 0",
  },
});

const NUMERIC = new Set<DisplayFigure["kind"]>(["money", "percent", "fte", "number"]);

/** One figure: its words, and a link to its cells where it has any. */
export function FigureText({
  figure,
  what,
}: {
  readonly figure: DisplayFigure;
  readonly what?: string;
}) {
  return figure.sources.length > 0 ? (
    <CellLink cells={figure.sources} what={what}>
      {figure.text}
    </CellLink>
  ) : (
    <>{figure.text}</>
  );
}

function CellContent({ c, what }: { readonly c: TableCell; readonly what: string }) {
  if (c.rag) return <RagText state={c.rag} words={c.text} />;
  const inner = <FigureText figure={c} what={what} />;
  return c.emphasis === "strong" ? <strong>{inner}</strong> : inner;
}

/**
 * A statement table as the pane shows it: caption, grouped headers, row headers, figures that
 * link to their cells, statuses in words. Wide tables scroll inside their own labelled box with
 * the first column kept in view. The table is one Tab stop: arrow keys move between its cells
 * and Enter goes to a figure's cell (the grid pattern, gridKeys.ts).
 */
export function ModelTable({
  table,
  hideCaption,
}: {
  readonly table: TableBlock;
  readonly hideCaption?: boolean;
}) {
  const styles = useStyles();
  const last = table.headerRows.length - 1;
  const grid = useGridKeys<HTMLTableElement>();
  const noteId = useId();
  return (
    <div className={styles.wrap} role="region" aria-label={table.caption}>
      <table
        ref={grid.ref}
        className={styles.table}
        data-table={table.id}
        role="grid"
        aria-readonly="true"
        aria-describedby={table.note ? noteId : undefined}
        onKeyDown={grid.onKeyDown}
        onFocus={grid.onFocus}
      >
        <caption className={mergeClasses(styles.caption, hideCaption && "vfm-visually-hidden")}>
          {table.caption}
        </caption>
        <thead>
          {table.headerRows.map((row, r) => {
            let col = 0;
            return (
              <tr key={r}>
                {row.map((h, i) => {
                  const at = col;
                  col += h.span;
                  const numeric = r === last && NUMERIC.has(table.columns[at]?.kind);
                  return (
                    <th
                      key={i}
                      colSpan={h.span > 1 ? h.span : undefined}
                      scope={r === last || h.span === 1 ? "col" : "colgroup"}
                      className={mergeClasses(
                        styles.th,
                        styles.focusable,
                        numeric && styles.num,
                        at === 0 && styles.sticky
                      )}
                    >
                      {h.text}
                    </th>
                  );
                })}
              </tr>
            );
          })}
        </thead>
        <tbody>
          {table.rows.map((row, r) => {
            const total = row.role === "total";
            const rowName = row.cells[0]?.text ?? "";
            return (
              <tr key={r}>
                {row.cells.map((c, i) => {
                  const cls = mergeClasses(
                    i === 0 ? styles.rowHead : styles.td,
                    styles.focusable,
                    i === 0 && styles.sticky,
                    i === 0 && styles.stickyBody,
                    NUMERIC.has(c.kind) && styles.num,
                    c.value === null && styles.missing,
                    total && styles.total
                  );
                  const what = `${rowName}, ${table.columns[i]?.header ?? ""}`;
                  return i === 0 ? (
                    <th key={i} scope="row" className={cls}>
                      <CellContent c={c} what={what} />
                    </th>
                  ) : (
                    <td key={i} className={cls}>
                      <CellContent c={c} what={what} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {table.note ? (
        <p className={styles.note} id={noteId}>
          {table.note}
        </p>
      ) : null}
    </div>
  );
}
