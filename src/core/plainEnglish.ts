/**
 * Plain English: the wording rules every sentence the add-in publishes follows, in one place.
 * Numbers themselves are formatted by the formatting module; this module decides the words
 * around them.
 *
 * The rules (each has a function here and tests in test/core/plainEnglish.test.ts):
 * 1. Singular or plural by count: "1 contract", "2 contracts"; never "contract(s)".
 * 2. In running text, whole numbers under ten are words: "nine lines", "one contract".
 * 3. No sentence starts with a numeral: a small count is written as a word ("Three contracts"),
 *    and the builders word other sentences so that they start with a word ("There are 16
 *    contracts", `thereAre`), whatever the count.
 * 4. Dates are written "31 March 2011", never "2011-03-31".
 * 5. After a semicolon, and after a colon in the middle of a sentence, the text goes on in lower
 *    case ("off track; the savings plan ...", "Savings plan: cashable savings ..."), unless the
 *    word is a name ("White Paper", "ISIS"): `goOnLower` words the join.
 * 6. The published text holds no setting keys ("overtime.threshold") and no cell addresses
 *    ("Budget!C7"): those belong to the working papers.
 * 7. A rate is shown at the precision it was worked at ("£32,500", not "£33k"), so that the
 *    figures shown beside it multiply to the result shown.
 * 8. A sentence is said once: a sentence repeated word for word is dropped.
 */
import { formatAsWritten } from "./format";

const SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** A whole number as running text writes it: under ten in words ("seven"), else digits ("12", "1,234"). */
export function numberInWords(n: number): string {
  if (Number.isInteger(n) && n >= 0 && n < 10) return n === 0 ? "zero" : SMALL[n];
  return formatAsWritten(n);
}

/** The noun for a count: "line" for 1, "lines" otherwise (the plural given, or noun + "s"). */
export function nounFor(count: number, singular: string, plural: string = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/**
 * A count with its noun, for running text: "no lines", "one line", "nine lines", "14 lines".
 * Not for the start of a sentence, where a count of ten or more would be a numeral: open the
 * sentence with `thereAre` instead.
 */
export function countOf(count: number, singular: string, plural: string = `${singular}s`): string {
  const number = count === 0 ? "no" : numberInWords(count);
  return `${number} ${nounFor(count, singular, plural)}`;
}

/** "is" or "are" for a count. */
export function isAre(count: number): string {
  return count === 1 ? "is" : "are";
}

/**
 * Rule 3 for any count: the opening of a sentence about a count that starts with a word,
 * "There is one line", "There are no lines", "There are 14 lines".
 */
export function thereAre(count: number, singular: string, plural: string = `${singular}s`): string {
  return `There ${isAre(count)} ${countOf(count, singular, plural)}`;
}

/** A count on its own in running text: "none", "one", "nine", "14". */
export function countWord(count: number): string {
  return count === 0 ? "none" : numberInWords(count);
}

/** "has" or "have" for a count. */
export function hasHave(count: number): string {
  return count === 1 ? "has" : "have";
}

/** The first letter in lower case, for a sentence taken into the middle of another. */
export function lowerFirst(text: string): string {
  return text.replace(/^./, (c) => c.toLowerCase());
}

/** The first letter in upper case. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[], last: "and" | "or" = "and"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${last} ${words[words.length - 1]}`;
}

/**
 * Rule 5's test for the word that goes on after a semicolon or colon: a capitalised word that is
 * not a name. A name is an acronym ("ISIS"), a word with capitals inside it, a word with "'s"
 * ("Exampleshire's"), or the first of two capitalised words ("White Paper"); "A" before a
 * lower-case word is not a name.
 */
const NOT_A_NAME = "(?:[A-Z][a-z]+\\b(?!['’]|\\s+[A-Z][a-z])|A (?![A-Z]))";

/**
 * Rule 5: `text` as it goes on after a semicolon or a colon, its first word in lower case unless
 * that word is a name: "Cashable savings ..." -> "cashable savings ...", "White Paper 5.4" as is.
 */
export function goOnLower(text: string): string {
  return new RegExp(`^${NOT_A_NAME}`).test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Rule 5 within a text: the word after each semicolon in lower case, unless it is a name. */
export function lowerAfterSemicolons(text: string): string {
  return text.replace(new RegExp(`; ${NOT_A_NAME}`, "g"), (m) => `; ${goOnLower(m.slice(2))}`);
}

/** Rule 3 for a small count: a sentence that starts "3 contracts" becomes "Three contracts". */
export function wordSmallCountAtStart(sentence: string): string {
  return sentence.replace(/^([1-9])(?=\s)/, (d) => capitalise(SMALL[Number(d)]));
}

/** Splits text into sentences (at ". ", "? " or "! " followed by a capital or a digit). */
export function sentences(text: string): string[] {
  return text
    .replace(/([.!?])\s+(?=["“(£A-Z0-9])/g, "$1\u0000")
    .split("\u0000")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** One problem with a piece of published text. */
export interface WordingProblem {
  readonly rule:
    | "pluralBrackets"
    | "smallNumberAsDigits"
    | "numeralStartsSentence"
    | "isoDate"
    | "capitalAfterSemicolon"
    | "capitalAfterColon"
    | "settingKey"
    | "cellAddress";
  /** The words at fault, quoted from the text. */
  readonly text: string;
}

const SETTING_KEY =
  /\b(?:overtime|businessSupport|procurement|years|rag|nationalProgramme|peers)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*\b/g;
const CELL_ADDRESS = /(?:\b[A-Za-z_][\w.]*|'[^']+')!\$?[A-Z]{1,3}\$?\d+\b/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/**
 * A digit 1-9 standing alone as a count before a word ("lists 9 lines"), not a figure or a year;
 * group 2 is the digit. (No lookbehind: the pane runs in webviews that lack it.)
 */
const SMALL_DIGIT = /(^|[^\w.,£$%/:-])([1-9])(?![\w.,%/:-])(?= [a-z])/g;

function matches(text: string, re: RegExp): string[] {
  return [...text.matchAll(re)].map((m) => m[0]);
}

/**
 * Every way `text` (one paragraph of running text) breaks the rules above. Table cells are not
 * running text: check them with `publishedTextProblems` only.
 */
export function wordingProblems(text: string): WordingProblem[] {
  const out: WordingProblem[] = [...publishedTextProblems(text)];
  for (const m of text.matchAll(SMALL_DIGIT)) out.push({ rule: "smallNumberAsDigits", text: m[2] });
  for (const s of sentences(text))
    if (/^\d/.test(s)) out.push({ rule: "numeralStartsSentence", text: s.slice(0, 40) });
  for (const m of matches(text, new RegExp(`; ${NOT_A_NAME}`, "g")))
    out.push({ rule: "capitalAfterSemicolon", text: m.trim() });
  // A colon after a word ("Savings plan: cashable ..."), a label's included: the text goes on.
  for (const m of matches(text, new RegExp(`\\S: ${NOT_A_NAME}`, "g")))
    out.push({ rule: "capitalAfterColon", text: m.slice(1).trim() });
  return out;
}

/** Problems that matter in any published text, table cells included. */
export function publishedTextProblems(text: string): WordingProblem[] {
  const out: WordingProblem[] = [];
  for (const m of matches(text, /\w\(s\)/g)) out.push({ rule: "pluralBrackets", text: m });
  for (const m of matches(text, ISO_DATE)) out.push({ rule: "isoDate", text: m });
  for (const m of matches(text, SETTING_KEY)) out.push({ rule: "settingKey", text: m });
  for (const m of matches(text, CELL_ADDRESS)) out.push({ rule: "cellAddress", text: m });
  return out;
}

/**
 * Rule 8 over a run of paragraphs: each paragraph's sentences, without any sentence already said
 * word for word in an earlier paragraph (or earlier in the same one). Returns the kept text of
 * each paragraph ("" where nothing is left).
 */
export function sayOnce(paragraphs: readonly string[]): string[] {
  const said = new Set<string>();
  return paragraphs.map((p) => {
    const kept = sentences(p).filter((s) => {
      if (said.has(s)) return false;
      said.add(s);
      return true;
    });
    return kept.join(" ");
  });
}
