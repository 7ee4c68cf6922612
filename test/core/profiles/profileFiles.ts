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
