/**
 * Which of HMIC's published layouts a workbook is, and its reader. Kept apart from the national
 * table (national.ts) so the task pane loads the readers only when a user opens a profile file
 * (loadProfileReader).
 */
import { WorkbookGrid } from "../grid";
import { isPoaLong, isPoaWide, readPoaLong, readPoaWide } from "./poa";
import { isVfm2010, isWorkforce2011, readVfm2010, readWorkforce2011 } from "./vfm2010";
import { FileProfile, ProfileLayout } from "./types";

/** Which published layout the workbook is, or undefined when it is not a VfM profile file. */
export function profileLayout(workbook: WorkbookGrid): ProfileLayout | undefined {
  if (isVfm2010(workbook)) return "vfm2010";
  if (isWorkforce2011(workbook)) return "workforce2011";
  if (isPoaLong(workbook)) return "poaLong2012";
  if (isPoaWide(workbook)) return "poaWide";
  return undefined;
}

/** What a profile file is expected to look like, for the one line a non-profile file gets. */
export const NOT_A_PROFILE =
  "is not an HMIC Value for Money profile data file (none of the 2010 underlying data, the 2010/11 workforce file or the 2012-2017 POA data layouts)";

/** Reads one workbook as a profile file; undefined when it is not one. */
export function readProfileFile(workbook: WorkbookGrid, file: string): FileProfile | undefined {
  switch (profileLayout(workbook)) {
    case "vfm2010":
      return readVfm2010(workbook, file);
    case "workforce2011":
      return readWorkforce2011(workbook, file);
    case "poaLong2012":
      return readPoaLong(workbook, file);
    case "poaWide":
      return readPoaWide(workbook, file);
    default:
      return undefined;
  }
}
