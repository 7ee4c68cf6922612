import { ILLUSTRATIVE_LABEL } from "../../../src/core/sample/peers";
import { detectForceData } from "../../../src/core/detect/detect";
import { ForceData } from "../../../src/core/forceData";
import { cellValue } from "../../../src/core/grid";
import {
  EXAMPLESHIRE_NAME,
  exampleshireFreeForm,
  exampleshireTemplate,
  ILLUSTRATIVE_NOTE,
  SAMPLE_PROCUREMENT,
  SAMPLE_SAVINGS,
} from "../../../src/core/sample/exampleshire";

const template = detectForceData(exampleshireTemplate());
const freeForm = detectForceData(exampleshireFreeForm());

/** Every figure without where it came from (cells, "how", the text as written). */
function figures(d: ForceData) {
  const v = <T>(s: { value: T } | undefined) => s?.value;
  return {
    settings: [
      v(d.settings.forceName),
      v(d.settings.baselineYear),
      v(d.settings.targetYear),
      v(d.settings.averageSupportCost),
    ],
    budget: d.budget.lines.map((l) => ({
      label: l.label,
      key: l.key,
      isTotal: l.isTotal,
      amounts: [...l.amounts].map(([y, a]) => [y, a.value]),
      basis: [...(l.basis ?? [])],
    })),
    budgetYears: d.budget.years,
    workforce: d.workforce.lines.map((l) => ({
      label: l.label,
      category: l.category,
      isTotal: l.isTotal,
      fte: [...l.fte].map(([y, f]) => [
        y,
        v(f.officers),
        v(f.staff),
        v(f.pcsos),
        v(f.specials),
        v(f.total),
      ]),
    })),
    workforceYears: d.workforce.years,
    procurement: d.procurement.lines.map((l) => [
      l.category,
      l.route,
      l.supplier,
      l.description,
      l.annualSpend.value,
      v(l.contractEnd),
      v(l.plannedMigration),
    ]),
    savings: d.savingsPlan.lines.map((l) => [
      l.initiative,
      l.area,
      l.type,
      l.year,
      v(l.planned),
      v(l.actual),
      l.notes,
    ]),
  };
}

function amount(d: ForceData, key: string, year: number): number {
  const line = d.budget.lines.find((l) => l.key === key && !l.isTotal);
  return line?.amounts.get(year)?.value ?? NaN;
}

describe("the Exampleshire sample", () => {
  test("the template and the free-form layouts give identical figures; only the cells differ", () => {
    expect(figures(freeForm)).toEqual(figures(template));
    const cellOf = (d: ForceData) =>
      d.budget.lines.find((l) => l.key === "officerOvertime")?.amounts.get(2008)?.sources[0];
    expect(cellOf(template)).toEqual({ sheet: "Budget", address: "B7" });
    expect(cellOf(freeForm)).toEqual({ sheet: "Budget 2010-14", address: "B7" });
  });

  test("every input is covered and nothing is wrong with it", () => {
    for (const d of [template, freeForm]) {
      expect(new Set(d.sheetsUsed.map((u) => u.as))).toEqual(
        new Set(["settings", "budget", "workforce", "procurement", "savingsPlan", "peers"])
      );
      // Information only (the free form's hidden row); no warnings, no errors.
      expect(d.findings.filter((f) => f.severity !== "info")).toEqual([]);
    }
    expect(freeForm.findings.map((f) => f.code)).toEqual(["HIDDEN_ROWS_READ"]);
    expect(template.settings.forceName?.value).toBe(EXAMPLESHIRE_NAME);
    expect(template.procurement.lines).toHaveLength(SAMPLE_PROCUREMENT.length);
    expect(new Set(template.savingsPlan.lines.map((l) => l.area)).size).toBe(9);
    expect(new Set(template.savingsPlan.lines.map((l) => l.type))).toEqual(
      new Set(["cashable", "nonCashable"])
    );
    expect(SAMPLE_SAVINGS.filter((s) => s.notes).length).toBeGreaterThanOrEqual(3);
  });

  test("every sheet of both layouts says the figures are illustrative", () => {
    for (const wb of [exampleshireTemplate(), exampleshireFreeForm()])
      for (const sheet of wb.sheets) {
        const texts = sheet.values.flat().filter((v): v is string => typeof v === "string");
        // The peers sheet carries its own label, as it names real forces with made-up figures.
        const label = sheet.name === "Peers" ? ILLUSTRATIVE_LABEL : ILLUSTRATIVE_NOTE;
        expect(texts.some((t) => t.includes(label))).toBe(true);
      }
  });

  test("the free form shows what forces do: merged title, £000 in a title, hidden row, varied years", () => {
    const wb = exampleshireFreeForm();
    const budget = wb.sheets[1];
    expect(budget.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
    expect(cellValue(budget, 1, 0)).toContain("£000");
    expect(budget.hiddenRows).toHaveLength(1);
    expect(budget.values[3].slice(1, 7)).toEqual([
      "Actual 2008/09",
      "Actual 2009/10",
      "2010/11 Budget",
      "2011/12 Plan",
      "2012/13 Plan",
      "2013/14 Target",
    ]);
    expect(cellValue(wb.sheets[2], 1, 0)).toBe("Workforce (FTE) as at 31 March 2010");
  });

  test("a mid-sized force above 4% overtime and above 7% business support", () => {
    const d = template;
    // Officer overtime / (officer pay + officer overtime), £000:
    // 2008/09 5,600 / (96,200 + 5,600) = 5,600 / 101,800 = 5.50%
    // 2009/10 5,480 / 103,780 = 5.28%; 2010/11 5,150 / 104,950 = 4.91%; 2011/12 4,950 / 105,850 = 4.68%
    // 2012/13 4,600 / 106,300 = 4.33%; 2013/14 4,250 / 106,750 = 3.98%
    const ratio = (y: number) =>
      amount(d, "officerOvertime", y) /
      (amount(d, "officerPay", y) + amount(d, "officerOvertime", y));
    expect(
      [2008, 2009, 2010, 2011, 2012, 2013].map((y) => Math.round(ratio(y) * 10000) / 100)
    ).toEqual([5.5, 5.28, 4.91, 4.68, 4.33, 3.98]);
    // Officer paybill about £100m: 96,200 + 5,600 = £101.8m in 2008/09.
    expect(amount(d, "officerPay", 2008) + amount(d, "officerOvertime", 2008)).toBe(101_800_000_00);

    const lines = d.workforce.lines.filter((l) => !l.isTotal);
    const sum = (
      year: number,
      f: (c: string | undefined) => boolean,
      part: "officers" | "staff" | "pcsos" | "total"
    ) =>
      lines
        .filter((l) => f(l.category))
        .reduce((a, l) => a + (l.fte.get(year)?.[part]?.value ?? 0), 0);
    const all = () => true;
    // At 31 March 2010: 2,040 officers, 1,414 staff, 250 PCSOs = 3,704 FTE.
    expect([
      sum(2009, all, "officers"),
      sum(2009, all, "staff"),
      sum(2009, all, "pcsos"),
      sum(2009, all, "total"),
    ]).toEqual([2040, 1414, 250, 3704]);
    const support = new Set([
      "corporateDevelopment",
      "hr",
      "finance",
      "procurement",
      "administration",
      "communications",
      "legal",
      "performanceReview",
    ]);
    const isSupport = (c: string | undefined) => c !== undefined && support.has(c);
    // Business support, IT excluded: 30 + 77 + 46 + 18 + 115 + 17 + 12 + 23 = 338; 338 / 3,704 = 9.13%
    expect(sum(2009, isSupport, "total")).toBe(338);
    // 2013/14: 25 + 64 + 38 + 15 + 95.5 + 14 + 10 + 19 = 280.5; 280.5 / 3,612.5 = 7.76%
    expect(sum(2013, isSupport, "total")).toBe(280.5);
    expect(sum(2013, all, "total")).toBe(3612.5);
  });
});
