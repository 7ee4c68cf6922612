/**
 * Issue 17's benchmark: what the Model step works out on every change to a lever, on the sample
 * (the scenario, solved for the smallest overtime cut and the fewest support posts, and the
 * comparison's table and three charts), against reading the same figures afresh (runVfm):
 * - modelUpdateMsSample: one update, averaged over 200;
 * - modelUpdateToRunVfmRatio: that, as a share of one runVfm on the sample.
 * The pane's own input-to-paint time is measured in Chromium by test/browser/model.test.ts.
 */
import { runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { compareScenarios } from "../../src/core/scenario/compare";
import { runScenario } from "../../src/core/scenario/scenario";

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(): Promise<Record<string, number>> {
  const wb = exampleshireFreeForm();
  runVfm(wb); // warm up
  let t = process.hrtime.bigint();
  const runs = 20;
  let result = runVfm(wb);
  for (let i = 1; i < runs; i++) result = runVfm(wb);
  const runVfmMs = ms(t) / runs;
  const target = result.analysis.policy.years.target;
  const update = (i: number) => {
    const r = runScenario(result.data, result.analysis, {
      name: "bench",
      levers: {
        overtime:
          i % 2 ? { kind: "reach", year: target } : { kind: "rate", rate: 0.05 + i / 10_000 },
        businessSupport: { kind: "reach", year: target },
      },
    });
    return compareScenarios(result.analysis, [r], "£000");
  };
  update(0);
  const n = 200;
  t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) update(i);
  const updateMs = ms(t) / n;
  return {
    modelUpdateMsSample: Math.round(updateMs * 1000) / 1000,
    modelUpdateToRunVfmRatio: Math.round((updateMs / runVfmMs) * 1000) / 1000,
  };
}
