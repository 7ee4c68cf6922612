/**
 * The workbook gateway over Office.js: the only code in the add-in that calls Excel.run.
 *
 * - readWorkbook: every sheet's used range in one Excel.run, two syncs for an ordinary workbook,
 *   larger sheets in chunks under Excel's request limits (reader.ts, readPlan.ts).
 * - applyWritePlan: the add-in's own sheets only, in at most three syncs plus one per extra
 *   chunk of a large table, text kept literal (writer.ts).
 * - selectCell / activateSheet: show a figure's source cell, or a sheet the add-in wrote.
 * - loadSettings / saveSettings: the settings sheet shared with the preview (settings.ts).
 * Office errors come out as GatewayError in plain English naming the sheet or range (errors.ts).
 *
 * Requirement sets: ExcelApi 1.9 for hidden rows (getSpecialCellsOrNullObject) and page layout,
 * 1.7 for defined names' formulas, frozen panes and tab colours, 1.8 for the chart axis number
 * format; 1.13 for merged areas (getMergedAreasOrNullObject), which are skipped on hosts
 * without it. Office.js has no alternative text for charts: the chart's name carries it.
 */
import {
  GatewayError,
  platformSavesFiles,
  ReadOptions,
  StoredSettings,
  WorkbookGateway,
  WriteOptions,
  WriteResult,
} from "../core/gateway";
import { CellRef, WorkbookGrid, parseA1 } from "../core/grid";
import { encodeSettingsSheet } from "../core/ownership";
import type { WritePlan } from "../core/writePlan";
import { ErrorPlace, toGatewayError } from "./errors";
import { DEFAULT_READ_LIMITS, ReadLimits } from "./readPlan";
import { ReadPlace, readWorkbookWith } from "./reader";
import { isJsonValue, loadSettingsWith, saveSettingsWith } from "./settings";
import type { WritePlace } from "./writer";

/** What Excel.run is to the gateway: tests pass a fake's. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Asks the host whether it supports a requirement set, e.g. ("ExcelApi", "1.13"). */
export type RequirementCheck = (set: string, version: string) => boolean;

export interface OfficeGatewayOptions {
  /** Request sizes and the first window (see readPlan.ts). */
  readonly limits?: Partial<ReadLimits>;
  /** Read formulas as well as values (default true); only formula cells keep one. */
  readonly readFormulas?: boolean;
  /** Default: Office.context.requirements.isSetSupported, or "yes" outside Office. */
  readonly supports?: RequirementCheck;
  /** Office.context.platform ("PC", "OfficeOnline", "Mac", "iOS", ...); default: Office's own. */
  readonly platform?: string;
}

function officePlatform(): string | undefined {
  if (typeof Office === "undefined" || !Office.context) return undefined;
  const p: unknown = Office.context.platform;
  return typeof p === "string" ? p : undefined;
}

const excelRun: ExcelRun = (batch) => Excel.run(batch);

function officeSupports(set: string, version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported(set, version);
}

export class OfficeGateway implements WorkbookGateway {
  readonly kind = "excel" as const;
  readonly canSaveFiles: boolean;
  private readonly limits: ReadLimits;
  private readonly readFormulas: boolean;
  private readonly supports: RequirementCheck;

  constructor(
    private readonly run: ExcelRun = excelRun,
    options: OfficeGatewayOptions = {}
  ) {
    this.limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
    this.readFormulas = options.readFormulas ?? true;
    this.supports = options.supports ?? officeSupports;
    const platform = options.platform ?? officePlatform();
    this.canSaveFiles = platformSavesFiles(platform);
  }

  /** Runs a batch; any failure comes out as a GatewayError naming `place` (or CancelledError). */
  private async guarded<T>(
    place: ErrorPlace & { sheet?: string; range?: string },
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw toGatewayError(e, place);
    }
  }

  readWorkbook(options: ReadOptions = {}): Promise<WorkbookGrid> {
    const place: ReadPlace = { action: "reading the workbook" };
    const config = {
      limits: this.limits,
      formulas: this.readFormulas,
      merges: this.supports("ExcelApi", "1.13"),
      hiddenRows: this.supports("ExcelApi", "1.9"),
    };
    return this.guarded(place, (context) => readWorkbookWith(context, config, options, place));
  }

  applyWritePlan(plan: WritePlan, options: WriteOptions = {}): Promise<WriteResult> {
    const place: WritePlace = { action: "writing the add-in's sheets" };
    const config = {
      maxRequestBytes: this.limits.maxRequestBytes,
      rangeAreas: this.supports("ExcelApi", "1.9"),
    };
    // The writer is fetched on the first write, not with the pane: reading comes first.
    return import(/* webpackChunkName: "excel-writer" */ "./writer").then(
      ({ applyWritePlanWith, planProblems }) => {
        const problems = planProblems(plan);
        if (problems.length > 0) throw new GatewayError(problems.join(" "), plan.sheets[0]?.name);
        return this.guarded(place, (context) =>
          applyWritePlanWith(context, plan, config, options, place)
        );
      }
    );
  }

  selectCell(ref: CellRef): Promise<void> {
    const address = ref.address.replace(/\$/g, "").toUpperCase();
    if (!parseA1(address))
      return Promise.reject(
        new GatewayError(`"${ref.address}" is not a cell address on "${ref.sheet}".`, ref.sheet)
      );
    const place = { action: `going to ${address}`, sheet: ref.sheet, range: address };
    return this.guarded(place, async (context) => {
      const ws = context.workbook.worksheets.getItem(ref.sheet);
      ws.load("name,visibility");
      await context.sync();
      if (ws.visibility !== "Visible")
        throw new GatewayError(
          `The cell ${address} is on the hidden sheet "${ws.name}". Unhide the sheet to see it.`,
          ws.name
        );
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  activateSheet(name: string): Promise<void> {
    const place = { action: "going to the sheet", sheet: name };
    return this.guarded(place, async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.load("name,visibility");
      await context.sync();
      if (ws.visibility !== "Visible")
        throw new GatewayError(`The sheet "${ws.name}" is hidden. Unhide it to see it.`, ws.name);
      ws.activate();
      await context.sync();
    });
  }

  loadSettings(): Promise<StoredSettings> {
    return this.guarded({ action: "reading the add-in's settings" }, loadSettingsWith);
  }

  saveSettings(settings: StoredSettings): Promise<void> {
    if (!isJsonValue(settings))
      return Promise.reject(
        new GatewayError("The settings could not be saved: they are not plain data.")
      );
    const rows = encodeSettingsSheet(settings);
    return this.guarded({ action: "saving the add-in's settings" }, (context) =>
      saveSettingsWith(context, rows)
    );
  }
}
