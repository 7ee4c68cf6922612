/**
 * CIPFA subjective analysis lines (what the money is spent on), as police budgets and the POA
 * return name them, with the budget line each one is read as. Only pay and overtime lines carry
 * a key: the overtime ratio needs officer pay and officer overtime (5.9-5.10), and the others
 * are read as ordinary non-pay or income lines.
 */
import { BudgetLineKey } from "../forceData";
import { SourceId } from "./sources";

export interface SubjectiveEntry {
  readonly id: string;
  readonly name: string;
  readonly source: SourceId;
  /** The budget line it is read as; undefined for lines no analysis needs on their own. */
  readonly key?: BudgetLineKey;
  /** Pay that has overtime in it ("including overtime"): the overtime line is taken out of it. */
  readonly includesOvertime?: boolean;
  readonly wordings: readonly string[];
  readonly note?: string;
}

const s = (
  id: string,
  name: string,
  source: SourceId,
  key: BudgetLineKey | undefined,
  wordings: readonly string[] = [],
  extra: { includesOvertime?: boolean; note?: string } = {}
): SubjectiveEntry => ({ id, name, source, ...(key ? { key } : {}), wordings, ...extra });

export const SUBJECTIVE_ENTRIES: readonly SubjectiveEntry[] = [
  // HMIC 2010 profile (CIPFA 2009-10 estimates), Section 1 headers
  s("hmic.officerPayExOt", "Police officers (exc. OT)", "hmic2010", "officerPay", [
    "police officer pay excluding overtime",
    "police officers pay exc overtime",
    "police officer pay net of overtime",
    "police officer pay before overtime",
  ]),
  s("hmic.officerOvertime", "Police officer overtime", "hmic2010", "officerOvertime"),
  s("hmic.staffPayExOt", "Staff salaries exc. OT", "hmic2010", "staffPay", [
    "police staff pay excluding overtime",
  ]),
  s("hmic.staffOvertime", "Police staff overtime", "hmic2010", "staffOvertime"),
  s("hmic.pcso", "PCSOs", "hmic2010", "pcsoPay", ["pcso pay", "pcso salaries"]),
  s("hmic.supplies", "Supplies & services", "hmic2010", undefined),
  s("hmic.premises", "Premises", "hmic2010", undefined),
  s("hmic.transport", "Transport", "hmic2010", undefined),
  s("hmic.thirdParty", "Third party", "hmic2010", undefined),
  s("hmic.otherEmployee", "Other employee expenses", "hmic2010", undefined),
  s("hmic.capitalFinancing", "Capital financing", "hmic2010", undefined),
  s("hmic.nonStaff", "Non-staff costs", "hmic2010", "nonPay"),
  s("hmic.income", "Income", "hmic2010", "income"),
  s("hmic.nre", "Net revenue expenditure", "hmic2010", "netExpenditure"),
  // CIPFA POA subjective lines (2012/13 estimates)
  s("poa.officerSalaries", "Police Officer Salaries", "poa2012", "officerPay", [
    "police officer pay",
    "police officers basic pay",
  ]),
  s("poa.pcsoSalaries", "PCSO Salaries", "poa2012", "pcsoPay"),
  s("poa.staffSalaries", "Other Staff Salaries", "poa2012", "staffPay", [
    "police staff salaries",
    "police staff pay",
  ]),
  s("poa.officerOvertime", "Police Officer Overtime", "poa2012", "officerOvertime"),
  s("poa.pcsoOvertime", "PCSO Overtime", "poa2012", "pcsoOvertime"),
  s("poa.staffOvertime", "Other Staff Overtime", "poa2012", "staffOvertime"),
  s("poa.agency", "Temporay & Agency Costs", "poa2012", undefined, ["temporary and agency costs"], {
    note: "Spelt 'Temporay' in the published file.",
  }),
  s(
    "poa.injury",
    "Injury & Ill Health Costs",
    "poa2012",
    undefined,
    ["ill health retirements", "injury awards"],
    {
      note: "Pension and injury costs are not part of the paybill the overtime ratio uses.",
    }
  ),
  s("poa.restructure", "Restructure, Training and Conference Costs", "poa2012", undefined),
  s("poa.otherEmployee", "Other Employee Costs", "poa2012", undefined),
  s("poa.totalEmployee", "Total Employee Costs", "poa2012", "totalPay", [
    "total employees",
    "total pay",
  ]),
  s("poa.premises", "Premises Related Expenses", "poa2012", undefined),
  s("poa.transport", "Transport Related Expenses", "poa2012", undefined),
  s("poa.supplies", "Supplies & Services", "poa2012", undefined),
  s(
    "poa.thirdPartyCollab",
    "Third Party Payments - Collaboration with other police forces",
    "poa2012",
    undefined
  ),
  s("poa.thirdParty", "Third Party Payments - Excluding collaboration", "poa2012", undefined),
  s("poa.capitalFinancing", "Capital Financing", "poa2012", undefined),
  s("poa.gre", "Gross Revenue Expenditure", "poa2012", "grossExpenditure"),
  s("poa.totalIncome", "Total Income", "poa2012", "income"),
  s("poa.nre", "Net Revenue Expenditure", "poa2012", "netExpenditure"),
  // CIPFA subjective analysis: pay is pay and allowances with the employer's national insurance
  // and pension contributions. HMIC's 2009-10 cost per officer FTE excluding overtime (£45,800 to
  // £62,700, median £49,500; col AM of the 2010 file) is that whole cost, so each part a force
  // budgets on its own line is added into the pay the overtime ratio uses (5.9-5.10).
  s("cipfa.officerAllowances", "Police officer allowances", "cipfa", "officerPay", [
    "police officers allowances",
    "police officer pay allowances",
  ]),
  s("cipfa.officerNi", "Police officer employer's national insurance", "cipfa", "officerPay", [
    "police officer national insurance",
    "police officer employers ni",
    "police officer ni",
  ]),
  s(
    "cipfa.officerPensionContributions",
    "Police officer employer's pension contributions",
    "cipfa",
    "officerPay",
    [
      "police officer pension contributions",
      "police officer employers pension",
      "police officer superannuation",
    ]
  ),
  s("cipfa.staffAllowances", "Police staff allowances", "cipfa", "staffPay"),
  s("cipfa.staffNi", "Police staff employer's national insurance", "cipfa", "staffPay", [
    "police staff national insurance",
    "police staff employers ni",
    "police staff ni",
  ]),
  s(
    "cipfa.staffPensionContributions",
    "Police staff employer's pension contributions",
    "cipfa",
    "staffPay",
    [
      "police staff pension contributions",
      "police staff employers pension",
      "police staff superannuation",
    ]
  ),
  // Pensions paid out (injury and ill-health awards, lump sums, the pension fund's top-up) are
  // not pay for work done this year: no key, so never in the paybill.
  s(
    "cipfa.policePensions",
    "Police pensions",
    "cipfa",
    undefined,
    [
      "police officer pensions",
      "police pension payments",
      "police pension fund",
      "injury pensions",
      "ill health pensions",
      "pension lump sums",
    ],
    {
      note: "Pensions paid, not the employer's contributions: left out of the paybill.",
    }
  ),
  // Overtime wordings (issue: "excluding/exc./net of/before overtime" is pay)
  s(
    "addin.officerPayInclOt",
    "Police officer pay including overtime",
    "addin",
    "officerPay",
    ["police officer pay inc overtime", "police officer pay incl overtime"],
    {
      includesOvertime: true,
      note: "Pay with overtime in it: the overtime line is taken out to find pay.",
    }
  ),
];
