/**
 * Issue 5's Office.js figures, measured on the recording fake Excel (test/fakes/fakeExcel.ts)
 * with Excel on the web's 5 MB limit on requests and responses:
 * - officeReadSyncs10Sheets: syncs to read a ten-sheet budget workbook (target <= 2);
 * - officeReadChunks300kRows: requests that carried cells when reading a 300,000-row ledger
 *   (the first window plus one per chunk), with officeReadMaxRequestBytes300kRows the largest
 *   of them in bytes (must stay under 5 MB = 5,242,880);
 * - officeWriteSyncsStatement: syncs to write the sample's statement, charts and all (target 3).
 */
import { draftStatement, runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { renderStatementWritePlan } from "../../src/render/excel";
import { FakeExcel } from "../../test/fakes/fakeExcel";
import { tallSheet, tenSheetWorkbook } from "../../test/fakes/workbooks";

const WEB_LIMIT = 5 * 1024 * 1024;
const web = { maxRequestBytes: WEB_LIMIT, maxResponseBytes: WEB_LIMIT };

export async function run(): Promise<Record<string, number>> {
  const tenSheets = FakeExcel.fromGrid(tenSheetWorkbook(), web);
  await new OfficeGateway(tenSheets.run).readWorkbook();

  const ledger = FakeExcel.fromGrid({ sheets: [tallSheet("Ledger", 300_000)] }, web);
  const grid = await new OfficeGateway(ledger.run).readWorkbook();
  if (grid.sheets[0].values.length !== 300_000) throw new Error("The ledger did not read whole.");
  const carrying = ledger.requests.filter((r) => r.cellsRead > 0 && !r.failed);

  const workbook = exampleshireFreeForm();
  const statement = draftStatement(runVfm(workbook), { generatedAt: "2011-03-31T00:00:00Z" });
  const writer = FakeExcel.fromGrid(workbook, web);
  await new OfficeGateway(writer.run).applyWritePlan(renderStatementWritePlan(statement));

  return {
    officeReadSyncs10Sheets: tenSheets.syncCount,
    officeReadChunks300kRows: carrying.length,
    officeReadMaxRequestBytes300kRows: Math.max(...carrying.map((r) => r.responseBytes)),
    officeWriteSyncsStatement: writer.syncCount,
  };
}
