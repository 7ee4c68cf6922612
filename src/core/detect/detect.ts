/**
 * Detection: from a workbook's cells to the figures the analyses need (ForceData), each with the
 * cell it came from and how it was recognised. One entry, `detectForceData`; it never throws:
 * every problem with the input becomes a finding naming the sheet and cell, and the rest goes on.
 *
 * The same workbook always gives the same result: sheets are read in workbook order, rows top to
 * bottom, and every list or map is built in that order or sorted.
 */
import { ForceData, ForceSettings, ProcurementLine, SavingsLine, Sourced } from "../forceData";
import { PeersData } from "../peersData";
import { SheetGrid, WorkbookGrid } from "../grid";
import { Finding, finding, sortFindings } from "../findings";
import { MoneyUnit } from "../money";
import { FinancialYear } from "../years";
import { settleBudgetLines, readBudgetSheet, reportMissingBudgetKeys, BudgetSheet } from "./budget";
import { FindingSink } from "./cells";
import { classifySheet, SheetClassification } from "./classify";
import { DetectContext } from "./context";
import { DetectOptions, SheetKind } from "./options";
import { detectPeersReport } from "./peers";
import { readProcurementSheet } from "./procurement";
import { readSavingsSheet } from "./savingsPlan";
import { forceNameInTitles, readSettingsSheet } from "./settings";
import { reportHeaderProblems } from "./table";
import { unknownLayoutFindings } from "./layout";
import { resolveBreakdowns } from "./structure";
import {
  mergeWorkforce,
  readWorkforceByType,
  readWorkforceByYear,
  WorkforceSheet,
  workforceYears,
} from "./workforce";

export type { DetectOptions, SheetKind } from "./options";
export type { SheetClassification } from "./classify";

type Used = ForceData["sheetsUsed"][number];

/** Classifies every sheet of a workbook, in workbook order (for the task pane's Data step). */
export function classifyWorkbook(
  workbook: WorkbookGrid,
  options: DetectOptions = {}
): SheetClassification[] {
  return workbook.sheets.map((s) => {
    try {
      return classifySheet(s, options);
    } catch {
      return {
        sheet: s.name,
        kind: "notRecognised",
        plan: { kind: "notRecognised" },
        score: 0,
        how: "could not be read",
      };
    }
  });
}

function internalError(sheet: string, what: string, sink: FindingSink): void {
  sink.add(
    finding(
      "error",
      "DETECTION_FAILED",
      `Sheet "${sheet}" could not be read as ${what} because of an unexpected problem in the add-in; its figures were left out.`,
      { sheet },
      "Please report this with a copy of the sheet (figures removed if need be)."
    )
  );
}

/** Runs one sheet's reader; a failure costs that sheet, never the whole workbook. */
function guarded<T>(sheet: string, what: string, sink: FindingSink, read: () => T): T | undefined {
  try {
    return read();
  } catch {
    internalError(sheet, what, sink);
    return undefined;
  }
}

const EMPTY_SETTINGS: ForceSettings = { policyOverrides: new Map() };

/**
 * Finds the force's figures in a workbook: budget lines by year, the workforce by function,
 * procurement lines, the savings plan and the settings, whether the sheets use the add-in's
 * input template or the force's own layout.
 */
export function detectForceData(workbook: WorkbookGrid, options: DetectOptions = {}): ForceData {
  try {
    return detect(workbook, options);
  } catch {
    // The last safety net: every sheet is already guarded, so this is never expected.
    return {
      settings: EMPTY_SETTINGS,
      budget: { lines: [], years: [] },
      workforce: { lines: [], years: [] },
      procurement: { lines: [] },
      savingsPlan: { lines: [] },
      sheetsUsed: [],
      findings: [
        finding(
          "error",
          "DETECTION_FAILED",
          "The workbook could not be read because of an unexpected problem in the add-in.",
          undefined,
          "Please report this with a copy of the workbook (figures removed if need be)."
        ),
      ],
    };
  }
}

function detect(workbook: WorkbookGrid, options: DetectOptions): ForceData {
  const sink = new FindingSink();
  const opts: DetectOptions = options ?? {};
  const sheets: readonly SheetGrid[] = Array.isArray(workbook?.sheets) ? workbook.sheets : [];
  const classes = classifyWorkbook({ sheets }, opts);
  const used: Used[] = [];

  // Settings first: their unit applies to sheets that state none.
  let settings: ForceSettings = EMPTY_SETTINGS;
  for (const [index, c] of classes.entries()) {
    if (c.plan.kind !== "settings") continue;
    const sheet = sheets[index];
    if (!sheet) continue;
    const read = guarded(c.sheet, "settings", sink, () =>
      readSettingsSheet(sheet, { options: opts, sink }, c.template)
    );
    if (!read) continue;
    used.push({ sheet: c.sheet, as: "settings", how: read.how });
    if (settings === EMPTY_SETTINGS) settings = read.settings;
    else settings = mergeSettings(settings, read.settings);
  }
  if (!settings.forceName)
    for (const [i, s] of sheets.entries()) {
      const kind = classes[i]?.kind;
      if (kind === "ignored" || kind === "peers" || kind === "notRecognised") continue;
      const name = guarded(s.name, "a title", sink, () => forceNameInTitles(s));
      if (name) {
        settings = { ...settings, forceName: name };
        break;
      }
    }
  const ctx: DetectContext = {
    options: opts,
    sink,
    ...(settings.unit
      ? { settingsUnit: { unit: settings.unit.value, cell: settings.unit.sources[0] } }
      : {}),
  };

  const budgetSheets: BudgetSheet[] = [];
  const workforceSheets: WorkforceSheet[] = [];
  const procurement: ProcurementLine[] = [];
  const savings: SavingsLine[] = [];
  const reportedFunctions = new Set<string>();
  classes.forEach((c, index) => {
    const sheet = sheets[index];
    if (!sheet) return;
    const plan = c.plan;
    switch (plan.kind) {
      case "budget": {
        const b = guarded(c.sheet, "a budget", sink, () => {
          reportHeaderProblems(plan.header, sink);
          return readBudgetSheet(sheet, plan.header, index, ctx, c.template);
        });
        if (!b) return;
        budgetSheets.push(b);
        used.push({ sheet: c.sheet, as: "budget", how: b.how });
        return;
      }
      case "workforceByYear": {
        const w = guarded(c.sheet, "a workforce table", sink, () => {
          reportHeaderProblems(plan.header, sink);
          return readWorkforceByYear(sheet, plan.header, index, ctx, reportedFunctions);
        });
        if (!w) return;
        workforceSheets.push(w);
        used.push({ sheet: c.sheet, as: "workforce", how: w.how });
        return;
      }
      case "workforceByType": {
        const w = guarded(c.sheet, "a workforce table", sink, () =>
          readWorkforceByType(sheet, plan.header, index, ctx, reportedFunctions, c.template)
        );
        if (!w) return;
        workforceSheets.push(w);
        used.push({ sheet: c.sheet, as: "workforce", how: w.how });
        return;
      }
      case "procurement": {
        const p = guarded(c.sheet, "procurement lines", sink, () =>
          readProcurementSheet(sheet, plan.header, ctx, c.template)
        );
        if (!p) return;
        for (const l of p.lines) procurement.push(l);
        used.push({ sheet: c.sheet, as: "procurement", how: p.how });
        return;
      }
      case "savingsPlan": {
        const s = guarded(c.sheet, "a savings plan", sink, () =>
          readSavingsSheet(sheet, plan.header, ctx, c.template)
        );
        if (!s) return;
        for (const l of s.lines) savings.push(l);
        used.push({ sheet: c.sheet, as: "savingsPlan", how: s.how });
        return;
      }
      case "peers":
        used.push({ sheet: c.sheet, as: "peers", how: `${c.how}; read by the peers benchmarking` });
        return;
      case "settings":
      case "notRecognised":
        return;
    }
  });

  const budgetLines =
    guarded("(all budget sheets)", "budget lines", sink, () =>
      settleBudgetLines(budgetSheets, ctx)
    ) ?? [];
  const workforceLines =
    guarded("(all workforce sheets)", "the workforce", sink, () =>
      resolveBreakdowns(mergeWorkforce(workforceSheets, ctx), ctx)
    ) ?? [];
  const anything =
    budgetLines.length > 0 ||
    workforceLines.length > 0 ||
    procurement.length > 0 ||
    savings.length > 0;
  if (!anything) {
    const names = sheets.map((s) => `"${s.name}"`).join(", ");
    sink.add(
      finding(
        "error",
        "NO_BUDGET_FIGURES",
        sheets.length === 0
          ? "The workbook has no sheets, so there are no budget figures to read."
          : `No budget figures were found in this workbook: none of its sheets (${names}) has budget lines by financial year, a workforce table, procurement lines or a savings plan.`,
        sheets.length > 0 ? { sheet: sheets[0].name } : undefined,
        "Open the force's budget workbook, or insert the input sheets and fill them in."
      )
    );
  } else {
    if (budgetSheets.length === 0)
      sink.add(
        finding(
          "warning",
          "BUDGET_NOT_FOUND",
          "No budget sheet (pay and overtime lines by financial year) was found, so overtime cannot be measured.",
          undefined,
          "Add a budget sheet, or insert the input sheets and fill in the Budget sheet."
        )
      );
    else reportMissingBudgetKeys(budgetLines, budgetSheets[0].sheet, ctx);
    for (const c of classes)
      if (c.kind === "notRecognised")
        sink.add(
          finding(
            "info",
            "SHEET_NOT_RECOGNISED",
            `Sheet "${c.sheet}" was not recognised as a budget, workforce, procurement, savings or settings sheet, so it was not read.`,
            { sheet: c.sheet },
            "If it holds figures the add-in should use, choose what it is in the Data step."
          )
        );
  }

  // Only the sheets whose figures were read: another sheet's layout changes no figure.
  const read = new Set(used.map((u) => u.sheet));
  for (const f of unknownLayoutFindings(sheets.filter((s) => read.has(s.name)))) sink.add(f);

  const peers = readPeers({ sheets }, settings, sink);
  const budgetYears = new Set<FinancialYear>();
  for (const l of budgetLines) for (const y of l.amounts.keys()) budgetYears.add(y);
  const unit: MoneyUnit | undefined = budgetSheets.find((b) => b.unitStated)?.unit;
  const findings: Finding[] = sortFindings(sink.all());
  return {
    settings,
    budget: {
      lines: budgetLines,
      years: [...budgetYears].sort((a, b) => a - b),
      ...(unit ? { unit } : {}),
    },
    workforce: { lines: workforceLines, years: workforceYears(workforceLines) },
    procurement: { lines: procurement },
    savingsPlan: { lines: savings },
    ...(peers ? { peers } : {}),
    sheetsUsed: used.sort(
      (a, b) =>
        sheets.findIndex((s) => s.name === a.sheet) - sheets.findIndex((s) => s.name === b.sheet)
    ),
    findings,
  };
}

/**
 * The peers table, looked for on every sheet (a force keeps it in many shapes), with the force's
 * own name to find its row. Its findings travel with it to the benchmarking; where there is no
 * table, the reasons (a sheet named like peers that could not be read) are detection's.
 */
function readPeers(
  workbook: WorkbookGrid,
  settings: ForceSettings,
  sink: FindingSink
): PeersData | undefined {
  const forceName = settings.forceName?.value.trim();
  const report = guarded("(peers)", "a peers table", sink, () =>
    detectPeersReport(workbook, forceName ? { forceName } : {})
  );
  if (!report) return undefined;
  if (!report.peers) for (const f of report.findings) sink.add(f);
  return report.peers;
}

function mergeSettings(a: ForceSettings, b: ForceSettings): ForceSettings {
  const overrides = new Map<string, Sourced<string | number>>(a.policyOverrides);
  for (const [k, v] of b.policyOverrides) if (!overrides.has(k)) overrides.set(k, v);
  return {
    ...b,
    ...a,
    policyOverrides: overrides,
  };
}

/** The kinds a sheet can be read as, for the task pane's choice list. */
export const SHEET_KINDS: readonly SheetKind[] = [
  "budget",
  "workforce",
  "procurement",
  "savingsPlan",
  "settings",
  "peers",
];
