/**
 * From scenario to plan: scenarios kept in the add-in's settings (up to three, never the user's
 * sheets), "Use as our targets" pinning the levers, the statement setting the targets out as
 * targets, and the check testing the actuals against them. On the bundled sample (illustrative
 * figures: officer overtime actuals £5,600k in 2008/09 and £5,480k in 2009/10).
 */
import { checkWorkbook } from "../../../src/core/check/check";
import { formatRef } from "../../../src/core/grid";
import { StoredSettings } from "../../../src/core/gateway";
import { draftStatement, runVfm } from "../../../src/core/run";
import { exampleshireFreeForm } from "../../../src/core/sample/exampleshire";
import { runScenario } from "../../../src/core/scenario/scenario";
import {
  MAX_SCENARIOS,
  pinnedLevers,
  storedScenarios,
  withScenario,
  withTargets,
  withoutScenario,
} from "../../../src/core/scenario/store";
import { Scenario } from "../../../src/core/scenario/types";

const workbook = exampleshireFreeForm();

describe("scenarios kept in the settings", () => {
  it("keeps up to three by name, replaces one of the same name, and reads them back", () => {
    let s: StoredSettings = { policyOverrides: { "overtime.threshold": "4%" } };
    const add = (sc: Scenario) => {
      const r = withScenario(s, sc);
      if (!r.ok) throw new Error(r.why);
      s = r.settings;
    };
    add({ name: "Cut 5%", levers: { overtime: { kind: "rate", rate: 0.05 } } });
    add({
      name: "Reach 2012",
      levers: { overtime: { kind: "reach", year: 2012 }, payGrowth: 0.01 },
    });
    add({
      name: "Posts",
      levers: { businessSupport: { kind: "remove", removals: [{ year: 2011, fte: 12.5 }] } },
    });
    add({ name: "Cut 5%", levers: { overtime: { kind: "rate", rate: 0.06 } } });
    const kept = storedScenarios(s);
    expect(kept.scenarios.map((x) => x.name)).toEqual(["Cut 5%", "Reach 2012", "Posts"]);
    expect(kept.scenarios[0].levers.overtime).toEqual({ kind: "rate", rate: 0.06 });
    expect(kept.scenarios[1].levers).toEqual({
      overtime: { kind: "reach", year: 2012 },
      payGrowth: 0.01,
    });
    const full = withScenario(s, { name: "Fourth", levers: {} });
    expect(full.ok).toBe(false);
    expect(!full.ok && full.why).toMatch(`Up to ${MAX_SCENARIOS} scenarios`);
    // Other settings are untouched; removing the last scenario removes the key.
    expect(s.policyOverrides).toEqual({ "overtime.threshold": "4%" });
    let t = withoutScenario(withoutScenario(withoutScenario(s, "Cut 5%"), "Reach 2012"), "Posts");
    expect(t).toEqual({ policyOverrides: { "overtime.threshold": "4%" } });
    t = { ...t, scenarios: [{ name: 3 }, "junk"] };
    expect(storedScenarios(t).findings.map((f) => f.code)).toEqual([
      "SCENARIO_STORED_UNREADABLE",
      "SCENARIO_STORED_UNREADABLE",
    ]);
  });
});

describe("Use as our targets", () => {
  const base = runVfm(workbook);
  const solved = runScenario(base.data, base.analysis, {
    name: "Reach 4% by 2013/14",
    levers: {
      overtime: { kind: "reach", year: 2013 },
      businessSupport: { kind: "reach", year: 2013 },
    },
  });

  it("pins the solved levers so later actuals do not move the targets", () => {
    const pinned = pinnedLevers(solved);
    expect(pinned.from).toBe(2009); // the latest actual year when adopted
    expect(pinned.overtime).toEqual({ kind: "rate", rate: solved.overtime!.yearlyCut });
    expect(pinned.businessSupport).toEqual({
      kind: "remove",
      removals: solved.businessSupport!.removeFte,
    });
    expect(pinned.procurement!.moves!.length).toBe(solved.procurement!.moves.length);
  });

  it("the statement sets the targets out as targets, in their own section", () => {
    const settings = withTargets({}, { name: solved.name, levers: pinnedLevers(solved) });
    const result = runVfm(workbook, { settings });
    expect(result.targets?.name).toBe("Reach 4% by 2013/14");
    // Re-run from the pinned levers, the targets are the figures that were adopted.
    expect(result.targets!.overtime!.byYear.map((y) => y.overtime.value)).toEqual(
      solved.overtime!.byYear.map((y) => y.overtime.value)
    );
    const statement = draftStatement(result, { generatedAt: "2010-06-01T09:00:00Z" });
    const section = statement.sections.find((s) => s.id === "targets")!;
    expect(section.heading).toBe("Our targets");
    const tables = section.blocks.filter((b) => b.kind === "table");
    expect(tables.map((t) => t.kind === "table" && t.caption)).toEqual([
      "Targets: overtime as a share of paybill, by year",
      "Targets: business support as a share of the workforce, by year",
      "Targets: contracts moving to the national approach",
    ]);
    const ot = tables[0].kind === "table" ? tables[0] : undefined;
    // 2009/10 is the workbook's actual figure; 2010/11 on are the targets, labelled so.
    expect(ot!.rows.map((r) => r.cells[4].text)).toEqual([
      "Workbook figure",
      "Workbook figure",
      "Target",
      "Target",
      "Target",
      "Target",
    ]);
    // Without targets there is no such section.
    expect(
      draftStatement(base, { generatedAt: "2010-06-01T09:00:00Z" }).sections.some(
        (s) => s.id === "targets"
      )
    ).toBe(false);
  });

  it("the check tests the actuals against the targets", () => {
    // Targets adopted from 2008/09 with a 20% cut: 2009/10's target is 5,600 x 0.8 = £4,480k,
    // and the workbook's actual 2009/10 overtime is £5,480k, so the target is missed.
    const strict = runScenario(base.data, base.analysis, {
      name: "Strict",
      levers: { overtime: { kind: "rate", rate: 0.2 }, from: 2008 },
    });
    const result = runVfm(workbook, {
      settings: withTargets({}, { name: "Strict", levers: pinnedLevers(strict) }),
    });
    const report = checkWorkbook(result);
    const hits = report.findings.filter((f) => f.rule === "TARGETS_OVERTIME_MET");
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toContain("above the force's target of £4,480,000");
    expect(hits[0].cell).toEqual(result.analysis.overtime.byYear[1].overtime.sources[0]);
    // With the solved targets, no ended year is modelled yet: the rule does not apply.
    const adopted = runVfm(workbook, {
      settings: withTargets({}, { name: solved.name, levers: pinnedLevers(solved) }),
    });
    const rule = checkWorkbook(adopted).rules.find((r) => r.rule === "TARGETS_OVERTIME_MET")!;
    expect(rule.outcome).toBe("notApplicable");
    expect(checkWorkbook(base).rules.find((r) => r.rule === "TARGETS_SUPPORT_MET")!.note).toMatch(
      /not set targets/
    );
  });

  it("the check names a target move that is overdue, its date in words", () => {
    // The targets move the sample's largest contract still to move by 31 March 2010, the last day
    // of 2009/10; the workbook's headers mark 2009/10 as actual, so that year has ended, and the
    // contract is still not on the national approach.
    const o = [...base.analysis.procurement.opportunities].sort(
      (x, y) => y.spend.value - x.spend.value
    )[0];
    const cell = formatRef(o.cell);
    const result = runVfm(workbook, {
      settings: withTargets(
        {},
        {
          name: "Early move",
          levers: { from: 2009, procurement: { moves: [{ cell, date: "2010-03-31" }] } },
        }
      ),
    });
    const hits = checkWorkbook(result).findings.filter((f) => f.rule === "TARGETS_MIGRATION_MET");
    expect(hits.map((h) => h.message)).toEqual([
      `The force's targets move Construction and maintenance (regional) (${o.supplier}) to the national approach by 31 March 2010, in 2009/10, which has ended, but the contract is still not on it.`,
    ]);
  });
});
