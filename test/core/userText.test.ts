/**
 * Text a user reads keeps the plain-English rules (src/core/plainEnglish.ts; issue 13 item 4,
 * issue 16 item 7): every finding message and fix the analysis, the check and the scenario model
 * give on both samples. Which rules apply here:
 * - all of them (no "(s)", no small count in digits, no sentence opening with a numeral, no ISO
 *   date, lower case after a semicolon or a colon, no setting key),
 * - except "cellAddress": a finding names its cell by design ("at Procurement!A6"), and the
 *   published statement, which must not, is tested with that rule in test/core/statement.
 * Internal codes ("OVERTIME_ANNUAL_CUT") travel in their own field, for --json, never in the text.
 */
import { runVfm } from "../../src/core/run";
import { checkWorkbook } from "../../src/core/check/check";
import { runScenario } from "../../src/core/scenario/scenario";
import { exampleshireFreeForm, exampleshireTemplate } from "../../src/core/sample/exampleshire";
import { wordingProblems } from "../../src/core/plainEnglish";

const CODE = /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/;

/** Rules that findings keep: all but the cell address, which a finding gives on purpose. */
const FINDING_RULES_EXCEPT = new Set(["cellAddress"]);

function texts(findings: readonly { message: string; fix?: string }[]): string[] {
  return findings.flatMap((f) => (f.fix ? [f.message, f.fix] : [f.message]));
}

describe("text a user reads keeps the plain-English rules and names no internal code", () => {
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
      const check = checkWorkbook(result, { today: "2011-03-31" });
      const all = [
        ...texts(result.findings),
        ...texts(check.findings),
        ...check.rules.flatMap((r) => (r.note ? [r.note] : [])),
        ...texts(scenario.findings),
      ];
      // The samples raise findings of every kind: 13 contract lines with no planned move, the
      // two overtime years above the required maximum, the rates not stated, the late moves.
      expect(all.length).toBeGreaterThan(100);
      const problems = all.flatMap((t) =>
        wordingProblems(t)
          .filter((p) => !FINDING_RULES_EXCEPT.has(p.rule))
          .map((p) => `${p.rule}: ${p.text} (in "${t.slice(0, 60)}...")`)
      );
      expect(problems).toEqual([]);
      expect(all.filter((t) => CODE.test(t))).toEqual([]);
    });
});
