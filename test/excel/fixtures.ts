/** Fixtures for the Office gateway's tests (the workbooks live in test/fakes for the benchmark). */
import { buildStatement } from "../../src/core/statement/build";
import { WritePlan } from "../../src/core/writePlan";
import { renderStatementWritePlan } from "../../src/render/excel";
import { GENERATED_AT, testshire } from "../core/statement/fixture";

export { tallSheet, tenSheetWorkbook } from "../fakes/workbooks";

/** The statement of the test force, as the Excel renderer plans it (two sheets, three charts). */
export function statementPlan(): WritePlan {
  const { data, analysis } = testshire();
  const statement = buildStatement(analysis, data, { generatedAt: GENERATED_AT });
  return renderStatementWritePlan(statement);
}
