import { ReactNode } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { CellRef, formatRef, refsText } from "../../core";
import { usePane } from "../PaneContext";

const useStyles = makeStyles({
  // A ring, not only Fluent's underline, shows which link the keyboard is on.
  link: {
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

/**
 * A figure or reference the user can follow: selects its cell in Excel (highlights it in the
 * preview). A figure summed from several cells goes to the first and names them all.
 */
export function CellLink({
  cells,
  children,
  what,
}: {
  readonly cells: readonly CellRef[];
  /** The text shown; the reference itself when none is given. */
  readonly children?: ReactNode;
  /** What the figure is, for screen readers ("Officer overtime 2010/11"). */
  readonly what?: string;
}) {
  const { goToCell } = usePane();
  const styles = useStyles();
  if (cells.length === 0) return <>{children}</>;
  const where = refsText(cells);
  const label =
    (children === undefined
      ? `Go to ${where}`
      : `${what ? `${what}: ` : ""}${textOf(children)}, from ${where}`) +
    (cells.length > 1 ? ". Goes to the first cell." : "");
  return (
    <Link
      as="button"
      inline
      className={styles.link}
      onClick={() => goToCell(cells[0])}
      aria-label={label}
      title={`From ${where}`}
      data-cell={formatRef(cells[0])}
    >
      {children ?? where}
    </Link>
  );
}

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  return "";
}
