/**
 * How wide text is in Arial, so a Word table's columns can be fitted to what they hold.
 *
 * The widths are the advance widths of Adobe's standard Helvetica and Helvetica-Bold font
 * metrics (the Core 14 AFM files, "Helvetica.afm" and "Helvetica-Bold.afm", Adobe Systems,
 * 1997), in thousandths of the font size. Arial and Liberation Sans (the font LibreOffice
 * lays Arial out with) are metric-compatible with Helvetica: each character advances by the same
 * width. Checked against the hmtx table of Debian's LiberationSans-Regular.ttf and
 * LiberationSans-Bold.ttf (fonts-liberation2), which agree for every character below once scaled
 * from 2048 to 1000 units. Italic and bold italic advance as regular and bold.
 *
 * No kerning is applied: kerning only narrows a line, so a width measured without it is never
 * too small.
 */

/** Advance widths of U+0020 (space) to U+007E (~), regular. */
const REGULAR_ASCII: readonly number[] = [
  // space ! " # $ % & ' ( ) * + , - . /
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  // 0-9
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
  // : ; < = > ? @
  278, 278, 584, 584, 584, 556, 1015,
  // A-Z
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
  611, 722, 667, 944, 667, 667, 611,
  // [ \ ] ^ _ `
  278, 278, 278, 469, 556, 333,
  // a-z
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500,
  // { | } ~
  334, 260, 334, 584,
];

/** Advance widths of U+0020 (space) to U+007E (~), bold. */
const BOLD_ASCII: readonly number[] = [
  // space ! " # $ % & ' ( ) * + , - . /
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  // 0-9
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
  // : ; < = > ? @
  333, 333, 584, 584, 584, 611, 975,
  // A-Z
  722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667,
  611, 722, 667, 944, 667, 667, 611,
  // [ \ ] ^ _ `
  333, 278, 333, 584, 556, 333,
  // a-z
  556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500,
  // { | } ~
  389, 280, 389, 584,
];

/** The characters beyond ASCII that the statement writes: [regular, bold]. */
const OTHER: Readonly<Record<string, readonly [number, number]>> = {
  "\u00a0": [278, 278], // no-break space
  "£": [556, 556],
  "€": [556, 556],
  "–": [556, 556], // en dash
  "—": [1000, 1000], // em dash
  "‘": [222, 278],
  "’": [222, 278],
  "“": [333, 500],
  "”": [333, 500],
  "…": [1000, 1000],
  "−": [584, 584], // minus sign
  "×": [584, 584],
  "•": [350, 350],
};

/** A character not in the tables above is taken as a whole em wide, so no width comes out short. */
const UNKNOWN = 1000;

/** A character's advance width in thousandths of the font size. */
export function advanceWidth(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x20 && code <= 0x7e) return (bold ? BOLD_ASCII : REGULAR_ASCII)[code - 0x20];
  const other = OTHER[ch];
  if (other) return other[bold ? 1 : 0];
  // An accented letter ("é") advances as its base letter in these fonts.
  const base = ch.normalize("NFD")[0];
  if (base !== ch && base.codePointAt(0)! >= 0x20 && base.codePointAt(0)! <= 0x7e)
    return advanceWidth(base, bold);
  return UNKNOWN;
}

/** The sum of a text's advance widths, in thousandths of the font size. */
export function textUnits(text: string, bold: boolean): number {
  let sum = 0;
  for (const ch of text) sum += advanceWidth(ch, bold);
  return sum;
}

/**
 * The width of a text set on one line in Arial at `sizePt` points, in twips (twentieths of a
 * point), rounded up: units / 1000 x size x 20.
 */
export function textTwips(text: string, sizePt: number, bold: boolean): number {
  return Math.ceil((textUnits(text, bold) * sizePt * 20) / 1000);
}
