/**
 * How a hand-edited text differs from the text the add-in drafted, for the inspector: short
 * texts in full; long ones as each changed passage with a few words of context on either side,
 * so the change itself is never cut off. The words are compared with jsdiff (as whole words
 * split at spaces, so "2012/13" and "£5,600,000" stay one word each).
 */
import { diffArrays } from "diff";

/** Texts up to this many characters are quoted whole. */
export const FULL_TEXT_LIMIT = 160;
/** Words of unchanged text kept on each side of a changed passage. */
const CONTEXT_WORDS = 4;

export interface TextChange {
  /** The drafted text's passage, with its context ("…cut overtime by 5%…"). */
  readonly drafted: string;
  /** The same passage as the sheet now has it. */
  readonly found: string;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== "");
}

function tail(w: readonly string[]): string {
  return (w.length > CONTEXT_WORDS ? "…" : "") + w.slice(-CONTEXT_WORDS).join(" ");
}

function head(w: readonly string[]): string {
  return w.slice(0, CONTEXT_WORDS).join(" ") + (w.length > CONTEXT_WORDS ? "…" : "");
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== "").join(" ");
}

/**
 * The changed passages between the drafted text and the text found, in order. Empty when the
 * two differ only in spacing.
 */
export function textChanges(drafted: string, found: string): TextChange[] {
  const parts = diffArrays(words(drafted), words(found));
  const out: TextChange[] = [];
  let i = 0;
  while (i < parts.length) {
    if (!parts[i].added && !parts[i].removed) {
      i++;
      continue;
    }
    const before = i > 0 ? tail(parts[i - 1].value) : "";
    const removed: string[] = [];
    const added: string[] = [];
    while (i < parts.length && (parts[i].added || parts[i].removed)) {
      (parts[i].removed ? removed : added).push(...parts[i].value);
      i++;
    }
    const after = i < parts.length ? head(parts[i].value) : "";
    out.push({
      drafted: join(before, removed.join(" "), after),
      found: join(before, added.join(" "), after),
    });
  }
  return out;
}

/**
 * The difference in words for a finding: both texts whole when they are short, otherwise each
 * changed passage, drafted then found.
 */
export function describeTextChange(drafted: string, found: string): string {
  if (drafted.length <= FULL_TEXT_LIMIT && found.length <= FULL_TEXT_LIMIT)
    return `shows "${found}", where the statement drafted from the data shows "${drafted}"`;
  const changes = textChanges(drafted, found);
  if (changes.length === 0)
    return "differs only in spacing from the statement drafted from the data";
  const listed = changes.map((c) => `"${c.drafted}" is now "${c.found}"`).join("; ");
  return `has been changed from the statement drafted from the data: ${listed}`;
}
