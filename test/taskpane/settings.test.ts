import { analyse } from "../../src/core/analysis/analyse";
import { DEFAULT_POLICY, POLICY_SETTINGS } from "../../src/core/policy";
import { SETTINGS_KEYS, runVfm } from "../../src/core/run";
import {
  defaultHint,
  editText,
  nextPolicyOverrides,
  policyFields,
  policyInputProblem,
  policyOverridesOf,
  readingHints,
  withPart,
} from "../../src/taskpane/model/settings";
import { detectForceData } from "../../src/core/detect/detect";
import { exampleshireTemplate } from "../../src/core/sample/exampleshire";
import { makeData } from "../core/analysis/fixtures";
import { paneSpec } from "./fixtures";

const threshold = POLICY_SETTINGS.find((d) => d.key === "overtime.threshold")!;
const money = POLICY_SETTINGS.find((d) => d.key === "overtime.nationalTarget")!;

describe("the settings panel's model", () => {
  test("every setting shows its value in use, its default and where the value came from", () => {
    const a = analyse(
      makeData({ ...paneSpec, overrides: { "overtime.threshold": "5%" } }),
      DEFAULT_POLICY,
      {
        policyFile: {
          name: "the add-in's settings",
          overrides: { "businessSupport.threshold": "6.5%" },
        },
      }
    );
    const fields = policyFields(a);
    expect(fields).toHaveLength(POLICY_SETTINGS.length);
    const ot = fields.find((f) => f.descriptor.key === "overtime.threshold")!;
    expect(ot.currentText).toBe("5%");
    expect(ot.defaultText).toBe("4%");
    // The fixture writes overrides in Settings!B11 onwards (row 10 + i, column B).
    expect(ot.source).toBe("set in the workbook at Settings!B11");
    expect(ot.base).toBe(0.05);
    const bs = fields.find((f) => f.descriptor.key === "businessSupport.threshold")!;
    expect(bs.currentText).toBe("6.5%");
    expect(bs.source).toBe("set in this panel");
    expect(bs.base).toBe(0.07);
    const basis = fields.find((f) => f.descriptor.key === "overtime.basis")!;
    // The White Paper does not define the basis (5.9-5.10): the default is the add-in's.
    expect(basis.source).toBe("the add-in's default");
    expect(fields.find((f) => f.descriptor.key === "years.baseline")!.source).toBe(
      "the White Paper's default"
    );
  });

  test("the hint says where each default comes from, in words, without nested brackets", () => {
    const fields = policyFields(analyse(makeData(paneSpec), DEFAULT_POLICY));
    const hint = (key: string) => defaultHint(fields.find((f) => f.descriptor.key === key)!);
    expect(hint("overtime.threshold")).toBe("White Paper default: 4% (5.9-5.10).");
    expect(hint("overtime.highestSpenderRatio")).toBe(
      "Add-in default: none (the White Paper, 5.9-5.10, does not set it)."
    );
    expect(hint("rag.savingsAmberShortfall")).toBe("Add-in default: 10% (a RAG convention).");
    expect(hint("overtime.payLinesIncludeOvertime")).toBe(
      "Add-in default: no (the White Paper does not set it)."
    );
    expect(hint("businessSupport.definition")).toMatch(
      /^White Paper default: .+ \(5\.46-5\.51; the functions are not listed; HMIC's readings\)\.$/
    );
    // No bracket inside a bracket (a paragraph's own letter, as in 5.35(a), is not one).
    for (const f of fields) expect(defaultHint(f)).not.toMatch(/\([^)]*\([a-z]{2,}/i);
  });

  test("values are edited as a treasurer writes them, and bad ones say why", () => {
    expect(editText(threshold, 0.04)).toBe("4%");
    expect(editText(money, 7_000_000_000)).toBe("£70m");
    expect(policyInputProblem(threshold, "4%")).toBeUndefined();
    expect(policyInputProblem(threshold, "4")).toMatch(
      /^This cannot be used: it must be between 0% and 100%/
    );
  });

  test("an edit is stored as entered; one back at the value the workbook gives is dropped", () => {
    const fields = policyFields(analyse(makeData(paneSpec), DEFAULT_POLICY));
    const a = nextPolicyOverrides({}, { "overtime.threshold": "5%" }, fields);
    expect(a).toEqual({ ok: true, overrides: { "overtime.threshold": "5%" } });
    const b = nextPolicyOverrides(
      { "overtime.threshold": "5%", "years.target": "2014/15" },
      { "overtime.threshold": "0.04" },
      fields
    );
    expect(b).toEqual({ ok: true, overrides: { "years.target": "2014/15" } });
    const c = nextPolicyOverrides(
      {},
      { "overtime.threshold": "lots", "overtime.nationalTarget": "£80m" },
      fields
    );
    expect(c.ok).toBe(false);
    if (!c.ok) expect(Object.keys(c.problems)).toEqual(["overtime.threshold"]);
  });

  test("stored overrides change the next run's analysis", () => {
    const workbook = { sheets: [] };
    const settings = withPart({}, SETTINGS_KEYS.policy, { "overtime.threshold": "6%" });
    expect(policyOverridesOf(settings)).toEqual({ "overtime.threshold": "6%" });
    // runVfm reads the stored overrides as the policy file "the add-in's settings".
    const r = runVfm(workbook, { settings });
    expect(r.analysis.policy.overtime.threshold).toBe(0.06);
    expect(withPart(settings, SETTINGS_KEYS.policy, {})).toEqual({});
  });
});

describe("the readings in the settings panel", () => {
  // The Exampleshire sample (template layout): officer overtime 5,600,000 in 2008/09 against an
  // officer paybill of 101,800,000 (5.50%) or the whole paybill of 151,570,500 (3.69%).
  const a = analyse(detectForceData(exampleshireTemplate()), DEFAULT_POLICY);
  const field = (key: string) => policyFields(a).find((f) => f.descriptor.key === key)!;

  test("a reading shows the White Paper's words and the verdict each way of reading gives", () => {
    expect(readingHints(field("overtime.basis"))).toEqual([
      'The White Paper\'s words: 5.10: "Total spending on officer overtime" and forces "at or below 4% of their paybill".',
      "On this workbook the verdict turns on this reading:",
      "Police officers only (in use): 5.50% in 2008/09 and 3.98% in 2013/14; two years above the required maximum (2009/10 and 2011/12); off track.",
      "Officer overtime against the whole paybill (officers, staff and PCSOs): 3.69% in 2008/09 and 2.71% in 2013/14; every year within its required maximum; on track.",
      "Whole workforce (officers, staff and PCSOs): 4.53% in 2008/09 and 3.35% in 2013/14; two years above the required maximum (2009/10 and 2011/12); off track.",
    ]);
    expect(readingHints(field("overtime.atOrBelow"))[1]).toBe(
      "On this workbook every way of reading it gives the same verdict:"
    );
  });

  test("a setting that is not a reading adds nothing", () => {
    expect(readingHints(field("overtime.threshold"))).toEqual([]);
  });
});
