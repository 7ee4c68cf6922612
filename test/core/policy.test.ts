import {
  DEFAULT_POLICY,
  FRAMEWORK_CATEGORIES,
  POLICY_SETTINGS,
  applyOverrides,
  findPolicySetting,
  formatPolicyValue,
  policyOverridesFromJson,
  policyParagraphs,
  policyValue,
} from "../../src/core/policy";
import { toPence } from "../../src/core/money";

describe("policy defaults (White Paper)", () => {
  it("holds the thresholds, years and national figures with their paragraphs", () => {
    expect(DEFAULT_POLICY.overtime.threshold).toBe(0.04); // 5.9-5.10
    expect(DEFAULT_POLICY.overtime.minAnnualCut).toBe(0.05);
    expect(DEFAULT_POLICY.years).toEqual({ baseline: 2008, target: 2013 });
    expect(DEFAULT_POLICY.overtime.nationalTarget).toBe(toPence(70, "£m"));
    expect(DEFAULT_POLICY.overtime.nationalBaseline).toBe(toPence(413, "£m"));
    expect(DEFAULT_POLICY.overtime.nationalBaselineYear).toBe(2007);
    expect(DEFAULT_POLICY.businessSupport.threshold).toBe(0.07); // 5.46-5.51
    expect(DEFAULT_POLICY.businessSupport.classification.it).toBe("excluded");
    expect(DEFAULT_POLICY.businessSupport.classification.hr).toBe("businessSupport");
    expect(DEFAULT_POLICY.businessSupport.classification.estates).toBe("operational");
    expect(DEFAULT_POLICY.nationalProgramme.annualSaving).toBe(toPence(545, "£m")); // 5.4
    expect(DEFAULT_POLICY.nationalProgramme.firstYearSaving).toBe(toPence(100, "£m"));
    expect(DEFAULT_POLICY.nationalProgramme.firstYear).toBe(2010);
    expect(findPolicySetting("overtime.threshold")?.paragraph).toBe("5.9-5.10");
    expect(findPolicySetting("businessSupport.threshold")?.paragraph).toBe("5.46-5.51");
  });

  it("uses the lower bound of a stated range and no rate where none is stated", () => {
    const f = DEFAULT_POLICY.procurement.frameworks;
    expect(f.forensicDrugs.rate).toBe(0.12); // 12-15%
    expect(f.forensicDna.rate).toBe(0.1);
    expect(f.bodyArmour.rate).toBe(0.03);
    expect(f.vehicles.rate).toBeNull(); // £14m a year nationally, not a rate
    expect(f.eForensics.rate).toBeNull();
    expect(f.bodyArmour.inPlaceBy).toBe("2010-04-01");
    expect(f.mobilePhones.inPlaceBy).toBe("2011-04-01");
    expect(f.ict.inPlaceBy).toBe("2014-04-01");
  });

  it("describes every setting with a label, paragraph and default that match the policy", () => {
    const keys = POLICY_SETTINGS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of POLICY_SETTINGS) {
      expect(s.label.length).toBeGreaterThan(3);
      expect(s.paragraph.length).toBeGreaterThan(0);
      expect(policyValue(DEFAULT_POLICY, s.key)).toEqual(s.defaultValue);
    }
    expect(keys).toContain("overtime.basis");
    expect(keys).toContain("overtime.highestSpenderRatio");
    expect(keys.filter((k) => k.startsWith("procurement.frameworks."))).toHaveLength(
      FRAMEWORK_CATEGORIES.length * 2
    );
  });

  it("formats values as a treasurer writes them", () => {
    const d = (k: string) => findPolicySetting(k)!;
    expect(formatPolicyValue(d("overtime.threshold"), 0.04)).toBe("4%");
    expect(formatPolicyValue(d("overtime.nationalTarget"), toPence(70, "£m"))).toBe("£70m");
    expect(formatPolicyValue(d("years.baseline"), 2008)).toBe("2008/09");
    expect(formatPolicyValue(d("procurement.frameworks.vehicles.rate"), null)).toBe("none");
    expect(formatPolicyValue(d("overtime.basis"), "officers")).toBe("Police officers only");
  });
});

describe("applyOverrides", () => {
  it("reads values as written in a Settings sheet, by key or by label", () => {
    const r = applyOverrides(DEFAULT_POLICY, [
      { key: "overtime.threshold", value: "4.5%", cell: { sheet: "Settings", address: "B10" } },
      { key: "Minimum yearly cut in overtime while above the threshold", value: 0.1 },
      { key: "years.target", value: "2014/15" },
      { key: "overtime.nationalTarget", value: "£80m" },
      { key: "overtime.basis", value: "Whole workforce (officers, staff and PCSOs)" },
      { key: "overtime.paybillIncludesOvertime", value: "no" },
      { key: "procurement.frameworks.vehicles.rate", value: "2%" },
      { key: "procurement.frameworks.uniform.inPlaceBy", value: "01/01/2012" },
      { key: "businessSupport.classification.training", value: "businessSupport" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.policy.overtime.threshold).toBe(0.045);
    expect(r.policy.overtime.minAnnualCut).toBe(0.1);
    expect(r.policy.years.target).toBe(2014);
    expect(r.policy.overtime.nationalTarget).toBe(8_000_000_000);
    expect(r.policy.overtime.basis).toBe("wholeWorkforce");
    expect(r.policy.overtime.paybillIncludesOvertime).toBe(false);
    expect(r.policy.procurement.frameworks.vehicles.rate).toBe(0.02);
    expect(r.policy.procurement.frameworks.uniform.inPlaceBy).toBe("2012-01-01");
    expect(r.policy.businessSupport.classification.training).toBe("businessSupport");
    expect(r.applied[0]).toMatchObject({
      key: "overtime.threshold",
      value: 0.045,
      defaultValue: 0.04,
      cell: { sheet: "Settings", address: "B10" },
    });
    // the default policy itself is untouched
    expect(DEFAULT_POLICY.overtime.threshold).toBe(0.04);
    expect(DEFAULT_POLICY.procurement.frameworks.vehicles.rate).toBeNull();
  });

  it("turns unknown keys and bad values into findings, not exceptions", () => {
    const r = applyOverrides(DEFAULT_POLICY, [
      { key: "overtime.thresold", value: 0.05, cell: { sheet: "Settings", address: "B12" } },
      { key: "overtime.threshold", value: 4 }, // 400%: must be written 4% or 0.04
      { key: "years.baseline", value: "last year" },
      { key: "overtime.basis", value: "everyone" },
      { key: "rag.overtimeRedMissedYears", value: -1 },
      { key: "procurement.frameworks.bodyArmour.inPlaceBy", value: "31/02/2010" },
    ]);
    expect(r.findings.map((f) => f.code)).toEqual([
      "POLICY_UNKNOWN_KEY",
      "POLICY_BAD_VALUE",
      "POLICY_BAD_VALUE",
      "POLICY_BAD_VALUE",
      "POLICY_BAD_VALUE",
      "POLICY_BAD_VALUE",
    ]);
    expect(r.findings[0].cell).toEqual({ sheet: "Settings", address: "B12" });
    expect(r.findings[1].message).toContain("4%");
    expect(r.policy).toEqual(DEFAULT_POLICY);
    expect(r.applied).toEqual([]);
  });

  it("reads a nested or flat JSON file, and reports bad JSON", () => {
    const nested = policyOverridesFromJson(
      JSON.stringify({
        overtime: { threshold: 0.05 },
        "procurement.frameworks.vehicles.rate": 0.02,
      }),
      "policy.json"
    );
    const r = applyOverrides(DEFAULT_POLICY, nested.overrides, {
      from: "file",
      file: "policy.json",
    });
    expect(r.findings).toEqual([]);
    expect(r.policy.overtime.threshold).toBe(0.05);
    expect(r.policy.procurement.frameworks.vehicles.rate).toBe(0.02);
    expect(r.applied.every((a) => a.file === "policy.json" && a.from === "file")).toBe(true);

    const bad = policyOverridesFromJson("{ not json", "bad.json");
    expect(bad.findings[0]).toMatchObject({ code: "POLICY_FILE_UNREADABLE", sheet: "bad.json" });
    expect(policyOverridesFromJson("[1,2]", "list.json").findings[0].code).toBe(
      "POLICY_FILE_NOT_OBJECT"
    );
  });

  it("flags settings that contradict each other", () => {
    const r = applyOverrides(DEFAULT_POLICY, { "years.target": "2007/08" });
    expect(r.findings.map((f) => f.code)).toEqual(["POLICY_YEARS_ORDER"]);
  });

  it("leaves indicator rows to the indicators", () => {
    const r = applyOverrides(DEFAULT_POLICY, { "indicator.Overtime per officer": "a / b" });
    expect(r.findings).toEqual([]);
    expect(r.applied).toEqual([]);
  });
});

describe("a setting's White Paper paragraphs, apart from whose default it is", () => {
  test("worked examples: a paragraph, one left open, a convention, a bare add-in setting", () => {
    const d = (paragraph: string) => ({ ...POLICY_SETTINGS[0], paragraph });
    expect(policyParagraphs(d("5.35(b)"))).toEqual({ paragraphs: "5.35(b)", addIn: false });
    expect(policyParagraphs(d("add-in setting (5.9-5.10 does not define it)"))).toEqual({
      paragraphs: "5.9-5.10",
      addIn: true,
    });
    expect(policyParagraphs(d("add-in setting (RAG convention)"))).toEqual({
      addIn: true,
      why: "a RAG convention",
    });
    expect(
      policyParagraphs(d("add-in setting (a planning assumption; the White Paper sets none)"))
    ).toEqual({ addIn: true, why: "a planning assumption" });
    expect(policyParagraphs(d("add-in setting"))).toEqual({ addIn: true });
  });

  test("every setting's paragraphs are paragraph numbers, never the words 'add-in setting'", () => {
    for (const s of POLICY_SETTINGS) {
      const p = policyParagraphs(s);
      if (p.paragraphs !== undefined)
        expect([s.key, p.paragraphs]).toEqual([s.key, expect.stringMatching(/^5\.\d/)]);
      if (!p.addIn) expect(p.paragraphs).toBe(s.paragraph);
      expect(JSON.stringify(p)).not.toMatch(/add-in setting/);
    }
  });
});
