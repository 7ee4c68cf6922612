import { makeStyles, tokens } from "@fluentui/react-components";
import { ParagraphBlock } from "../../core";
import { CellLink } from "./CellLink";

const useStyles = makeStyles({
  p: { margin: "4px 0 8px", color: tokens.colorNeutralForeground1 },
  missing: { fontWeight: tokens.fontWeightSemibold },
});

/** A statement paragraph; each figure in it links to its cells. */
export function ModelParagraph({ block }: { readonly block: ParagraphBlock }) {
  const styles = useStyles();
  return (
    <p className={block.role === "missing" ? `${styles.p} ${styles.missing}` : styles.p}>
      {block.runs.map((r, i) => {
        const text =
          r.emphasis === "strong" ? (
            <strong>{r.text}</strong>
          ) : r.emphasis === "em" ? (
            <em>{r.text}</em>
          ) : (
            r.text
          );
        return r.sources && r.sources.length > 0 ? (
          <CellLink key={i} cells={r.sources}>
            {text}
          </CellLink>
        ) : (
          <span key={i}>{text}</span>
        );
      })}
    </p>
  );
}
