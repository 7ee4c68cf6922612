/**
 * Never a confident wrong figure: a business-support share that depends on lines the add-in could
 * not classify, or on a structure it could not resolve (a function whose breakdown is missing or
 * does not add up), is shown as unconfirmed and given no position against the threshold until
 * the user confirms those lines. These are the words every front uses for it (the pane's card,
 * the statement, the command line), so they say the same thing in the same way. The published
 * statement names no cells (withCells false); its working papers list the lines to confirm.
 */
import { formatRef } from "../grid";
import { formatFte, formatYear } from "../format";
import { countOf } from "../plainEnglish";
import { BusinessSupportYear, SupportDoubt } from "./types";

/** True when the year's share rests on lines not yet classified or resolved. */
export function isUnconfirmed(y: Pick<BusinessSupportYear, "confidence">): boolean {
  return y.confidence === "unconfirmed";
}

/** "Establishment!A13" for each doubtful line, in order, once each. */
export function doubtCells(y: Pick<BusinessSupportYear, "doubts">): string[] {
  return [...new Set(y.doubts.map((d) => formatRef(d.cell)))];
}

/** "Support services" at Establishment!A13 (318.0 FTE): <reason>. */
export function doubtText(d: SupportDoubt): string {
  return `"${d.label}" at ${formatRef(d.cell)} (${formatFte(d.fte)} FTE): ${d.reason}`;
}

/** "To confirm it, choose its category in the Data step." */
export function doubtCorrection(d: SupportDoubt): string {
  return `To confirm it, ${d.correction}.`;
}

/** The short mark shown beside the share: "unconfirmed (318.0 FTE not yet classified)". */
export function unconfirmedMark(y: BusinessSupportYear): string {
  return `unconfirmed (${formatFte(y.unclassifiedFte.value)} FTE not yet classified or placed)`;
}

/**
 * The sentence shown where the share is: what it depends on, where, and that it has no position
 * until confirmed. E.g. "The 2009/10 share is unconfirmed: it depends on 318.0 FTE on a line the
 * add-in could not classify or place (Establishment!A13), so it is given no position against the
 * threshold until that line is confirmed."
 */
export function unconfirmedSentence(y: BusinessSupportYear, withCells = true): string {
  const n = doubtCells(y).length;
  const lines = n === 1 ? "a line" : countOf(n, "line");
  const those = n === 1 ? "that line is" : "those lines are";
  const cells = withCells ? ` (${doubtCells(y).join(", ")})` : "";
  return `The ${formatYear(y.year)} share is unconfirmed: it depends on ${formatFte(y.unclassifiedFte.value)} FTE on ${lines} the add-in could not classify or place${cells}, so it is given no position against the threshold until ${those} confirmed.`;
}
