/**
 * The published Word statement against the workbook it claims to come from (5.53-5.54, 5.58).
 * The statement is what a Police Authority publishes, so the inspector checks the document
 * itself: every figure, status word and year in it must be what the workbook gives today, and
 * all nine areas (5.53) must be there.
 *
 * Both sides arrive as the same plain blocks (headings, paragraphs, tables of cell texts): the
 * document as read from the .docx, and the statement drafted again from the workbook, written
 * by the same Word renderer and read back by the same reader (both outside the core). So the
 * comparison sees only what a person changed, not how Word stores it: runs split and merged on
 * save, tracked changes accepted, bookmarks and proofing marks all read as the text they show.
 *
 * How the two are matched:
 * - paragraphs and headings in document order (a longest common sequence); a paragraph that is
 *   not in the draft is paired with the draft's paragraph it most resembles, and the changed
 *   words are named; one with no counterpart is text added, one left over is text removed;
 * - the "Drafted on ..." lines match whatever date they hold (it is the date of drafting);
 * - tables by their caption (or their headings), rows by their first cell, cells by column;
 *   each differing cell names its row and column and the workbook cells it is drawn from.
 */
import { diffArrays } from "diff";
import { CellRef, formatRef } from "../grid";
import { Block, Statement, TableBlock, paragraphText } from "../statement/model";
import { savingsAreaLabel } from "../analysis/savings";
import { describeTextChange } from "./textChange";
import { isoDate } from "../dates";
import { CheckContext, hit } from "./context";
import { RuleGroupResult, RuleHit } from "./types";

/** A block of a Word document as the reader gives it. */
export type DocBlock =
  | { readonly kind: "heading"; readonly level: number; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | {
      readonly kind: "table";
      /** Each row's cell texts; a cell spanning columns is followed by empty cells. */
      readonly rows: readonly (readonly string[])[];
      /** How many of the rows are header rows. */
      readonly headerRows: number;
    };

/** A published statement to check, and the statement drafted again from the workbook. */
export interface PublishedStatement {
  /** The document's file name, for the messages. */
  readonly name: string;
  readonly found: readonly DocBlock[];
  /** The draft as the Word renderer writes it, read back by the same reader. */
  readonly expected: readonly DocBlock[];
  /** The draft itself, for the cells each figure comes from and the nine areas. */
  readonly statement: Statement;
  /** The statement for publication (the default), or its working papers. */
  readonly document?: "statement" | "papers";
}

/** Differences listed one by one; beyond this one finding sums up the rest. */
export const MAX_DOCUMENT_FINDINGS = 60;

/** The same text whatever Word did to spaces, quotes and dashes. */
export function normalText(t: string): string {
  return t
    .replace(/[\u00a0\u2007\u202f\t\r\n]+/g, " ")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019\u201a]/g, "'")
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ")
    .trim();
}

const DRAFTED_BY = /^(.*)\. Drafted on .+? by the Value for Money add-in\.$/;
const DRAFTED_FROM = /^Drafted on .+? from (?:the workbook .+?|the force's workbook)\. (.*)$/;
const DRAFTED_PAPERS = /^(.*)\. Drafted on [^.]+\. (Line numbers .*)$/;

/** A paragraph's key for matching: its text, with the date of drafting left out. */
function keyOf(text: string): string {
  const t = normalText(text);
  const by = DRAFTED_BY.exec(t);
  if (by) return `drafted-by: ${by[1]}`;
  const from = DRAFTED_FROM.exec(t);
  if (from) return `drafted-from: ${from[1]}`;
  const papers = DRAFTED_PAPERS.exec(t);
  if (papers) return `drafted-papers: ${papers[1]} ${papers[2]}`;
  return t;
}

interface TextItem {
  readonly kind: "heading" | "paragraph";
  readonly text: string;
  readonly key: string;
  /** The level-1 and level-2 headings it sits under. */
  readonly section: string;
}

interface TableItem {
  readonly rows: readonly (readonly string[])[];
  readonly headerRows: number;
  /** The paragraph just before it (its caption, in the add-in's layout). */
  readonly caption: string;
  readonly section: string;
}

function layout(blocks: readonly DocBlock[]): { texts: TextItem[]; tables: TableItem[] } {
  const texts: TextItem[] = [];
  const tables: TableItem[] = [];
  let h1 = "";
  let h2 = "";
  let last = "";
  const section = () => (h2 ? `${h1} > ${h2}` : h1);
  for (const b of blocks) {
    if (b.kind === "table") {
      tables.push({
        rows: b.rows.map((r) => r.map(normalText)),
        headerRows: b.headerRows,
        caption: last,
        section: section(),
      });
      last = "";
      continue;
    }
    const text = normalText(b.text);
    if (text === "") continue;
    if (b.kind === "heading") {
      if (b.level <= 1) {
        h1 = text;
        h2 = "";
      } else h2 = text;
    }
    texts.push({ kind: b.kind, text, key: keyOf(text), section: section() });
    last = text;
  }
  return { texts, tables };
}

const where = (section: string) => (section ? `"${section}"` : "the opening");

/** Word overlap of two texts (0..1), to pair a changed paragraph with its draft. */
function likeness(a: string, b: string): number {
  const wa = new Set(a.toLowerCase().split(" "));
  const wb = new Set(b.toLowerCase().split(" "));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(wa.size, wb.size, 1);
}

/** Where the draft's figures come from: paragraph runs and table cells, by their text. */
interface Provenance {
  readonly runs: ReadonlyMap<string, readonly { text: string; sources: readonly CellRef[] }[]>;
  readonly tables: ReadonlyMap<string, readonly (readonly (readonly CellRef[])[])[]>;
  readonly tableLabels: ReadonlyMap<string, readonly string[]>;
}

function provenanceOf(statement: Statement): Provenance {
  const runs = new Map<string, { text: string; sources: readonly CellRef[] }[]>();
  const tables = new Map<string, (readonly CellRef[])[][]>();
  const tableLabels = new Map<string, string[]>();
  const addTable = (caption: string, rows: { label: string; cells: (readonly CellRef[])[] }[]) => {
    const k = normalText(caption);
    if (tables.has(k)) return;
    tables.set(
      k,
      rows.map((r) => r.cells)
    );
    tableLabels.set(
      k,
      rows.map((r) => normalText(r.label))
    );
  };
  const visit = (b: Block) => {
    switch (b.kind) {
      case "paragraph":
        runs.set(
          normalText(paragraphText(b)),
          b.runs.map((r) => ({ text: normalText(r.text), sources: r.sources ?? [] }))
        );
        return;
      case "table":
        addTable(b.caption, tableRows(b));
        return;
      case "chart":
        addTable(
          `Figures in the chart: ${b.title}`,
          b.categories.map((c, i) => ({
            label: c,
            cells: [[], ...b.series.map((s) => s.points[i]?.sources ?? [])],
          }))
        );
        return;
      case "sources":
        addTable(
          b.title,
          // Line, figure, value, cells, how.
          b.items.map((i) => ({ label: i.line, cells: [[], [], i.refs, i.refs, []] }))
        );
        return;
      default:
        return;
    }
  };
  for (const s of [...statement.sections, ...statement.papers]) for (const b of s.blocks) visit(b);
  return { runs, tables, tableLabels };
}

function tableRows(t: TableBlock): { label: string; cells: (readonly CellRef[])[] }[] {
  return t.rows.map((r) => ({
    label: r.cells[0]?.text ?? "",
    cells: r.cells.map((c) => c.sources),
  }));
}

const fromText = (refs: readonly CellRef[]) =>
  refs.length === 0
    ? ""
    : ` (from ${refs.slice(0, 3).map(formatRef).join(", ")}${refs.length > 3 ? " and more" : ""})`;

function unique(refs: readonly CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = formatRef(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The cells behind the words of a draft paragraph that the document changed. */
function changedSources(p: Provenance, drafted: string, found: string): CellRef[] {
  const runs = p.runs.get(drafted.replace(/^"|"$/g, "")) ?? p.runs.get(drafted);
  if (!runs) return [];
  const kept = new Set(found.split(" "));
  return unique(
    runs
      .filter((r) => r.sources.length > 0 && r.text.split(" ").some((w) => w && !kept.has(w)))
      .flatMap((r) => r.sources)
  );
}

interface Hit {
  readonly rule: "DOCUMENT_MATCHES_DATA" | "DOCUMENT_TEXT_ADDED";
  readonly message: string;
  readonly place: string;
  readonly cell?: CellRef;
}

function describeDraftedLine(text: string): string | undefined {
  if (DRAFTED_BY.test(text))
    return "the line saying who the statement is for and when the add-in drafted it";
  if (DRAFTED_FROM.test(text))
    return "the line saying when the statement was drafted and from which workbook";
  if (DRAFTED_PAPERS.test(text)) return "the line saying when the working papers were drafted";
  return undefined;
}

function compareTexts(
  expected: readonly TextItem[],
  found: readonly TextItem[],
  prov: Provenance,
  areaHeadings: ReadonlySet<string>
): Hit[] {
  const parts = diffArrays(
    expected.map((t) => t.key),
    found.map((t) => t.key)
  );
  const out: Hit[] = [];
  let ei = 0;
  let fi = 0;
  let i = 0;
  while (i < parts.length) {
    const part = parts[i];
    if (!part.added && !part.removed) {
      ei += part.count ?? part.value.length;
      fi += part.count ?? part.value.length;
      i++;
      continue;
    }
    const removed: TextItem[] = [];
    const added: TextItem[] = [];
    while (i < parts.length && (parts[i].added || parts[i].removed)) {
      const n = parts[i].count ?? parts[i].value.length;
      if (parts[i].removed) {
        removed.push(...expected.slice(ei, ei + n));
        ei += n;
      } else {
        added.push(...found.slice(fi, fi + n));
        fi += n;
      }
      i++;
    }
    const used = new Set<number>();
    const missingSections = new Set<string>();
    for (const r of removed) {
      let best = -1;
      let score = 0.5;
      added.forEach((a, j) => {
        if (used.has(j) || a.kind !== r.kind) return;
        const s = likeness(r.text, a.text);
        if (s >= score) {
          best = j;
          score = s;
        }
      });
      if (best >= 0) {
        used.add(best);
        const a = added[best];
        const sources = changedSources(prov, r.text, a.text);
        out.push({
          rule: "DOCUMENT_MATCHES_DATA",
          place: `${where(a.section)}, ${a.kind}`,
          message: `In ${where(a.section)}, the ${a.kind} ${describeTextChange(r.text, a.text)}${fromText(sources)}.`,
          ...(sources[0] ? { cell: sources[0] } : {}),
        });
        continue;
      }
      if (r.kind === "heading") {
        missingSections.add(r.section);
        if (areaHeadings.has(stripNumber(r.text))) continue; // DOCUMENT_AREAS_PRESENT names it
        out.push({
          rule: "DOCUMENT_MATCHES_DATA",
          place: where(r.section),
          message: `The document has no section "${r.text}", which the statement drafted from the workbook has.`,
        });
        continue;
      }
      if ([...missingSections].some((s) => r.section === s || r.section.startsWith(`${s} > `)))
        continue;
      const line = describeDraftedLine(r.text);
      out.push({
        rule: "DOCUMENT_MATCHES_DATA",
        place: where(r.section),
        message: line
          ? `In ${where(r.section)}, ${line} is missing or has been replaced; the draft has "${r.text}".`
          : `In ${where(r.section)}, the document leaves out this ${r.kind} of the statement drafted from the workbook: "${r.text}".`,
      });
    }
    added.forEach((a, j) => {
      if (used.has(j)) return;
      out.push({
        rule: "DOCUMENT_TEXT_ADDED",
        place: where(a.section),
        message: `In ${where(a.section)}, the document has text that the statement drafted from the workbook does not: "${a.text}".`,
      });
    });
  }
  return out;
}

const stripNumber = (t: string) => t.replace(/^\d+\.\s*/, "").toLowerCase();

function tableName(t: TableItem): string {
  return t.caption ? `table "${t.caption}"` : "a table";
}

function columnName(t: TableItem, j: number): string {
  const parts: string[] = [];
  for (let h = 0; h < t.headerRows; h++) {
    const row = t.rows[h];
    let text = row[j] ?? "";
    // A group heading spans the empty cells after it.
    for (let k = j; text === "" && k > 0 && h < t.headerRows - 1; k--) text = row[k - 1] ?? "";
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(" ") || `column ${j + 1}`;
}

/**
 * Which found table each expected one is: by caption first; a table whose caption was edited
 * by its headings and row labels, among the found tables whose caption no draft table has.
 */
function pairTables(expected: readonly TableItem[], found: readonly TableItem[]): number[] {
  const used = new Set<number>();
  const captions = new Set(expected.map((e) => e.caption).filter((c) => c !== ""));
  const sig = (t: TableItem) =>
    t.rows
      .slice(0, t.headerRows)
      .map((r) => r.join("|"))
      .join("/");
  const pairs = expected.map((e) => {
    if (e.caption === "") return -1;
    const j = found.findIndex((f, k) => !used.has(k) && f.caption === e.caption);
    if (j >= 0) used.add(j);
    return j;
  });
  return pairs.map((j, i) => {
    if (j >= 0) return j;
    const e = expected[i];
    const k = found.findIndex((f, n) => {
      if (used.has(n) || captions.has(f.caption) || sig(f) !== sig(e)) return false;
      const labels = new Set(f.rows.map((r) => r[0]));
      return e.rows.filter((r) => labels.has(r[0])).length >= e.rows.length / 2;
    });
    if (k >= 0) used.add(k);
    return k;
  });
}

function compareTables(
  expected: readonly TableItem[],
  found: readonly TableItem[],
  prov: Provenance,
  missingSections: ReadonlySet<string>
): Hit[] {
  const out: Hit[] = [];
  const pairs = pairTables(expected, found);
  const paired = new Set(pairs.filter((j) => j >= 0));
  expected.forEach((e, i) => {
    const j = pairs[i];
    if (j < 0) {
      if (missingSections.has(e.section.split(" > ")[0])) return;
      out.push({
        rule: "DOCUMENT_MATCHES_DATA",
        place: `${where(e.section)}, ${tableName(e)}`,
        message: `In ${where(e.section)}, the document has no ${tableName(e)}, which the statement drafted from the workbook has.`,
      });
      return;
    }
    const f = found[j];
    const sources = prov.tables.get(
      e.caption.replace(/^Figures in the chart: /, "Figures in the chart: ")
    );
    const labels = prov.tableLabels.get(e.caption);
    const usedRows = new Set<number>();
    const seenLabel = new Map<string, number>();
    for (let r = 0; r < e.rows.length; r++) {
      const row = e.rows[r];
      const header = r < e.headerRows;
      let fr = -1;
      if (header) fr = r < f.headerRows ? r : -1;
      else
        fr = f.rows.findIndex((x, k) => k >= f.headerRows && !usedRows.has(k) && x[0] === row[0]);
      const label = row[0] || `row ${r + 1}`;
      if (fr < 0) {
        out.push({
          rule: "DOCUMENT_MATCHES_DATA",
          place: `${where(e.section)}, ${tableName(e)}, row "${label}"`,
          message: `In ${where(e.section)}, ${tableName(e)} has no row "${label}"; the statement drafted from the workbook shows ${
            row
              .filter((c) => c)
              .slice(1)
              .map((c) => `"${c}"`)
              .join(", ") || "it"
          }.`,
        });
        continue;
      }
      usedRows.add(fr);
      // The provenance of a body row: the draft's rows in order, by label.
      const n = seenLabel.get(row[0]) ?? 0;
      seenLabel.set(row[0], n + 1);
      let modelRow = -1;
      if (!header && labels) {
        let seen = 0;
        modelRow = labels.findIndex((l) => l === row[0] && seen++ === n);
      }
      const got = f.rows[fr];
      for (let c = 0; c < Math.max(row.length, got.length); c++) {
        const want = row[c] ?? "";
        const have = got[c] ?? "";
        if (want === have) continue;
        const refs = modelRow >= 0 ? unique(sources?.[modelRow]?.[c] ?? []) : [];
        const col = columnName(e, c);
        const place = header
          ? `${where(e.section)}, ${tableName(e)}, headings`
          : `${where(e.section)}, ${tableName(e)}, row "${label}", column "${col}"`;
        out.push({
          rule: "DOCUMENT_MATCHES_DATA",
          place,
          message: header
            ? `In ${where(e.section)}, ${tableName(e)} has the heading "${have}" where the statement drafted from the workbook has "${want}".`
            : have === ""
              ? `In ${where(e.section)}, ${tableName(e)}, row "${label}", column "${col}" is empty, where the workbook gives "${want}"${fromText(refs)}.`
              : want === ""
                ? `In ${where(e.section)}, ${tableName(e)}, row "${label}", column "${col}" shows "${have}", where the statement drafted from the workbook has nothing.`
                : `In ${where(e.section)}, ${tableName(e)}, row "${label}", column "${col}" shows "${have}", but the workbook gives "${want}"${fromText(refs)}.`,
          ...(refs[0] ? { cell: refs[0] } : {}),
        });
      }
    }
    f.rows.forEach((x, k) => {
      if (k < f.headerRows || usedRows.has(k)) return;
      out.push({
        rule: "DOCUMENT_TEXT_ADDED",
        place: `${where(f.section)}, ${tableName(f)}, row "${x[0]}"`,
        message: `In ${where(f.section)}, ${tableName(f)} has a row "${x[0]}" (${x
          .slice(1)
          .filter((c) => c)
          .map((c) => `"${c}"`)
          .join(", ")}) that the statement drafted from the workbook does not.`,
      });
    });
  });
  found.forEach((f, j) => {
    if (paired.has(j)) return;
    out.push({
      rule: "DOCUMENT_TEXT_ADDED",
      place: `${where(f.section)}, ${tableName(f)}`,
      message: `In ${where(f.section)}, the document has ${tableName(f)} that the statement drafted from the workbook does not.`,
    });
  });
  return out;
}

/** Every difference between the document and the draft, in document order of kind. */
export function documentDifferences(doc: PublishedStatement): {
  readonly differences: readonly Hit[];
  readonly missingAreas: readonly string[];
} {
  const e = layout(doc.expected);
  const f = layout(doc.found);
  const prov = provenanceOf(doc.statement);
  const areaSections =
    doc.document === "papers" ? [] : doc.statement.sections.filter((s) => s.area);
  const foundHeadings = new Set(
    f.texts.filter((t) => t.kind === "heading").map((t) => stripNumber(t.text))
  );
  const missingAreas = areaSections
    .filter((s) => !foundHeadings.has(stripNumber(normalText(s.heading))))
    .map((s) => normalText(s.heading));
  const areaHeadings = new Set(areaSections.map((s) => stripNumber(normalText(s.heading))));
  const texts = compareTexts(e.texts, f.texts, prov, areaHeadings);
  const missingSections = new Set(
    e.texts
      .filter((t) => t.kind === "heading" && !foundHeadings.has(stripNumber(t.text)))
      .map((t) => t.text)
  );
  const tables = compareTables(e.tables, f.tables, prov, missingSections);
  return { differences: [...texts, ...tables], missingAreas };
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * What the document says of itself that is not the workbook's to say: who publishes it (the
 * line above the title) and the date it says the Authority approved it ("Approved by ... on 1
 * June 2011."). The draft to compare with is made with them, so they are not differences; what
 * the workbook gives is compared as usual.
 */
export function documentClaims(found: readonly DocBlock[]): {
  readonly authority?: string;
  readonly approved?: string;
} {
  const first = found[0];
  const authority =
    first?.kind === "paragraph" && found[1]?.kind === "heading"
      ? normalText(first.text)
      : undefined;
  let approved: string | undefined;
  for (const b of found) {
    if (b.kind === "table") continue;
    const m = /^Approved by .+ on (\d{1,2}) ([A-Za-z]+) (\d{4})\.?$/.exec(normalText(b.text));
    const month = m ? MONTHS.indexOf(m[2].toLowerCase()) : -1;
    if (m && month >= 0) {
      approved = isoDate(Number(m[3]), month + 1, Number(m[1]));
      if (approved) break;
    }
  }
  return { ...(authority ? { authority } : {}), ...(approved ? { approved } : {}) };
}

/** How many differences there are: the front end drafts in each money unit and keeps the closest. */
export function documentDifferenceCount(doc: PublishedStatement): number {
  const d = documentDifferences(doc);
  return d.differences.length + d.missingAreas.length;
}

export function checkDocument(ctx: CheckContext): RuleGroupResult {
  const doc = ctx.publishedStatement;
  const rules = ["DOCUMENT_MATCHES_DATA", "DOCUMENT_AREAS_PRESENT", "DOCUMENT_TEXT_ADDED"] as const;
  if (!doc)
    return {
      findings: [],
      notApplicable: rules.map((rule) => ({
        rule,
        note: "No published statement was given to check (vfm check STATEMENT.docx --workbook WORKBOOK).",
      })),
    };
  const { differences, missingAreas } = documentDifferences(doc);
  const findings: RuleHit[] = [];
  for (const heading of missingAreas) {
    const section = doc.statement.sections.find((s) => normalText(s.heading) === heading);
    findings.push({
      ...hit(
        "DOCUMENT_AREAS_PRESENT",
        `${doc.name} has no section for ${section?.area ? savingsAreaLabel(section.area) : heading} ("${heading}"), one of the nine areas the statement must report.`,
        undefined,
        "Put the area's section back as the add-in drafted it, or draft the statement again."
      ),
      place: `"${heading}"`,
    });
  }
  const listed = differences.slice(0, MAX_DOCUMENT_FINDINGS);
  if (differences.length > MAX_DOCUMENT_FINDINGS)
    findings.push({
      ...hit(
        "DOCUMENT_MATCHES_DATA",
        `${doc.name} differs from the statement drafted from the workbook in ${differences.length} places; the first ${MAX_DOCUMENT_FINDINGS} are listed. It was probably drafted from other figures, or edited a good deal.`,
        undefined,
        "Draft the statement again from the workbook, then make any changes in the workbook."
      ),
      place: doc.name,
    });
  for (const d of listed)
    findings.push({
      ...hit(
        d.rule,
        d.message,
        d.cell,
        d.rule === "DOCUMENT_TEXT_ADDED"
          ? "Check the added text against the workbook; figures belong in the workbook, from which the statement is drafted."
          : "Put the document right from the workbook (draft the statement again), or put the workbook right if the document is correct."
      ),
      place: d.place,
    });
  return { findings, notApplicable: [] };
}
