/**
 * The workbook gateway: the one interface through which the task pane and the command line
 * read a workbook and write the add-in's sheets. src/excel implements it over Office.js,
 * src/preview over an in-memory workbook. Both pass the same contract tests.
 */
import { CellRef, WorkbookGrid } from "./grid";
import { WritePlan, SheetNameDecision } from "./writePlan";

/** Anything with `aborted`, e.g. an AbortSignal. */
export interface Cancellation {
  readonly aborted: boolean;
}

export interface Progress {
  readonly phase: "reading" | "writing";
  readonly done: number;
  readonly total: number;
  /** What is being done, for the progress bar's label, e.g. "Budget (rows 1-50,000)". */
  readonly label?: string;
}

export interface ReadOptions {
  readonly cancel?: Cancellation;
  readonly onProgress?: (p: Progress) => void;
}

export interface WriteOptions {
  readonly cancel?: Cancellation;
  readonly onProgress?: (p: Progress) => void;
}

export interface WriteResult {
  readonly sheets: readonly SheetNameDecision[];
  /** Optional settings a host refused (page layout, chart styling): the sheets are written. */
  readonly notes?: readonly string[];
}

/** JSON-safe settings stored inside the workbook, so a second run asks nothing. */
export type StoredSettings = { readonly [key: string]: JsonValue };
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Thrown by a gateway when the user cancelled; everything else is reported as GatewayError. */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "CancelledError";
  }
}

/** A failure in plain English, naming the sheet or range where known. */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly where?: string
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

/**
 * Office hosts (Office.context.platform) whose webview cannot save a file from an add-in:
 * WKWebView in Excel for Mac and iPad has no downloads (OfficeDev/office-js issues 2700, 3385,
 * 4681), and the Android webview none. Unknown (outside Office): files can be saved.
 */
const PLATFORMS_WITHOUT_DOWNLOADS: ReadonlySet<string> = new Set(["Mac", "iOS", "Android"]);

/** Whether the pane can save a file it makes on this host (WorkbookGateway.canSaveFiles). */
export function platformSavesFiles(platform: string | undefined): boolean {
  return platform === undefined || !PLATFORMS_WITHOUT_DOWNLOADS.has(platform);
}

export interface WorkbookGateway {
  readonly kind: "excel" | "preview";
  /**
   * False where the host cannot save a file the pane makes (the webviews of Excel for Mac and
   * iPad have no downloads): the pane then says so and offers what works there.
   */
  readonly canSaveFiles?: boolean;
  /** Every sheet's used range: values, number formats, hidden rows, merges, ownership. */
  readWorkbook(options?: ReadOptions): Promise<WorkbookGrid>;
  /** Applies a write plan to the add-in's own sheets only. */
  applyWritePlan(plan: WritePlan, options?: WriteOptions): Promise<WriteResult>;
  /** Selects (Excel) or highlights (preview) a cell. */
  selectCell(ref: CellRef): Promise<void>;
  activateSheet(name: string): Promise<void>;
  loadSettings(): Promise<StoredSettings>;
  saveSettings(settings: StoredSettings): Promise<void>;
}
