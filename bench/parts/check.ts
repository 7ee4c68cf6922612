/**
 * Issue 7's benchmark: the inspector's batch. 43 sample-sized workbooks (the Exampleshire
 * sample under each territorial force's name; every fourth carries the add-in's statement and
 * charts sheets, so the statement comparison runs too) are written to .xlsx in a temporary
 * folder, then checked by `vfm check --json` in one run, as an inspector would:
 * - check43WorkbooksMs: the whole batch (read, detect, analyse, check, JSON), the figure to watch;
 * - checkRulesMsSample: the check alone (rules and the statement comparison) on one workbook
 *   with a statement sheet, already read and analysed, averaged over ten runs.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { check } from "../../src/cli/commands/check";
import { CliIo } from "../../src/cli/io";
import { FORCES } from "../../src/core/forces";
import { WorkbookGrid } from "../../src/core/grid";
import { SheetRole } from "../../src/core/ownership";
import { draftStatement, runVfm } from "../../src/core/run";
import { exampleshireTemplate } from "../../src/core/sample/exampleshire";
import { renderStatementWritePlan } from "../../src/render/excel";
import { checkWorkbookWithStatement } from "../../src/core/check/expectation";
import { sheetFromPlan } from "../../src/xlsx/planSheets";
import { gridToXlsx } from "../../src/xlsx/write";

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The sample under another force's name. */
function forceWorkbook(force: string): WorkbookGrid {
  const wb = exampleshireTemplate();
  return {
    sheets: wb.sheets.map((s) =>
      s.name === "Settings"
        ? {
            ...s,
            values: s.values.map((r) => (r[0] === "Force name" ? [r[0], force, ...r.slice(2)] : r)),
          }
        : s
    ),
  };
}

/** The workbook with the add-in's statement and charts sheets drafted from its data. */
function withStatement(wb: WorkbookGrid): WorkbookGrid {
  const result = runVfm(wb);
  const statement = draftStatement(result, { generatedAt: "2011-05-05T10:00:00Z" });
  const plan = renderStatementWritePlan(statement);
  return { sheets: [...wb.sheets, ...plan.sheets.map((p) => sheetFromPlan(p, p.name).grid)] };
}

const ROLES = new Map<string, SheetRole>([
  ["VfM Statement", "statement"],
  ["VfM Charts", "charts"],
]);

export async function run(): Promise<Record<string, number>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vfm-bench-check-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < FORCES.length; i++) {
      const base = forceWorkbook(FORCES[i].name);
      const wb = i % 4 === 0 ? withStatement(base) : base;
      const file = `${String(i + 1).padStart(2, "0")}.xlsx`;
      await fs.writeFile(path.join(dir, file), await gridToXlsx(wb, { roles: ROLES }));
      files.push(file);
    }
    let bytes = 0;
    const io: CliIo = {
      stdout: (t) => void (bytes += t.length),
      stderr: () => undefined,
      isTTY: false,
      env: { CI: "1" },
      cwd: dir,
    };
    const start = process.hrtime.bigint();
    const code = await check([...files, "--json"], io);
    const batchMs = ms(start);
    if (code === 2 || bytes === 0)
      throw new Error(`vfm check did not check the batch (exit ${code}).`);

    const result = runVfm(withStatement(forceWorkbook(FORCES[0].name)));
    checkWorkbookWithStatement(result, renderStatementWritePlan); // warm up
    const runs = 10;
    const t = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) checkWorkbookWithStatement(result, renderStatementWritePlan);
    const rulesMs = ms(t) / runs;

    return {
      check43WorkbooksMs: Math.round(batchMs),
      checkRulesMsSample: Math.round(rulesMs * 10) / 10,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
