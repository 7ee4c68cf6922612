/**
 * The Model step's levers as typed: read with the core's readers, a message per box that cannot
 * be read, and a kept scenario loaded back into the same boxes.
 */
import { runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { draftOf, headline, initialDraft, readDraft } from "../../src/taskpane/model/modelStep";
import { runScenario } from "../../src/core/scenario/scenario";

const result = runVfm(exampleshireFreeForm());

describe("Model step levers", () => {
  it("starts by asking for the thresholds in the target year, pay growth as the setting", () => {
    const d = initialDraft(result.analysis);
    expect(d).toMatchObject({ overtimeMode: "reach", overtimeReach: "2013/14", payGrowth: "2.5%" });
    expect(readDraft(d)).toEqual({
      levers: {
        overtime: { kind: "reach", year: 2013 },
        businessSupport: { kind: "reach", year: 2013 },
        payGrowth: 0.025,
      },
      problems: {},
    });
  });

  it("gives a message for each box that cannot be read, and keeps the rest", () => {
    const d = {
      ...initialDraft(result.analysis),
      overtimeMode: "cut" as const,
      overtimeCut: "7",
      supportMode: "remove" as const,
      supportRemove: "5 in 2011",
      from: "last year",
    };
    const r = readDraft(d);
    expect(r.problems).toEqual({
      overtimeCut: "This cannot be used: write 7% with the % sign, or 0.07 as a fraction.",
      supportRemove:
        'This cannot be used: "5 in 2011" is not FTE@YEAR; write it such as 5@2010/11.',
      from: 'This cannot be used: write a financial year such as "2012/13".',
    });
    expect(r.levers).toEqual({ payGrowth: 0.025 });
  });

  it("loads a kept scenario back into the boxes it came from", () => {
    const levers = readDraft({
      ...initialDraft(result.analysis),
      overtimeMode: "cut",
      overtimeCut: "£250,000",
      supportMode: "remove",
      supportRemove: "5@2010/11, 7.5@2012/13",
      payGrowth: "1%",
      from: "2008/09",
    }).levers;
    const d = draftOf(result.analysis, "Lean", levers);
    expect(d).toMatchObject({
      name: "Lean",
      overtimeMode: "cut",
      overtimeCut: "£250,000",
      supportRemove: "5@2010/11, 7.5@2012/13",
      payGrowth: "1%",
      from: "2008/09",
    });
    expect(readDraft(d).levers).toEqual(levers);
  });

  it("says the answer in words", () => {
    const r = runScenario(result.data, result.analysis, {
      name: "x",
      levers: readDraft(initialDraft(result.analysis)).levers,
    });
    const [overtime, support] = headline(r, result.analysis, "£000");
    expect(overtime).toMatch(
      /^Overtime: the smallest yearly cut reaching 4% by 2013\/14 is 6\.05% a year from 2009\/10; 4% is reached in 2013\/14, saving £1,331k on 2008\/09 in 2013\/14\.$/
    );
    expect(support).toMatch(
      /^Business support: 87\.21 FTE removed \(the fewest to get below 7% by 2013\/14\); below 7% from 2013\/14/
    );
  });
});
