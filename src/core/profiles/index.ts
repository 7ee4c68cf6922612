/** HMIC's Value for Money profile data: readers, the national table and its JSON. */
export * from "./types";
export { PUBLISHED_RATIO_TOLERANCE } from "./builder";
export {
  INDICATOR_NAMES,
  indicatorSpread,
  nationalTable,
  PEER_KEY,
  PER_POPULATION_KEYS,
  populationShifts,
  profileDirection,
  recordsFor,
} from "./national";
export type { IndicatorSpread, PopulationShift } from "./national";
export { nationalTableToJson } from "./json";
export { profilePeersSheet } from "./peersSheet";
export {
  packNationalTable,
  PUBLISHED_PROFILE_FILES,
  SHIPPED_INDICATOR_KEYS,
  unpackNationalTable,
} from "./dataset";
export type { PackedNationalTable } from "./dataset";
export { compareNationalFigures, compareWithNational, nationalGapInputs } from "./compare";
export { loadNationalModel, loadNationalTable, loadProfileReader } from "./load";
export type { NationalModel } from "./load";
export { externalRef, NATIONAL_SHEET, nationalPeers, nearestYear } from "./nationalPeers";
export { NOT_A_PROFILE, profileLayout, readProfileFile } from "./read";
