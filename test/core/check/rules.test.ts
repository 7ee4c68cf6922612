/** The rule catalogue as data, and severity settings read from text. */
import { CHECK_RULES, parseSeverityOverrides, rulesFor } from "../../../src/core/check/rules";
import { RULE_SEVERITIES } from "../../../src/core/check/ruleSeverities";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { CHECK_AREAS } from "../../../src/core/check/types";

describe("CHECK_RULES", () => {
  it("has unique codes, each with an explanation, a paragraph and a known area", () => {
    const codes = CHECK_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of CHECK_RULES) {
      expect(r.explanation.length).toBeGreaterThan(40);
      expect(r.paragraph).toMatch(/^5\.\d+/);
      expect(CHECK_AREAS).toContain(r.area);
      expect(["error", "warning"]).toContain(r.defaultSeverity);
    }
  });

  it("lists each code of the severities table (ruleSeverities.ts) once, in the table's order, with its severity", () => {
    // The analysis loads the table without the catalogue's words (the pane's first step).
    expect(CHECK_RULES.map((r) => [r.code, r.defaultSeverity])).toEqual(
      Object.entries(RULE_SEVERITIES)
    );
  });

  it("covers every rule of issue 7, grouped as the issue groups them", () => {
    const byArea = (a: string) => CHECK_RULES.filter((r) => r.area === a).length;
    expect(byArea("completeness")).toBe(4);
    expect(byArea("overtime")).toBe(4);
    expect(byArea("businessSupport")).toBe(3);
    expect(byArea("procurement")).toBe(3);
    // Issue 14 adds the plan against the budget.
    expect(byArea("arithmetic")).toBe(3);
    // Issue 14: the statement sheet, and the published Word statement's three rules.
    expect(byArea("consistency")).toBe(4);
    // Issue 14: faults at their source.
    expect(byArea("figures")).toBe(3);
    expect(byArea("peers")).toBe(1);
  });
});

describe("parseSeverityOverrides", () => {
  it("reads RULE=severity in any case, with = or :", () => {
    expect(
      parseSeverityOverrides(["variance_explained=error", "PEER_BOTTOM_QUARTILE_ACTION: off"])
    ).toEqual({
      overrides: { VARIANCE_EXPLAINED: "error", PEER_BOTTOM_QUARTILE_ACTION: "off" },
      problems: [],
    });
  });

  it("says what is wrong with an unknown rule or severity", () => {
    const r = parseSeverityOverrides(["NO_SUCH_RULE=error", "TOTALS_ADD_UP=fatal", "nonsense"]);
    expect(r.overrides).toEqual({});
    expect(r.problems).toEqual([
      "There is no rule called NO_SUCH_RULE.",
      'The severity for TOTALS_ADD_UP must be error, warning or off, not "fatal".',
      '"nonsense" is not a rule setting; write it as RULE=error, RULE=warning or RULE=off.',
    ]);
  });
});

describe("rule words from the policy in force", () => {
  const policy = (o: { overtime?: number; cut?: number; support?: number; target?: number }) => ({
    ...DEFAULT_POLICY,
    years: { ...DEFAULT_POLICY.years, target: o.target ?? DEFAULT_POLICY.years.target },
    overtime: {
      ...DEFAULT_POLICY.overtime,
      threshold: o.overtime ?? DEFAULT_POLICY.overtime.threshold,
      minAnnualCut: o.cut ?? DEFAULT_POLICY.overtime.minAnnualCut,
    },
    businessSupport: {
      ...DEFAULT_POLICY.businessSupport,
      threshold: o.support ?? DEFAULT_POLICY.businessSupport.threshold,
    },
  });
  const byCode = (rules: readonly { code: string; title: string; explanation: string }[]) =>
    new Map(rules.map((r) => [r.code, r]));

  it("reads the White Paper's figures under the default policy", () => {
    const r = byCode(CHECK_RULES);
    expect(r.get("OVERTIME_ANNUAL_CUT")?.title).toBe("Yearly cut while above 4%");
    expect(r.get("OVERTIME_ANNUAL_CUT")?.explanation).toContain(
      "above 4% of the paybill, each year's overtime is at least 5% lower"
    );
    expect(r.get("SUPPORT_BELOW_THRESHOLD_BY_TARGET")?.title).toBe(
      "Support below 7% by the target year"
    );
    expect(r.get("OVERTIME_BASELINE_PRESENT")?.explanation).toContain("baseline year (2008/09)");
    expect(r.get("VARIANCE_EXPLAINED")?.explanation).toContain("variance threshold (10%)");
  });

  it("an overridden threshold, cut, year or variance reads right", () => {
    const r = byCode(
      rulesFor(policy({ overtime: 0.045, cut: 0.075, support: 0.065, target: 2014 }), 0.15)
    );
    expect(r.get("OVERTIME_ANNUAL_CUT")?.title).toBe("Yearly cut while above 4.5%");
    expect(r.get("OVERTIME_ANNUAL_CUT")?.explanation).toContain("at least 7.5% lower");
    expect(r.get("OVERTIME_THRESHOLD_YEAR_PLANNED")?.title).toBe("A year reaching 4.5% is planned");
    expect(r.get("OVERTIME_NO_RISE")?.title).toBe("No rise at or below 4.5%");
    expect(r.get("SUPPORT_BELOW_THRESHOLD_BY_TARGET")?.title).toBe(
      "Support below 6.5% by the target year"
    );
    expect(r.get("TARGET_YEAR_COVERED")?.explanation).toContain("target year (2014/15)");
    expect(r.get("VARIANCE_EXPLAINED")?.explanation).toContain("variance threshold (15%)");
  });

  it("leaves no placeholder unfilled and names no threshold of its own", () => {
    for (const rule of rulesFor(policy({ overtime: 0.045, support: 0.065 }))) {
      expect(`${rule.title} ${rule.explanation}`).not.toMatch(/[{}]/);
      expect(`${rule.title} ${rule.explanation}`).not.toMatch(/\b(4|7)%/);
    }
  });
});
