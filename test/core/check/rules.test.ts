/** The rule catalogue as data, and severity settings read from text. */
import { CHECK_RULES, parseSeverityOverrides } from "../../../src/core/check/rules";
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

  it("covers every rule of issue 7, grouped as the issue groups them", () => {
    const byArea = (a: string) => CHECK_RULES.filter((r) => r.area === a).length;
    expect(byArea("completeness")).toBe(4);
    expect(byArea("overtime")).toBe(4);
    expect(byArea("businessSupport")).toBe(3);
    expect(byArea("procurement")).toBe(3);
    expect(byArea("arithmetic")).toBe(2);
    expect(byArea("consistency")).toBe(1);
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
