/**
 * The one table of names: what the add-in calls each workforce function, procurement category
 * (the national approaches of 5.31-5.40, plus spend with none), procurement route, budget line and
 * savings area, wherever it shows them (the Data step, the settings panel, the statement, the
 * check, the command line and detection's findings).
 *
 * Names are written to head a row or a list ("Information technology"). In the middle of a
 * sentence use `inSentence`, which lower-cases the first word unless it is an acronym
 * ("information technology", but "ICT within ISIS").
 */
import {
  BudgetLineKey,
  FunctionCategory,
  ProcurementCategory,
  ProcurementRoute,
  SavingsArea,
} from "./forceData";

/** The workforce functions (business-support classification, 5.46-5.51). */
export const FUNCTION_NAMES: Readonly<Record<FunctionCategory, string>> = {
  corporateDevelopment: "Corporate development and planning",
  hr: "Human resources",
  finance: "Finance",
  procurement: "Procurement",
  administration: "Administration and central support",
  communications: "Corporate communications",
  legal: "Legal services",
  performanceReview: "Performance review",
  professionalStandards: "Professional standards (complaints and discipline)",
  staffAssociations: "Staff associations and welfare",
  it: "Information technology",
  estates: "Estates",
  fleet: "Fleet",
  training: "Training",
  forceCommand: "Force command",
  operational: "Operational functions",
  other: "Other functions",
};

/** The procurement categories: one per national approach (5.31-5.40), and spend with none. */
export const PROCUREMENT_CATEGORY_NAMES: Readonly<Record<ProcurementCategory, string>> = {
  vehicles: "Vehicles",
  bodyArmour: "Body armour",
  forensicDna: "Forensic analysis: DNA",
  forensicDrugs: "Forensic analysis: drugs",
  forensicOther: "Forensic analysis: other",
  eForensics: "E-forensics",
  uniform: "Uniform",
  mobilePhones: "Mobile phones and BlackBerrys",
  digitalEvidence: "Digital evidence",
  consultancy: "Consultancy",
  translators: "Translators and interpreters",
  olympics: "Olympics",
  radio: "Radio communications",
  forensicsRefresh: "Forensics framework refresh",
  fingerprintId: "Fingerprint identification",
  fingerprintScanning: "Fingerprint scanning",
  construction: "Construction and maintenance (regional)",
  ict: "ICT within ISIS",
  other: "Other (no national approach)",
};

/** How a procurement line is bought. */
export const ROUTE_NAMES: Readonly<Record<ProcurementRoute, string>> = {
  nationalFramework: "National framework",
  regional: "Regional",
  local: "Local",
  unknown: "Not stated",
};

/** The budget lines the analyses need, as messages and the Data step name them. */
export const BUDGET_KEY_NAMES: Readonly<Record<BudgetLineKey, string>> = {
  officerPay: "police officer pay",
  officerOvertime: "police officer overtime",
  staffPay: "police staff pay",
  staffOvertime: "police staff overtime",
  pcsoPay: "PCSO pay",
  pcsoOvertime: "PCSO overtime",
  totalPay: "total pay",
  nonPay: "non-pay expenditure",
  grossExpenditure: "gross expenditure",
  income: "income",
  netExpenditure: "net expenditure",
};

/** The statement's nine areas (5.53), as the savings plan and its findings name them. */
export const SAVINGS_AREA_NAMES: Readonly<Record<SavingsArea, string>> = {
  deployment: "Deployment",
  overtime: "Overtime",
  processImprovement: "Process improvement",
  bureaucracy: "Reducing bureaucracy",
  procurement: "Procurement",
  it: "IT convergence",
  supportServices: "Support services",
  collaboration: "Local approaches and collaboration",
  overheads: "Economising on overheads",
};

/** The nine areas' short names, for table rows and chart categories. */
export const AREA_SHORT: Readonly<Record<SavingsArea, string>> = {
  deployment: "Deployment",
  overtime: "Overtime",
  processImprovement: "Process improvement",
  bureaucracy: "Bureaucracy",
  procurement: "Procurement",
  it: "IT (ISIS)",
  supportServices: "Support services",
  collaboration: "Collaboration",
  overheads: "Overheads",
};

export function functionCategoryLabel(c: FunctionCategory): string {
  return FUNCTION_NAMES[c];
}

export function procurementCategoryLabel(c: ProcurementCategory): string {
  return PROCUREMENT_CATEGORY_NAMES[c];
}

/**
 * A name for the middle of a sentence: the first letter lower-cased unless the first word is an
 * acronym or a proper name written with more than one capital ("ICT", "BlackBerrys").
 */
export function inSentence(name: string): string {
  const first = /^\S+/.exec(name)?.[0] ?? "";
  if (/[A-Z].*[A-Z]/.test(first) || /^[A-Z]{2,}/.test(first)) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}
