/**
 * The Model step's levers as typed: read with the core's readers, a message per box that cannot
 * be read, and a kept scenario loaded back into the same boxes.
 */
import { runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import {
  contractRows,
  draftOf,
  headline,
  initialDraft,
  rateRows,
  readDraft,
  withMove,
} from "../../src/taskpane/model/modelStep";
import { runScenario } from "../../src/core/scenario/scenario";

const result = runVfm(exampleshireFreeForm());

describe("Model step levers", () => {
  it("starts by asking for the thresholds in the target year, pay growth as the setting", () => {
    const d = initialDraft(result.analysis);
    expect(d).toMatchObject({ overtimeMode: "reach", overtimeReach: "2013/14", payGrowth: "2.5%" });
    expect(readDraft(d, result.analysis.policy.businessSupport.threshold)).toEqual({
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

  const threshold = result.analysis.policy.businessSupport.threshold;
  const run = (levers: ReturnType<typeof readDraft>["levers"]) =>
    runScenario(result.data, result.analysis, { name: "x", levers });

  it("takes a business-support share other than the threshold, and asks more posts to go for a lower one", () => {
    const at7 = readDraft(initialDraft(result.analysis), threshold);
    const at65 = readDraft({ ...initialDraft(result.analysis), supportShare: "6.5%" }, threshold);
    // 7% is the threshold in force, so it is no lever of its own; 6.5% is.
    expect(at7.levers.businessSupport).toEqual({ kind: "reach", year: 2013 });
    expect(at65.levers.businessSupport).toEqual({ kind: "reach", year: 2013, share: 0.065 });
    const b7 = run(at7.levers).businessSupport!;
    const b65 = run(at65.levers).businessSupport!;
    expect(b65.share).toBe(0.065);
    const total = (b: typeof b7) => b.removeFte.reduce((a, r) => a + r.fte, 0);
    expect(total(b65)).toBeGreaterThan(total(b7));
    // The last year modelled is below 6.5%: support / workforce < 0.065.
    const last = b65.byYear[b65.byYear.length - 1];
    expect(last.supportFte.value / last.totalFte.value).toBeLessThan(0.065);
    expect(headline(run(at65.levers), result.analysis, "£000")[1]).toMatch(
      /the fewest to get below 6\.5% by 2013\/14/
    );
    expect(
      readDraft({ ...initialDraft(result.analysis), supportShare: "six" }, threshold).problems
    ).toEqual({
      supportShare:
        "This cannot be used: write a percentage such as 5% or a fraction such as 0.05.",
    });
  });

  it("moves each contract on the date chosen, or keeps it on its contract, with local rates", () => {
    const rows = contractRows(result.analysis, "£");
    expect(rows).toHaveLength(result.analysis.procurement.opportunities.length);
    const armour = rows.find((r) => r.label.startsWith("Body armour"))!;
    expect(armour.defaultDate).toBe("2010-10-01");
    expect(armour.description).toBe(
      "£312,500 a year; due by 30 September 2010; the workbook plans 1 October 2010."
    );
    expect(rateRows(result.analysis).find((r) => r.category === "bodyArmour")?.policyRate).toBe(
      0.03
    );
    const base = initialDraft(result.analysis);
    // Back at its default date, a contract is no change at all.
    expect(
      withMove(withMove(base, armour, { date: "2011-04-01" }), armour, { date: "2010-10-01" }).moves
    ).toEqual({});
    const stays = withMove(base, armour, { stays: true });
    const read = readDraft({ ...stays, rates: { vehicles: "5%" } }, threshold);
    expect(read.problems).toEqual({});
    expect(read.levers.procurement).toEqual({
      moves: [{ cell: armour.cell, date: null }],
      rates: { vehicles: 0.05 },
    });
    const before = run(readDraft(base, threshold).levers).procurement!;
    const after = run(read.levers).procurement!;
    // Body armour staying loses £312,500 x 3% = £9,375 a year; the two vehicle contracts not on
    // the framework (£1,840,000 + £780,000 = £2,620,000) at 5% add £131,000 a year.
    expect(after.annualSaving.value - before.annualSaving.value).toBe((131_000 - 9_375) * 100);
    expect(after.moves.find((m) => m.cell === armour.cell)?.moveDate).toBeNull();
    // A date box cleared is a message beside it, not a move.
    const cleared = readDraft(withMove(base, armour, { date: "" }), threshold);
    expect(cleared.problems).toEqual({
      [`move:${armour.cell}`]:
        "This cannot be used: enter the date it moves, or tick that it stays on its contract.",
    });
    // Loaded back, the kept levers give the same boxes.
    const again = draftOf(result.analysis, "Kept", read.levers);
    expect(again.moves).toEqual({ [armour.cell]: { date: "", stays: true } });
    expect(again.rates).toEqual({ vehicles: "5%" });
    expect(readDraft(again, threshold).levers).toEqual(read.levers);
  });
});
