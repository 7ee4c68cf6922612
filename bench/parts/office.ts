/**
 * Issue 5's Office.js figures, measured on the recording fake Excel (test/fakes/fakeExcel.ts)
 * with Excel on the web's 5 MB limit on requests and responses:
 * - officeReadSyncs10Sheets: syncs to read a ten-sheet budget workbook (target <= 2);
 * - officeReadChunks300kRows: requests that carried cells when reading a 300,000-row ledger
 *   (the first window plus one per chunk), with officeReadMaxRequestBytes300kRows the largest
 *   of them in bytes (must stay under 5 MB = 5,242,880);
 * - officeWriteSyncsStatement: syncs to write the sample's statement, charts and all (learn,
 *   values, formatting, page layout and chart styling: 4).
 * Issue 15's, measured through Microsoft's own Excel client runtime (excel-web-16.00, loaded by
 * test/fakes/excelHost.ts) with Excel on the web's limits, so the sizes are the runtime's own
 * serialisation of each request:
 * - officeWriteMaxRequestBytesSample, officeWriteMaxRequestBytes2k, officeWriteMaxRequestBytes30k:
 *   the largest request or response in writing the statement for the sample and for a
 *   2,000- and a 30,000-line procurement ledger (each at most 5,000,000);
 * - officeWriteRequests30k: the requests that write took (every one accepted).
 */
import { draftStatement, runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { renderStatementWritePlan } from "../../src/render/excel";
import { FakeExcel } from "../../test/fakes/fakeExcel";
import { ExcelRuntimeHost } from "../../test/fakes/excelHost";
import { WorkbookGrid } from "../../src/core/grid";
import { ledgerWorkbook } from "./analysis";

/** Writes a workbook's statement through the real runtime: the largest request or response. */
async function runtimeWrite(
  workbook: WorkbookGrid
): Promise<{ maxBytes: number; requests: number }> {
  const statement = draftStatement(runVfm(workbook), { generatedAt: "2011-03-31T00:00:00Z" });
  const host = ExcelRuntimeHost.fromGrid(workbook);
  await new OfficeGateway(host.run).applyWritePlan(renderStatementWritePlan(statement));
  const refused = host.requests.filter((r) => r.failed);
  if (refused.length > 0)
    throw new Error(`Excel refused ${refused.length} request(s): ${refused[0].failed}`);
  return {
    maxBytes: Math.max(host.largestRequestBytes, host.largestResponseBytes),
    requests: host.requests.length,
  };
}
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

  const sample = await runtimeWrite(workbook);
  const twoK = await runtimeWrite(ledgerWorkbook(2_000));
  const thirtyK = await runtimeWrite(ledgerWorkbook(30_000));

  return {
    officeWriteMaxRequestBytesSample: sample.maxBytes,
    officeWriteMaxRequestBytes2k: twoK.maxBytes,
    officeWriteMaxRequestBytes30k: thirtyK.maxBytes,
    officeWriteRequests30k: thirtyK.requests,
    officeReadSyncs10Sheets: tenSheets.syncCount,
    officeReadChunks300kRows: carrying.length,
    officeReadMaxRequestBytes300kRows: Math.max(...carrying.map((r) => r.responseBytes)),
    officeWriteSyncsStatement: writer.syncCount,
  };
}
