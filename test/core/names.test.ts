import { detectForceData } from "../../src/core/detect/detect";
import { functionMatcher, procurementMatcher } from "../../src/core/detect/labels";
import { FunctionCategory, ProcurementCategory } from "../../src/core/forceData";
import {
  FUNCTION_NAMES,
  PROCUREMENT_CATEGORY_NAMES,
  ROUTE_NAMES,
  SAVINGS_AREA_NAMES,
  functionCategoryLabel,
  inSentence,
  procurementCategoryLabel,
} from "../../src/core/names";
import { FRAMEWORK_CATEGORIES, FUNCTION_CATEGORIES, POLICY_SETTINGS } from "../../src/core/policy";
import { sheetFromRows, workbookOf } from "../../src/core/sample/gridBuilder";

describe("one table of names", () => {
  test("every function and procurement category has one name, and no two share it", () => {
    for (const table of [
      FUNCTION_NAMES,
      PROCUREMENT_CATEGORY_NAMES,
      ROUTE_NAMES,
      SAVINGS_AREA_NAMES,
    ]) {
      const names = Object.values(table);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const n of names) expect(n.trim()).toBe(n);
    }
    expect(Object.keys(FUNCTION_NAMES).sort()).toEqual([...FUNCTION_CATEGORIES].sort());
    expect(Object.keys(PROCUREMENT_CATEGORY_NAMES).sort()).toEqual(
      [...FRAMEWORK_CATEGORIES, "other"].sort()
    );
  });

  test("the wording chosen where two tables disagreed", () => {
    expect(functionCategoryLabel("it")).toBe("Information technology");
    expect(functionCategoryLabel("communications")).toBe("Corporate communications");
    expect(functionCategoryLabel("operational")).toBe("Operational functions");
    expect(procurementCategoryLabel("other")).toBe("Other (no national approach)");
    expect(procurementCategoryLabel("forensicDna")).toBe("Forensic analysis: DNA");
    expect(procurementCategoryLabel("ict")).toBe("ICT within ISIS");
  });

  test("the settings panel names categories from the same table", () => {
    const labels = POLICY_SETTINGS.map((s) => s.label);
    expect(labels).toContain("Classification: Information technology");
    expect(labels).toContain("Body armour: national approach in place by");
    expect(labels).toContain(
      "Construction and maintenance (regional): expected saving rate (none: give a local estimate)"
    );
  });

  test("in a sentence: the first word lower-cased unless it is an acronym", () => {
    expect(inSentence("Information technology")).toBe("information technology");
    expect(inSentence("Forensic analysis: DNA")).toBe("forensic analysis: DNA");
    expect(inSentence("ICT within ISIS")).toBe("ICT within ISIS");
    expect(inSentence("PCSO pay")).toBe("PCSO pay");
    expect(inSentence("BlackBerrys")).toBe("BlackBerrys");
    expect(inSentence("E-forensics")).toBe("e-forensics");
    expect(inSentence("")).toBe("");
  });

  test("each name the add-in shows reads back as its own category", () => {
    for (const c of FUNCTION_CATEGORIES) {
      const m = functionMatcher.match(FUNCTION_NAMES[c]);
      expect([c, m.kind === "match" ? m.key : m.kind]).toEqual([c, c]);
    }
    for (const c of Object.keys(PROCUREMENT_CATEGORY_NAMES) as ProcurementCategory[]) {
      const m = procurementMatcher.match(PROCUREMENT_CATEGORY_NAMES[c]);
      expect([c, m.kind === "match" ? m.key : m.kind]).toEqual([c, c]);
    }
  });

  test("a Category column holding a shown name gives that category", () => {
    const d = detectForceData(
      workbookOf(
        sheetFromRows("Workforce", [
          ["Workforce (FTE) as at 31 March 2010"],
          ["Function", "Category", "Police officers", "Police staff", "PCSOs", "Total"],
          ["Systems team", "Information technology", 0, 12, 0, 12],
          ["Press office", "Corporate communications", 0, 6, 0, 6],
        ])
      )
    );
    const category = (label: string): FunctionCategory | undefined =>
      d.workforce.lines.find((l) => l.label === label)?.category;
    expect(category("Systems team")).toBe("it");
    expect(category("Press office")).toBe("communications");
  });
});
