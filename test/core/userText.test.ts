/**
 * Users read setting names as the settings panel words them, never keys or codes (issue 16
 * item 7): no finding message or fix the analysis, the check or the scenario model gives on the
 * samples names a setting key ("procurement.frameworks.vehicles.rate") or an internal code
 * ("OVERTIME_ANNUAL_CUT"); their codes travel in their own field, for --json.
 */
import { runVfm } from "../../src/core/run";
import { checkWorkbook } from "../../src/core/check/check";
import { runScenario } from "../../src/core/scenario/scenario";
import { exampleshireFreeForm, exampleshireTemplate } from "../../src/core/sample/exampleshire";
import { wordingProblems } from "../../src/core/plainEnglish";

const CODE = /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/;

describe("text a user reads names no setting key and no internal code", () => {
  for (const [name, grid] of [
    ["free-form sample", exampleshireFreeForm()],
    ["template sample", exampleshireTemplate()],
  ] as const)
    test(`the ${name}: analysis, check and a scenario`, () => {
      const result = runVfm(grid);
      const scenario = runScenario(result.data, result.analysis, {
        name: "Test",
        levers: {
          overtime: { kind: "reach", year: 2012 },
          businessSupport: { kind: "reach", year: 2013, share: 0.065 },
          procurement: { rates: { vehicles: 0.05 } },
        },
      });
      const texts = [
        ...result.findings.flatMap((f) => [f.message, f.fix ?? ""]),
        ...checkWorkbook(result, { today: "2011-03-31" }).findings.flatMap((f) => [
          f.message,
          f.fix ?? "",
        ]),
        ...scenario.findings.flatMap((f) => [f.message, f.fix ?? ""]),
      ];
      expect(texts.length).toBeGreaterThan(10);
      const keys = texts.flatMap((t) =>
        wordingProblems(t)
          .filter((p) => p.rule === "settingKey")
          .map((p) => p.text)
      );
      expect(keys).toEqual([]);
      expect(texts.filter((t) => CODE.test(t))).toEqual([]);
    });
});
