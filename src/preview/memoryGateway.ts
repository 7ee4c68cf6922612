/**
 * The in-memory workbook: the gateway the task pane uses in preview mode (a plain browser, no
 * Excel) and in tests. It keeps the rules the Office.js gateway keeps:
 * - only sheets the add-in owns are ever replaced; a user sheet with a planned name is left alone
 *   and the add-in's sheet takes another name (resolveSheetNames in core/writePlan.ts);
 * - "createOnly" sheets are never written over;
 * - text is literal: a plan never produces a formula;
 * - settings live inside the workbook, in the very hidden settings sheet described in
 *   core/ownership.ts, so saving the workbook (toXlsx) and opening it again keeps them.
 *
 * The preview page draws it: `toGrid()` for the cells, `sheetPresentation(name)` for how the
 * add-in's sheets look (styles, widths, charts), and `subscribe()` for changes, highlights and
 * the active sheet. ExcelJS is loaded only when a file is read or written (fromXlsx, toXlsx), so
 * this module adds nothing heavy to the page that imports it.
 */
import {
  CancelledError,
  Cancellation,
  GatewayError,
  platformSavesFiles,
  ReadOptions,
  StoredSettings,
  WorkbookGateway,
  WriteOptions,
  WriteResult,
} from "../core/gateway";
import { CellRef, CellValue, SheetGrid, WorkbookGrid, findSheet, parseA1 } from "../core/grid";
import { Finding } from "../core/findings";
import {
  SETTINGS_SHEET_NAME,
  SheetRole,
  decodeSettingsSheet,
  encodeSettingsSheet,
  isSettingsSheet,
  marksOwnership,
} from "../core/ownership";
import {
  SheetNameDecision,
  SheetPlan,
  WritePlan,
  planProblems,
  resolveSheetNames,
  sheetNameProblem,
} from "../core/writePlan";
import { SheetPresentation, sheetFromPlan } from "../xlsx/planSheets";
import type { XlsxReadOptions } from "../xlsx/read";
import { formatCount } from "../core/format";

/** What the preview page hears from the workbook (the page's WorkbookEvent). */
export type MemoryGatewayEvent =
  | { readonly type: "changed" }
  | { readonly type: "highlight"; readonly ref: CellRef }
  | { readonly type: "activate"; readonly sheet: string };

export interface MemoryGatewayOptions {
  /** Findings from reading the file (error values and the like). */
  readonly findings?: readonly Finding[];
  /** The role in each add-in sheet's ownership mark, by sheet name. */
  readonly roles?: ReadonlyMap<string, SheetRole>;
  /** Rows copied between progress reports and pauses that let the page repaint. */
  readonly rowsPerStep?: number;
  /**
   * The Office host the preview stands in for, as Office.context.platform names it ("Mac",
   * "PC", "OfficeOnline"): where that host cannot save files, neither can the preview's pane.
   */
  readonly platform?: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function copyValue(v: CellValue): CellValue {
  if (v instanceof Date) return new Date(v.getTime());
  if (v !== null && typeof v === "object") return { error: v.error };
  return v;
}

function copyRows<T>(rows: readonly (readonly T[] | undefined)[], copy: (v: T) => T): T[][] {
  const out: T[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      out[r] = [];
      continue;
    }
    const c: T[] = new Array(row.length);
    for (let i = 0; i < row.length; i++) c[i] = copy(row[i]);
    out[r] = c;
  }
  return out;
}

const same = <T>(v: T): T => v;

/** A deep copy of a sheet: nothing in it is shared with the original. */
export function copySheet(sheet: SheetGrid): SheetGrid {
  const out: Mutable<SheetGrid> = { name: sheet.name, values: copyRows(sheet.values, copyValue) };
  if (sheet.numberFormats) out.numberFormats = copyRows(sheet.numberFormats, same);
  if (sheet.formulas) out.formulas = copyRows(sheet.formulas, same);
  if (sheet.hiddenRows) out.hiddenRows = [...sheet.hiddenRows];
  if (sheet.merges) out.merges = sheet.merges.map((m) => ({ ...m }));
  if (sheet.visibility) out.visibility = sheet.visibility;
  if (sheet.addinOwned !== undefined) out.addinOwned = sheet.addinOwned;
  return out;
}

function checkCancel(cancel: Cancellation | undefined): void {
  if (cancel?.aborted) throw new CancelledError();
}

/** Lets the page repaint (and a Cancel click arrive) during long operations. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class MemoryGateway implements WorkbookGateway {
  readonly kind = "preview" as const;
  readonly platform?: string;
  readonly canSaveFiles: boolean;
  /** Problems met while reading the file this workbook came from. */
  readonly findings: readonly Finding[];
  private sheets: SheetGrid[];
  private readonly fileName?: string;
  private readonly roles = new Map<string, SheetRole>();
  private readonly looks = new Map<string, SheetPresentation>();
  private readonly listeners = new Set<(event: MemoryGatewayEvent) => void>();
  private readonly rowsPerStep: number;
  private active?: string;
  private highlighted?: CellRef;

  /** A workbook holding a copy of `initial`; later changes to `initial` do not reach it. */
  constructor(initial: WorkbookGrid = { sheets: [] }, options: MemoryGatewayOptions = {}) {
    this.sheets = initial.sheets.map(copySheet);
    if (options.platform !== undefined) this.platform = options.platform;
    this.canSaveFiles = platformSavesFiles(options.platform);
    this.fileName = initial.fileName;
    this.findings = [...(options.findings ?? [])];
    this.rowsPerStep = Math.max(1, options.rowsPerStep ?? 20000);
    for (const s of this.sheets) {
      if (!s.addinOwned) continue;
      const role = options.roles?.get(s.name) ?? (isSettingsSheet(s.values) ? "data" : undefined);
      if (role) this.roles.set(s.name.toLowerCase(), role);
    }
    this.active = this.sheets.find((s) => (s.visibility ?? "visible") === "visible")?.name;
  }

  /**
   * Reads a spreadsheet's bytes (.xlsx, .xlsm, .xlsb, .xls, .ods or .csv: a file the user picked,
   * the bundled sample) into a new in-memory workbook.
   */
  static async fromXlsx(
    bytes: ArrayBuffer | Uint8Array,
    fileName?: string,
    options: XlsxReadOptions = {},
    gateway: Pick<MemoryGatewayOptions, "platform"> = {}
  ): Promise<MemoryGateway> {
    const { xlsxToGrid } = await import("../xlsx/read");
    const read = await xlsxToGrid(bytes, fileName, {
      // Browsers give a tab a few GB of heap at most; refuse what would not fit in about 1.5 GB.
      memoryBudgetBytes: 1.5 * 1024 ** 3,
      tooLargeAdvice: "Use the vfm command line with more memory for a workbook this large.",
      ...options,
    });
    return new MemoryGateway(read.workbook, {
      findings: read.findings,
      roles: read.roles,
      ...gateway,
    });
  }

  /**
   * The workbook as it is now. Sheets are shared with the gateway, not copied (the preview page
   * calls this on every change): treat them as read-only, or use readWorkbook() for a copy.
   */
  toGrid(): WorkbookGrid {
    const sheets = [...this.sheets];
    return this.fileName ? { sheets, fileName: this.fileName } : { sheets };
  }

  /** The workbook as .xlsx bytes, with the add-in sheets' styles and ownership marks. */
  async toXlsx(): Promise<Uint8Array> {
    const { gridToXlsx } = await import("../xlsx/write");
    const presentation = new Map<string, SheetPresentation>();
    const roles = new Map<string, SheetRole>();
    for (const s of this.sheets) {
      const look = this.looks.get(s.name.toLowerCase());
      if (look) presentation.set(s.name, look);
      const role = this.roles.get(s.name.toLowerCase());
      if (role) roles.set(s.name, role);
    }
    return gridToXlsx(this.toGrid(), {
      presentation,
      roles,
      ...(this.active ? { activeSheet: this.active } : {}),
    });
  }

  /** How an add-in sheet looks (styles, column widths, frozen panes, charts), for the preview grid. */
  sheetPresentation(name: string): SheetPresentation | undefined {
    return this.looks.get(name.toLowerCase());
  }

  /** The sheet shown in the preview. */
  get activeSheet(): string | undefined {
    return this.active;
  }

  /** The cell last selected with selectCell. */
  get highlight(): CellRef | undefined {
    return this.highlighted;
  }

  /** Hears every change, highlight and sheet activation; returns the function that stops it. */
  subscribe(listener: (event: MemoryGatewayEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(event: MemoryGatewayEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  async readWorkbook(options: ReadOptions = {}): Promise<WorkbookGrid> {
    const { cancel, onProgress } = options;
    checkCancel(cancel);
    const snapshot = [...this.sheets];
    const total = snapshot.reduce((n, s) => n + Math.max(1, s.values.length), 0);
    let done = 0;
    onProgress?.({ phase: "reading", done, total, label: "Reading the workbook" });
    const sheets: SheetGrid[] = [];
    for (const sheet of snapshot) {
      const rows = Math.max(1, sheet.values.length);
      if (rows <= this.rowsPerStep) {
        sheets.push(copySheet(sheet));
      } else {
        // A large sheet is copied in steps, so the page stays responsive and Cancel is heard.
        const values: CellValue[][] = [];
        for (let at = 0; at < sheet.values.length; at += this.rowsPerStep) {
          checkCancel(cancel);
          const end = Math.min(sheet.values.length, at + this.rowsPerStep);
          values.push(...copyRows(sheet.values.slice(at, end), copyValue));
          onProgress?.({
            phase: "reading",
            done: done + end,
            total,
            label: `${sheet.name} (rows ${formatCount(at + 1)}-${formatCount(end)})`,
          });
          await pause();
        }
        sheets.push({ ...copySheet({ ...sheet, values: [] }), values });
      }
      done += rows;
      checkCancel(cancel);
      onProgress?.({ phase: "reading", done, total, label: sheet.name });
      await pause();
    }
    return this.fileName ? { sheets, fileName: this.fileName } : { sheets };
  }

  async applyWritePlan(plan: WritePlan, options: WriteOptions = {}): Promise<WriteResult> {
    const { cancel, onProgress } = options;
    checkCancel(cancel);
    const problems = planProblems(plan);
    const planned = plan.sheets.map((s) => s.name.toLowerCase());
    const duplicate = plan.sheets.find((s, i) => planned.indexOf(s.name.toLowerCase()) !== i);
    if (duplicate) problems.push(`The plan names the sheet "${duplicate.name}" twice.`);
    if (problems.length) throw new GatewayError(problems.join(" "), plan.sheets[0]?.name);

    const decisions = resolveSheetNames(
      plan,
      this.sheets.map((s) => ({ name: s.name, addinOwned: !!s.addinOwned }))
    );
    const rename = new Map<string, string>();
    decisions.forEach((d) => {
      if (d.actual) rename.set(d.planned.toLowerCase(), d.actual);
    });

    // Build everything first, then swap it in at once: a cancelled write changes nothing.
    const built: {
      decision: SheetNameDecision;
      plan: SheetPlan;
      grid: SheetGrid;
      look: SheetPresentation;
    }[] = [];
    const total = plan.sheets.length;
    onProgress?.({ phase: "writing", done: 0, total, label: "Preparing the sheets" });
    for (let i = 0; i < plan.sheets.length; i++) {
      checkCancel(cancel);
      const decision = decisions[i];
      if (decision.actual) {
        const { grid, presentation } = sheetFromPlan(plan.sheets[i], decision.actual, rename);
        built.push({ decision, plan: plan.sheets[i], grid, look: presentation });
      }
      onProgress?.({
        phase: "writing",
        done: i + 1,
        total,
        label: decision.actual ?? decision.planned,
      });
      await pause();
    }
    checkCancel(cancel);

    for (const b of built) {
      const key = b.grid.name.toLowerCase();
      const at = this.sheets.findIndex((s) => s.name.toLowerCase() === key);
      if (at >= 0) {
        // resolveSheetNames only lets an add-in sheet be replaced; check again all the same.
        if (!this.sheets[at].addinOwned)
          throw new GatewayError(
            `The sheet "${this.sheets[at].name}" is not the add-in's.`,
            this.sheets[at].name
          );
        this.sheets[at] = b.grid;
      } else this.sheets.push(b.grid);
      if (marksOwnership(b.plan.role)) this.roles.set(key, b.plan.role);
      this.looks.set(key, b.look);
    }
    if (built.length) this.emit({ type: "changed" });
    const show = plan.activate ? rename.get(plan.activate.toLowerCase()) : undefined;
    if (show) {
      this.active = show;
      this.emit({ type: "activate", sheet: show });
    }
    return { sheets: decisions };
  }

  private sheetNamed(name: string): SheetGrid {
    const sheet = findSheet({ sheets: this.sheets }, name);
    if (!sheet) throw new GatewayError(`There is no sheet called "${name}" in the workbook.`, name);
    return sheet;
  }

  async selectCell(ref: CellRef): Promise<void> {
    const sheet = this.sheetNamed(ref.sheet);
    const address = ref.address.replace(/\$/g, "").toUpperCase();
    if (!parseA1(address))
      throw new GatewayError(
        `"${ref.address}" is not a cell address on "${sheet.name}".`,
        sheet.name
      );
    if ((sheet.visibility ?? "visible") !== "visible")
      throw new GatewayError(
        `The cell ${ref.address} is on the hidden sheet "${sheet.name}". Unhide the sheet to see it.`,
        sheet.name
      );
    this.highlighted = { sheet: sheet.name, address };
    this.active = sheet.name;
    this.emit({ type: "highlight", ref: this.highlighted });
  }

  async activateSheet(name: string): Promise<void> {
    const sheet = this.sheetNamed(name);
    if ((sheet.visibility ?? "visible") !== "visible")
      throw new GatewayError(
        `The sheet "${sheet.name}" is hidden. Unhide it to see it.`,
        sheet.name
      );
    this.active = sheet.name;
    this.emit({ type: "activate", sheet: sheet.name });
  }

  /** The add-in's settings sheet: owned by the add-in and signed in A1 (core/ownership.ts). */
  private settingsSheetIndex(): number {
    return this.sheets.findIndex((s) => s.addinOwned && isSettingsSheet(s.values));
  }

  async loadSettings(): Promise<StoredSettings> {
    const at = this.settingsSheetIndex();
    if (at < 0) return {};
    return decodeSettingsSheet(this.sheets[at].values) ?? {};
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    let rows: string[][];
    try {
      rows = encodeSettingsSheet(settings);
    } catch {
      throw new GatewayError("The settings could not be saved: they are not plain data.");
    }
    const at = this.settingsSheetIndex();
    let name = at >= 0 ? this.sheets[at].name : SETTINGS_SHEET_NAME;
    if (at < 0) {
      // Never take a name the user already has.
      for (let n = 2; findSheet({ sheets: this.sheets }, name); n++)
        name = `${SETTINGS_SHEET_NAME} (${n})`;
      const problem = sheetNameProblem(name);
      if (problem) throw new GatewayError(problem);
    }
    const sheet: SheetGrid = { name, values: rows, visibility: "veryHidden", addinOwned: true };
    if (at >= 0) this.sheets[at] = sheet;
    else this.sheets.push(sheet);
    this.roles.set(name.toLowerCase(), "data");
    this.emit({ type: "changed" });
  }
}
