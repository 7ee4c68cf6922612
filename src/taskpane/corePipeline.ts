/**
 * What the pane needs of the core to show its first step: the pipeline (see loadCore, useVfm.ts),
 * with the formula engine and the scenario model fetched only for a workbook that needs them, and
 * HMIC's national data only after the first step shows (see useVfm).
 */
import {
  loadScenarioModel,
  NationalModel,
  needsScenarioModel,
  runVfmWith,
  VfmResult,
  VfmRunOptions,
  withIndicatorEngine,
  WorkbookGrid,
} from "../core";

export { loadNationalModel } from "../core";

/**
 * The pipeline over a workbook read, as runVfm; `run` may be given HMIC's national table with
 * its comparison (loadNationalModel).
 */
export async function runPipeline(
  workbook: WorkbookGrid,
  options: VfmRunOptions
): Promise<{ run: (national?: NationalModel) => VfmResult }> {
  const [withEngine, scenarioModel] = await Promise.all([
    withIndicatorEngine(workbook, options),
    needsScenarioModel(options.settings) ? loadScenarioModel() : undefined,
  ]);
  return {
    run: (national) =>
      runVfmWith(
        workbook,
        national
          ? { ...withEngine, national: national.table, nationalComparer: national.compare }
          : withEngine,
        scenarioModel
      ),
  };
}
