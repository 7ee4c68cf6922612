/**
 * Whether a savings line's note explains its variance (5.53, 5.58: the statement sets out the
 * savings planned and then actually arising, so a reader can see why the two differ).
 *
 * The rule, in order:
 * 1. A note that only points elsewhere explains nothing: "See above.", "See note 4", "As per
 *    the previous year", "Refer to the business plan", "Ditto", "n/a", "TBC", "-".
 * 2. A note of fewer than three words explains nothing ("Delayed." says too little to check).
 * 3. Otherwise the note explains the variance when it names a cause or a figure:
 *    - a cause: words of cause or timing, such as because, due to, owing to, as a result of,
 *      delayed, slipped, deferred, later or earlier than planned, fell short, higher or lower
 *      than, started, went live, phased, contracts ending or expiring, vacancies, operations;
 *    - a figure: an amount (£120,000, 120k, £1.2m), a percentage, a count (two major
 *      operations), a month or a year (October 2009, 2010/11).
 * A note that says neither ("Good progress made on this initiative") does not explain it.
 */

/** Why a note does not explain, in words for the finding; undefined when it does explain. */
export function noteFallsShort(note: string | undefined): string | undefined {
  const text = (note ?? "").trim();
  if (text === "") return "no note explains the difference";
  if (POINTER_ONLY.test(text))
    return `its note ("${text}") only points elsewhere and does not say why`;
  const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9£]/.test(w));
  if (words.length < 3) return `its note ("${text}") is too short to say why`;
  if (CAUSE.test(text) || FIGURE.test(text)) return undefined;
  return `its note ("${text}") names no cause or figure for the difference`;
}

/** Pointers, fillers and placeholders: the whole note is one of them. */
const POINTER_ONLY = new RegExp(
  "^(?:" +
    [
      "(?:please\\s+)?see\\b.*",
      "(?:please\\s+)?refer\\s+to\\b.*",
      "as\\s+(?:per\\s+)?(?:above|below|before|previously|(?:the\\s+)?previous\\s+(?:year|line|row)|last\\s+year|stated|noted)\\b.*",
      "per\\s+(?:above|below|note\\b.*)",
      "ditto",
      "same\\s+as\\s+(?:above|before|last\\s+year)",
      "n\\s*/\\s*a",
      "none",
      "tbc",
      "tba",
      "to\\s+follow",
      "various",
      "[-–—.?]+",
    ].join("|") +
    ")[.!]*$",
  "i"
);

/** Words of cause or timing. */
const CAUSE = new RegExp(
  "\\b(?:" +
    [
      "because",
      "due\\s+to",
      "owing\\s+to",
      "as\\s+a\\s+result",
      "result(?:ed|ing)?\\s+(?:of|from|in)",
      "caused",
      "led\\s+to",
      "since",
      "following",
      "after",
      "delay(?:s|ed)?",
      "slipp(?:ed|age)",
      "deferred",
      "postponed",
      "late(?:r)?",
      "earl(?:y|ier)",
      "ahead\\s+of",
      "behind",
      "fell\\s+short",
      "short(?:fall)?",
      "overspen[dt]",
      "underspen[dt]",
      "(?:higher|lower|more|less|greater|fewer)\\s+than",
      "start(?:s|ed)?",
      "went\\s+live",
      "go(?:es|ne)?\\s+live",
      "phased?",
      "(?:contracts?|leases?)\\s+(?:\\w+\\s+){0,3}(?:end(?:s|ed)?|expir(?:e|es|ed|y))",
      "expir(?:e|es|ed|y)",
      "vacanc(?:y|ies)",
      "recruit(?:ment|ed|ing)?",
      "operations?",
      "redundanc(?:y|ies)",
      "price(?:s)?\\s+(?:rose|rise|increase)",
      "inflation",
      "demand",
    ].join("|") +
    ")\\b",
  "i"
);

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";

/** An amount, a percentage, a count in figures or words, a month or a year. */
const FIGURE = new RegExp(
  [
    "£\\s*\\d",
    "\\b\\d[\\d,.]*\\s*(?:k|m|bn|%|per\\s*cent|fte|posts?|officers?|staff|hours?|days?|weeks?|months?)\\b",
    "\\b(?:19|20)\\d\\d(?:/\\d\\d)?\\b",
    `\\b(?:${MONTHS})\\b`,
    "\\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|half|quarter|third)\\b",
    "\\b\\d+\\b",
  ].join("|"),
  "i"
);
