/**
 * Failures as the task pane shows them: what went wrong in plain English, where (the sheet or
 * range, when known), and what the user can do next. Gateways already word their errors for
 * people (GatewayError); anything else is wrapped so no stack trace or code reaches the user.
 */
import { CancelledError, GatewayError } from "../../core";

export interface PlainError {
  readonly title: string;
  readonly message: string;
  /** The sheet or range the problem concerns, where known. */
  readonly where?: string;
  /** What to do next. */
  readonly forward: string;
}

/** What the user was doing, for the title and the advice. */
export type Action =
  | "reading"
  | "writing the statement"
  | "inserting the input sheets"
  | "writing the findings"
  | "saving the settings"
  | "making the Word document"
  | "drafting the preview"
  | "going to the cell"
  | "checking";

const FORWARD: Readonly<Record<Action, string>> = {
  reading: "Check that the workbook is open and not being edited, then read it again.",
  "writing the statement":
    "Nothing of yours was changed. Make sure the workbook is not protected and no cell is being edited, then try again.",
  "inserting the input sheets":
    "Nothing of yours was changed. Make sure the workbook is not protected, then try again.",
  "writing the findings":
    "Nothing of yours was changed. Make sure the workbook is not protected, then try again.",
  "saving the settings":
    "Your choices apply to this session only. Make sure the workbook is not protected, then save them again.",
  "making the Word document":
    "Try again; if it fails again, generate the statement into the workbook instead.",
  "drafting the preview": "Try again; the statement can still be generated into the workbook.",
  "going to the cell":
    "Check that the sheet still exists and is not hidden, then read the workbook again.",
  checking: "Read the workbook again, then run the check once more.",
};

function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

export function isCancelled(e: unknown): boolean {
  return e instanceof CancelledError || (e instanceof Error && e.name === "CancelledError");
}

export function plainError(e: unknown, action: Action): PlainError {
  const forward = FORWARD[action];
  if (isCancelled(e))
    return {
      title: `${capitalise(action)} was cancelled`,
      message: "You cancelled it before it finished, so nothing was changed.",
      forward: "Start it again when you are ready.",
    };
  if (e instanceof GatewayError || (e instanceof Error && e.name === "GatewayError")) {
    const where = (e as GatewayError).where;
    return {
      title: `There was a problem ${action}`,
      message: e.message,
      ...(where ? { where } : {}),
      forward,
    };
  }
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  return {
    title: `There was a problem ${action}`,
    message: detail
      ? `Something unexpected happened: ${detail.replace(/\s+$/, "").replace(/([^.!?])$/, "$1.")}`
      : "Something unexpected happened.",
    forward,
  };
}
