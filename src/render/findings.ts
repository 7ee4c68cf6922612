/**
 * The inspector's check as a formatted "VfM Findings" sheet: the overall status in words (with
 * its colour as a second cue, never the only one), the counts, every finding grouped by area
 * with its rule, cell and White Paper paragraph, and the list of rules with how each came out.
 * Layout only: every word and figure comes from the CheckReport. Text is written as literal text
 * by the gateways (writePlan.ts), so a message beginning with "=" never becomes a formula.
 */
import { CellRange, formatRef } from "../core/grid";
import { CHECK_RULES } from "../core/check/rules";
import { ruleWords } from "../core/check/check";
import {
  CHECK_AREAS,
  CHECK_AREA_LABELS,
  CheckFinding,
  CheckReport,
  RuleOutcome,
} from "../core/check/types";
import { Rag } from "../core/analysis/types";
import { RagState } from "../core/statement/model";
import { formatDate } from "../core/format";
import { AREA_HEADINGS } from "../core/statement/sections/areas";
import { RAG_LABELS } from "../core/statement/model";
import { CellStyle, PlainValue, SheetPlan, ValueBlock, WritePlan } from "../core/writePlan";
import { RAG_FILL } from "./excel";

export const FINDINGS_SHEET = "VfM Findings";

const HEADER_FILL = "#DDE4F0";
const HEADING_FILL = "#1F3864";
const COLUMNS = ["Area", "Severity", "Rule", "Finding", "Cell", "White Paper", "What to do"];
const WIDTHS = [22, 11, 30, 70, 22, 13, 48];

const RAG_STATE: Readonly<Record<Rag, RagState>> = {
  green: "onTrack",
  amber: "atRisk",
  red: "offTrack",
  none: "noData",
};
const RAG_COLOUR_WORD: Readonly<Record<Rag, string>> = {
  green: "Green",
  amber: "Amber",
  red: "Red",
  none: "Grey",
};
const SEVERITY_WORDS = { error: "Error", warning: "Warning" } as const;
const SEVERITY_STATE = { error: "offTrack", warning: "atRisk" } as const;
const OUTCOME_WORDS: Readonly<Record<RuleOutcome, string>> = {
  pass: "Passed",
  fail: "Failed",
  notApplicable: "Not applicable",
  off: "Switched off",
};

class Rows {
  row = 0;
  readonly blocks: ValueBlock[] = [];
  readonly styles: { range: CellRange; style: CellStyle }[] = [];

  put(values: PlainValue[]): number {
    const r = this.row++;
    this.blocks.push({ top: r, left: 0, values: [values] });
    return r;
  }

  blank(): void {
    this.row++;
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ range: { top, left, bottom, right }, style });
  }
}

function place(f: CheckFinding): string {
  return f.cell ? formatRef(f.cell) : (f.sheet ?? "");
}

function countsText(errors: number, warnings: number): string {
  const e = `${errors} error${errors === 1 ? "" : "s"}`;
  const w = `${warnings} warning${warnings === 1 ? "" : "s"}`;
  return `${e}, ${w}`;
}

/** The findings sheet for a check report, replacing the add-in's previous one. */
export function writeFindingsPlan(
  report: CheckReport,
  options: { readonly sheetName?: string } = {}
): WritePlan {
  const b = new Rows();
  const last = COLUMNS.length - 1;
  const title = b.put([`Inspector's check: ${report.force}`]);
  b.style(title, 0, title, 0, { bold: true, fontSize: 16 });
  const when = report.checkedOn ? `Checked on ${formatDate(report.checkedOn)}` : "Checked";
  const meta = b.put([
    `${when} by the Value for Money add-in${report.file ? `, workbook ${report.file}` : ""}. Each finding names the cell it concerns.`,
  ]);
  b.style(meta, 0, meta, 0, { italic: true });
  b.blank();

  const status = b.put([
    "Overall status",
    `${RAG_COLOUR_WORD[report.rag.rag]}: ${report.rag.words}`,
  ]);
  const colours = RAG_FILL[RAG_STATE[report.rag.rag]];
  b.style(status, 0, status, 0, { bold: true });
  b.style(status, 1, status, 2, {
    bold: true,
    fill: colours.fill,
    fontColor: colours.font,
  });
  const why = b.put(["Why", report.rag.rule]);
  const errors = b.put(["Errors", report.counts.errors]);
  const warnings = b.put(["Warnings", report.counts.warnings]);
  b.style(why, 0, warnings, 0, { italic: true });
  b.style(errors, 1, warnings, 1, { horizontalAlignment: "left" });
  b.blank();

  // The nine areas' one status each, as the statement gives it (never worked out here).
  if (report.areas && report.areas.length > 0) {
    const areasHeading = b.put(["The nine areas, as the statement gives them"]);
    b.style(areasHeading, 0, areasHeading, last, {
      bold: true,
      fontSize: 14,
      fontColor: "#FFFFFF",
      fill: HEADING_FILL,
    });
    const ah = b.put(["Area", "Status", "Measured by", "Why"]);
    b.style(ah, 0, ah, last, { bold: true, fill: HEADER_FILL, borderBottom: "thin" });
    for (const a of report.areas) {
      const state = RAG_STATE[a.rag];
      const r = b.put([
        AREA_HEADINGS[a.area],
        RAG_LABELS[state],
        a.tests.length > 1
          ? `The weaker of two tests: ${a.tests.map((t) => t.label).join(" and ")}`
          : a.tests[0].label,
        a.rule,
      ]);
      const c = RAG_FILL[state];
      b.style(r, 0, r, last, { wrapText: true, verticalAlignment: "top" });
      b.style(r, 1, r, 1, { bold: true, fill: c.fill, fontColor: c.font });
    }
    b.blank();
  }

  const heading = b.put(["Findings"]);
  b.style(heading, 0, heading, last, {
    bold: true,
    fontSize: 14,
    fontColor: "#FFFFFF",
    fill: HEADING_FILL,
  });
  if (report.findings.length === 0) {
    b.put(["No findings: every rule that applies was met."]);
  } else {
    const header = b.put([...COLUMNS]);
    b.style(header, 0, header, last, {
      bold: true,
      fill: HEADER_FILL,
      borderBottom: "thin",
      wrapText: true,
    });
    for (const area of CHECK_AREAS) {
      const list = report.findings.filter((f) => f.area === area);
      if (list.length === 0) continue;
      const c = report.counts.byArea[area];
      const sub = b.put([`${CHECK_AREA_LABELS[area]} (${countsText(c.errors, c.warnings)})`]);
      b.style(sub, 0, sub, last, { bold: true, italic: true, borderTop: "thin" });
      for (const f of list) {
        const r = b.put([
          CHECK_AREA_LABELS[f.area],
          SEVERITY_WORDS[f.severity],
          ruleWords(report, f.rule).title,
          f.message,
          place(f),
          f.paragraph,
          f.fix ?? "",
        ]);
        const sev = RAG_FILL[SEVERITY_STATE[f.severity]];
        b.style(r, 1, r, 1, { bold: true, fill: sev.fill, fontColor: sev.font });
        b.style(r, 0, r, last, { wrapText: true, verticalAlignment: "top" });
      }
    }
  }
  b.blank();

  const rulesHeading = b.put(["Rules checked"]);
  b.style(rulesHeading, 0, rulesHeading, last, {
    bold: true,
    fontSize: 14,
    fontColor: "#FFFFFF",
    fill: HEADING_FILL,
  });
  const rh = b.put(["Area", "Outcome", "Rule", "What it checks", "White Paper", "Note"]);
  b.style(rh, 0, rh, last, { bold: true, fill: HEADER_FILL, borderBottom: "thin" });
  const outcome = new Map(report.rules.map((r) => [r.rule, r]));
  for (const rule of CHECK_RULES) {
    const o = outcome.get(rule.code);
    const r = b.put([
      CHECK_AREA_LABELS[rule.area],
      o ? OUTCOME_WORDS[o.outcome] : "Not run",
      o?.title ?? rule.title,
      o?.explanation ?? rule.explanation,
      rule.paragraph,
      o?.note ?? "",
    ]);
    b.style(r, 0, r, last, { wrapText: true, verticalAlignment: "top" });
    if (o?.outcome === "fail") {
      const f = RAG_FILL.offTrack;
      b.style(r, 1, r, 1, { bold: true, fill: f.fill, fontColor: f.font });
    } else if (o?.outcome === "pass") {
      const f = RAG_FILL.onTrack;
      b.style(r, 1, r, 1, { fill: f.fill, fontColor: f.font });
    }
  }

  const name = options.sheetName ?? FINDINGS_SHEET;
  const sheet: SheetPlan = {
    name,
    role: "findings",
    mode: "replace",
    blocks: b.blocks,
    styles: b.styles,
    columnWidths: WIDTHS,
    page: {
      orientation: "landscape",
      paper: "A4",
      printArea: { top: 0, left: 0, bottom: Math.max(0, b.row - 1), right: last },
      fitToWidth: true,
    },
    tabColor: HEADING_FILL,
  };
  return { sheets: [sheet], activate: name };
}

/** The words the findings sheet shows for a status (for tests and the task pane). */
export function ragHeadline(report: CheckReport): string {
  return `${RAG_COLOUR_WORD[report.rag.rag]}: ${report.rag.words}`;
}
