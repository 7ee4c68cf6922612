import {
  budgetMatcher,
  functionMatcher,
  isTotalLabel,
  labelTokens,
  mappingKey,
  matchBudgetLabel,
  matchSavingsArea,
  procurementMatcher,
  routeMatcher,
  savingsTypeMatcher,
} from "../../../src/core/detect/labels";

function key(m: { kind: string; key?: string }): string | undefined {
  return m.kind === "match" ? m.key : m.kind;
}

describe("label normalisation", () => {
  test("case, apostrophes, '&', punctuation and plurals are folded", () => {
    expect(labelTokens("Police Officers' Pay & Allowances")).toEqual([
      "police",
      "officer",
      "pay",
      "allowance",
    ]);
    expect(labelTokens("Non-pay")).toEqual(["nonpay"]);
    expect(labelTokens("Sub-total police staff")).toEqual(["subtotal", "police", "staff"]);
    expect(labelTokens("Police Community Support Officers' overtime")).toEqual([
      "pcso",
      "overtime",
    ]);
    expect(mappingKey("Officers' overtime")).toBe(mappingKey("officers overtime"));
  });
});

describe("budget lines", () => {
  test.each([
    ["Police officer overtime", "officerOvertime"],
    ["Overtime - Police Officers", "officerOvertime"],
    ["Officers' overtime", "officerOvertime"],
    ["Police overtime", "officerOvertime"],
    ["Police officer pay", "officerPay"],
    ["Police Officers Pay & Allowances", "officerPay"],
    ["Officer pay and allowances", "officerPay"],
    ["Police officer salaries", "officerPay"],
    ["Total police officer pay", "officerPay"],
    ["Police staff pay", "staffPay"],
    ["Civilian staff salaries and wages", "staffPay"],
    ["Police staff overtime", "staffOvertime"],
    ["PCSO pay and allowances", "pcsoPay"],
    ["Police Community Support Officers pay", "pcsoPay"],
    ["PCSO overtime", "pcsoOvertime"],
    ["Total pay", "totalPay"],
    ["Total employee costs", "totalPay"],
    ["Non-pay", "nonPay"],
    ["Total non-pay expenditure", "nonPay"],
    ["Gross expenditure", "grossExpenditure"],
    ["Total expenditure", "grossExpenditure"],
    ["Less: income", "income"],
    ["Net expenditure", "netExpenditure"],
    ["Net budget requirement", "netExpenditure"],
  ])("%s -> %s", (label, expected) => {
    expect(key(budgetMatcher.match(label))).toBe(expected);
  });

  test.each([
    "Premises",
    "Police pensions",
    "Pay",
    "Overtime",
    "Sub-total police officers",
    "Supplies and services",
  ])("%s is no key line", (label) => {
    expect(budgetMatcher.match(label).kind).toBe("none");
  });

  test("'Officer and staff overtime' scores the same for two keys: ambiguous, not a guess", () => {
    // officer overtime: 2 words x 10 = 20, less 5 for "staff" unexplained = 15; staff overtime: the same.
    const m = budgetMatcher.match("Officer and staff overtime");
    expect(m).toEqual({ kind: "ambiguous", keys: ["officerOvertime", "staffOvertime"], score: 15 });
  });

  test("'police' alone reads as police officers, and says so", () => {
    const m = budgetMatcher.match("Police pay");
    expect(m.kind === "match" && m.note).toBe("'police' read as police officers");
  });

  test("a line borrows the worker type of its section heading", () => {
    expect(key(matchBudgetLabel("Overtime", "Police officers"))).toBe("officerOvertime");
    expect(key(matchBudgetLabel("Overtime", "Police staff"))).toBe("staffOvertime");
    expect(key(matchBudgetLabel("Pay and allowances", "PCSOs"))).toBe("pcsoPay");
    expect(key(matchBudgetLabel("Police officers", "Employees"))).toBe("officerPay");
    expect(matchBudgetLabel("Premises", "Non-pay").kind).toBe("none");
    expect(matchBudgetLabel("Overtime", "Police officers").viaHeading).toBe("Police officers");
  });

  test("totals and sub-totals", () => {
    for (const t of [
      "Total",
      "Sub-total",
      "Subtotal police staff",
      "Grand total",
      "Net expenditure",
      "Gross expenditure",
      "TOTAL PAY",
    ])
      expect(isTotalLabel(t)).toBe(true);
    for (const t of ["Police officer pay", "Income", "Premises"])
      expect(isTotalLabel(t)).toBe(false);
  });
});

describe("workforce functions", () => {
  test.each([
    ["Human resources", "hr"],
    ["HR", "hr"],
    ["Personnel", "hr"],
    ["Finance", "finance"],
    ["Corporate development", "corporateDevelopment"],
    ["Planning and performance", "corporateDevelopment"],
    ["Purchasing", "procurement"],
    ["Administration and central support", "administration"],
    ["Press office", "communications"],
    ["Legal services", "legal"],
    ["Performance review", "performanceReview"],
    ["Information technology", "it"],
    ["ICT", "it"],
    ["Estates and facilities", "estates"],
    ["Fleet", "fleet"],
    ["Training", "training"],
    ["Neighbourhood policing", "operational"],
    ["Contact centre and control room", "operational"],
    ["Criminal investigation (CID)", "operational"],
  ])("%s -> %s", (label, expected) => {
    expect(key(functionMatcher.match(label))).toBe(expected);
  });
  test("an unknown function is not guessed", () => {
    expect(functionMatcher.match("Widgets").kind).toBe("none");
  });
});

describe("procurement categories", () => {
  test.each([
    ["Forensic services - drugs", "forensicDrugs"],
    ["Forensic services - DNA", "forensicDna"],
    ["Forensic services - toxicology", "forensicOther"],
    ["E-forensics (computer examination)", "eForensics"],
    ["Digital forensics", "eForensics"],
    ["Vehicles - marked patrol cars", "vehicles"],
    ["Vehicle fuel", "other"],
    ["Body armour", "bodyArmour"],
    ["Uniform and clothing", "uniform"],
    ["Mobile phones and BlackBerrys", "mobilePhones"],
    ["Airwave radio airtime", "radio"],
    ["Fingerprint identification (IDENT1)", "fingerprintId"],
    ["Livescan fingerprint scanning", "fingerprintScanning"],
    ["Building maintenance and minor works", "construction"],
    ["ICT software licences", "ict"],
    ["Interpreters and translation", "translators"],
    ["Management consultancy", "consultancy"],
    ["Digital evidence storage", "digitalEvidence"],
    ["Forensic medical examiners", "other"],
    ["Cleaning", "other"],
  ])("%s -> %s", (text, expected) => {
    expect(key(procurementMatcher.match(text))).toBe(expected);
  });
  test("text with no category is not guessed", () => {
    expect(procurementMatcher.match("Sundries 4").kind).toBe("none");
  });
});

describe("routes, savings areas and types", () => {
  test.each([
    ["National framework", "nationalFramework"],
    ["NFFA", "nationalFramework"],
    ["Yes", "nationalFramework"],
    ["Regional framework", "regional"],
    ["Local tender", "local"],
    ["Not on framework", "local"],
    ["Legacy contract", "local"],
  ])("route %s -> %s", (text, expected) => {
    expect(key(routeMatcher.match(text))).toBe(expected);
  });
  test.each([
    ["Deployment", "deployment"],
    ["2. Overtime", "overtime"],
    ["Process improvement (Quest)", "processImprovement"],
    ["Reducing bureaucracy", "bureaucracy"],
    ["National procurement frameworks", "procurement"],
    ["IT convergence (ISIS)", "it"],
    ["Support services", "supportServices"],
    ["Shared services", "supportServices"],
    ["Local approaches and collaboration", "collaboration"],
    ["Economising on overheads", "overheads"],
    ["7", "supportServices"],
    ["Area 9", "overheads"],
  ])("area %s -> %s", (text, expected) => {
    expect(key(matchSavingsArea(text))).toBe(expected);
  });
  test("cashable and non-cashable", () => {
    expect(key(savingsTypeMatcher.match("Cashable"))).toBe("cashable");
    expect(key(savingsTypeMatcher.match("Non-cashable"))).toBe("nonCashable");
    expect(key(savingsTypeMatcher.match("Non cashable"))).toBe("nonCashable");
    expect(key(savingsTypeMatcher.match("Productivity"))).toBe("nonCashable");
  });
});
