/** What the pane needs of the core to show its first step: the pipeline (see loadCore, useVfm.ts). */
export { runVfm, withIndicatorEngine } from "../core";
export { loadNationalTable } from "../core";
