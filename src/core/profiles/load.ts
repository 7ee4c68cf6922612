/**
 * What the task pane fetches of HMIC's profile data only when it needs it, each in a chunk of
 * its own: the profile file readers (a user opens one of HMIC's files), and the national table
 * with the code that compares a force with it (after the first step shows). The command line
 * takes the same functions; it has no chunks, so they simply load the modules.
 */
import type { NationalComparer } from "../analysis/analyse";
import type { PackedNationalTable } from "./dataset";
import type { NationalTable } from "./types";

/** The profile file readers, loaded when a user opens one of HMIC's files (the pane). */
export function loadProfileReader(): Promise<typeof import("./read")> {
  return import(/* webpackChunkName: "profile-reader" */ "./read");
}

let loaded: Promise<NationalTable> | undefined;

/**
 * The national dataset shipped with the add-in (nationalData.ts, built by
 * scripts/national-data.mjs) and its unpacking, loaded once and only when asked for.
 */
export function loadNationalTable(): Promise<NationalTable> {
  loaded ??= Promise.all([
    import(/* webpackChunkName: "national-data" */ "./nationalData"),
    import(/* webpackChunkName: "national-data" */ "./dataset"),
  ]).then(([data, dataset]) =>
    dataset.unpackNationalTable(JSON.parse(data.NATIONAL_DATA_JSON) as PackedNationalTable)
  );
  return loaded;
}

/** The national table with the comparison that ranks a force in it, for runVfmWith. */
export interface NationalModel {
  readonly table: NationalTable;
  readonly compare: NationalComparer;
}

/** loadNationalTable and the national comparison (compare.ts, nationalPeers.ts) together. */
export function loadNationalModel(): Promise<NationalModel> {
  return Promise.all([
    loadNationalTable(),
    import(/* webpackChunkName: "national-data" */ "./compare"),
  ]).then(([table, m]) => ({ table, compare: m.compareNationalFigures }));
}
