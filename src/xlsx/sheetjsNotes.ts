/**
 * SheetJS writes notes to the console while it parses. Some are about a file's formatting only
 * (LibreOffice's conditional number styles, "ODS number format may be incorrect: value()<0"):
 * the cell values are read all the same, and the user's output must stay one clean line per
 * problem, so those are dropped. Anything else SheetJS reports (a range it cannot hydrate, a
 * defined name it cannot parse, missing codepage tables) may mean lost data and still reaches
 * stderr as written.
 */

/** The notes about number formats and styles alone: the values they concern are unaffected. */
const FORMATTING_NOTES: readonly RegExp[] = [
  /^ODS number format may be incorrect\b/,
  /^Excel does not support ODS format token\b/,
  /^Unsupported ODS Style Map exported\b/,
  /^ODS has no equivalent of format\b/,
  /^unrecognized character .* in ODF format\b/,
  /^Could not find numeric part of\b/,
  /^Could not generate ODS number format\b/,
];

/** True for a SheetJS console note that concerns formatting only. */
export function isFormattingNote(args: readonly unknown[]): boolean {
  const first = args[0];
  return typeof first === "string" && FORMATTING_NOTES.some((re) => re.test(first));
}

/** Runs `fn` (a SheetJS read) with its formatting notes kept off the console; the rest pass. */
export function withoutFormattingNotes<T>(fn: () => T): T {
  const { error, warn } = console;
  console.error = (...args: unknown[]) => {
    if (!isFormattingNote(args)) error.apply(console, args);
  };
  console.warn = (...args: unknown[]) => {
    if (!isFormattingNote(args)) warn.apply(console, args);
  };
  try {
    return fn();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}
