/**
 * A test host for Microsoft's own Excel client runtime (excelRuntime.ts): the gateway's code runs
 * against the real Office.js (proxy objects, `load`, `sync`, object paths, tracked references,
 * null objects, error objects), and every `context.sync()` arrives here as the request message
 * Excel on the web would receive. The host answers it from an in-memory workbook (the model
 * behind the recording fake, built from the same WorkbookGrid), the way Excel does:
 *
 * - a request is a list of actions over object paths (instantiate, query, method, set property),
 *   run in order; the first failing action stops the request with Excel's error code and the
 *   index of the action, and what ran before it stays done (Excel has no rollback);
 * - Excel on the web's limits: a request body over 5,000,000 bytes is refused before anything
 *   runs (host error 5103, which the runtime turns into "RequestPayloadSizeLimitExceeded"), a
 *   response over 5,000,000 bytes is refused (5104, "ResponsePayloadSizeLimitExceeded"), a read
 *   of more than 5 million cells fails, and cell-level properties (values, number formats,
 *   formulas) of an unbounded range (whole rows or columns) read as null and cannot be set;
 * - calculation suspended for a request (suspendApiCalculationUntilNextSync) leaves the workbook
 *   uncalculated until something recalculates it (`needsRecalculation`);
 * - text over 255 characters in a Text ("@") cell displays as "#" signs (Range.text), as desktop
 *   Excel shows it.
 *
 * Every request is recorded with its real size on the wire, which is what the bench reports.
 * What this cannot show, only real Excel can: rendering, charts as drawn, desktop timing.
 */
import { CellRange, WorkbookGrid, quoteSheetName } from "../../src/core/grid";
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  cellCount,
  intersect,
  parseArea,
  parseAreas,
  rangeAddress,
} from "../../src/excel/address";
import type { ExcelRun } from "../../src/excel/officeGateway";
import {
  FakeChartModel,
  FakeNameModel,
  FakeScalar,
  FakeSheetModel,
  FakeTableModel,
  FakeWorkbookModel,
  typedEntry,
} from "./fakeExcel";
import { HOST_HEADER, RichApiMessage, RichApiResult, excelRuntime } from "./excelRuntime";

/** Excel on the web's limits, as documented for add-ins. */
export const EXCEL_WEB_LIMITS = {
  maxRequestBytes: 5_000_000,
  maxResponseBytes: 5_000_000,
  maxCellsPerRead: 5_000_000,
} as const;

export interface HostOptions {
  readonly maxRequestBytes?: number;
  readonly maxResponseBytes?: number;
  readonly maxCellsPerRead?: number;
  /** Requirement sets the host supports, e.g. "1.9": API beyond it fails with ApiNotFound. */
  readonly excelApi?: string;
  /** Workbook date system (Excel for Mac's old default was 1904). */
  readonly date1904?: boolean;
  /**
   * Settings this host refuses with InvalidArgument, as "Type.property" (e.g.
   * "PageLayout.paperSize"): a host or printer without that setting.
   */
  readonly refuse?: readonly string[];
  /**
   * A RangeAreas address longer than this many characters comes back cut short (the rest of
   * the areas missing, the last one perhaps cut through), as a host might return the visible
   * cells of a sheet with many hidden-row areas; areaCount, cellCount and areas stay whole.
   */
  readonly maxAreasAddressChars?: number;
}

/** One request as the host received it. */
export interface HostRequest {
  readonly index: number;
  /** UTF-8 bytes of the request body the runtime sent. */
  readonly requestBytes: number;
  /** UTF-8 bytes of the response body (0 when refused before running). */
  readonly responseBytes: number;
  readonly actions: number;
  readonly cellsRead: number;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
  /** Excel's error code when the request failed. */
  readonly failed?: string;
  /** The failing action's place, e.g. "Chart.name". */
  readonly failedAt?: string;
}

/** An error as Excel reports it for one action. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400
  ) {
    super(message);
  }
}

interface ObjectPathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  readonly QueryInfo?: { Select?: string[] | null; Expand?: string[] | null };
}

interface RequestBody {
  readonly Actions: ActionInfo[];
  readonly ObjectPaths: Record<string, ObjectPathInfo>;
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

function notFound(what: string): HostError {
  return new HostError("ItemNotFound", `The requested resource doesn't exist. (${what})`, 404);
}

function invalidArgument(what: string): HostError {
  return new HostError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format. (${what})`
  );
}

function apiNotFound(what: string): HostError {
  return new HostError(
    "ApiNotFound",
    `The API you are trying to use could not be found. (${what})`,
    404
  );
}

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

// ---------------------------------------------------------------------------------------------
// Server-side objects

interface Session {
  readonly wb: FakeWorkbookModel;
  readonly options: HostOptions;
  cellsRead: number;
  calcSuspended: boolean;
  screenSuspended: boolean;
  needsRecalculation: boolean;
  changed(): void;
  requires(version: string, what: string): void;
}

/** An object Excel holds for an object path. */
abstract class Obj {
  abstract readonly type: string;
  constructor(protected readonly s: Session) {}
  /** A navigation property ("Format", "Worksheets"). */
  nav(name: string): Obj {
    throw apiNotFound(`${this.type}.${camel(name)}`);
  }
  /** A method that returns an object ("GetRange"). */
  call(name: string, _args: unknown[]): Obj {
    throw apiNotFound(`${this.type}.${camel(name)}()`);
  }
  /** A method run as an action ("Clear"); returns its result value. */
  invoke(name: string, args: unknown[]): unknown {
    return this.call(name, args) && null;
  }
  index(key: unknown): Obj {
    throw apiNotFound(`${this.type}[${String(key)}]`);
  }
  /** A scalar property, by its camelCase name. */
  get(name: string): unknown {
    throw apiNotFound(`${this.type}.${name}`);
  }
  set(name: string, _value: unknown): void {
    throw apiNotFound(`${this.type}.${camel(name)} =`);
  }
  /** Scalar properties loaded when nothing is selected. */
  scalars(): string[] {
    return [];
  }
  /** A collection's items (undefined for an object). */
  items(): Obj[] | undefined {
    return undefined;
  }
  /** The key an item is found again by (its Id), if any. */
  id(): string | undefined {
    return undefined;
  }
}

class NullObj extends Obj {
  readonly type = "NullObject";
}

function query(obj: Obj, select: readonly string[] | null | undefined): unknown {
  if (obj instanceof NullObj) return null;
  const list = obj.items();
  if (list) {
    const sub = select?.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    return { _Items: list.map((item) => ({ ...idOf(item), ...(query(item, sub) as object) })) };
  }
  const out: Record<string, unknown> = {};
  const props = select && select.length > 0 ? select : obj.scalars();
  const nested = new Map<string, string[]>();
  for (const p of props) {
    const slash = p.indexOf("/");
    if (slash < 0) {
      out[pascal(p)] = obj.get(p);
      continue;
    }
    const head = p.slice(0, slash);
    nested.set(head, [...(nested.get(head) ?? []), p.slice(slash + 1)]);
  }
  for (const [head, rest] of nested) out[pascal(head)] = query(obj.nav(pascal(head)), rest);
  return out;
}

function idOf(obj: Obj): Record<string, string> {
  const id = obj.id();
  return id === undefined ? {} : { _Id: id };
}

function asRect(r: unknown, what: string): RangeObj {
  if (r instanceof RangeObj) return r;
  throw invalidArgument(what);
}

function checkWritable(sheet: FakeSheetModel): void {
  if (sheet.isProtected)
    throw new HostError(
      "AccessDenied",
      "The cell or chart you're trying to change is protected.",
      403
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

class WorkbookObj extends Obj {
  readonly type = "Workbook";
  override nav(name: string): Obj {
    switch (name) {
      case "Worksheets":
        return new WorksheetsObj(this.s);
      case "Names":
        return new NamesObj(this.s);
      case "Tables":
        return new TablesObj(this.s, undefined);
      case "Application":
        return new ApplicationObj(this.s);
      case "Functions":
        return new FunctionsObj(this.s);
      default:
        return super.nav(name);
    }
  }
  override invoke(name: string, args: unknown[]): unknown {
    if (name === "_RemoveReference") return null;
    if (name === "GetSelectedRange" || name === "GetActiveCell") return null;
    return super.invoke(name, args);
  }
}

class ApplicationObj extends Obj {
  readonly type = "Application";
  override invoke(name: string, args: unknown[]): unknown {
    switch (name) {
      case "SuspendApiCalculationUntilNextSync":
        this.s.calcSuspended = true;
        return null;
      case "SuspendScreenUpdatingUntilNextSync":
        this.s.screenSuspended = true;
        return null;
      case "Calculate":
        this.s.needsRecalculation = false;
        return null;
      default:
        return super.invoke(name, args);
    }
  }
  override get(name: string): unknown {
    if (name === "calculationMode") return "Automatic";
    return super.get(name);
  }
  override scalars(): string[] {
    return ["calculationMode"];
  }
}

/** Excel's worksheet functions; DATE is the one the reader asks (to learn the date system). */
class FunctionsObj extends Obj {
  readonly type = "Functions";
  override call(name: string, args: unknown[]): Obj {
    if (name === "Date") {
      const [y, m, d] = args.map(Number);
      const ms = Date.UTC(y < 1900 ? y + 1900 : y, m - 1, d);
      const epoch = this.s.options.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      return new FunctionResultObj(this.s, Math.round((ms - epoch) / 86_400_000));
    }
    return super.call(name, args);
  }
}

class FunctionResultObj extends Obj {
  readonly type = "FunctionResult";
  constructor(
    s: Session,
    private readonly result: number
  ) {
    super(s);
  }
  override get(name: string): unknown {
    if (name === "value") return this.result;
    if (name === "error") return null;
    return super.get(name);
  }
  override scalars(): string[] {
    return ["error", "value"];
  }
}

class WorksheetsObj extends Obj {
  readonly type = "WorksheetCollection";
  override items(): Obj[] {
    return this.s.wb.sheets.filter((x) => !x.deleted).map((x) => new WorksheetObj(this.s, x));
  }
  private find(key: unknown): FakeSheetModel | undefined {
    const k = String(key);
    return this.s.wb.sheet(k) ?? this.s.wb.sheets.find((x) => !x.deleted && x.id === k);
  }
  override index(key: unknown): Obj {
    const sheet = this.find(key);
    if (!sheet) throw notFound(`worksheet "${String(key)}"`);
    return new WorksheetObj(this.s, sheet);
  }
  override call(name: string, args: unknown[]): Obj {
    switch (name) {
      case "GetItem":
        return this.index(args[0]);
      case "GetItemOrNullObject": {
        const sheet = this.find(args[0]);
        return sheet ? new WorksheetObj(this.s, sheet) : new NullObj(this.s);
      }
      case "GetItemAt": {
        const sheet = this.s.wb.sheets.filter((x) => !x.deleted)[Number(args[0])];
        if (!sheet) throw notFound(`worksheet ${String(args[0])}`);
        return new WorksheetObj(this.s, sheet);
      }
      case "GetActiveWorksheet": {
        const sheet = this.s.wb.active;
        if (!sheet) throw notFound("active worksheet");
        return new WorksheetObj(this.s, sheet);
      }
      case "Add": {
        const name = String(args[0]);
        if (!validSheetName(name)) throw invalidArgument(`sheet name "${name}"`);
        if (this.s.wb.sheet(name))
          throw new HostError(
            "ItemAlreadyExists",
            `A resource with the same name or identifier already exists. ("${name}")`,
            409
          );
        const sheet = new FakeSheetModel(name);
        this.s.wb.sheets.push(sheet);
        this.s.changed();
        return new WorksheetObj(this.s, sheet);
      }
      default:
        return super.call(name, args);
    }
  }
}

class WorksheetObj extends Obj {
  readonly type = "Worksheet";
  constructor(
    s: Session,
    readonly sheet: FakeSheetModel
  ) {
    super(s);
  }
  override id(): string {
    return this.sheet.id;
  }
  private live(): FakeSheetModel {
    if (this.sheet.deleted) throw notFound(`worksheet "${this.sheet.name}"`);
    return this.sheet;
  }
  override scalars(): string[] {
    return ["id", "name", "position", "visibility", "tabColor"];
  }
  override get(name: string): unknown {
    const m = this.live();
    switch (name) {
      case "name":
        return m.name;
      case "id":
        return m.id;
      case "visibility":
        return m.visibility;
      case "position":
        return this.s.wb.sheets.filter((x) => !x.deleted).indexOf(m);
      case "tabColor":
        return m.tabColor;
      default:
        return super.get(name);
    }
  }
  override set(name: string, v: unknown): void {
    const m = this.live();
    switch (name) {
      case "Name": {
        const text = String(v);
        if (!validSheetName(text)) throw invalidArgument(`sheet name "${text}"`);
        const other = this.s.wb.sheet(text);
        if (other && other !== m)
          throw new HostError(
            "ItemAlreadyExists",
            `A resource with the same name or identifier already exists. ("${text}")`,
            409
          );
        m.name = text;
        return;
      }
      case "Visibility": {
        const visible = this.s.wb.sheets.filter((x) => !x.deleted && x.visibility === "Visible");
        if (v !== "Visible" && visible.length === 1 && visible[0] === m)
          throw new HostError(
            "InvalidOperation",
            "This operation is not permitted for the current object. (the last visible sheet)"
          );
        if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
          throw invalidArgument(`visibility ${String(v)}`);
        m.visibility = v;
        if (v !== "Visible" && this.s.wb.active === m)
          this.s.wb.active = this.s.wb.sheets.find((x) => !x.deleted && x.visibility === "Visible");
        return;
      }
      case "TabColor":
        checkWritable(m);
        m.tabColor = String(v);
        return;
      case "Position": {
        const list = this.s.wb.sheets;
        list.splice(list.indexOf(m), 1);
        list.splice(Math.max(0, Math.min(Number(v), list.length)), 0, m);
        return;
      }
      default:
        super.set(name, v);
    }
  }
  override nav(name: string): Obj {
    const m = this.live();
    switch (name) {
      case "Charts":
        return new ChartsObj(this.s, m);
      case "Tables":
        return new TablesObj(this.s, m);
      case "FreezePanes":
        return new FreezePanesObj(this.s, m);
      case "PageLayout":
        return new PageLayoutObj(this.s, m);
      default:
        return super.nav(name);
    }
  }
  override call(name: string, args: unknown[]): Obj {
    const m = this.live();
    switch (name) {
      case "GetRange": {
        const address = args[0];
        if (address === null || address === undefined || address === "")
          return new RangeObj(this.s, m, {
            top: 0,
            left: 0,
            bottom: EXCEL_MAX_ROWS - 1,
            right: EXCEL_MAX_COLUMNS - 1,
          });
        const rect = parseArea(String(address));
        if (!rect || String(address).includes(","))
          throw invalidArgument(`address "${String(address)}"`);
        return new RangeObj(this.s, m, rect);
      }
      case "GetRanges": {
        this.s.requires("1.9", "Worksheet.getRanges");
        const areas = parseAreas(String(args[0] ?? ""));
        if (areas.length === 0) throw invalidArgument(`address "${String(args[0])}"`);
        return new AreasObj(this.s, m, areas);
      }
      case "GetRangeByIndexes": {
        const [row, col, rows, cols] = args.map(Number);
        if (
          row < 0 ||
          col < 0 ||
          rows < 1 ||
          cols < 1 ||
          row + rows > EXCEL_MAX_ROWS ||
          col + cols > EXCEL_MAX_COLUMNS
        )
          throw invalidArgument("range indexes");
        return new RangeObj(this.s, m, {
          top: row,
          left: col,
          bottom: row + rows - 1,
          right: col + cols - 1,
        });
      }
      case "GetUsedRange":
      case "GetUsedRangeOrNullObject": {
        const rect = m.usedRange(!!args[0]);
        if (rect) return new RangeObj(this.s, m, rect);
        if (name === "GetUsedRange")
          return new RangeObj(this.s, m, { top: 0, left: 0, bottom: 0, right: 0 });
        return new NullObj(this.s);
      }
      default:
        return super.call(name, args);
    }
  }
  override invoke(name: string, args: unknown[]): unknown {
    const m = this.live();
    switch (name) {
      case "Activate":
        if (m.visibility !== "Visible")
          throw new HostError(
            "InvalidOperation",
            "This operation is not permitted for the current object. (a hidden sheet)"
          );
        this.s.wb.active = m;
        return null;
      case "Delete": {
        const visible = this.s.wb.sheets.filter((x) => !x.deleted && x.visibility === "Visible");
        if (visible.length === 1 && visible[0] === m)
          throw new HostError(
            "InvalidOperation",
            "This operation is not permitted for the current object. (the last visible sheet)"
          );
        m.deleted = true;
        this.s.wb.tables = this.s.wb.tables.filter((t) => t.sheet !== m);
        this.s.changed();
        return null;
      }
      default:
        return super.invoke(name, args);
    }
  }
}

const TOO_MANY_CELLS = (n: number): HostError =>
  new HostError(
    "ResponsePayloadSizeLimitExceeded",
    `The response payload size has exceeded the limit. (a read of ${n.toLocaleString("en-GB")} cells)`
  );

function outward(v: FakeScalar): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(v: FakeScalar): string {
  if (v === null || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "string") return "String";
  return "Error";
}

/** An address as Excel writes it: "A1:C5", whole columns "A:C", whole rows "2:4". */
function excelAddress(r: CellRange): string {
  const full = rangeAddress(r);
  const columns = r.top === 0 && r.bottom === EXCEL_MAX_ROWS - 1;
  const rows = r.left === 0 && r.right === EXCEL_MAX_COLUMNS - 1;
  if (columns && !rows) return full.replace(/\d+/g, "");
  if (rows && !columns) return full.replace(/[A-Z]+/g, "");
  return full;
}

/** Whole rows or whole columns: Excel's "unbounded" ranges. */
function unbounded(r: CellRange): boolean {
  return (
    (r.top === 0 && r.bottom === EXCEL_MAX_ROWS - 1) ||
    (r.left === 0 && r.right === EXCEL_MAX_COLUMNS - 1)
  );
}

const CELL_LEVEL = new Set(["values", "valueTypes", "numberFormat", "formulas", "text"]);

class RangeObj extends Obj {
  readonly type = "Range";
  constructor(
    s: Session,
    readonly sheet: FakeSheetModel,
    readonly rect: CellRange
  ) {
    super(s);
  }
  override scalars(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "valueTypes",
      "numberFormat",
      "formulas",
      "text",
    ];
  }
  private grid<T>(cell: (r: number, c: number) => T): T[][] | null {
    const { rect } = this;
    if (unbounded(rect)) return null;
    const n = cellCount(rect);
    if (n > (this.s.options.maxCellsPerRead ?? EXCEL_WEB_LIMITS.maxCellsPerRead))
      throw TOO_MANY_CELLS(n);
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = new Array(rect.right - rect.left + 1);
      for (let c = rect.left; c <= rect.right; c++) row[c - rect.left] = cell(r, c);
      out.push(row);
    }
    return out;
  }
  override get(name: string): unknown {
    const { sheet, rect } = this;
    if (sheet.deleted) throw notFound(`worksheet "${sheet.name}"`);
    if (name === "values" && !unbounded(rect)) this.s.cellsRead += cellCount(rect);
    switch (name) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${excelAddress(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "cellCount":
        return cellCount(rect);
      case "values":
        return this.grid((r, c) => outward(sheet.cell(r, c)));
      case "valueTypes":
        return this.grid((r, c) => valueType(sheet.cell(r, c)));
      case "numberFormat":
        return this.grid((r, c) => sheet.format(r, c) ?? "General");
      case "formulas":
        return this.grid((r, c) => sheet.formulas.get(`${r},${c}`) ?? outward(sheet.cell(r, c)));
      case "text":
        // Desktop Excel shows text longer than 255 characters in a Text-formatted cell as #s.
        return this.grid((r, c) => {
          const v = outward(sheet.cell(r, c));
          return sheet.format(r, c) === "@" && typeof v === "string" && v.length > 255
            ? "#".repeat(16)
            : String(v);
        });
      case "rowHidden": {
        let hidden = 0;
        for (const r of sheet.hiddenRows) if (r >= rect.top && r <= rect.bottom) hidden++;
        return hidden === rect.bottom - rect.top + 1 ? true : hidden === 0 ? false : null;
      }
      case "columnHidden": {
        let hidden = 0;
        for (const c of sheet.hiddenColumns) if (c >= rect.left && c <= rect.right) hidden++;
        return hidden === rect.right - rect.left + 1 ? true : hidden === 0 ? false : null;
      }
      default:
        return super.get(name);
    }
  }
  /** A 2-D argument of the range's shape, or one value for every cell. */
  private shaped(v: unknown, what: string): (r: number, c: number) => unknown {
    if (!Array.isArray(v)) return () => v;
    const rows = this.rect.bottom - this.rect.top + 1;
    const cols = this.rect.right - this.rect.left + 1;
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
      throw invalidArgument(
        `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range`
      );
    return (r, c) => (v as unknown[][])[r - this.rect.top][c - this.rect.left];
  }
  override set(name: string, v: unknown): void {
    const { sheet, rect } = this;
    if (sheet.deleted) throw notFound(`worksheet "${sheet.name}"`);
    if (CELL_LEVEL.has(camel(name)) && unbounded(rect))
      throw invalidArgument(`${camel(name)} of an unbounded range`);
    checkWritable(sheet);
    switch (name) {
      case "Values": {
        const at = this.shaped(v, "values");
        for (let r = rect.top; r <= rect.bottom; r++)
          for (let c = rect.left; c <= rect.right; c++) this.enter(r, c, at(r, c));
        this.s.changed();
        return;
      }
      case "Hyperlink": {
        const link = (v ?? {}) as {
          documentReference?: string;
          address?: string;
          textToDisplay?: string;
          screenTip?: string;
        };
        sheet.hyperlinks.set(`${rect.top},${rect.left}`, { ...link });
        if (link.textToDisplay !== undefined)
          sheet.setCell(rect.top, rect.left, link.textToDisplay);
        this.s.changed();
        return;
      }
      case "NumberFormat": {
        const at = this.shaped(v, "numberFormat");
        for (let r = rect.top; r <= rect.bottom; r++)
          for (let c = rect.left; c <= rect.right; c++) {
            const f = at(r, c);
            if (f === null || f === undefined) continue;
            sheet.setFormat(r, c, String(f) === "General" ? undefined : String(f));
          }
        return;
      }
      default:
        super.set(name, v);
    }
  }
  /** A value entered into a cell, typed as Excel types it unless the cell is Text ("@"). */
  private enter(r: number, c: number, x: unknown): void {
    const { sheet } = this;
    if (x === null || x === undefined) return;
    const key = `${r},${c}`;
    sheet.formulas.delete(key);
    sheet.quotePrefixed.delete(key);
    if (typeof x === "number" || typeof x === "boolean") return sheet.setCell(r, c, x);
    const text = String(x);
    if (text === "") return sheet.setCell(r, c, null);
    if (sheet.format(r, c) === "@") return sheet.setCell(r, c, text);
    const typed = typedEntry(text);
    sheet.setCell(r, c, typed.value);
    if (typed.formula) sheet.formulas.set(key, typed.formula);
    if (typed.quote) sheet.quotePrefixed.add(key);
    if (typed.format && sheet.format(r, c) === undefined) sheet.setFormat(r, c, typed.format);
  }
  override nav(name: string): Obj {
    if (name === "Format") return new FormatObj(this.s, this.sheet, [this.rect]);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): Obj {
    const { sheet, rect } = this;
    switch (name) {
      case "GetUsedRangeOrNullObject":
      case "GetUsedRange": {
        const used = sheet.usedRange(!!args[0], rect);
        if (used) return new RangeObj(this.s, sheet, used);
        if (name === "GetUsedRange") throw notFound("used range");
        return new NullObj(this.s);
      }
      case "GetSpecialCellsOrNullObject":
      case "GetSpecialCells": {
        this.s.requires("1.9", "Range.getSpecialCells");
        if (args[0] !== "Visible") throw apiNotFound(`special cells ${String(args[0])}`);
        const areas = visibleAreas(sheet, rect);
        if (areas.length) return new AreasObj(this.s, sheet, areas);
        if (name === "GetSpecialCells") throw notFound("visible cells");
        return new NullObj(this.s);
      }
      case "GetMergedAreasOrNullObject": {
        this.s.requires("1.13", "Range.getMergedAreasOrNullObject");
        const areas = sheet.merges.filter((x) => intersect(x, rect));
        if (areas.length > 512)
          throw new HostError(
            "GeneralException",
            "There was an internal error while processing the request. (more than 512 merged areas)",
            500
          );
        return areas.length ? new AreasObj(this.s, sheet, areas) : new NullObj(this.s);
      }
      case "GetRow": {
        const r = rect.top + Number(args[0]);
        return new RangeObj(this.s, sheet, { ...rect, top: r, bottom: r });
      }
      case "GetBoundingRect": {
        const o = asRect(args[0], "getBoundingRect");
        return new RangeObj(this.s, sheet, {
          top: Math.min(rect.top, o.rect.top),
          left: Math.min(rect.left, o.rect.left),
          bottom: Math.max(rect.bottom, o.rect.bottom),
          right: Math.max(rect.right, o.rect.right),
        });
      }
      case "GetCell":
        return new RangeObj(this.s, sheet, {
          top: rect.top + Number(args[0]),
          left: rect.left + Number(args[1]),
          bottom: rect.top + Number(args[0]),
          right: rect.left + Number(args[1]),
        });
      default:
        return super.call(name, args);
    }
  }
  override invoke(name: string, args: unknown[]): unknown {
    const { sheet, rect } = this;
    switch (name) {
      case "_KeepReference":
        return null;
      case "_ValidateArraySize": {
        // The runtime cuts a large array into pieces of 1,500 cells and asks first whether the
        // whole matches the range.
        const [rows, cols] = args.map(Number);
        if (rows !== rect.bottom - rect.top + 1 || cols !== rect.right - rect.left + 1)
          throw invalidArgument(
            "the number of rows or columns in the input array doesn't match the size or dimensions of the range"
          );
        return null;
      }
      case "Merge": {
        checkWritable(sheet);
        if (args[0]) throw apiNotFound("merge across");
        if (sheet.merges.some((x) => intersect(x, rect)))
          throw new HostError(
            "MergedRangeConflict",
            "The operation can't be performed on a range that overlaps merged cells."
          );
        for (let r = rect.top; r <= rect.bottom; r++)
          for (let c = rect.left; c <= rect.right; c++)
            if ((r !== rect.top || c !== rect.left) && sheet.cell(r, c) !== null)
              sheet.setCell(r, c, null);
        sheet.merges.push({ ...rect });
        return null;
      }
      case "Unmerge":
        checkWritable(sheet);
        sheet.merges = sheet.merges.filter((x) => !intersect(x, rect));
        return null;
      case "Clear":
        checkWritable(sheet);
        clearCells(sheet, [rect], String(args[0] ?? "All"));
        this.s.changed();
        return null;
      case "Select":
        if (sheet.visibility !== "Visible")
          throw new HostError(
            "InvalidSelection",
            "The current selection is invalid for this operation."
          );
        this.s.wb.active = sheet;
        this.s.wb.selection = { sheet, rect };
        return null;
      default:
        return super.invoke(name, args);
    }
  }
}

function clearCells(sheet: FakeSheetModel, rects: readonly CellRange[], what: string): void {
  const contents = what === "All" || what === "Contents";
  const formats = what === "All" || what === "Formats";
  for (const rect of rects) {
    const lastRow = Math.min(rect.bottom, Math.max(sheet.values.length, sheet.formats.length) - 1);
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
      sheet.styles = sheet.styles.filter((x) => !intersect(x.rect, rect));
      sheet.merges = sheet.merges.filter((x) => !intersect(x, rect));
    }
  }
}

function visibleAreas(sheet: FakeSheetModel, rect: CellRange): CellRange[] {
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
  const areas: CellRange[] = [];
  for (const [top, bottom] of runs(rect.top, rect.bottom, sheet.hiddenRows))
    for (const [left, right] of runs(rect.left, rect.right, sheet.hiddenColumns))
      areas.push({ top, bottom, left, right });
  return areas;
}

/** A RangeAreas: several rectangles of one sheet. */
class AreasObj extends Obj {
  readonly type = "RangeAreas";
  constructor(
    s: Session,
    readonly sheet: FakeSheetModel,
    readonly areas: readonly CellRange[]
  ) {
    super(s);
  }
  override scalars(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  override get(name: string): unknown {
    switch (name) {
      case "address": {
        const address = this.areas
          .map((a) => `${quoteSheetName(this.sheet.name)}!${rangeAddress(a)}`)
          .join(",");
        const max = this.s.options.maxAreasAddressChars;
        return max !== undefined && address.length > max ? address.slice(0, max) : address;
      }
      case "areaCount":
        return this.areas.length;
      case "cellCount":
        return this.areas.reduce((n, a) => n + cellCount(a), 0);
      default:
        return super.get(name);
    }
  }
  override nav(name: string): Obj {
    if (name === "Format") return new FormatObj(this.s, this.sheet, this.areas);
    if (name === "Areas") return new AreaRangesObj(this.s, this.sheet, this.areas);
    return super.nav(name);
  }
  override invoke(name: string, args: unknown[]): unknown {
    if (name === "_KeepReference") return null;
    if (name === "Clear") {
      checkWritable(this.sheet);
      clearCells(this.sheet, this.areas, String(args[0] ?? "All"));
      return null;
    }
    return super.invoke(name, args);
  }
}

/** RangeAreas.areas: the rectangles as a RangeCollection, one Range each. */
class AreaRangesObj extends Obj {
  readonly type = "RangeCollection";
  constructor(
    s: Session,
    readonly sheet: FakeSheetModel,
    readonly areas: readonly CellRange[]
  ) {
    super(s);
  }
  override items(): Obj[] {
    return this.areas.map((a) => new RangeObj(this.s, this.sheet, a));
  }
}

/** Range.format and its parts: each setting is kept as a style op over the rectangles. */
class StyleObj extends Obj {
  constructor(
    s: Session,
    readonly type: string,
    protected readonly sheet: FakeSheetModel,
    protected readonly rects: readonly CellRange[],
    private readonly prefix: string,
    private readonly keys: Record<string, (v: unknown) => boolean>
  ) {
    super(s);
  }
  override set(name: string, v: unknown): void {
    const key = camel(name);
    const valid = this.keys[key];
    if (!valid) return super.set(name, v);
    if (!valid(v)) throw invalidArgument(`${this.type}.${key} = ${JSON.stringify(v)}`);
    checkWritable(this.sheet);
    for (const rect of this.rects)
      this.sheet.styles.push({ rect, key: `${this.prefix}${key}`, value: v });
  }
}

const isBool = (v: unknown): boolean => typeof v === "boolean";
const isColor = (v: unknown): boolean =>
  typeof v === "string" && /^(#[0-9A-Fa-f]{6}|[A-Za-z]+|)$/.test(v);
const oneOf =
  (...list: string[]) =>
  (v: unknown): boolean =>
    typeof v === "string" && list.includes(v);

class FormatObj extends StyleObj {
  constructor(s: Session, sheet: FakeSheetModel, rects: readonly CellRange[]) {
    super(s, "RangeFormat", sheet, rects, "", {
      horizontalAlignment: oneOf(
        "General",
        "Left",
        "Center",
        "Right",
        "Fill",
        "Justify",
        "CenterAcrossSelection",
        "Distributed"
      ),
      verticalAlignment: oneOf("Top", "Center", "Bottom", "Justify", "Distributed"),
      wrapText: isBool,
    });
  }
  override nav(name: string): Obj {
    switch (name) {
      case "Font":
        return new StyleObj(this.s, "RangeFont", this.sheet, this.rects, "font.", {
          bold: isBool,
          italic: isBool,
          size: (v) => typeof v === "number" && v >= 1 && v <= 409,
          color: isColor,
          name: (v) => typeof v === "string",
        });
      case "Fill":
        return new StyleObj(this.s, "RangeFill", this.sheet, this.rects, "fill.", {
          color: isColor,
        });
      case "Borders":
        return new BordersObj(this.s, this.sheet, this.rects);
      default:
        return super.nav(name);
    }
  }
  override set(name: string, v: unknown): void {
    const { sheet } = this;
    if (name === "RowHeight") {
      checkWritable(sheet);
      if (typeof v !== "number" || v < 0 || v > 409) throw invalidArgument("rowHeight");
      for (const rect of this.rects)
        for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v);
      return;
    }
    if (name === "ColumnWidth" || name === "UseStandardWidth") {
      checkWritable(sheet);
      for (const rect of this.rects) {
        if (name === "ColumnWidth") {
          if (typeof v !== "number" || v < 0) throw invalidArgument("columnWidth");
          if (rect.right - rect.left >= EXCEL_MAX_COLUMNS - 1 && rect.left === 0) continue;
          for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
        } else if (v === true) {
          for (const c of [...sheet.columnWidths.keys()])
            if (c >= rect.left && c <= rect.right) sheet.columnWidths.delete(c);
        }
      }
      return;
    }
    super.set(name, v);
  }
}

class BordersObj extends Obj {
  readonly type = "RangeBorderCollection";
  constructor(
    s: Session,
    private readonly sheet: FakeSheetModel,
    private readonly rects: readonly CellRange[]
  ) {
    super(s);
  }
  override index(edge: unknown): Obj {
    const e = String(edge);
    if (
      ![
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideVertical",
        "InsideHorizontal",
        "DiagonalDown",
        "DiagonalUp",
      ].includes(e)
    )
      throw invalidArgument(`border ${e}`);
    return new StyleObj(this.s, "RangeBorder", this.sheet, this.rects, `border.${e}.`, {
      style: oneOf(
        "None",
        "Continuous",
        "Dash",
        "DashDot",
        "DashDotDot",
        "Dot",
        "Double",
        "SlantDashDot"
      ),
      weight: oneOf("Hairline", "Thin", "Medium", "Thick"),
      color: isColor,
    });
  }
  override call(name: string, args: unknown[]): Obj {
    if (name === "GetItem") return this.index(args[0]);
    return super.call(name, args);
  }
}

class FreezePanesObj extends Obj {
  readonly type = "WorksheetFreezePanes";
  constructor(
    s: Session,
    private readonly sheet: FakeSheetModel
  ) {
    super(s);
  }
  override invoke(name: string, args: unknown[]): unknown {
    const m = this.sheet;
    switch (name) {
      case "FreezeRows":
        m.freeze = { rows: Number(args[0] ?? 1), columns: 0 };
        return null;
      case "FreezeColumns":
        m.freeze = { rows: 0, columns: Number(args[0] ?? 1) };
        return null;
      case "FreezeAt": {
        const r = asRect(args[0], "freezeAt");
        m.freeze = { rows: r.rect.bottom + 1, columns: r.rect.right + 1 };
        return null;
      }
      case "Unfreeze":
        m.freeze = undefined;
        return null;
      default:
        return super.invoke(name, args);
    }
  }
}

const PAPER_SIZES = new Set([
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
]);

class PageLayoutObj extends Obj {
  readonly type = "PageLayout";
  constructor(
    s: Session,
    private readonly sheet: FakeSheetModel
  ) {
    super(s);
  }
  override set(name: string, v: unknown): void {
    const m = this.sheet;
    this.s.requires("1.9", "PageLayout");
    checkWritable(m);
    switch (name) {
      case "Orientation":
        if (v !== "Portrait" && v !== "Landscape") throw invalidArgument("orientation");
        m.page.orientation = v;
        return;
      case "PaperSize":
        if (!PAPER_SIZES.has(String(v))) throw invalidArgument("paperSize");
        m.page.paperSize = String(v);
        return;
      case "Zoom": {
        const z = v as {
          horizontalFitToPages?: number;
          verticalFitToPages?: number;
          scale?: number;
        };
        if (z.scale !== undefined && (z.scale < 10 || z.scale > 400))
          throw invalidArgument("zoom.scale");
        m.page.fitToWidth = z.horizontalFitToPages === 1;
        return;
      }
      default:
        super.set(name, v);
    }
  }
  override invoke(name: string, args: unknown[]): unknown {
    if (name === "SetPrintArea") {
      this.s.requires("1.9", "PageLayout.setPrintArea");
      const a = args[0];
      this.sheet.page.printArea =
        typeof a === "string" ? a : rangeAddress(asRect(a, "printArea").rect);
      return null;
    }
    return super.invoke(name, args);
  }
}

const CHART_TYPES = new Set([
  "Line",
  "LineMarkers",
  "ColumnClustered",
  "BarClustered",
  "ColumnStacked",
  "Pie",
]);
let nextChartId = 1;
const chartIds = new WeakMap<FakeChartModel, string>();

function chartId(c: FakeChartModel): string {
  let id = chartIds.get(c);
  if (!id) {
    id = `{host-chart-${nextChartId++}}`;
    chartIds.set(c, id);
  }
  return id;
}

class ChartsObj extends Obj {
  readonly type = "ChartCollection";
  constructor(
    s: Session,
    private readonly sheet: FakeSheetModel
  ) {
    super(s);
  }
  override items(): Obj[] {
    return this.sheet.charts.filter((c) => !c.deleted).map((c) => new ChartObj(this.s, c));
  }
  override index(key: unknown): Obj {
    const k = String(key);
    const c = this.sheet.charts.find((x) => !x.deleted && (chartId(x) === k || x.name === k));
    if (!c) throw notFound(`chart "${k}"`);
    return new ChartObj(this.s, c);
  }
  override call(name: string, args: unknown[]): Obj {
    if (name === "GetItem") return this.index(args[0]);
    if (name === "GetItemAt") {
      const c = this.sheet.charts.filter((x) => !x.deleted)[Number(args[0])];
      if (!c) throw notFound(`chart ${String(args[0])}`);
      return new ChartObj(this.s, c);
    }
    if (name !== "Add") return super.call(name, args);
    const [type, source, seriesBy] = args;
    checkWritable(this.sheet);
    if (!CHART_TYPES.has(String(type))) throw invalidArgument(`chart type ${String(type)}`);
    const src = asRect(source, "sourceData");
    const by = String(seriesBy ?? "Auto");
    const series: { name: string }[] = [];
    if (by === "Rows") {
      for (let r = src.rect.top + 1; r <= src.rect.bottom; r++)
        series.push({ name: String(outward(src.sheet.cell(r, src.rect.left))) });
    } else {
      for (let c = src.rect.left + 1; c <= src.rect.right; c++)
        series.push({ name: String(outward(src.sheet.cell(src.rect.top, c))) });
    }
    const created: FakeChartModel = {
      name: `Chart ${this.sheet.charts.length + 1}`,
      type: String(type),
      source: { sheet: src.sheet, rect: src.rect },
      seriesBy: by,
      series,
    };
    this.sheet.charts.push(created);
    return new ChartObj(this.s, created);
  }
}

class ChartObj extends Obj {
  readonly type = "Chart";
  constructor(
    s: Session,
    readonly chart: FakeChartModel
  ) {
    super(s);
  }
  override id(): string {
    return chartId(this.chart);
  }
  override scalars(): string[] {
    return ["id", "name", "chartType"];
  }
  private live(): FakeChartModel {
    if (this.chart.deleted) throw notFound(`chart "${this.chart.name}"`);
    return this.chart;
  }
  override get(name: string): unknown {
    const c = this.live();
    if (name === "name") return c.name;
    if (name === "id") return chartId(c);
    if (name === "chartType") return c.type;
    return super.get(name);
  }
  override set(name: string, v: unknown): void {
    const c = this.live();
    if (name === "Name") {
      // Excel refuses chart names over 255 characters... and so does Excel on the web at 250.
      if (typeof v !== "string" || v.length > 249) throw invalidArgument("chart name");
      c.name = v;
      return;
    }
    if (name === "ChartType") {
      c.type = String(v);
      return;
    }
    super.set(name, v);
  }
  override nav(name: string): Obj {
    const c = this.live();
    switch (name) {
      case "Title":
        return new TextObj(this.s, "ChartTitle", (v) => (c.title = v));
      case "Legend":
        return new PropsObj(this.s, "ChartLegend", {
          Position: (v) => (c.legendPosition = String(v)),
          Visible: () => undefined,
        });
      case "Axes":
        return new AxesObj(this.s, c);
      case "Series":
        return new SeriesCollectionObj(this.s, c);
      default:
        return super.nav(name);
    }
  }
  override invoke(name: string, args: unknown[]): unknown {
    const c = this.live();
    if (name === "SetPosition") {
      c.position = {
        start: String(args[0]),
        end: args[1] === null || args[1] === undefined ? undefined : String(args[1]),
      };
      return null;
    }
    if (name === "Delete") {
      c.deleted = true;
      return null;
    }
    return super.invoke(name, args);
  }
}

class PropsObj extends Obj {
  constructor(
    s: Session,
    readonly type: string,
    private readonly setters: Record<string, (v: unknown) => void>,
    private readonly navs: Record<string, () => Obj> = {}
  ) {
    super(s);
  }
  override set(name: string, v: unknown): void {
    const f = this.setters[name];
    if (!f) return super.set(name, v);
    f(v);
  }
  override nav(name: string): Obj {
    const f = this.navs[name];
    return f ? f() : super.nav(name);
  }
}

class TextObj extends PropsObj {
  constructor(s: Session, type: string, apply: (v: string) => void) {
    super(s, type, {
      Text: (v) => {
        if (typeof v !== "string" || v.length > 255) throw invalidArgument(`${type}.text`);
        apply(v);
      },
      Visible: () => undefined,
    });
  }
}

class AxesObj extends Obj {
  readonly type = "ChartAxes";
  constructor(
    s: Session,
    private readonly chart: FakeChartModel
  ) {
    super(s);
  }
  override nav(name: string): Obj {
    const c = this.chart;
    if (name === "ValueAxis")
      return new PropsObj(
        this.s,
        "ChartAxis",
        {
          NumberFormat: (v) => (c.valueAxisNumberFormat = String(v)),
          Maximum: (v) => (c.valueAxisMaximum = Number(v)),
        },
        {
          Title: () => new TextObj(this.s, "ChartAxisTitle", (v) => (c.valueAxisTitle = v)),
        }
      );
    if (name === "CategoryAxis")
      return new PropsObj(
        this.s,
        "ChartAxis",
        {
          NumberFormat: () => undefined,
          TickLabelSpacing: (v) => (c.categoryTickLabelSpacing = Number(v)),
        },
        {
          Title: () => new TextObj(this.s, "ChartAxisTitle", (v) => (c.categoryAxisTitle = v)),
        }
      );
    return super.nav(name);
  }
}

class SeriesCollectionObj extends Obj {
  readonly type = "ChartSeriesCollection";
  constructor(
    s: Session,
    private readonly chart: FakeChartModel
  ) {
    super(s);
  }
  override call(name: string, args: unknown[]): Obj {
    if (name !== "GetItemAt") return super.call(name, args);
    const s = this.chart.series[Number(args[0])];
    if (!s) throw notFound(`series ${String(args[0])}`);
    const line = (): Obj =>
      new PropsObj(this.s, "ChartLineFormat", {
        LineStyle: (v) => (s.lineStyle = String(v)),
        Color: (v) => (s.lineColor = String(v)),
      });
    const fill = (): Obj => {
      const o = new PropsObj(this.s, "ChartFill", {});
      o.invoke = (n: string, a: unknown[]) => {
        if (n === "SetSolidColor") {
          s.fillColor = String(a[0]);
          return null;
        }
        return Obj.prototype.invoke.call(o, n, a);
      };
      return o;
    };
    return new PropsObj(
      this.s,
      "ChartSeries",
      { ChartType: (v) => (s.chartType = String(v)) },
      {
        Format: () => new PropsObj(this.s, "ChartSeriesFormat", {}, { Line: line, Fill: fill }),
      }
    );
  }
}

let nextTableId = 1;
const tableIds = new WeakMap<FakeTableModel, string>();
function tableId(t: FakeTableModel): string {
  let id = tableIds.get(t);
  if (!id) {
    id = `{host-table-${nextTableId++}}`;
    tableIds.set(t, id);
  }
  return id;
}

class TablesObj extends Obj {
  readonly type = "TableCollection";
  constructor(
    s: Session,
    private readonly sheet: FakeSheetModel | undefined
  ) {
    super(s);
  }
  override items(): Obj[] {
    return this.s.wb.tables
      .filter((t) => !this.sheet || t.sheet === this.sheet)
      .map((t) => new TableObj(this.s, t));
  }
  override index(key: unknown): Obj {
    const k = String(key);
    const t = this.s.wb.tables.find(
      (x) => tableId(x) === k || x.name.toLowerCase() === k.toLowerCase()
    );
    if (!t) throw notFound(`table "${k}"`);
    return new TableObj(this.s, t);
  }
  override call(name: string, args: unknown[]): Obj {
    if (name === "GetItem") return this.index(args[0]);
    if (name !== "Add") return super.call(name, args);
    const [address, hasHeaders] = args;
    let range: { sheet: FakeSheetModel; rect: CellRange };
    if (typeof address === "string") {
      const bang = address.lastIndexOf("!");
      const sheet =
        bang >= 0 ? this.s.wb.sheet(address.slice(0, bang).replace(/^'|'$/g, "")) : this.sheet;
      const rect = parseArea(address);
      if (!sheet || !rect) throw invalidArgument(`table address ${address}`);
      range = { sheet, rect };
    } else {
      const r = asRect(address, "table address");
      range = { sheet: r.sheet, rect: r.rect };
    }
    checkWritable(range.sheet);
    if (this.s.wb.tables.some((t) => t.sheet === range.sheet && intersect(t.rect, range.rect)))
      throw new HostError(
        "InvalidOperation",
        "This operation is not permitted for the current object. (tables cannot overlap)"
      );
    let n = this.s.wb.tables.length + 1;
    while (this.s.wb.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
    const created: FakeTableModel = {
      name: `Table${n}`,
      sheet: range.sheet,
      rect: range.rect,
      hasHeaders: !!hasHeaders,
    };
    this.s.wb.tables.push(created);
    return new TableObj(this.s, created);
  }
}

class TableObj extends Obj {
  readonly type = "Table";
  constructor(
    s: Session,
    private readonly table: FakeTableModel
  ) {
    super(s);
  }
  override id(): string {
    return tableId(this.table);
  }
  override scalars(): string[] {
    return ["id", "name", "style"];
  }
  override get(name: string): unknown {
    if (name === "name") return this.table.name;
    if (name === "id") return tableId(this.table);
    if (name === "style") return this.table.style ?? "TableStyleMedium2";
    return super.get(name);
  }
  override set(name: string, v: unknown): void {
    const m = this.table;
    if (name === "Name") {
      const text = String(v);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(text) || text.length > 255)
        throw invalidArgument(`table name "${text}"`);
      if (this.s.wb.tables.some((t) => t !== m && t.name.toLowerCase() === text.toLowerCase()))
        throw invalidArgument(`table name "${text}" already exists`);
      m.name = text;
      return;
    }
    if (name === "Style") {
      m.style = String(v);
      return;
    }
    super.set(name, v);
  }
  override invoke(name: string, args: unknown[]): unknown {
    if (name === "Delete") {
      this.s.wb.tables = this.s.wb.tables.filter((t) => t !== this.table);
      return null;
    }
    return super.invoke(name, args);
  }
}

class NamesObj extends Obj {
  readonly type = "NamedItemCollection";
  override items(): Obj[] {
    return this.s.wb.names.map((n) => new NameObj(this.s, n));
  }
  override index(key: unknown): Obj {
    const k = String(key).toLowerCase();
    const n = this.s.wb.names.find((x) => x.name.toLowerCase() === k);
    if (!n) throw notFound(`name "${String(key)}"`);
    return new NameObj(this.s, n);
  }
  override call(name: string, args: unknown[]): Obj {
    if (name === "GetItem") return this.index(args[0]);
    if (name === "GetItemOrNullObject") {
      const k = String(args[0]).toLowerCase();
      const n = this.s.wb.names.find((x) => x.name.toLowerCase() === k);
      return n ? new NameObj(this.s, n) : new NullObj(this.s);
    }
    if (name !== "Add" && name !== "AddFormulaLocal") return super.call(name, args);
    const [text, reference] = args;
    const nm = String(text);
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(nm)) throw invalidArgument(`name "${nm}"`);
    if (this.s.wb.names.some((n) => n.name.toLowerCase() === nm.toLowerCase()))
      throw new HostError(
        "ItemAlreadyExists",
        `A resource with the same name or identifier already exists. ("${nm}")`,
        409
      );
    const target =
      typeof reference === "string"
        ? reference
        : (() => {
            const r = asRect(reference, "reference");
            return { sheet: r.sheet, rect: r.rect };
          })();
    const created: FakeNameModel = { name: nm, target, visible: true };
    this.s.wb.names.push(created);
    return new NameObj(this.s, created);
  }
}

class NameObj extends Obj {
  readonly type = "NamedItem";
  constructor(
    s: Session,
    private readonly item: FakeNameModel
  ) {
    super(s);
  }
  override id(): string {
    return this.item.name;
  }
  override scalars(): string[] {
    return ["name", "type", "value", "visible", "formula"];
  }
  override get(name: string): unknown {
    const n = this.item;
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return this.s.wb.nameFormula(n);
      case "value":
        return this.s.wb.nameFormula(n).replace(/^=/, "");
      case "type":
        return typeof n.target === "string" ? "String" : "Range";
      case "visible":
        return n.visible;
      default:
        return super.get(name);
    }
  }
  override set(name: string, v: unknown): void {
    if (name === "Visible") {
      this.item.visible = !!v;
      return;
    }
    super.set(name, v);
  }
  override invoke(name: string, args: unknown[]): unknown {
    if (name === "Delete") {
      this.s.wb.names = this.s.wb.names.filter((x) => x !== this.item);
      return null;
    }
    return super.invoke(name, args);
  }
}

// ---------------------------------------------------------------------------------------------
// The host

let nextHostId = 1;

export class ExcelRuntimeHost {
  readonly requests: HostRequest[] = [];
  /** Calls into the API the host does not implement: a test should fail on any. */
  readonly unsupported: string[] = [];
  /** Number of Excel.run calls. */
  runs = 0;
  /** True when a write happened with calculation suspended and nothing recalculated since. */
  needsRecalculation = false;
  private readonly hostId = `host-${nextHostId++}`;
  /** Objects kept by reference (_KeepReference) across requests, as Excel keeps them. */
  private readonly refs = new Map<string, Obj>();
  private readonly refOf = new Map<Obj, string>();
  private nextRef = 1;
  private failures: { atRequest: number; code: string; message: string }[] = [];

  constructor(
    readonly model: FakeWorkbookModel,
    readonly options: HostOptions = {}
  ) {}

  static fromGrid(grid: WorkbookGrid, options: HostOptions = {}): ExcelRuntimeHost {
    return new ExcelRuntimeHost(FakeWorkbookModel.fromGrid(grid), options);
  }

  /** Makes request number `atRequest` (1-based; default the next) fail with `code`. */
  failRequest(code: string, options: { atRequest?: number; message?: string } = {}): void {
    this.failures.push({
      atRequest: options.atRequest ?? this.requests.length + 1,
      code,
      message: options.message ?? `Injected failure ${code}`,
    });
  }

  /** Use as the gateway's `run`: Microsoft's Excel.run, answered by this host. */
  readonly run: ExcelRun = async (batch) => {
    this.runs++;
    const runtime = excelRuntime();
    runtime.register(this.hostId, (message, respond) => respond(this.handle(message)));
    return runtime.run(async (context) => {
      context.requestHeaders[HOST_HEADER] = this.hostId;
      return batch(context);
    });
  };

  /**
   * Objects the add-in asked Excel to keep across requests (_KeepReference: tracked objects).
   * Each is released in a request of its own at the end of Excel.run, so thousands of them are
   * one more request, which can be over the limit.
   */
  get referencesKept(): number {
    return this.refs.size;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }

  get largestResponseBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }

  private handle(message: RichApiMessage): RichApiResult {
    const text = String(message[4]);
    const index = this.requests.length + 1;
    const requestBytes = utf8Bytes(text);
    const body = JSON.parse(text) as RequestBody;
    const base = { index, requestBytes, actions: body.Actions.length };
    if (process.env.HOST_DEBUG) {
      const names = new Map<string, number>();
      for (const a of body.Actions)
        names.set(`${a.ActionType}:${a.Name}`, (names.get(`${a.ActionType}:${a.Name}`) ?? 0) + 1);
      const paths = new Map<string, number>();
      for (const o of Object.values(body.ObjectPaths))
        paths.set(
          `${o.ObjectPathType}:${o.Name}`,
          (paths.get(`${o.ObjectPathType}:${o.Name}`) ?? 0) + 1
        );
      console.log(index, requestBytes, JSON.stringify([...names]), JSON.stringify([...paths]));
    }
    const maxRequest = this.options.maxRequestBytes ?? EXCEL_WEB_LIMITS.maxRequestBytes;
    if (requestBytes > maxRequest) {
      this.requests.push({
        ...base,
        responseBytes: 0,
        cellsRead: 0,
        calculationSuspended: false,
        screenUpdatingSuspended: false,
        failed: "RequestPayloadSizeLimitExceeded",
      });
      return {
        status: "failed",
        error: { code: 5103, message: "The request payload size has exceeded the limit." },
      };
    }
    const injected = this.failures.findIndex((f) => f.atRequest === index);
    const session: Session = {
      wb: this.model,
      options: this.options,
      cellsRead: 0,
      calcSuspended: false,
      screenSuspended: false,
      needsRecalculation: this.needsRecalculation,
      changed() {
        if (this.calcSuspended) this.needsRecalculation = true;
      },
      requires: (version, what) => {
        if (this.options.excelApi && !versionAtLeast(this.options.excelApi, version))
          throw apiNotFound(what);
      },
    };
    const results: { ActionId: number; Value: unknown }[] = [];
    let error: Record<string, unknown> | undefined;
    let failedAt: string | undefined;
    if (injected >= 0) {
      const [f] = this.failures.splice(injected, 1);
      error = {
        Code: f.code,
        Message: f.message,
        HttpStatusCode: 400,
        ActionIndex: 0,
        Location: "",
      };
    } else {
      const objects = new Map<number, Obj>();
      const resolve = (id: number): Obj => {
        const known = objects.get(id);
        if (known) return known;
        const info = body.ObjectPaths[String(id)];
        if (!info)
          throw new HostError(
            "InvalidObjectPath",
            `The object path '${id}' isn't working for what you're trying to do.`
          );
        const obj = this.evaluate(info, session, resolve);
        objects.set(id, obj);
        return obj;
      };
      for (let i = 0; i < body.Actions.length; i++) {
        const a = body.Actions[i];
        let obj: Obj | undefined;
        try {
          obj = a.ActionType === 5 ? undefined : resolve(a.ObjectPathId);
          const value = this.act(a, obj, resolve);
          if (value !== undefined) results.push({ ActionId: a.Id, Value: value });
        } catch (e) {
          if (!(e instanceof HostError)) throw e;
          if (e.code === "ApiNotFound") this.unsupported.push(e.message);
          failedAt = obj ? `${obj.type}.${camel(a.Name || "")}` : undefined;
          error = {
            Code: e.code,
            Message: e.message,
            HttpStatusCode: e.httpStatus,
            ActionIndex: i,
            Location: failedAt ?? "",
          };
          break;
        }
      }
    }
    this.needsRecalculation = session.needsRecalculation;
    const response = JSON.stringify(
      error ? { Results: results, Error: error } : { Results: results }
    );
    const responseBytes = utf8Bytes(response);
    const record = {
      ...base,
      responseBytes,
      cellsRead: session.cellsRead,
      calculationSuspended: session.calcSuspended,
      screenUpdatingSuspended: session.screenSuspended,
    };
    const maxResponse = this.options.maxResponseBytes ?? EXCEL_WEB_LIMITS.maxResponseBytes;
    if (responseBytes > maxResponse) {
      this.requests.push({ ...record, failed: "ResponsePayloadSizeLimitExceeded" });
      return {
        status: "failed",
        error: { code: 5104, message: "The response payload size has exceeded the limit." },
      };
    }
    this.requests.push(error ? { ...record, failed: String(error.Code), failedAt } : record);
    return { status: "succeeded", value: { data: [200, [], response] } };
  }

  private args(
    info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined,
    resolve: (id: number) => Obj
  ): unknown[] {
    const list = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return list.map((v, i) => (refs[i] ? resolve(refs[i]) : v));
  }

  private evaluate(info: ObjectPathInfo, s: Session, resolve: (id: number) => Obj): Obj {
    const parent = (): Obj => {
      if (info.ParentObjectPathId === undefined)
        throw new HostError("InvalidObjectPath", "An object path has no parent.");
      return resolve(info.ParentObjectPathId);
    };
    switch (info.ObjectPathType) {
      case 1:
        return new WorkbookObj(s);
      case 3:
        return parent().call(info.Name, this.args(info.ArgumentInfo, resolve));
      case 4:
        return parent().nav(info.Name);
      case 5:
        return parent().index(this.args(info.ArgumentInfo, resolve)[0]);
      case 6: {
        const kept = this.refs.get(info.Name);
        if (!kept)
          throw new HostError(
            "InvalidObjectPath",
            `The object path '${info.Name}' isn't working for what you're trying to do.`
          );
        return kept;
      }
      case 7:
        return new NullObj(s);
      default:
        throw apiNotFound(`object path type ${info.ObjectPathType}`);
    }
  }

  private act(a: ActionInfo, obj: Obj | undefined, resolve: (id: number) => Obj): unknown {
    switch (a.ActionType) {
      case 1: {
        if (!obj || obj instanceof NullObj) return null;
        const ref = this.refOf.get(obj);
        return { ...(ref ? { _ReferenceId: ref } : {}), ...idOf(obj) };
      }
      case 2:
        if (!obj) return undefined;
        if (obj instanceof NullObj) return null;
        return query(obj, a.QueryInfo?.Select ?? undefined);
      case 3: {
        if (!obj) return undefined;
        if (a.Name === "_KeepReference") {
          if (!(obj instanceof NullObj) && !this.refOf.has(obj)) {
            const ref = `ref-${this.nextRef++}`;
            this.refs.set(ref, obj);
            this.refOf.set(obj, ref);
          }
          return null;
        }
        if (obj instanceof NullObj)
          throw new HostError("InvalidObjectPath", "The object is a null object.");
        return obj.invoke(a.Name, this.args(a.ArgumentInfo, resolve)) ?? null;
      }
      case 4:
        if (!obj || obj instanceof NullObj)
          throw new HostError("InvalidObjectPath", "The object is a null object.");
        if (this.options.refuse?.includes(`${obj.type}.${camel(a.Name)}`))
          throw invalidArgument(`${obj.type}.${camel(a.Name)} is not available here`);
        obj.set(a.Name, this.args(a.ArgumentInfo, resolve)[0]);
        return undefined;
      case 5:
        return undefined;
      default:
        throw apiNotFound(`action type ${a.ActionType}`);
    }
  }
}
