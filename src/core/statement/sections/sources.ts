/**
 * The closing sections: points to check before publishing (the findings), and the sources: the
 * date drafted, the sheets read, the policy settings used (each with its White Paper paragraph
 * and whether the user changed it) and, for every figure in the statement, the cells it came from.
 */
import { Finding, findingPlace, sortFindings } from "../../findings";
import { ForceData } from "../../forceData";
import {
  POLICY_SETTINGS,
  PolicySettingDescriptor,
  PolicyValue,
  formatPolicyValue,
  policyParagraphs,
  policyValue,
} from "../../policy";
import {
  Block,
  DisplayFigure,
  NoteItem,
  Section,
  SourceItem,
  TableBlock,
  TableRow,
  TextRun,
  textTable,
} from "../model";
import { refsText, textFigure } from "../format";
import { formatDate } from "../../format";
import { DraftContext, para } from "./common";

const SHEET_ROLE_WORDS: Readonly<Record<ForceData["sheetsUsed"][number]["as"], string>> = {
  budget: "Budget",
  workforce: "Workforce",
  procurement: "Procurement",
  savingsPlan: "Savings plan",
  settings: "Settings",
  peers: "Peers",
};

function noteOf(f: Finding): NoteItem {
  const place = findingPlace(f);
  return {
    severity: f.severity,
    text: f.message,
    ...(place ? { place } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
  };
}

/** Findings worth a reader's attention before publishing: errors and warnings, errors first. */
export function notesSection(ctx: DraftContext): Section {
  const all = sortFindings([...ctx.findings, ...ctx.analysis.findings]).filter(
    (f) => f.severity !== "info"
  );
  const seen = new Set<string>();
  const unique = all.filter((f) => {
    const k = `${f.code}|${f.message}|${findingPlace(f) ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const blocks: Block[] =
    unique.length === 0
      ? [para(["The add-in found no problems in the figures it used."])]
      : [
          para([
            `The add-in found ${unique.length} point${unique.length === 1 ? "" : "s"} in the workbook to check before this statement is published. `,
            "Each names the sheet or cell concerned.",
          ]),
          { kind: "notes", title: "Points to check", items: unique.map(noteOf) },
        ];
  return { id: "notes", heading: "Points to check before publishing", level: 1, blocks };
}

function sheetsTable(data: ForceData): TableBlock {
  const rows: TableRow[] = data.sheetsUsed.map((s) => ({
    cells: [textFigure(s.sheet), textFigure(SHEET_ROLE_WORDS[s.as]), textFigure(s.how)],
  }));
  return textTable({
    id: "sources-sheets",
    caption: "Sheets read",
    columns: [
      ["Sheet", 20],
      ["Read as", 14],
      ["How it was recognised", 40],
    ],
    rows,
  });
}

/** The settings listed: all but the per-function and per-framework ones, which are summarised. */
function listedSettings(ctx: DraftContext): PolicySettingDescriptor[] {
  const categories = new Set<string>(ctx.analysis.procurement.byCategory.map((c) => c.category));
  return POLICY_SETTINGS.filter((d) => {
    if (d.group === "classification") return false;
    if (d.group === "procurement") return categories.has(d.path[2] ?? "");
    return true;
  });
}

/** A setting's value as the statement writes it (dates as "1 April 2011"). */
function show(d: PolicySettingDescriptor, v: PolicyValue): string {
  return d.kind === "date" && typeof v === "string" ? formatDate(v) : formatPolicyValue(d, v);
}

function settingsTable(ctx: DraftContext): TableBlock {
  const applied = new Map(ctx.analysis.overridesApplied.map((o) => [o.key, o]));
  const rows: TableRow[] = listedSettings(ctx).map((d) => {
    const value = policyValue(ctx.policy, d.key) ?? null;
    const o = applied.get(d.key);
    const where = o?.cell ? refsText([o.cell]) : o?.file ? `the file ${o.file}` : "";
    const source = policyParagraphs(d);
    // The White Paper column gives paragraphs only; whose default it is goes in the last column.
    const whitePaper = source.paragraphs
      ? `${source.paragraphs}${source.addIn ? ", left open" : ""}`
      : "None";
    const byAddIn = `The add-in's${source.why ? ` (${source.why})` : ""}`;
    const changed = !o
      ? source.addIn
        ? byAddIn
        : "Default"
      : o.value === d.defaultValue
        ? `Set to the default${where ? ` in ${where}` : ""}`
        : `Changed from ${show(d, d.defaultValue)}${where ? ` (${where})` : ""}`;
    return {
      cells: [
        textFigure(d.label),
        textFigure(show(d, value), o?.cell ? [o.cell] : []),
        textFigure(whitePaper),
        textFigure(changed),
      ],
    };
  });
  return textTable({
    id: "sources-policy",
    caption: "Policy settings used",
    columns: [
      ["Setting", 34],
      ["Value", 12],
      ["White Paper", 14],
      ["Default or changed", 16],
    ],
    rows,
    note: "Settings for each procurement category in the force's data are listed; the function classification is given in the support services section.",
  });
}

/** What makes two figures the same working-papers line: kind, value and cells. */
export function sourceKey(f: DisplayFigure): string {
  return `${f.kind}|${String(f.value)}|${refsText(f.sources)}`;
}

/**
 * The working-papers line ("W12") of each figure that has one, by sourceKey: renderers use it to
 * point a figure in the statement at its line.
 */
export function sourceLines(items: readonly SourceItem[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const i of items) {
    const f: DisplayFigure = { kind: i.kind, value: i.value, text: i.text, sources: i.refs };
    if (!out.has(sourceKey(f))) out.set(sourceKey(f), i.line);
  }
  return out;
}

/**
 * Every figure in the given sections that cites cells, in document order: the table's caption,
 * the row and the column name it, then its value, its cells and how it was worked out.
 * Figures in running text that a table does not already list are included too.
 */
export function collectSources(sections: readonly Section[]): SourceItem[] {
  const items: SourceItem[] = [];
  const seen = new Set<string>();
  // A figure is listed once: the same value from the same cells in a sentence is not repeated.
  const key = sourceKey;
  const add = (f: DisplayFigure, figure: string) => {
    if (f.sources.length === 0 || f.kind === "text" || seen.has(key(f))) return;
    seen.add(key(f));
    items.push({
      line: `W${items.length + 1}`,
      figure,
      kind: f.kind,
      value: f.value,
      text: f.text,
      cells: refsText(f.sources),
      refs: f.sources,
      ...(f.derivation ? { how: f.derivation } : {}),
    });
  };
  for (const s of sections)
    for (const b of s.blocks)
      if (b.kind === "table") {
        const names = b.headerRows[b.headerRows.length - 1];
        for (const row of b.rows) {
          const rowLabel = row.cells[0]?.text ?? "";
          row.cells.forEach((c, j) => {
            const column = j === 0 ? "" : (names[j]?.text ?? "");
            const where = [rowLabel, groupHeader(b, j), column].filter((x) => x).join(", ");
            add(c, [b.caption, where].filter((x) => x).join(": "));
          });
        }
      }
  for (const s of sections)
    for (const b of s.blocks)
      if (b.kind === "paragraph" && b.role !== "userNarrative")
        b.runs.forEach((r, i) => {
          if (!r.sources || !r.figure) return;
          add(r.figure, `${s.heading}: "${leadIn(b.runs.slice(0, i))}${r.text}"`);
        });
  return items;
}

/** The last few words of the sentence before a figure, to name it in the sources list. */
function leadIn(before: readonly TextRun[]): string {
  const raw = before.map((r) => r.text).join("");
  const sentence = raw.slice(raw.lastIndexOf(". ") + 1).trimStart();
  const starts = [...sentence.matchAll(/\S+/g)].map((m) => m.index ?? 0);
  if (starts.length <= 7) return sentence;
  return "..." + sentence.slice(starts[starts.length - 7]);
}

/** The text of the group header above column j, where a table has one. */
function groupHeader(t: TableBlock, j: number): string {
  if (t.headerRows.length < 2) return "";
  let col = 0;
  for (const h of t.headerRows[0]) {
    if (j >= col && j < col + h.span) return h.text;
    col += h.span;
  }
  return "";
}

export interface SourcesOptions {
  readonly generatedText: string;
  readonly workbookName?: string;
}

/**
 * The working papers after the points to check, built last from the statement's sections: the
 * sheets read, the settings used (each with its White Paper paragraph) and, numbered, where every
 * figure came from.
 */
export function sourcesSection(
  ctx: DraftContext,
  before: readonly Section[],
  options: SourcesOptions
): Section[] {
  const items = collectSources(before);
  return [
    {
      id: "sources",
      heading: "Sheets read",
      level: 1,
      blocks: [
        para([
          `Drafted on ${options.generatedText}`,
          options.workbookName
            ? ` from the workbook ${options.workbookName}`
            : " from the force's workbook",
          `. The add-in reads the workbook without changing it.`,
        ]),
        sheetsTable(ctx.data),
      ],
    },
    { id: "settings", heading: "Settings used", level: 1, blocks: [settingsTable(ctx)] },
    {
      id: "figures",
      heading: "Where each figure came from",
      level: 1,
      blocks: [
        para([
          `Each figure in the statement has a line here (W1 to W${items.length}), with the sheet and cells it came from and how it was worked out, so it can be checked against the workbook.`,
        ]),
        { kind: "sources", title: "Where each figure came from", items },
      ],
    },
  ];
}
