/**
 * HMIC's eight published profile data files (test/fixtures/hmic-vfm, Open Government Licence
 * v3.0), read once per test file by the project's own reader and the profile readers.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readSpreadsheet } from "../../../src/xlsx/read";
import { WorkbookGrid } from "../../../src/core/grid";
import { readProfileFile } from "../../../src/core/profiles";
import { FileProfile } from "../../../src/core/profiles/types";

export const FIXTURES = join(__dirname, "../../fixtures/hmic-vfm");

export const PROFILE_FILES = [
  "value-for-money-2010-underlying-data-20100609.xls",
  "2010-11-value-for-money-profile-data-workforce-20110511.csv",
  "value-for-money-profile-data-2012.ods",
  "poa-data-2013.xlsx",
  "value-for-money-profile-2014-poa-data.ods",
  "value-for-money-profile-2015-poa-data-.ods",
  "HMIC-VFM-2016-open-data-POA.ods",
  "HMICFRS-VFM-2017-open-data-POA.ods",
] as const;

const grids = new Map<string, WorkbookGrid>();

export async function profileGrid(file: string): Promise<WorkbookGrid> {
  let g = grids.get(file);
  if (!g) {
    g = (await readSpreadsheet(readFileSync(join(FIXTURES, file)), file)).workbook;
    grids.set(file, g);
  }
  return g;
}

export async function profileOf(file: string): Promise<FileProfile> {
  const p = readProfileFile(await profileGrid(file), file);
  if (!p) throw new Error(`${file} was not recognised as a profile file`);
  return p;
}
