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
    "police officer allowances",
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
    ["police pensions", "ill health retirements"],
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
