/**
 * SheetJS's code-page tables are loaded only when a file needs them (src/cli/codepages.ts):
 * reading .xlsx, .ods and CSV never does; an .xls does, and reads as with the tables loaded up
 * front (HMIC's 2010 data, an Excel 97-2003 file).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- jest.isolateModules loads modules afresh only through require */
import { readFileSync } from "fs";
import * as path from "path";

const FIXTURES = path.join(__dirname, "..", "fixtures");
type Reader = typeof import("../../src/xlsx/read");
type Codepages = typeof import("../../src/cli/codepages");

const read = (reader: Reader, file: string) =>
  reader.readSpreadsheet(new Uint8Array(readFileSync(file)), path.basename(file));

test("the tables load on the first file that needs them (.xls), not before; the .xls reads as with them up front", async () => {
  // As in a new `vfm` process: the command line's modules freshly loaded, codepages first.
  let codepages: Codepages | undefined;
  let reader: Reader | undefined;
  jest.isolateModules(() => {
    codepages = require("../../src/cli/codepages") as Codepages;
    reader = require("../../src/xlsx/read") as Reader;
  });
  if (!codepages || !reader) throw new Error("not loaded");
  expect(codepages.codepagesLoaded()).toBe(false);
  expect((globalThis as { cptable?: unknown }).cptable).toBeUndefined();

  await read(
    reader,
    path.join(__dirname, "..", "..", "assets", "sample", "exampleshire-freeform.xlsx")
  );
  await read(reader, path.join(FIXTURES, "writers", "libreoffice-hidden.ods"));
  await read(
    reader,
    path.join(FIXTURES, "hmic-vfm", "2010-11-value-for-money-profile-data-workforce-20110511.csv")
  );
  expect(codepages.codepagesLoaded()).toBe(false);

  const xls = path.join(FIXTURES, "hmic-vfm", "value-for-money-2010-underlying-data-20100609.xls");
  const lazily = await read(reader, xls);
  expect(codepages.codepagesLoaded()).toBe(true);

  // SheetJS loaded on its own loads the tables up front.
  let upFront: Reader | undefined;
  jest.isolateModules(() => {
    upFront = require("../../src/xlsx/read") as Reader;
  });
  if (!upFront) throw new Error("not loaded");
  const eager = await read(upFront, xls);
  expect(lazily.workbook).toEqual(eager.workbook);
  expect(lazily.workbook.sheets[0].values.length).toBeGreaterThan(40);
});
