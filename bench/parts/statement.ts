/**
 * statementMsSample: building the Value for Money Statement for the bundled sample and rendering
 * it with all three renderers (Excel write plan, Word .docx, HTML), in milliseconds: the median
 * of several runs after one warm-up. Detection and analysis are not included (their own keys
 * measure them); the statement starts from the sample's analysis.
 */
import { performance } from "perf_hooks";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { draftStatement, runVfm } from "../../src/core/run";
import { renderStatementWritePlan } from "../../src/render/excel";
import { renderStatementDocx } from "../../src/render/docx";
import { renderStatementHtml } from "../../src/render/html";

const RUNS = 9;

export async function run(): Promise<Record<string, number>> {
  const workbook = exampleshireFreeForm();
  const result = runVfm(workbook);
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const statement = draftStatement(result, { generatedAt: "2011-03-31T00:00:00Z" });
    renderStatementWritePlan(statement);
    renderStatementHtml(statement);
    const bytes = await renderStatementDocx(statement);
    if (bytes.length === 0) throw new Error("The Word statement came out empty.");
    return performance.now() - t0;
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return { statementMsSample: Math.round(times[Math.floor(RUNS / 2)] * 10) / 10 };
}
