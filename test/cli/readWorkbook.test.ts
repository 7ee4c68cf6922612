import { promises as fs } from "fs";
import * as path from "path";
import * as v8 from "v8";
import {
  readWorkbookFile,
  UnreadableWorkbookError,
  availableHeapBytes,
} from "../../src/cli/readWorkbook";
import { gridToXlsx } from "../../src/xlsx/write";
import { tempDir } from "./tempDir";

const dir = tempDir("vfm-read-");

async function failure(file: string, options = {}): Promise<UnreadableWorkbookError> {
  const e = await readWorkbookFile(file, options).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(UnreadableWorkbookError);
  return e as UnreadableWorkbookError;
}

describe("readWorkbookFile", () => {
  test("reads a workbook file into a grid named after the file", async () => {
    const file = path.join(dir(), "exampleshire.xlsx");
    await fs.writeFile(
      file,
      await gridToXlsx({
        sheets: [
          {
            name: "Budget",
            values: [
              ["Overtime", 5200],
              ["Error", { error: "#N/A" }],
            ],
          },
        ],
      })
    );
    const { workbook, findings } = await readWorkbookFile(file);
    expect(workbook.fileName).toBe("exampleshire.xlsx");
    expect(workbook.sheets[0].values).toEqual([
      ["Overtime", 5200],
      ["Error", { error: "#N/A" }],
    ]);
    expect(findings.map((f) => [f.code, f.cell?.address])).toEqual([["CELL_ERROR_VALUE", "B2"]]);
  });

  test("a missing file, a folder and an empty file each get one plain line naming the file", async () => {
    const missing = await failure(path.join(dir(), "nope.xlsx"));
    expect(missing.reason).toBe("notFound");
    expect(missing.message).toBe(`${path.join(dir(), "nope.xlsx")}: No such file.`);
    const folder = await failure(dir());
    expect(folder.reason).toBe("notAFile");
    expect(folder.message).toBe(`${dir()}: This is a folder, not a workbook file.`);
    const empty = path.join(dir(), "empty.xlsx");
    await fs.writeFile(empty, "");
    expect((await failure(empty)).message).toBe(`${empty}: The file is empty (0 bytes).`);
  });

  test("a CSV saved with an .xlsx name is not a workbook", async () => {
    const csv = path.join(dir(), "budget.xlsx");
    await fs.writeFile(csv, "Line,2008/09\nOvertime,5200\n");
    const e = await failure(csv);
    expect(e.reason).toBe("notSpreadsheet");
    expect(e.message).toMatch(
      /budget\.xlsx: The file is named budget\.xlsx but is not that kind of workbook: it holds text\. If it is a CSV file, rename it to \.csv/
    );
    expect(e.message).not.toMatch(/\n/);
  });

  test("too large for the memory: refused with the memory needed and how to give Node more", async () => {
    const file = path.join(dir(), "ledger.xlsx");
    const values = Array.from({ length: 3000 }, (_, i) => [`PO-${i}`, "Vehicles", i * 2.5]);
    await fs.writeFile(file, await gridToXlsx({ sheets: [{ name: "Ledger", values }] }));
    // 9,000 cells need about 9,000 x 500 bytes = 4.5 MB: a 1 MB budget is not enough.
    const e = await failure(file, { memoryBudgetBytes: 1024 * 1024 });
    expect(e.reason).toBe("tooLarge");
    expect(e.message).toMatch(
      /ledger\.xlsx: The workbook is too large to read with the memory available: the .* file holds 0\.0 million cells and needs about 4\.\d MB of memory, but 1\.0 MB is available\. Run the command with more memory, for example NODE_OPTIONS=--max-old-space-size=1024, or split the workbook\.$/
    );
  });

  test("the memory available is most of what the heap has left", () => {
    const available = availableHeapBytes();
    expect(available).toBeGreaterThan(100 * 1024 * 1024);
    expect(available).toBeLessThan(v8.getHeapStatistics().heap_size_limit);
  });
});
