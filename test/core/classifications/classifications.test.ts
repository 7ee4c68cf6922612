import {
  breakdownOf,
  definitionClassification,
  entriesNamed,
  FUNCTION_ENTRIES,
  SOURCES,
  SUBJECTIVE_ENTRIES,
  SUPPORT_DEFINITIONS,
} from "../../../src/core/classifications";
import { budgetMatcher, functionMatcher, mappingKey } from "../../../src/core/detect/labels";
import { applyOverrides, DEFAULT_POLICY, POLICY_SETTINGS } from "../../../src/core/policy";
import { runVfm } from "../../../src/core/run";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { ADR_FUNCTIONS, BS_BREAKDOWN, poa2016Names } from "../realData/hmicData";

describe("classification data", () => {
  test("every entry cites a known source and has a published name", () => {
    for (const e of [...FUNCTION_ENTRIES, ...SUBJECTIVE_ENTRIES]) {
      expect(SOURCES[e.source]).toBeDefined();
      expect(e.name.trim()).not.toBe("");
    }
    const ids = FUNCTION_ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("each entry's stated readings are its category's class on that definition", () => {
    for (const e of FUNCTION_ENTRIES)
      for (const d of SUPPORT_DEFINITIONS)
        expect([e.id, d, definitionClassification(d)[e.category]]).toEqual([
          e.id,
          d,
          e.readings[d],
        ]);
  });

  test("breakdown lines name a parent that exists, and parents have breakdowns", () => {
    for (const e of FUNCTION_ENTRIES.filter((x) => x.partOf))
      expect(FUNCTION_ENTRIES.some((p) => p.id === e.partOf)).toBe(true);
    expect(breakdownOf("adr.businessSupport").map((e) => e.name)).toEqual([...BS_BREAKDOWN]);
  });

  test("the two readings differ only where HMIC's 2010 and the POA readings differ", () => {
    const a = definitionClassification("hmic2010");
    const b = definitionClassification("poa");
    const differ = Object.keys(a).filter((k) => a[k as keyof typeof a] !== b[k as keyof typeof b]);
    expect(differ.sort()).toEqual(["estates", "fleet", "forceCommand", "training"]);
    expect(a.it).toBe("excluded");
    expect(b.it).toBe("excluded");
  });
});

describe("the published names are known", () => {
  test("every ADR function and business-support line in the 2010/11 file", () => {
    for (const name of [...ADR_FUNCTIONS, ...BS_BREAKDOWN])
      expect([name, entriesNamed(name, mappingKey).length > 0]).toEqual([name, true]);
  });

  test("every CIPFA POA objective and sub-objective in the 2016 file", () => {
    const names = poa2016Names().map((n) => n.replace(/^TOTAL\s+/i, ""));
    expect(names.length).toBeGreaterThan(80);
    const unknown = names.filter(
      (n) =>
        entriesNamed(n, mappingKey).length === 0 &&
        !/police crime commissioner|central costs|democratic|pcc|revenue contribution|capital financing|pensions/i.test(
          n
        )
    );
    expect(unknown).toEqual([]);
  });

  test("each name and wording matches its own category, never two", () => {
    for (const e of FUNCTION_ENTRIES) {
      if (e.role === "total") continue;
      for (const text of [e.name, ...e.wordings]) {
        const m = functionMatcher.match(text);
        expect([e.id, text, m.kind === "match" ? m.key : m.kind]).toEqual([e.id, text, e.category]);
      }
    }
  });

  test("the functions the issue found unknown", () => {
    const cases: [string, string][] = [
      ["Community", "operational"],
      ["Specialist functions", "operational"],
      ["Dealing with the public", "operational"],
      ["National functions", "operational"],
      ["Not available for duty", "operational"],
      ["Complaints & discipline", "professionalStandards"],
      ["Staff associations", "staffAssociations"],
      ["IT/Communications", "it"],
      [" IT/Communications", "it"],
      ["ICT and communications", "it"],
      ["Other admin/ clerical", "administration"],
      ["Corporate Communications", "communications"],
      ["Professional Standards", "professionalStandards"],
      ["Human Resources", "hr"],
    ];
    for (const [label, cat] of cases) {
      const m = functionMatcher.match(label);
      expect([label, m.kind === "match" ? m.key : m.kind]).toEqual([label, cat]);
    }
  });
});

describe("overtime wordings on budget lines", () => {
  const key = (label: string) => {
    const m = budgetMatcher.match(label);
    return m.kind === "match" ? m.key : m.kind;
  };
  test.each([
    ["Police Officers - Pay (excluding overtime)", "officerPay"],
    ["Police officers (exc. OT)", "officerPay"],
    ["Police officer pay exc. overtime", "officerPay"],
    ["Police officer pay, net of overtime", "officerPay"],
    ["Police officer pay before overtime", "officerPay"],
    ["Police officers pay excl OT", "officerPay"],
    ["Police officer pay including overtime", "officerPay"],
    ["Police officers pay (inc. overtime)", "officerPay"],
    ["Police officer overtime", "officerOvertime"],
    ["Overtime - police officers", "officerOvertime"],
    ["Police staff pay (excluding overtime)", "staffPay"],
    ["Staff salaries exc. OT", "staffPay"],
    ["Police staff overtime", "staffOvertime"],
    ["Other Staff Salaries", "staffPay"],
    ["Police Officer Salaries", "officerPay"],
    ["Total Employee Costs", "totalPay"],
    ["Net revenue expenditure", "netExpenditure"],
  ])("%s is %s", (label, k) => {
    expect(key(label)).toBe(k);
  });
});

describe("the business-support definition is a setting", () => {
  test("choosing the POA reading counts training, fleet, estates and force command", () => {
    const d = POLICY_SETTINGS.find((s) => s.key === "businessSupport.definition");
    expect(d?.defaultValue).toBe("hmic2010");
    const r = applyOverrides(DEFAULT_POLICY, { "businessSupport.definition": "poa" });
    expect(r.findings).toEqual([]);
    expect(r.policy.businessSupport.definition).toBe("poa");
    expect(r.policy.businessSupport.classification.training).toBe("businessSupport");
    expect(DEFAULT_POLICY.businessSupport.classification.training).toBe("operational");
  });

  test("a classification set beside the definition still wins, whatever the order", () => {
    const r = applyOverrides(DEFAULT_POLICY, {
      "businessSupport.classification.training": "operational",
      "businessSupport.definition": "poa",
    });
    expect(r.policy.businessSupport.classification.training).toBe("operational");
    expect(r.policy.businessSupport.classification.fleet).toBe("businessSupport");
  });
});

describe("CIPFA subjective pay lines: allowances, on-costs and pensions", () => {
  const key = (label: string) => {
    const m = budgetMatcher.match(label);
    return m.kind === "match" ? m.key : m.kind;
  };

  test("each keyed subjective line's name and wordings match its own key, never two", () => {
    for (const e of SUBJECTIVE_ENTRIES.filter((x) => x.key))
      for (const text of [e.name, ...e.wordings])
        expect([e.id, text, key(text)]).toEqual([e.id, text, e.key]);
  });

  test("pensions paid are no pay or overtime line; the employer's contributions are pay", () => {
    const pensions = SUBJECTIVE_ENTRIES.find((e) => e.id === "cipfa.policePensions");
    expect(pensions?.key).toBeUndefined();
    for (const text of [pensions!.name, ...pensions!.wordings])
      expect([text, key(text)]).toEqual([text, "none"]);
    expect(key("Police officer employer's pension contributions")).toBe("officerPay");
    expect(key("Employer's pension contributions - police officers")).toBe("officerPay");
    expect(key("Police staff superannuation")).toBe("staffPay");
    expect(key("Police officer allowances")).toBe("officerPay");
    expect(key("Police staff allowances")).toBe("staffPay");
    expect(key("Police officers - employer's NI")).toBe("officerPay");
  });

  test("a budget with pay in its parts: overtime over all of officer pay, pensions paid left out", () => {
    // £000: basic 80,000 + allowances 4,000 + NI 6,000 + pension contributions 19,000 = 109,000
    // officer pay; overtime 4,360; pensions paid 9,500 are not pay.
    // Ratio = 4,360 / (109,000 + 4,360) = 4,360 / 113,360 = 0.0384615...
    const grid = workbookOf(
      sheetFromRows("Budget", [
        ["Revenue budget £000"],
        [null, "2009/10"],
        ["Police officer basic pay", 80000],
        ["Police officer allowances", 4000],
        ["Police officer employer's national insurance", 6000],
        ["Police officer employer's pension contributions", 19000],
        ["Police officer overtime", 4360],
        ["Police pensions", 9500],
      ])
    );
    const r = runVfm(grid);
    const y = r.analysis.overtime.byYear.find((b) => b.year === 2009);
    expect(y?.paybill.value).toBe(113_360_000 * 100);
    expect(y?.ratio?.value).toBeCloseTo(4360 / 113360, 12);
    expect(y?.paybill.sources.map((c) => c.address)).toEqual(["B3", "B4", "B5", "B6", "B7"]);
    expect(r.data.budget.lines.find((l) => l.label === "Police pensions")?.key).toBeUndefined();
  });
});
