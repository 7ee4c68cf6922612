/**
 * The add-in's own input template, as data: five sheets, each with one Excel table whose header
 * row detection recognises directly (the fast path). The task pane's "Insert input sheets" writes
 * it with `blankTemplate()`; the bundled sample fills the same layout with `templateSheetGrid`.
 *
 * Help text here never states a year, a date or a money unit: detection reads titles and the rows
 * above a header for exactly those, so help must not look like them.
 */
import { CellValue, SheetGrid } from "./grid";
import { CellRange } from "./grid";
import { FinancialYear, yearRange } from "./years";
import { formatYear } from "./format";
import { CellStyle, SheetPlan, WritePlan } from "./writePlan";
import { FORCES, matchForce } from "./forces";
import { KNOWN_INDICATORS } from "./peersData";

export type TemplateSheetKind = "budget" | "workforce" | "procurement" | "savingsPlan" | "settings";

export interface TemplateColumn {
  /** The header as written in the table. */
  readonly header: string;
  /** What the column is, for detection and the task pane. */
  readonly role: string;
  /** Width in characters. */
  readonly width: number;
  readonly numberFormat?: string;
  /** One line of help, shown above the header. */
  readonly help: string;
  /**
   * The table is recognised without it: a column added to the template later (always at the
   * table's end, so no existing cell moves) is optional, and sheets made before it still read.
   */
  readonly optional?: boolean;
}

/** A sheet of the template: its name, title, help and columns. */
export interface SheetLayout {
  readonly sheet: string;
  /** The Excel table's name. */
  readonly table: string;
  readonly title: string;
  /** Help under the title, one line per row. */
  readonly help: readonly string[];
  readonly columns: readonly TemplateColumn[];
}

export interface TemplateSheet extends SheetLayout {
  readonly kind: TemplateSheetKind;
}

/** Zero-based rows of the layout: title, help, column help, header. */
export const TEMPLATE_LAYOUT = {
  titleRow: 0,
  helpRow: 1,
  noteRow: 2,
  columnHelpRow: 3,
  headerRow: 4,
} as const;

const AMOUNT_FORMAT = "#,##0.00;[Red]-#,##0.00";
const FTE_FORMAT = "#,##0.0";
const HOURS_FORMAT = "#,##0";
const DATE_FORMAT = "dd/mm/yyyy";
const TEXT_FORMAT = "@";

/** The year columns of the budget table: actuals up to the baseline's next year, then plans. */
export function budgetYearHeaders(from: FinancialYear, to: FinancialYear): string[] {
  return yearRange(from, to).map((y) => {
    const basis =
      y <= from + 1 ? "Actual" : y === to ? "Target" : y === from + 2 ? "Budget" : "Plan";
    return `${formatYear(y)} ${basis}`;
  });
}

export interface TemplateOptions {
  readonly baselineYear?: FinancialYear;
  readonly targetYear?: FinancialYear;
}

/** The template's five sheets for a baseline and target year (2008/09 and 2013/14 by default). */
export function inputTemplate(options: TemplateOptions = {}): TemplateSheet[] {
  const from = options.baselineYear ?? 2008;
  const to = Math.max(options.targetYear ?? 2013, from);
  return [
    {
      kind: "budget",
      sheet: "Budget",
      table: "VfmBudget",
      title: "Budget: pay and non-pay lines by financial year",
      help: [
        "One row per budget line. Name pay and overtime lines by worker type (police officers, police staff, PCSOs); rows whose label starts Total or Sub-total are kept apart from the lines they add up.",
      ],
      columns: [
        {
          header: "Budget line",
          role: "label",
          width: 42,
          help: "The line as your budget names it",
        },
        ...budgetYearHeaders(from, to).map((h) => ({
          header: h,
          role: "year",
          width: 15,
          numberFormat: AMOUNT_FORMAT,
          help: "Amount in the Settings unit",
        })),
        { header: "Notes", role: "notes", width: 40, help: "Anything a reader should know" },
      ],
    },
    {
      kind: "workforce",
      sheet: "Workforce",
      table: "VfmWorkforce",
      title: "Workforce: full-time equivalents by function and year",
      help: [
        "One row per function and year. Give officers, staff and PCSOs where you have them, or the total FTE alone; special constables are recorded but never counted in the workforce.",
      ],
      columns: [
        { header: "Function", role: "function", width: 36, help: "e.g. Human resources, Response" },
        {
          header: "Category",
          role: "category",
          width: 30,
          help: "Business-support category (see the list on the Settings sheet)",
        },
        {
          header: "Year",
          role: "year",
          width: 10,
          numberFormat: TEXT_FORMAT,
          help: "Financial year, written like the budget's",
        },
        {
          header: "Police officers",
          role: "officers",
          width: 14,
          numberFormat: FTE_FORMAT,
          help: "FTE",
        },
        { header: "Police staff", role: "staff", width: 14, numberFormat: FTE_FORMAT, help: "FTE" },
        { header: "PCSOs", role: "pcsos", width: 12, numberFormat: FTE_FORMAT, help: "FTE" },
        {
          header: "Special constables",
          role: "specials",
          width: 16,
          numberFormat: FTE_FORMAT,
          help: "FTE (not counted)",
        },
        {
          header: "Total FTE",
          role: "total",
          width: 12,
          numberFormat: FTE_FORMAT,
          help: "Officers + staff + PCSOs",
        },
        { header: "Notes", role: "notes", width: 36, help: "Anything a reader should know" },
      ],
    },
    {
      kind: "procurement",
      sheet: "Procurement",
      table: "VfmProcurement",
      title: "Procurement: non-pay spend by category, supplier and route",
      help: [
        "One row per contract or spend line. Category in your own words (e.g. Forensic services - drugs); route: National framework, Regional or Local.",
      ],
      columns: [
        { header: "Category", role: "category", width: 34, help: "What kind of spend" },
        { header: "Description", role: "description", width: 34, help: "What was bought" },
        { header: "Supplier", role: "supplier", width: 28, help: "Who supplies it" },
        {
          header: "Annual spend",
          role: "spend",
          width: 16,
          numberFormat: AMOUNT_FORMAT,
          help: "Yearly spend in the Settings unit",
        },
        {
          header: "Route",
          role: "route",
          width: 20,
          help: "National framework, Regional or Local",
        },
        {
          header: "Contract end",
          role: "contractEnd",
          width: 14,
          numberFormat: DATE_FORMAT,
          help: "When the current contract ends",
        },
        {
          header: "Planned migration",
          role: "plannedMigration",
          width: 16,
          numberFormat: DATE_FORMAT,
          help: "When it moves to a framework",
        },
        { header: "Notes", role: "notes", width: 36, help: "Anything a reader should know" },
      ],
    },
    {
      kind: "savingsPlan",
      sheet: "Savings plan",
      table: "VfmSavings",
      title: "Savings plan: initiatives by area and year, planned and actual",
      help: [
        "One row per initiative and year. Area: one of the statement's nine areas. Type: Cashable (money released) or Non-cashable (capacity released, at its money value).",
      ],
      columns: [
        { header: "Initiative", role: "initiative", width: 40, help: "The saving, in a few words" },
        { header: "Area", role: "area", width: 30, help: "e.g. Overtime, Procurement" },
        { header: "Type", role: "type", width: 14, help: "Cashable or Non-cashable" },
        {
          header: "Year",
          role: "year",
          width: 10,
          numberFormat: TEXT_FORMAT,
          help: "Financial year",
        },
        {
          header: "Planned",
          role: "planned",
          width: 14,
          numberFormat: AMOUNT_FORMAT,
          help: "Planned saving",
        },
        {
          header: "Actual",
          role: "actual",
          width: 14,
          numberFormat: AMOUNT_FORMAT,
          help: "Saving achieved (past years)",
        },
        { header: "Notes", role: "notes", width: 50, help: "Your narrative for the statement" },
        // Capacity released by non-cashable gains (5.53: "hours, officer equivalents or £
        // equivalent"), as the plan gives it; added after Notes so no earlier cell moves.
        {
          header: "Hours planned",
          role: "hoursPlanned",
          width: 14,
          numberFormat: HOURS_FORMAT,
          help: "Optional, non-cashable only: hours released",
          optional: true,
        },
        {
          header: "Hours actual",
          role: "hoursActual",
          width: 14,
          numberFormat: HOURS_FORMAT,
          help: "Optional: hours actually released",
          optional: true,
        },
        {
          header: "Officer equivalents planned",
          role: "officersPlanned",
          width: 16,
          numberFormat: FTE_FORMAT,
          help: "Optional, non-cashable only: FTE released",
          optional: true,
        },
        {
          header: "Officer equivalents actual",
          role: "officersActual",
          width: 16,
          numberFormat: FTE_FORMAT,
          help: "Optional: FTE actually released",
          optional: true,
        },
      ],
    },
    {
      kind: "settings",
      sheet: "Settings",
      table: "VfmSettings",
      title: "Settings: the force, the years and the units",
      help: [
        "Force name, baseline and target years and the money unit are read from here. Add a row for any policy setting you want to change (its name as the settings panel shows it).",
      ],
      columns: [
        { header: "Setting", role: "key", width: 40, help: "What is set" },
        { header: "Value", role: "value", width: 28, numberFormat: TEXT_FORMAT, help: "Its value" },
        { header: "Notes", role: "notes", width: 50, help: "Why, or where it comes from" },
      ],
    },
  ];
}

/** The settings rows the blank template starts with. */
export function templateSettingsRows(options: TemplateOptions = {}): (string | null)[][] {
  return [
    ["Force name", null, "The force's name as it should appear in the statement"],
    [
      "Baseline year",
      formatYear(options.baselineYear ?? 2008),
      "The year savings are measured from",
    ],
    [
      "Target year",
      formatYear(options.targetYear ?? 2013),
      "The year the thresholds are to be met",
    ],
    ["Money unit", "£", "£, £000 or £m: the unit of every amount on the input sheets"],
    [
      "Average cost per business support FTE (£)",
      null,
      "Optional: otherwise staff pay divided by staff FTE",
    ],
    ["Police authority", null, "The Police Authority that publishes the statement"],
    [
      "Local Policing Plan",
      null,
      "The year of the Local Policing Plan the statement goes in, e.g. 2010/11",
    ],
    [
      "Most similar forces",
      null,
      "Optional: up to seven forces to compare with, separated by ; (no published file lists HMIC's groups)",
    ],
  ];
}

const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14 };
const HELP_STYLE: CellStyle = { italic: true, wrapText: false, fontColor: "#404040" };
const COLUMN_HELP_STYLE: CellStyle = {
  italic: true,
  wrapText: true,
  fontColor: "#404040",
  verticalAlignment: "bottom",
};
const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: "#DDEBF7",
  borderBottom: "thin",
  wrapText: true,
};

/** Rows formatted below the header for data typed in later. */
const FORMATTED_ROWS = 500;

function range(top: number, left: number, bottom: number, right: number): CellRange {
  return { top, left, bottom, right };
}

/** The layout's first rows (title, help, note, column help, header) as values. */
export function templateHeadRows(t: SheetLayout, note?: string): (string | null)[][] {
  const width = t.columns.length;
  const pad = (first: string | null): (string | null)[] => [
    first,
    ...new Array<string | null>(width - 1).fill(null),
  ];
  return [
    pad(t.title),
    pad(t.help.join(" ")),
    pad(note ?? null),
    t.columns.map((c) => c.help),
    t.columns.map((c) => c.header),
  ];
}

/** One template sheet as a write plan (createOnly: an existing sheet of that name is left alone). */
export function templateSheetPlan(
  t: TemplateSheet,
  body: readonly (readonly (string | number | null)[])[] = [],
  note?: string
): SheetPlan {
  const L = TEMPLATE_LAYOUT;
  const last = t.columns.length - 1;
  const styles: { range: CellRange; style: CellStyle }[] = [
    { range: range(L.titleRow, 0, L.titleRow, 0), style: TITLE_STYLE },
    { range: range(L.helpRow, 0, L.noteRow, 0), style: HELP_STYLE },
    { range: range(L.columnHelpRow, 0, L.columnHelpRow, last), style: COLUMN_HELP_STYLE },
    { range: range(L.headerRow, 0, L.headerRow, last), style: HEADER_STYLE },
  ];
  t.columns.forEach((c, i) => {
    if (c.numberFormat)
      styles.push({
        range: range(L.headerRow + 1, i, L.headerRow + Math.max(FORMATTED_ROWS, body.length), i),
        style: { numberFormat: c.numberFormat },
      });
  });
  return {
    name: t.sheet,
    role: "input",
    mode: "createOnly",
    blocks: [
      { top: 0, left: 0, values: [...templateHeadRows(t, note), ...body.map((r) => [...r])] },
    ],
    styles,
    columnWidths: t.columns.map((c) => c.width),
    freeze: { rows: L.headerRow + 1, columns: 1 },
    tables: [{ name: t.table, range: range(L.headerRow, 0, L.headerRow, last) }],
  };
}

/**
 * The blank input template for the task pane's "Insert input sheets": five sheets, created only
 * where no sheet of that name exists.
 */
export function blankTemplate(options: TemplateOptions = {}): WritePlan {
  const sheets = inputTemplate(options).map((t) =>
    templateSheetPlan(t, t.kind === "settings" ? templateSettingsRows(options) : [])
  );
  // The peers sheet (most similar forces and all forces) comes with the same layout.
  return { sheets: [...sheets, peersTemplateSheet()], activate: "Settings" };
}

// ---------------------------------------------------------------------------------------------
// The Peers sheet

/**
 * The Peers input sheet: one row per force, a column per known indicator (core/peersData.ts), a
 * population column for weighting and a notes column. Further indicator columns can be added.
 */
export const PEERS_TEMPLATE: SheetLayout = {
  sheet: "Peers",
  table: "Peers",
  title: "Peers: comparison with the most similar forces and all forces",
  help: [
    "One row per force. Add a column for any other indicator to compare. Enter percentages as 5.9 for 5.9%.",
  ],
  columns: [
    { header: "Force", role: "force", width: 34, help: "Official name (one row each)" },
    {
      header: "Most similar forces",
      role: "group",
      width: 48,
      help: "Up to seven names, separated by ; or , (none for City of London)",
    },
    ...KNOWN_INDICATORS.map((k) => ({
      header: k.templateHeader,
      role: k.key,
      width: 16,
      numberFormat: k.isPercent ? "0.0%" : k.unit === "£" ? "#,##0.00" : "0.00",
      help: k.templateHelp,
    })),
    {
      header: "Population",
      role: "population",
      width: 14,
      numberFormat: "#,##0",
      help: "Residents, to weight the group average",
    },
    { header: "Notes", role: "notes", width: 40, help: "Anything a reader should know" },
  ],
};

export interface PeersTemplateOptions {
  /** The force's own name, put in the first row when it is not one of the 43. */
  readonly forceName?: string;
  /** Sheet name; "Peers" by default. */
  readonly sheetName?: string;
}

/**
 * The Peers sheet for "Insert input sheets", in the layout of the other input sheets, with an
 * Excel table named "Peers" listing the 43 forces (the force's own name first where it is not
 * one of them). Percentage columns are formatted as percentages, so typing 5.9 gives 5.9%.
 */
export function peersTemplateSheet(options: PeersTemplateOptions = {}): SheetPlan {
  const t = PEERS_TEMPLATE;
  const L = TEMPLATE_LAYOUT;
  const own = options.forceName?.trim();
  const forces = [...(own && !matchForce(own) ? [own] : []), ...FORCES.map((f) => f.name)];
  const last = t.columns.length - 1;
  const formats = t.columns.map((c) => c.numberFormat);
  return {
    name: options.sheetName ?? t.sheet,
    role: "input",
    mode: "createOnly",
    blocks: [
      { top: 0, left: 0, values: templateHeadRows(t) },
      {
        top: L.headerRow + 1,
        left: 0,
        values: forces.map((f) => [f, ...t.columns.slice(1).map(() => null)]),
        numberFormats: forces.map(() => formats),
      },
    ],
    styles: [
      { range: range(L.titleRow, 0, L.titleRow, 0), style: TITLE_STYLE },
      { range: range(L.helpRow, 0, L.noteRow, 0), style: HELP_STYLE },
      { range: range(L.columnHelpRow, 0, L.columnHelpRow, last), style: COLUMN_HELP_STYLE },
      { range: range(L.headerRow, 0, L.headerRow, last), style: HEADER_STYLE },
    ],
    columnWidths: t.columns.map((c) => c.width),
    freeze: { rows: L.headerRow + 1, columns: 1 },
    tables: [{ name: t.table, range: range(L.headerRow, 0, L.headerRow + forces.length, last) }],
  };
}

/**
 * A template sheet as a grid with data rows under the header: what the gateway would read back
 * after the plan was written and filled in. Used by the bundled sample and by tests.
 */
export function templateSheetGrid(
  t: TemplateSheet,
  body: readonly (readonly CellValue[])[],
  note?: string
): SheetGrid {
  const values: CellValue[][] = [...templateHeadRows(t, note), ...body.map((r) => [...r])];
  const numberFormats: (string | undefined)[][] = values.map((_, r) =>
    r > TEMPLATE_LAYOUT.headerRow ? t.columns.map((c) => c.numberFormat) : []
  );
  return { name: t.sheet, values, numberFormats };
}

/** Normalised header text, for recognising a template table on a sheet. */
export function headerSignature(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}
