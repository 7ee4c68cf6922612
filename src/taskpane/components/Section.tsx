import { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  section: { marginBottom: "20px" },
  h2: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: "12px 0 6px",
    color: tokens.colorNeutralForeground1,
  },
  h3: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: "10px 0 4px",
    color: tokens.colorNeutralForeground1,
  },
  intro: {
    margin: "0 0 8px",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
});

/** A titled part of a step; its heading labels it for screen readers. */
export function Section({
  id,
  title,
  level = 2,
  intro,
  children,
}: {
  readonly id: string;
  readonly title: ReactNode;
  readonly level?: 2 | 3;
  readonly intro?: ReactNode;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  const H = level === 2 ? "h2" : "h3";
  return (
    <section className={styles.section} aria-labelledby={id}>
      <H id={id} className={level === 2 ? styles.h2 : styles.h3}>
        {title}
      </H>
      {intro ? <p className={styles.intro}>{intro}</p> : null}
      {children}
    </section>
  );
}
