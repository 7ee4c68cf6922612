/**
 * A recording fake of the Office.js Excel request context, written for the gateway's tests and
 * the benchmark. It implements only the part of the Excel API that src/excel uses, and keeps the
 * rules that make Office.js code go wrong in real Excel:
 *
 * - Proxy objects: calling a method or setting a property only queues it; nothing happens until
 *   `context.sync()`, which runs the queue in order as one request.
 * - Properties are unreadable until they were loaded AND a sync ran: reading one throws an
 *   error with code "PropertyNotLoaded", as Office.js does.
 * - Every sync is recorded: how many operations, the estimated request bytes (what was written,
 *   as JSON) and response bytes (what was loaded, as JSON), and whether calculation and screen
 *   updating were suspended for it.
 * - Requests over a configured size are refused whole, with the codes Excel on the web uses
 *   ("RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded").
 * - Text typed into a cell is interpreted as Excel interprets typing: "=..." becomes a formula,
 *   "-5" and "1,000" become numbers, "TRUE" a boolean, "2010/11" a date, unless the cell's number
 *   format is Text ("@") or the text starts with an apostrophe (which Excel keeps as a prefix).
 *
 * The workbook behind it (FakeWorkbookModel) is built from a WorkbookGrid and can be inspected
 * directly by tests: cells, formats, styles, merges, charts, tables, defined names.
 */
import {
  CellRange,
  CellValue,
  WorkbookGrid,
  isErrorValue,
  quoteSheetName,
} from "../../src/core/grid";
import { isSettingsSheet, ownershipNamesFor, sheetOfReference } from "../../src/core/ownership";
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  cellCount,
  intersect,
  parseArea,
  rangeAddress,
} from "../../src/excel/address";
import { dateToSerial } from "../../src/excel/cells";
import type { ExcelRun } from "../../src/excel/officeGateway";

// ---------------------------------------------------------------------------------------------
// Errors

/** What Office.js rejects a sync with (the parts of OfficeExtension.Error the gateway reads). */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

function notLoaded(what: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

// ---------------------------------------------------------------------------------------------
// The workbook behind the fake

export type FakeScalar = string | number | boolean | null | { readonly error: string };

export interface FakeStyleOp {
  readonly rect: CellRange;
  readonly key: string;
  readonly value: unknown;
}

export interface FakeSeriesModel {
  name: string;
  chartType?: string;
  lineStyle?: string;
  lineColor?: string;
  fillColor?: string;
}

export interface FakeChartModel {
  name: string;
  type: string;
  source: { sheet: FakeSheetModel; rect: CellRange };
  seriesBy: string;
  series: FakeSeriesModel[];
  title?: string;
  valueAxisTitle?: string;
  valueAxisNumberFormat?: string;
  valueAxisMaximum?: number;
  categoryAxisTitle?: string;
  categoryTickLabelSpacing?: number;
  legendPosition?: string;
  altText?: string;
  position?: { start: string; end?: string };
  deleted?: boolean;
}

export interface FakeTableModel {
  name: string;
  sheet: FakeSheetModel;
  rect: CellRange;
  hasHeaders: boolean;
  style?: string;
}

export interface FakeNameModel {
  name: string;
  /** A range reference (follows renames; "#REF!" once the sheet is deleted) or a fixed formula. */
  target: { sheet: FakeSheetModel; rect: CellRange } | string;
  visible: boolean;
}

let nextSheetId = 1;

export class FakeSheetModel {
  readonly id = `{fake-sheet-${nextSheetId++}}`;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** values[row][col]; null is an empty cell. */
  values: FakeScalar[][] = [];
  formats: (string | undefined)[][] = [];
  /** "row,col" -> "=SUM(A1:A3)". */
  formulas = new Map<string, string>();
  /** "row,col" of cells whose text was entered with a leading apostrophe. */
  quotePrefixed = new Set<string>();
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  merges: CellRange[] = [];
  columnWidths = new Map<number, number>();
  /** Row index -> height in points, where set. */
  rowHeights = new Map<number, number>();
  /** "row,col" -> the hyperlink set on the cell. */
  hyperlinks = new Map<
    string,
    { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }
  >();
  freeze?: { rows: number; columns: number };
  page: { orientation?: string; paperSize?: string; printArea?: string; fitToWidth?: boolean } = {};
  tabColor = "";
  charts: FakeChartModel[] = [];
  styles: FakeStyleOp[] = [];
  /** A protected sheet refuses every change with AccessDenied. */
  isProtected = false;
  deleted = false;

  constructor(public name: string) {}

  cell(row: number, col: number): FakeScalar {
    return this.values[row]?.[col] ?? null;
  }

  format(row: number, col: number): string | undefined {
    return this.formats[row]?.[col];
  }

  setCell(row: number, col: number, v: FakeScalar): void {
    const r = (this.values[row] ??= []);
    while (r.length < col) r.push(null);
    r[col] = v;
  }

  setFormat(row: number, col: number, f: string | undefined): void {
    const r = (this.formats[row] ??= []);
    while (r.length < col) r.push(undefined);
    r[col] = f;
  }

  /** The bounding box of non-empty cells (and, unless valuesOnly, formatted cells) in `within`. */
  usedRange(valuesOnly: boolean, within?: CellRange): CellRange | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const rows = Math.max(this.values.length, valuesOnly ? 0 : this.formats.length);
    const r0 = within ? within.top : 0;
    const r1 = within ? Math.min(within.bottom, rows - 1) : rows - 1;
    const c0 = within ? within.left : 0;
    const c1 = within ? within.right : EXCEL_MAX_COLUMNS - 1;
    for (let r = r0; r <= r1; r++) {
      const vr = this.values[r];
      const fr = valuesOnly ? undefined : this.formats[r];
      const n = Math.min(c1 + 1, Math.max(vr?.length ?? 0, fr?.length ?? 0));
      for (let c = c0; c < n; c++) {
        const v = vr?.[c];
        const used = (v !== null && v !== undefined && v !== "") || fr?.[c] !== undefined;
        if (!used) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  /** The last style op of `key` covering the cell. */
  styleAt(row: number, col: number, key: string): unknown {
    let out: unknown = undefined;
    for (const s of this.styles) {
      if (s.key !== key) continue;
      if (row >= s.rect.top && row <= s.rect.bottom && col >= s.rect.left && col <= s.rect.right)
        out = s.value;
    }
    return out;
  }

  /** Everything about the sheet as plain data, to compare before and after. */
  snapshot(): string {
    return JSON.stringify({
      name: this.name,
      visibility: this.visibility,
      values: this.values,
      formats: this.formats,
      formulas: [...this.formulas],
      hiddenRows: [...this.hiddenRows],
      merges: this.merges,
      widths: [...this.columnWidths],
      freeze: this.freeze,
      page: this.page,
      tabColor: this.tabColor,
      charts: this.charts.map((c) => ({ ...c, source: undefined })),
      styles: this.styles,
    });
  }
}

export interface FakeBuildOptions {
  /** Formulas are stored with their result; this gives the formulas by sheet (default: grid's). */
  readonly hiddenColumns?: Readonly<Record<string, readonly number[]>>;
}

export class FakeWorkbookModel {
  sheets: FakeSheetModel[] = [];
  /** Times the add-in asked Excel to recalculate the workbook. */
  calculations = 0;
  names: FakeNameModel[] = [];
  tables: FakeTableModel[] = [];
  active?: FakeSheetModel;
  selection?: { sheet: FakeSheetModel; rect: CellRange };

  /** A workbook holding a grid's sheets, with ownership marks for its add-in sheets. */
  static fromGrid(grid: WorkbookGrid, options: FakeBuildOptions = {}): FakeWorkbookModel {
    const wb = new FakeWorkbookModel();
    for (const s of grid.sheets) {
      const sheet = new FakeSheetModel(s.name);
      sheet.visibility =
        s.visibility === "hidden"
          ? "Hidden"
          : s.visibility === "veryHidden"
            ? "VeryHidden"
            : "Visible";
      s.values.forEach((row, r) =>
        row?.forEach((v, c) => {
          const fmt = s.numberFormats?.[r]?.[c];
          if (v instanceof Date) {
            sheet.setCell(r, c, dateToSerial(v) ?? null);
            sheet.setFormat(r, c, fmt ?? "yyyy-mm-dd");
            return;
          }
          if (v !== null && v !== undefined) sheet.setCell(r, c, toFakeScalar(v));
          if (fmt !== undefined) sheet.setFormat(r, c, fmt);
        })
      );
      s.numberFormats?.forEach((row, r) =>
        row?.forEach((f, c) => {
          if (f !== undefined && sheet.format(r, c) === undefined) sheet.setFormat(r, c, f);
        })
      );
      s.formulas?.forEach((row, r) =>
        row?.forEach((f, c) => {
          if (f) sheet.formulas.set(`${r},${c}`, f);
        })
      );
      for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
      for (const c of options.hiddenColumns?.[s.name] ?? []) sheet.hiddenColumns.add(c);
      sheet.merges = (s.merges ?? []).map((m) => ({ ...m }));
      wb.sheets.push(sheet);
    }
    const owned = grid.sheets.filter((s) => s.addinOwned);
    // The settings sheet is recognised by its signature (role "data"), as the preview does.
    const marks = ownershipNamesFor(
      owned.map((s) => ({ name: s.name, role: isSettingsSheet(s.values) ? "data" : "statement" }))
    );
    marks.forEach((m, i) => {
      const sheet = wb.sheet(owned[i].name);
      if (sheet) wb.names.push({ name: m.name, target: { sheet, rect: A1 }, visible: true });
    });
    wb.active = wb.sheets.find((s) => s.visibility === "Visible");
    return wb;
  }

  sheet(name: string): FakeSheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === lower);
  }

  /** The text Office.js gives as a defined name's formula: "='VfM Statement'!$A$1". */
  nameFormula(n: FakeNameModel): string {
    if (typeof n.target === "string") return n.target;
    if (n.target.sheet.deleted) return "=#REF!";
    const r = n.target.rect;
    const abs = (row: number, col: number): string => {
      const a = rangeAddress({ top: row, left: col, bottom: row, right: col });
      const m = /^([A-Z]+)(\d+)$/.exec(a);
      return m ? `$${m[1]}$${m[2]}` : a;
    };
    const ref =
      r.top === r.bottom && r.left === r.right
        ? abs(r.top, r.left)
        : `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
    return `=${quoteSheetName(n.target.sheet.name)}!${ref}`;
  }

  /** Sheet names the ownership marks point at (lower case). */
  ownedSheetNames(): string[] {
    return this.names
      .filter((n) => /^_vfm_owned_/i.test(n.name))
      .map((n) => sheetOfReference(this.nameFormula(n)))
      .filter((s): s is string => s !== undefined && this.sheet(s) !== undefined)
      .map((s) => s.toLowerCase());
  }
}

const A1: CellRange = { top: 0, left: 0, bottom: 0, right: 0 };

function toFakeScalar(v: CellValue): FakeScalar {
  if (v instanceof Date) return dateToSerial(v) ?? null;
  if (isErrorValue(v)) return { error: v.error };
  return v;
}

// ---------------------------------------------------------------------------------------------
// Requests

/** One sync as the fake saw it. */
export interface FakeRequest {
  /** 1-based number of the sync within the fake's life. */
  readonly index: number;
  readonly operations: number;
  /** JSON bytes written (values, formats, arguments). */
  readonly requestBytes: number;
  /** JSON bytes loaded. */
  readonly responseBytes: number;
  /** Cells whose values were loaded. */
  readonly cellsRead: number;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
  /** The error code when the request was refused or failed. */
  readonly failed?: string;
}

export interface FakeExcelOptions {
  /** Refuse a request whose written JSON is bigger than this (Excel on the web: 5 MB). */
  readonly maxRequestBytes?: number;
  /** Refuse a request whose loaded JSON is bigger than this. */
  readonly maxResponseBytes?: number;
  /** Supported requirement sets, e.g. {"ExcelApi": "1.13"} (default: everything). */
  readonly excelApi?: string;
}

interface Op {
  readonly label: string;
  readonly requestBytes: number;
  /** Runs the operation; returns the bytes and cells it loaded and what to apply on success. */
  readonly run: () => { bytes: number; cells: number; commit?: () => void } | void;
}

function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  // Byte length of UTF-8 without Node's Buffer: ASCII is one byte, the rest counted generously.
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 3;
  return n;
}

/** The fake Excel: a workbook model plus the `run` the gateway takes instead of Excel.run. */
export class FakeExcel {
  readonly requests: FakeRequest[] = [];
  /** Number of Excel.run calls. */
  runs = 0;
  private failures: { atSync?: number; code: string; message: string; location?: string }[] = [];

  constructor(
    readonly model: FakeWorkbookModel = new FakeWorkbookModel(),
    readonly options: FakeExcelOptions = {}
  ) {}

  static fromGrid(grid: WorkbookGrid, options: FakeExcelOptions = {}): FakeExcel {
    return new FakeExcel(FakeWorkbookModel.fromGrid(grid), options);
  }

  get syncCount(): number {
    return this.requests.length;
  }

  /** Requests made since `from` (an index into `requests`). */
  since(from: number): FakeRequest[] {
    return this.requests.slice(from);
  }

  /** Makes sync number `atSync` (1-based, counted over the fake's life; default: the next) fail. */
  failSync(
    code: string,
    options: { atSync?: number; message?: string; location?: string } = {}
  ): void {
    this.failures.push({
      atSync: options.atSync ?? this.requests.length + 1,
      code,
      message: options.message ?? `Fake failure ${code}`,
      location: options.location,
    });
  }

  /** Use as the gateway's `run`: a fresh request context per call, as Excel.run gives. */
  readonly run: ExcelRun = async (batch) => {
    this.runs++;
    const context = new FakeRequestContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  /** @internal */
  record(r: FakeRequest): void {
    this.requests.push(r);
  }

  /** @internal The injected failure for the sync about to run, if any. */
  takeFailure(index: number): { code: string; message: string; location?: string } | undefined {
    const at = this.failures.findIndex((f) => f.atSync === index);
    if (at < 0) return undefined;
    const [f] = this.failures.splice(at, 1);
    return f;
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];
  private suspendCalc = false;
  private suspendScreen = false;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): FakeWorkbookModel {
    return this.excel.model;
  }

  /** @internal */
  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** @internal */
  suspend(what: "calc" | "screen"): void {
    this.enqueue({
      label: `suspend ${what}`,
      requestBytes: 16,
      run: () => {
        if (what === "calc") this.suspendCalc = true;
        else this.suspendScreen = true;
      },
    });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const index = this.excel.requests.length + 1;
    const requestBytes = ops.reduce((n, o) => n + o.requestBytes, 0);
    this.suspendCalc = false;
    this.suspendScreen = false;
    const base = { index, operations: ops.length, requestBytes };
    // Let the caller's code run on before the "round trip" completes, as the real one does.
    await Promise.resolve();
    const injected = this.excel.takeFailure(index);
    if (injected) {
      this.excel.record({
        ...base,
        responseBytes: 0,
        cellsRead: 0,
        ...this.flags(),
        failed: injected.code,
      });
      throw new FakeOfficeError(injected.code, injected.message, injected.location);
    }
    const maxReq = this.excel.options.maxRequestBytes;
    if (maxReq !== undefined && requestBytes > maxReq) {
      const code = "RequestPayloadSizeLimitExceeded";
      this.excel.record({ ...base, responseBytes: 0, cellsRead: 0, ...this.flags(), failed: code });
      throw new FakeOfficeError(code, "The request payload size has exceeded the limit.");
    }
    let responseBytes = 0;
    let cellsRead = 0;
    const commits: (() => void)[] = [];
    for (const op of ops) {
      try {
        const r = op.run();
        if (r) {
          responseBytes += r.bytes;
          cellsRead += r.cells;
          if (r.commit) commits.push(r.commit);
        }
      } catch (e) {
        const code = e instanceof FakeOfficeError ? e.code : "GeneralException";
        this.excel.record({ ...base, responseBytes, cellsRead, ...this.flags(), failed: code });
        if (e instanceof FakeOfficeError) {
          throw new FakeOfficeError(e.code, e.message, e.debugInfo.errorLocation ?? op.label);
        }
        throw e;
      }
    }
    const maxRes = this.excel.options.maxResponseBytes;
    if (maxRes !== undefined && responseBytes > maxRes) {
      const code = "ResponsePayloadSizeLimitExceeded";
      this.excel.record({ ...base, responseBytes, cellsRead, ...this.flags(), failed: code });
      throw new FakeOfficeError(code, "The response payload size has exceeded the limit.");
    }
    for (const c of commits) c();
    this.excel.record({ ...base, responseBytes, cellsRead, ...this.flags() });
  }

  private flags(): { calculationSuspended: boolean; screenUpdatingSuspended: boolean } {
    return { calculationSuspended: this.suspendCalc, screenUpdatingSuspended: this.suspendScreen };
  }
}

// ---------------------------------------------------------------------------------------------
// Proxy objects

/** Splits "a, b/c" or ["a", "b/c"] into trimmed paths. */
function paths(props?: string | string[]): string[] {
  if (props === undefined) return [];
  const list = Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/**
 * A proxy bound to a model object found when the queue first needs it (as Office.js binds a
 * proxy to an object on the first sync that touches it). `null` is a null object.
 */
abstract class FakeProxy<M> {
  private bound = false;
  private target: M | null = null;
  private readonly loaded = new Map<string, unknown>();
  private loadedOnce = false;
  private isNull = false;

  constructor(
    protected readonly ctx: FakeRequestContext,
    private readonly resolver: () => M | null,
    protected readonly kind: string
  ) {}

  /** @internal The model object, found on first use within a sync. */
  resolve(): M | null {
    if (!this.bound) {
      this.target = this.resolver();
      this.bound = true;
    }
    return this.target;
  }

  protected resolveOrThrow(): M {
    const m = this.resolve();
    if (m === null)
      throw new FakeOfficeError("ItemNotFound", `The requested ${this.kind} does not exist.`);
    return m;
  }

  get isNullObject(): boolean {
    if (!this.loadedOnce) throw notLoaded(`${this.kind}.isNullObject`);
    return this.isNull;
  }

  /** Reads one loadable property from the model (a scalar, an array, or a proxy's snapshot). */
  protected abstract readProperty(m: M, prop: string): unknown;

  /** Navigation properties that a load path may go through ("format/font/bold"). */
  protected navigation(_prop: string): FakeProxy<unknown> | undefined {
    return undefined;
  }

  /** @internal Runs a load now (inside a sync): returns bytes and the commit. */
  snapshot(props: string[]): { bytes: number; cells: number; commit: () => void } {
    const m = this.resolve();
    if (m === null) {
      return {
        bytes: 16,
        cells: 0,
        commit: () => {
          this.loadedOnce = true;
          this.isNull = true;
        },
      };
    }
    const values = new Map<string, unknown>();
    const nested: (() => void)[] = [];
    let bytes = 0;
    let cells = 0;
    const byHead = new Map<string, string[]>();
    for (const p of props) {
      const slash = p.indexOf("/");
      if (slash < 0) {
        const v = this.readProperty(m, p);
        values.set(p, v);
        bytes += jsonBytes(v) + p.length + 4;
        // Cells read are counted once, by their values (formats and types come with them).
        if (p === "values" && Array.isArray(v) && Array.isArray(v[0]))
          cells += v.length * (v[0] as unknown[]).length;
      } else {
        const head = p.slice(0, slash);
        const list = byHead.get(head) ?? [];
        list.push(p.slice(slash + 1));
        byHead.set(head, list);
      }
    }
    for (const [head, rest] of byHead) {
      const nav = this.navigation(head);
      if (!nav) throw new Error(`The fake cannot load "${head}/..." on ${this.kind}.`);
      const r = nav.snapshot(rest);
      bytes += r.bytes;
      cells += r.cells;
      nested.push(r.commit);
    }
    return {
      bytes,
      cells,
      commit: () => {
        this.loadedOnce = true;
        this.isNull = false;
        for (const [k, v] of values) this.loaded.set(k, v);
        for (const c of nested) c();
      },
    };
  }

  /** Office.js: stop keeping a reference to the object after the sync (nothing to do here). */
  untrack(): this {
    return this;
  }

  load(props?: string | string[]): this {
    const list = paths(props);
    this.ctx.enqueue({
      label: `${this.kind}.load`,
      requestBytes: 32 + list.join(",").length,
      run: () => this.snapshot(list),
    });
    return this;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(`${this.kind}.${prop}`);
    if (this.isNull) throw new Error(`${this.kind}.${prop} read on a null object`);
    return this.loaded.get(prop) as T;
  }

  /** Queues a change; `apply` runs in the sync. */
  protected change(label: string, payload: unknown, apply: (m: M) => void): void {
    this.ctx.enqueue({
      label: `${this.kind}.${label}`,
      requestBytes: 24 + label.length + jsonBytes(payload),
      run: () => apply(this.resolveOrThrow()),
    });
  }
}

function checkWritable(sheet: FakeSheetModel): void {
  if (sheet.isProtected)
    throw new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is protected."
    );
}

function validSheetName(name: string): boolean {
  return (
    name.trim().length > 0 &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

// --- Workbook, application --------------------------------------------------------------------

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.application = new FakeApplication(ctx);
  }
}

class FakeApplication {
  private loaded = false;
  constructor(private readonly ctx: FakeRequestContext) {}
  load(_props?: string): this {
    this.ctx.enqueue({
      label: "Application.load",
      requestBytes: 40,
      run: () => ({ bytes: 24, cells: 0, commit: () => (this.loaded = true) }),
    });
    return this;
  }
  get calculationMode(): string {
    if (!this.loaded) throw notLoaded("Application.calculationMode");
    return "Automatic";
  }
  calculate(_type: string): void {
    this.ctx.enqueue({
      label: "Application.calculate",
      requestBytes: 40,
      run: () => void (this.ctx.model.calculations += 1),
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.suspend("calc");
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.suspend("screen");
  }
}

// --- Worksheets -------------------------------------------------------------------------------

class FakeWorksheetCollection extends FakeProxy<FakeWorkbookModel> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.model, "WorksheetCollection");
  }

  protected readProperty(): unknown {
    throw new Error("WorksheetCollection has no scalar properties in the fake");
  }

  override snapshot(props: string[]): { bytes: number; cells: number; commit: () => void } {
    const itemProps = props.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    const sheets = this.ctx.model.sheets.filter((s) => !s.deleted);
    const proxies = sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
    const parts = proxies.map((p) => p.snapshot(itemProps));
    return {
      bytes: parts.reduce((n, p) => n + p.bytes, 16),
      cells: 0,
      commit: () => {
        parts.forEach((p) => p.commit());
        this.items_ = proxies;
      },
    };
  }

  private items_?: FakeWorksheet[];
  get items(): FakeWorksheet[] {
    if (!this.items_) throw notLoaded("WorksheetCollection.items");
    return this.items_;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheet(name);
      if (!s)
        throw new FakeOfficeError(
          "ItemNotFound",
          `The requested worksheet "${name}" does not exist.`
        );
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name) ?? null);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheetModel | null = null;
    this.ctx.enqueue({
      label: "WorksheetCollection.add",
      requestBytes: 32 + name.length,
      run: () => {
        if (!validSheetName(name))
          throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
        if (this.ctx.model.sheet(name))
          throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
        created = new FakeSheetModel(name);
        this.ctx.model.sheets.push(created);
      },
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The new sheet was not created.");
      return created;
    });
  }
}

class FakeWorksheet extends FakeProxy<FakeSheetModel> {
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly charts: FakeChartCollection;
  readonly tables: FakeTableCollection;

  constructor(ctx: FakeRequestContext, resolver: () => FakeSheetModel | null) {
    super(ctx, resolver, "Worksheet");
    this.freezePanes = new FakeFreezePanes(ctx, this);
    this.pageLayout = new FakePageLayout(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
    this.tables = new FakeTableCollection(ctx, this);
  }

  /** @internal */
  model(): FakeSheetModel {
    return this.resolveOrThrow();
  }

  protected readProperty(m: FakeSheetModel, prop: string): unknown {
    switch (prop) {
      case "name":
        return m.name;
      case "visibility":
        return m.visibility;
      case "position":
        return this.ctx.model.sheets.filter((s) => !s.deleted).indexOf(m);
      case "tabColor":
        return m.tabColor;
      case "id":
        return m.id;
      default:
        throw new Error(`The fake cannot load Worksheet.${prop}`);
    }
  }

  protected override navigation(prop: string): FakeProxy<unknown> | undefined {
    if (prop === "charts") return this.charts as FakeProxy<unknown>;
    if (prop === "tables") return this.tables as FakeProxy<unknown>;
    return undefined;
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.change("name", v, (m) => {
      if (!validSheetName(v))
        throw new FakeOfficeError("InvalidArgument", `"${v}" is not a valid sheet name.`);
      const other = this.ctx.model.sheet(v);
      if (other && other !== m)
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
      m.name = v;
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.change("visibility", v, (m) => {
      const visible = this.ctx.model.sheets.filter((s) => !s.deleted && s.visibility === "Visible");
      if (v !== "Visible" && visible.length === 1 && visible[0] === m)
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must keep at least one visible sheet."
        );
      m.visibility = v as FakeSheetModel["visibility"];
      if (v !== "Visible" && this.ctx.model.active === m)
        this.ctx.model.active = this.ctx.model.sheets.find(
          (s) => !s.deleted && s.visibility === "Visible"
        );
    });
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.change("position", v, (m) => {
      const list = this.ctx.model.sheets;
      list.splice(list.indexOf(m), 1);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, m);
    });
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(v: string) {
    this.change("tabColor", v, (m) => {
      checkWritable(m);
      m.tabColor = v;
    });
  }
  get id(): string {
    return this.get("id");
  }

  activate(): void {
    this.change("activate", null, (m) => {
      if (m.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.ctx.model.active = m;
    });
  }

  delete(): void {
    this.change("delete", null, (m) => {
      const visible = this.ctx.model.sheets.filter((s) => !s.deleted && s.visibility === "Visible");
      if (visible.length === 1 && visible[0] === m)
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must keep at least one visible sheet."
        );
      m.deleted = true;
      this.ctx.model.tables = this.ctx.model.tables.filter((t) => t.sheet !== m);
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolveOrThrow();
      if (address === undefined || address === "")
        return {
          sheet,
          rect: { top: 0, left: 0, bottom: EXCEL_MAX_ROWS - 1, right: EXCEL_MAX_COLUMNS - 1 },
        };
      const rect = parseArea(address);
      if (!rect)
        throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid address.`);
      return { sheet, rect };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolveOrThrow();
      if (
        row < 0 ||
        col < 0 ||
        rows < 1 ||
        cols < 1 ||
        row + rows > EXCEL_MAX_ROWS ||
        col + cols > EXCEL_MAX_COLUMNS
      )
        throw new FakeOfficeError("InvalidArgument", "The range is outside the sheet.");
      return {
        sheet,
        rect: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 },
      };
    });
  }

  /** Several ranges styled at once (ExcelApi 1.9): what is set on its format is set on each. */
  getRanges(address: string): { format: FakeRangeFormat; untrack(): unknown } {
    const areas = address.split(",").map((a) => a.trim());
    const ranges = areas.map((a) => this.getRange(a));
    const out = { format: fanOut(ranges.map((r) => r.format)), untrack: () => out };
    return out;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolveOrThrow();
      const rect = sheet.usedRange(!!valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }
}

/** One object standing for several: setting a property or calling a method does it on each. */
function fanOut<T extends object>(targets: readonly T[]): T {
  const at = (t: T, prop: string | symbol): unknown =>
    (t as Record<string | symbol, unknown>)[prop];
  return new Proxy({} as T, {
    get: (_t, prop) => {
      const first = at(targets[0], prop);
      if (typeof first === "function")
        return (...args: unknown[]) =>
          fanOut(targets.map((t) => (at(t, prop) as (...a: unknown[]) => object).apply(t, args)));
      if (typeof first === "object" && first !== null)
        return fanOut(targets.map((t) => at(t, prop) as object));
      return first;
    },
    set: (_t, prop, v) => {
      for (const t of targets) (t as Record<string | symbol, unknown>)[prop] = v;
      return true;
    },
  });
}

// --- Ranges -----------------------------------------------------------------------------------

interface RangeModel {
  readonly sheet: FakeSheetModel;
  readonly rect: CellRange;
}

/** The most cells one read may return (Excel's own limit). */
const MAX_CELLS_PER_READ = 5_000_000;

function valueType(v: FakeScalar): string {
  if (v === null || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "string") return "String";
  return "Error";
}

function outward(v: FakeScalar): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

const UK_NUMBER = /^[+-]?(£|\$)?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;

/** What Excel does with text typed into a cell whose format is not Text. */
export function typedEntry(text: string): {
  value: FakeScalar;
  formula?: string;
  quote?: boolean;
  format?: string;
} {
  if (text.startsWith("'")) return { value: text.slice(1), quote: true };
  if (text.startsWith("=")) return { value: { error: "#NAME?" }, formula: text };
  const t = text.trim();
  if (UK_NUMBER.test(t)) {
    const pct = t.endsWith("%");
    const n = Number(t.replace(/[£$,%]/g, ""));
    if (Number.isFinite(n)) return { value: pct ? n / 100 : n, format: pct ? "0%" : undefined };
  }
  if (/^[+\-@]/.test(text))
    return { value: { error: "#NAME?" }, formula: `=${text.replace(/^[+@]/, "")}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const date = /^(\d{4})\/(\d{1,2})$/.exec(t) ?? /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t);
  if (date) {
    const isYearMonth = date[1].length === 4;
    const y = isYearMonth ? Number(date[1]) : Number(date[3] ?? 2024);
    const m = isYearMonth ? Number(date[2]) : Number(date[2]);
    const d = isYearMonth ? 1 : Number(date[1]);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      return {
        value: dateToSerial(new Date(Date.UTC(y < 100 ? 2000 + y : y, m - 1, d))) ?? null,
        format: "mmm-yy",
      };
    }
  }
  return { value: text };
}

class FakeRange extends FakeProxy<RangeModel> {
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeRequestContext, resolver: () => RangeModel | null) {
    super(ctx, resolver, "Range");
    this.format = new FakeRangeFormat(ctx, this);
  }

  /** @internal */
  model(): RangeModel {
    return this.resolveOrThrow();
  }

  private grid<T>(m: RangeModel, cell: (r: number, c: number) => T): T[][] {
    const { rect } = m;
    if (cellCount(rect) > MAX_CELLS_PER_READ)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `A read of ${cellCount(rect)} cells is over Excel's limit of 5 million.`
      );
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = new Array(rect.right - rect.left + 1);
      for (let c = rect.left; c <= rect.right; c++) row[c - rect.left] = cell(r, c);
      out.push(row);
    }
    return out;
  }

  protected readProperty(m: RangeModel, prop: string): unknown {
    const { sheet, rect } = m;
    switch (prop) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${rangeAddress(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "values":
        return this.grid(m, (r, c) => outward(sheet.cell(r, c)));
      case "valueTypes":
        return this.grid(m, (r, c) => valueType(sheet.cell(r, c)));
      case "numberFormat":
        return this.grid(m, (r, c) => sheet.format(r, c) ?? "General");
      case "formulas":
        return this.grid(m, (r, c) => sheet.formulas.get(`${r},${c}`) ?? outward(sheet.cell(r, c)));
      case "rowHidden": {
        let hidden = 0;
        for (let r = rect.top; r <= rect.bottom; r++) if (sheet.hiddenRows.has(r)) hidden++;
        const n = rect.bottom - rect.top + 1;
        return hidden === n ? true : hidden === 0 ? false : null;
      }
      case "columnHidden": {
        let hidden = 0;
        for (let c = rect.left; c <= rect.right; c++) if (sheet.hiddenColumns.has(c)) hidden++;
        const n = rect.right - rect.left + 1;
        return hidden === n ? true : hidden === 0 ? false : null;
      }
      default:
        throw new Error(`The fake cannot load Range.${prop}`);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get rowHidden(): boolean | null {
    return this.get("rowHidden");
  }
  get columnHidden(): boolean | null {
    return this.get("columnHidden");
  }

  private checkShape(m: RangeModel, v: unknown): unknown[][] {
    const rows = m.rect.bottom - m.rect.top + 1;
    const cols = m.rect.right - m.rect.left + 1;
    if (
      !Array.isArray(v) ||
      v.length !== rows ||
      v.some((r) => !Array.isArray(r) || r.length !== cols)
    )
      throw new FakeOfficeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
      );
    return v as unknown[][];
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.change("values", v, (m) => {
      checkWritable(m.sheet);
      const rows = this.checkShape(m, v);
      rows.forEach((row, i) =>
        row.forEach((x, j) => {
          const r = m.rect.top + i;
          const c = m.rect.left + j;
          if (x === null || x === undefined) return; // null leaves the cell as it is
          const key = `${r},${c}`;
          m.sheet.formulas.delete(key);
          m.sheet.quotePrefixed.delete(key);
          if (typeof x === "number" || typeof x === "boolean") return m.sheet.setCell(r, c, x);
          const text = String(x);
          if (text === "") return m.sheet.setCell(r, c, null);
          if (m.sheet.format(r, c) === "@") return m.sheet.setCell(r, c, text);
          const typed = typedEntry(text);
          m.sheet.setCell(r, c, typed.value);
          if (typed.formula) m.sheet.formulas.set(key, typed.formula);
          if (typed.quote) m.sheet.quotePrefixed.add(key);
          if (typed.format && m.sheet.format(r, c) === undefined)
            m.sheet.setFormat(r, c, typed.format);
        })
      );
    });
  }

  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.change("numberFormat", v, (m) => {
      checkWritable(m.sheet);
      // One value for the whole range, as Office.js allows.
      const rows = Array.isArray(v)
        ? this.checkShape(m, v)
        : Array.from({ length: m.rect.bottom - m.rect.top + 1 }, () =>
            new Array<unknown>(m.rect.right - m.rect.left + 1).fill(v)
          );
      rows.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          m.sheet.setFormat(
            m.rect.top + i,
            m.rect.left + j,
            String(f) === "General" ? undefined : String(f)
          );
        })
      );
    });
  }

  set hyperlink(v: {
    documentReference?: string;
    address?: string;
    textToDisplay?: string;
    screenTip?: string;
  }) {
    this.change("hyperlink", v, (m) => {
      checkWritable(m.sheet);
      m.sheet.hyperlinks.set(`${m.rect.top},${m.rect.left}`, { ...v });
      // Excel shows textToDisplay in the cell, as the value.
      if (v.textToDisplay !== undefined) m.sheet.setCell(m.rect.top, m.rect.left, v.textToDisplay);
    });
  }

  merge(across?: boolean): void {
    this.change("merge", across ?? false, (m) => {
      checkWritable(m.sheet);
      if (across) throw new Error("The fake does not merge across");
      if (m.sheet.merges.some((x) => intersect(x, m.rect)))
        throw new FakeOfficeError("MergedRangeConflict", "The range overlaps merged cells.");
      for (let r = m.rect.top; r <= m.rect.bottom; r++)
        for (let c = m.rect.left; c <= m.rect.right; c++)
          if (r !== m.rect.top || c !== m.rect.left) {
            if (m.sheet.cell(r, c) !== null) m.sheet.setCell(r, c, null);
          }
      m.sheet.merges.push({ ...m.rect });
    });
  }

  unmerge(): void {
    this.change("unmerge", null, (m) => {
      checkWritable(m.sheet);
      m.sheet.merges = m.sheet.merges.filter((x) => !intersect(x, m.rect));
    });
  }

  clear(applyTo?: string): void {
    this.change("clear", applyTo ?? "All", (m) => {
      checkWritable(m.sheet);
      const what = applyTo ?? "All";
      const contents = what === "All" || what === "Contents";
      const formats = what === "All" || what === "Formats";
      const { rect, sheet } = m;
      const lastRow = Math.min(
        rect.bottom,
        Math.max(sheet.values.length, sheet.formats.length) - 1
      );
      for (let r = rect.top; r <= lastRow; r++) {
        if (contents && sheet.values[r]) {
          for (let c = rect.left; c <= Math.min(rect.right, sheet.values[r].length - 1); c++) {
            sheet.values[r][c] = null;
            sheet.formulas.delete(`${r},${c}`);
            sheet.quotePrefixed.delete(`${r},${c}`);
          }
        }
        if (formats && sheet.formats[r]) {
          for (let c = rect.left; c <= Math.min(rect.right, sheet.formats[r].length - 1); c++)
            sheet.formats[r][c] = undefined;
        }
      }
      if (formats) {
        sheet.styles = sheet.styles.filter((s) => !intersect(s.rect, rect));
        sheet.merges = sheet.merges.filter((x) => !intersect(x, rect));
      }
    });
  }

  select(): void {
    this.change("select", null, (m) => {
      if (m.sheet.visibility !== "Visible")
        throw new FakeOfficeError(
          "InvalidSelection",
          "The current selection is invalid for this operation."
        );
      this.ctx.model.active = m.sheet;
      this.ctx.model.selection = { sheet: m.sheet, rect: m.rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const m = this.resolveOrThrow();
      const rect = m.sheet.usedRange(!!valuesOnly, m.rect);
      return rect ? { sheet: m.sheet, rect } : null;
    });
  }

  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const m = this.resolveOrThrow();
      if (cellType !== "Visible")
        throw new Error(`The fake cannot find special cells "${cellType}"`);
      const runs = (from: number, to: number, hidden: Set<number>): [number, number][] => {
        const out: [number, number][] = [];
        let start = -1;
        for (let i = from; i <= to; i++) {
          if (!hidden.has(i)) {
            if (start < 0) start = i;
          } else if (start >= 0) {
            out.push([start, i - 1]);
            start = -1;
          }
        }
        if (start >= 0) out.push([start, to]);
        return out;
      };
      const rows = runs(m.rect.top, m.rect.bottom, m.sheet.hiddenRows);
      const cols = runs(m.rect.left, m.rect.right, m.sheet.hiddenColumns);
      const areas: CellRange[] = [];
      for (const [top, bottom] of rows)
        for (const [left, right] of cols) areas.push({ top, bottom, left, right });
      return areas.length ? { sheet: m.sheet, areas } : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const m = this.resolveOrThrow();
      const areas = m.sheet.merges.filter((x) => intersect(x, m.rect));
      if (areas.length > 512)
        throw new FakeOfficeError(
          "GeneralException",
          "There are more than 512 merged areas in the range."
        );
      return areas.length ? { sheet: m.sheet, areas } : null;
    });
  }
}

interface AreasModel {
  readonly sheet: FakeSheetModel;
  readonly areas: readonly CellRange[];
}

class FakeRangeAreas extends FakeProxy<AreasModel> {
  constructor(ctx: FakeRequestContext, resolver: () => AreasModel | null) {
    super(ctx, resolver, "RangeAreas");
  }
  protected readProperty(m: AreasModel, prop: string): unknown {
    if (prop === "address")
      return m.areas.map((a) => `${quoteSheetName(m.sheet.name)}!${rangeAddress(a)}`).join(", ");
    if (prop === "areaCount") return m.areas.length;
    if (prop === "cellCount") return m.areas.reduce((n, a) => n + cellCount(a), 0);
    throw new Error(`The fake cannot load RangeAreas.${prop}`);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
}

// --- Formats ----------------------------------------------------------------------------------

/** A sub-object of a range that records style changes as ops on the range's rectangle. */
class FakeStyleTarget {
  constructor(
    protected readonly ctx: FakeRequestContext,
    protected readonly range: FakeRange,
    private readonly prefix: string
  ) {}

  protected setStyle(key: string, value: unknown): void {
    this.ctx.enqueue({
      label: `Range.format.${this.prefix}${key}`,
      requestBytes: 32 + jsonBytes(value),
      run: () => {
        const m = this.range.model();
        checkWritable(m.sheet);
        m.sheet.styles.push({ rect: m.rect, key: `${this.prefix}${key}`, value });
      },
    });
  }
}

class FakeRangeFormat extends FakeStyleTarget {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeBorders;
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    super(ctx, range, "");
    this.font = new FakeRangeFont(ctx, range, "font.");
    this.fill = new FakeRangeFill(ctx, range, "fill.");
    this.borders = new FakeBorders(ctx, range);
  }
  set horizontalAlignment(v: string) {
    this.setStyle("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.setStyle("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.setStyle("wrapText", v);
  }
  set columnWidth(points: number) {
    this.ctx.enqueue({
      label: "Range.format.columnWidth",
      requestBytes: 40,
      run: () => {
        const m = this.range.model();
        checkWritable(m.sheet);
        for (let c = m.rect.left; c <= m.rect.right; c++) m.sheet.columnWidths.set(c, points);
      },
    });
  }
  set rowHeight(points: number) {
    this.ctx.enqueue({
      label: "Range.format.rowHeight",
      requestBytes: 40,
      run: () => {
        const m = this.range.model();
        checkWritable(m.sheet);
        for (let r = m.rect.top; r <= m.rect.bottom; r++) m.sheet.rowHeights.set(r, points);
      },
    });
  }
  set useStandardWidth(v: boolean) {
    this.ctx.enqueue({
      label: "Range.format.useStandardWidth",
      requestBytes: 40,
      run: () => {
        const m = this.range.model();
        checkWritable(m.sheet);
        if (!v) return;
        for (const c of [...m.sheet.columnWidths.keys()])
          if (c >= m.rect.left && c <= m.rect.right) m.sheet.columnWidths.delete(c);
      },
    });
  }
}

class FakeRangeFont extends FakeStyleTarget {
  set bold(v: boolean) {
    this.setStyle("bold", v);
  }
  set italic(v: boolean) {
    this.setStyle("italic", v);
  }
  set size(v: number) {
    this.setStyle("size", v);
  }
  set color(v: string) {
    this.setStyle("color", v);
  }
}

class FakeRangeFill extends FakeStyleTarget {
  set color(v: string) {
    this.setStyle("color", v);
  }
}

class FakeBorders {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange
  ) {}
  getItem(edge: string): FakeBorder {
    return new FakeBorder(this.ctx, this.range, `border.${edge}.`);
  }
}

class FakeBorder extends FakeStyleTarget {
  set style(v: string) {
    this.setStyle("style", v);
  }
  set weight(v: string) {
    this.setStyle("weight", v);
  }
  set color(v: string) {
    this.setStyle("color", v);
  }
}

// --- Freeze panes, page layout -----------------------------------------------------------------

class FakeFreezePanes {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet
  ) {}
  private set(label: string, f: (m: FakeSheetModel) => void): void {
    this.ctx.enqueue({
      label: `FreezePanes.${label}`,
      requestBytes: 32,
      run: () => f(this.ws.model()),
    });
  }
  freezeRows(count: number): void {
    this.set("freezeRows", (m) => (m.freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.set("freezeColumns", (m) => (m.freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: FakeRange): void {
    this.set("freezeAt", (m) => {
      const r = range.model().rect;
      m.freeze = { rows: r.bottom + 1, columns: r.right + 1 };
    });
  }
  unfreeze(): void {
    this.set("unfreeze", (m) => (m.freeze = undefined));
  }
}

class FakePageLayout {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet
  ) {}
  private set(label: string, f: (m: FakeSheetModel) => void): void {
    this.ctx.enqueue({
      label: `PageLayout.${label}`,
      requestBytes: 40,
      run: () => {
        const m = this.ws.model();
        checkWritable(m);
        f(m);
      },
    });
  }
  set orientation(v: string) {
    this.set("orientation", (m) => (m.page.orientation = v));
  }
  set paperSize(v: string) {
    this.set("paperSize", (m) => (m.page.paperSize = v));
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set("zoom", (m) => (m.page.fitToWidth = v.horizontalFitToPages === 1));
  }
  setPrintArea(area: FakeRange | string): void {
    this.set("setPrintArea", (m) => {
      m.page.printArea = typeof area === "string" ? area : rangeAddress(area.model().rect);
    });
  }
}

// --- Charts -----------------------------------------------------------------------------------

const CHART_TYPES = new Set(["Line", "LineMarkers", "ColumnClustered", "BarClustered"]);

class FakeChartCollection extends FakeProxy<FakeSheetModel> {
  private items_?: FakeChart[];
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet
  ) {
    super(ctx, () => ws.model(), "ChartCollection");
  }
  protected readProperty(): unknown {
    throw new Error("ChartCollection has no scalar properties in the fake");
  }
  override snapshot(props: string[]): { bytes: number; cells: number; commit: () => void } {
    const sheet = this.ws.model();
    const itemProps = props.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    const proxies = sheet.charts
      .filter((c) => !c.deleted)
      .map((c) => new FakeChart(this.ctx, () => c));
    const parts = proxies.map((p) => p.snapshot(itemProps));
    return {
      bytes: parts.reduce((n, p) => n + p.bytes, 16),
      cells: 0,
      commit: () => {
        parts.forEach((p) => p.commit());
        this.items_ = proxies;
      },
    };
  }
  get items(): FakeChart[] {
    if (!this.items_) throw notLoaded("ChartCollection.items");
    return this.items_;
  }
  getItemAt(index: number): FakeChart {
    return new FakeChart(
      this.ctx,
      () => this.ws.model().charts.filter((c) => !c.deleted)[index] ?? null
    );
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    let created: FakeChartModel | null = null;
    this.ctx.enqueue({
      label: "ChartCollection.add",
      requestBytes: 64,
      run: () => {
        const sheet = this.ws.model();
        checkWritable(sheet);
        if (!CHART_TYPES.has(type))
          throw new FakeOfficeError("InvalidArgument", `Unknown chart type ${type}`);
        const src = source.model();
        const by = seriesBy ?? "Auto";
        const series: FakeSeriesModel[] = [];
        if (by === "Rows") {
          for (let r = src.rect.top + 1; r <= src.rect.bottom; r++)
            series.push({ name: String(outward(src.sheet.cell(r, src.rect.left))) });
        } else {
          for (let c = src.rect.left + 1; c <= src.rect.right; c++)
            series.push({ name: String(outward(src.sheet.cell(src.rect.top, c))) });
        }
        if (series.length === 0)
          throw new FakeOfficeError("EmptyChartSeries", "The chart has no data.");
        created = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: src,
          seriesBy: by,
          series,
        };
        sheet.charts.push(created);
      },
    });
    return new FakeChart(this.ctx, () => created);
  }
}

class FakeChart extends FakeProxy<FakeChartModel> {
  readonly title: FakeTextHolder;
  readonly axes: { valueAxis: FakeAxis; categoryAxis: FakeAxis };
  readonly legend: FakeLegend;
  readonly series: FakeSeriesCollection;
  constructor(ctx: FakeRequestContext, resolver: () => FakeChartModel | null) {
    super(ctx, resolver, "Chart");
    this.title = new FakeTextHolder(ctx, this, (m, v) => (m.title = v));
    this.axes = {
      valueAxis: new FakeAxis(ctx, this, "value"),
      categoryAxis: new FakeAxis(ctx, this, "category"),
    };
    this.legend = new FakeLegend(ctx, this);
    this.series = new FakeSeriesCollection(ctx, this);
  }
  /** @internal */
  model(): FakeChartModel {
    return this.resolveOrThrow();
  }
  /** @internal */
  edit(label: string, value: unknown, f: (m: FakeChartModel) => void): void {
    this.change(label, value, f);
  }
  protected readProperty(m: FakeChartModel, prop: string): unknown {
    if (prop === "name") return m.name;
    if (prop === "chartType") return m.type;
    throw new Error(`The fake cannot load Chart.${prop}`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.change("name", v, (m) => (m.name = v));
  }
  set altTextDescription(v: string) {
    this.change("altTextDescription", v, (m) => (m.altText = v));
  }
  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    const text = (x: string | FakeRange | undefined): string | undefined =>
      x === undefined ? undefined : typeof x === "string" ? x : rangeAddress(x.model().rect);
    this.change(
      "setPosition",
      [start, end].map((x) => (typeof x === "string" ? x : 0)),
      (m) => {
        m.position = { start: text(start) as string, end: text(end) };
      }
    );
  }
  delete(): void {
    this.change("delete", null, (m) => (m.deleted = true));
  }
}

class FakeTextHolder {
  constructor(
    _ctx: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly apply: (m: FakeChartModel, v: string) => void
  ) {}
  set text(v: string) {
    this.chart.edit("title.text", v, (m) => this.apply(m, v));
  }
}

class FakeAxis {
  readonly title: FakeTextHolder;
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly which: "value" | "category"
  ) {
    this.title = new FakeTextHolder(ctx, chart, (m, v) => {
      if (which === "value") m.valueAxisTitle = v;
      else m.categoryAxisTitle = v;
    });
  }
  set numberFormat(v: string) {
    this.chart.edit(`${this.which}Axis.numberFormat`, v, (m) => {
      if (this.which === "value") m.valueAxisNumberFormat = v;
    });
  }
  set maximum(v: number) {
    this.chart.edit(`${this.which}Axis.maximum`, v, (m) => {
      if (this.which === "value") m.valueAxisMaximum = v;
    });
  }
  set tickLabelSpacing(v: number) {
    this.chart.edit(`${this.which}Axis.tickLabelSpacing`, v, (m) => {
      if (this.which === "category") m.categoryTickLabelSpacing = v;
    });
  }
}

class FakeLegend {
  constructor(
    _ctx: FakeRequestContext,
    private readonly chart: FakeChart
  ) {}
  set position(v: string) {
    this.chart.edit("legend.position", v, (m) => (m.legendPosition = v));
  }
}

class FakeSeriesCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: FakeChart
  ) {}
  getItemAt(index: number): FakeSeries {
    return new FakeSeries(this.ctx, this.chart, index);
  }
}

class FakeSeries {
  readonly format: { line: FakeSeriesLine; fill: FakeSeriesFill };
  constructor(
    _ctx: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly index: number
  ) {
    this.format = { line: new FakeSeriesLine(this), fill: new FakeSeriesFill(this) };
  }
  /** @internal */
  edit(label: string, value: unknown, f: (s: FakeSeriesModel) => void): void {
    this.chart.edit(`series[${this.index}].${label}`, value, (m) => {
      const s = m.series[this.index];
      if (!s) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${this.index}.`);
      f(s);
    });
  }
  set chartType(v: string) {
    this.edit("chartType", v, (s) => (s.chartType = v));
  }
}

class FakeSeriesLine {
  constructor(private readonly series: FakeSeries) {}
  set lineStyle(v: string) {
    this.series.edit("line.lineStyle", v, (s) => (s.lineStyle = v));
  }
  set color(v: string) {
    this.series.edit("line.color", v, (s) => (s.lineColor = v));
  }
}

class FakeSeriesFill {
  constructor(private readonly series: FakeSeries) {}
  setSolidColor(v: string): void {
    this.series.edit("fill.setSolidColor", v, (s) => (s.fillColor = v));
  }
}

// --- Tables -----------------------------------------------------------------------------------

class FakeTableCollection extends FakeProxy<FakeWorkbookModel> {
  private items_?: FakeTable[];
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet | null
  ) {
    super(ctx, () => ctx.model, "TableCollection");
  }
  protected readProperty(): unknown {
    throw new Error("TableCollection has no scalar properties in the fake");
  }
  override snapshot(props: string[]): { bytes: number; cells: number; commit: () => void } {
    const sheet = this.ws ? this.ws.model() : undefined;
    const itemProps = props.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    const tables = this.ctx.model.tables.filter((t) => !sheet || t.sheet === sheet);
    const proxies = tables.map((t) => new FakeTable(this.ctx, () => t));
    const parts = proxies.map((p) => p.snapshot(itemProps));
    return {
      bytes: parts.reduce((n, p) => n + p.bytes, 16),
      cells: 0,
      commit: () => {
        parts.forEach((p) => p.commit());
        this.items_ = proxies;
      },
    };
  }
  get items(): FakeTable[] {
    if (!this.items_) throw notLoaded("TableCollection.items");
    return this.items_;
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: FakeTableModel | null = null;
    this.ctx.enqueue({
      label: "TableCollection.add",
      requestBytes: 64,
      run: () => {
        let range: RangeModel;
        if (typeof address === "string") {
          const bang = address.lastIndexOf("!");
          const sheet =
            bang >= 0
              ? this.ctx.model.sheet(address.slice(0, bang).replace(/^'|'$/g, ""))
              : this.ws?.model();
          const rect = parseArea(address);
          if (!sheet || !rect)
            throw new FakeOfficeError("InvalidArgument", `Bad table address ${address}`);
          range = { sheet, rect };
        } else range = address.model();
        checkWritable(range.sheet);
        if (
          this.ctx.model.tables.some(
            (t) => t.sheet === range.sheet && intersect(t.rect, range.rect)
          )
        )
          throw new FakeOfficeError("InvalidOperation", "Tables cannot overlap.");
        let n = this.ctx.model.tables.length + 1;
        while (this.ctx.model.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
        created = { name: `Table${n}`, sheet: range.sheet, rect: range.rect, hasHeaders };
        this.ctx.model.tables.push(created);
      },
    });
    return new FakeTable(this.ctx, () => created);
  }
}

class FakeTable extends FakeProxy<FakeTableModel> {
  constructor(ctx: FakeRequestContext, resolver: () => FakeTableModel | null) {
    super(ctx, resolver, "Table");
  }
  protected readProperty(m: FakeTableModel, prop: string): unknown {
    if (prop === "name") return m.name;
    throw new Error(`The fake cannot load Table.${prop}`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.change("name", v, (m) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v) || v.length > 255)
        throw new FakeOfficeError("InvalidArgument", `"${v}" is not a valid table name.`);
      if (this.ctx.model.tables.some((t) => t !== m && t.name.toLowerCase() === v.toLowerCase()))
        throw new FakeOfficeError("InvalidArgument", `A table named "${v}" already exists.`);
      m.name = v;
    });
  }
  set style(v: string) {
    this.change("style", v, (m) => (m.style = v));
  }
  delete(): void {
    this.change("delete", null, (m) => {
      this.ctx.model.tables = this.ctx.model.tables.filter((t) => t !== m);
    });
  }
}

// --- Defined names ------------------------------------------------------------------------------

class FakeNamedItemCollection extends FakeProxy<FakeWorkbookModel> {
  private items_?: FakeNamedItem[];
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.model, "NamedItemCollection");
  }
  protected readProperty(): unknown {
    throw new Error("NamedItemCollection has no scalar properties in the fake");
  }
  override snapshot(props: string[]): { bytes: number; cells: number; commit: () => void } {
    const itemProps = props.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    const proxies = this.ctx.model.names.map((n) => new FakeNamedItem(this.ctx, () => n));
    const parts = proxies.map((p) => p.snapshot(itemProps));
    return {
      bytes: parts.reduce((n, p) => n + p.bytes, 16),
      cells: 0,
      commit: () => {
        parts.forEach((p) => p.commit());
        this.items_ = proxies;
      },
    };
  }
  get items(): FakeNamedItem[] {
    if (!this.items_) throw notLoaded("NamedItemCollection.items");
    return this.items_;
  }
  add(name: string, reference: FakeRange | string): FakeNamedItem {
    let created: FakeNameModel | null = null;
    this.ctx.enqueue({
      label: "NamedItemCollection.add",
      requestBytes: 64 + name.length,
      run: () => {
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
          throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
        if (this.ctx.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
        const target = typeof reference === "string" ? reference : reference.model();
        created = { name, target, visible: true };
        this.ctx.model.names.push(created);
      },
    });
    return new FakeNamedItem(this.ctx, () => created);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const n = this.ctx.model.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new FakeOfficeError("ItemNotFound", `The name "${name}" does not exist.`);
      return n;
    });
  }
}

class FakeNamedItem extends FakeProxy<FakeNameModel> {
  constructor(ctx: FakeRequestContext, resolver: () => FakeNameModel | null) {
    super(ctx, resolver, "NamedItem");
  }
  protected readProperty(m: FakeNameModel, prop: string): unknown {
    switch (prop) {
      case "name":
        return m.name;
      case "formula":
        return this.ctx.model.nameFormula(m);
      case "type":
        return typeof m.target === "string" ? "String" : "Range";
      case "visible":
        return m.visible;
      default:
        throw new Error(`The fake cannot load NamedItem.${prop}`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  get type(): string {
    return this.get("type");
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.change("visible", v, (m) => (m.visible = v));
  }
  delete(): void {
    this.change("delete", null, (m) => {
      this.ctx.model.names = this.ctx.model.names.filter((n) => n !== m);
    });
  }
}
