/**
 * The White Paper's parameters as data (Protecting the Public, December 2009; paragraph numbers
 * from the domain rulebook, vfm-policy.md). Nothing else in the code holds a threshold, year,
 * classification, framework date or saving rate: the analyses read them from a Policy, and the
 * user can override any of them from the Settings sheet or a JSON file (applyOverrides).
 *
 * POLICY_SETTINGS describes every setting (key, label, paragraph, default) for the task pane's
 * settings panel and the statement's sources section.
 */
import { CellRef } from "./grid";
import { Finding, finding } from "./findings";
import { FunctionCategory, ProcurementCategory } from "./forceData";
import { FUNCTION_NAMES, PROCUREMENT_CATEGORY_NAMES } from "./names";
import { fromPoints, parseNumberText } from "./numberText";
import { Pence, toPence } from "./money";
import { FinancialYear, parseYearKey } from "./years";
import { formatPolicyMoney, formatPolicyPercent, formatYear } from "./format";
import {
  definitionClassification,
  SUPPORT_DEFINITION_SPECS,
  SupportDefinition,
} from "./classifications/definitions";
import { isoDate, isoOfDate, serialToIso } from "./dates";

/** How a workforce function counts in the business-support ratio (5.46-5.51). */
export type SupportClass = "businessSupport" | "excluded" | "operational";

/**
 * Which overtime is measured against which paybill (5.10 leaves it open): officer overtime
 * against the officer paybill; officer overtime against the whole paybill (5.10 speaks of
 * officer overtime and "their paybill"); or all overtime against the whole paybill.
 */
export type OvertimeBasis = "officers" | "officerOvertimeWholePaybill" | "wholeWorkforce";

/** What 5.10 asks of a force at or below the threshold: no rise, or a fall every year. */
export type OvertimeAtOrBelow = "noRise" | "fall";

/** What the yearly cut is measured from: the year before, or compounded from the baseline. */
export type OvertimeCutFrom = "previousYear" | "baseline";

/** How the excess business-support FTE is counted: at a fixed workforce, or posts leaving it. */
export type SupportExcessMeasure = "fixedWorkforce" | "postsLeave";

/** Which legacy contracts need a planned move now: all, or those whose approach is in place by the plan year's end. */
export type MigrationPlanFor = "everyContract" | "approachInPlace";

/** The categories with a national procurement approach (every ProcurementCategory except "other"). */
export type FrameworkCategory = Exclude<ProcurementCategory, "other">;

export interface FrameworkRule {
  /** The national approach, in the add-in's words. */
  readonly approach: string;
  /** The date the approach is (or was) in place, ISO "2011-04-01". */
  readonly inPlaceBy: string;
  /** Expected saving as a fraction of spend; null where no rate is stated (a local estimate is needed). */
  readonly rate: number | null;
  readonly paragraph: string;
  /** How the default was chosen where the text gives a range or an approximate date. */
  readonly note?: string;
}

export interface Policy {
  readonly years: {
    /** Baseline year for overtime (5.9-5.10): 2008 = 2008/09. */
    readonly baseline: FinancialYear;
    /** Target year for overtime and business support (5.9-5.10, 5.46-5.51): 2013 = 2013/14. */
    readonly target: FinancialYear;
  };
  readonly overtime: {
    readonly threshold: number;
    readonly minAnnualCut: number;
    readonly basis: OvertimeBasis;
    /** The ratio's denominator includes overtime (paybill = pay + overtime). */
    readonly paybillIncludesOvertime: boolean;
    /** The workbook's pay lines already contain overtime (so it is not added again). */
    readonly payLinesIncludeOvertime: boolean;
    /**
     * A year above the threshold counts as a "highest spender" year (held to the annual cut) when
     * its ratio is above this; null means every year above the threshold.
     */
    readonly highestSpenderRatio: number | null;
    /** 5.10: at or below the threshold, "continue to make further reductions". */
    readonly atOrBelow: OvertimeAtOrBelow;
    /** 5.10: "reductions each year of at least 5%", from the year before or from the baseline. */
    readonly cutFrom: OvertimeCutFrom;
    readonly nationalTarget: Pence;
    readonly nationalBaseline: Pence;
    readonly nationalBaselineYear: FinancialYear;
    /** Pay growth a year the scenario model assumes where the workbook has no pay figure. */
    readonly payGrowth: number;
  };
  readonly businessSupport: {
    readonly threshold: number;
    /** Which published reading of business support the classification starts from. */
    readonly definition: SupportDefinition;
    readonly classification: Readonly<Record<FunctionCategory, SupportClass>>;
    readonly nationalSaving: Pence;
    /** 5.51: the FTE to remove to get below the threshold, the workforce fixed or shrinking with them. */
    readonly excessMeasure: SupportExcessMeasure;
  };
  readonly procurement: {
    readonly frameworks: Readonly<Record<FrameworkCategory, FrameworkRule>>;
    /** 5.35, 5.37: which contracts need a planned move onto their national approach now. */
    readonly planMovesFor: MigrationPlanFor;
  };
  readonly nationalProgramme: {
    readonly annualSaving: Pence;
    /** The year by which the annual saving is due: 2013 = 2013/14 ("by 2014"). */
    readonly byYear: FinancialYear;
    readonly firstYearSaving: Pence;
    readonly firstYear: FinancialYear;
    readonly procurementAndIt: Pence;
    readonly isisIt: Pence;
  };
  readonly rag: {
    /** Overtime is off track once this many years miss their required maximum. */
    readonly overtimeRedMissedYears: number;
    /** Savings: actual short of planned by more than this is at risk... */
    readonly savingsAmberShortfall: number;
    /** ...and by more than this, off track. */
    readonly savingsRedShortfall: number;
  };
}

export const FUNCTION_CATEGORIES: readonly FunctionCategory[] = [
  "corporateDevelopment",
  "hr",
  "finance",
  "procurement",
  "administration",
  "communications",
  "legal",
  "performanceReview",
  "professionalStandards",
  "staffAssociations",
  "it",
  "estates",
  "fleet",
  "training",
  "forceCommand",
  "operational",
  "other",
];

export const FRAMEWORK_CATEGORIES: readonly FrameworkCategory[] = [
  "vehicles",
  "bodyArmour",
  "forensicDna",
  "forensicDrugs",
  "forensicOther",
  "eForensics",
  "uniform",
  "mobilePhones",
  "digitalEvidence",
  "consultancy",
  "translators",
  "olympics",
  "radio",
  "forensicsRefresh",
  "fingerprintId",
  "fingerprintScanning",
  "construction",
  "ict",
];

const POUNDS_M = (m: number): Pence => toPence(m, "£m");

/** The defaults, each from the paragraph cited beside it. */
export const DEFAULT_POLICY: Policy = {
  years: { baseline: 2008, target: 2013 }, // 5.9-5.10
  overtime: {
    threshold: 0.04, // 5.9-5.10: at or below 4% of paybill
    minAnnualCut: 0.05, // 5.9-5.10: highest spenders cut by at least 5% a year
    basis: "officers", // not defined in the text: officer overtime / officer paybill
    paybillIncludesOvertime: true,
    payLinesIncludeOvertime: false,
    highestSpenderRatio: null, // every force above the threshold
    atOrBelow: "noRise", // 5.10 "continue to make further reductions": read as no rise
    cutFrom: "previousYear", // 5.10 "reductions each year": read year on year
    nationalTarget: POUNDS_M(70), // 5.9-5.10 (and 5.53): at least £70m by 2013/14
    nationalBaseline: POUNDS_M(413), // 5.10: officer overtime 2007/08 (CIPFA actuals)
    nationalBaselineYear: 2007,
    payGrowth: 0.025, // a planning assumption for the scenario model; the White Paper sets none
  },
  businessSupport: {
    threshold: 0.07, // 5.46-5.51: below 7% of the workforce by 2013/14
    // HMIC's 2010 reading (ADR business support less IT); "poa" is the later CIPFA reading.
    definition: "hmic2010",
    classification: definitionClassification("hmic2010"),
    nationalSaving: POUNDS_M(75), // 5.51
    excessMeasure: "fixedWorkforce", // 5.51 "reduce the proportion": the workforce as it is
  },
  procurement: {
    frameworks: {
      vehicles: {
        approach: "National vehicle framework, including a standard patrol car",
        inPlaceBy: "2010-06-30",
        rate: null,
        paragraph: "5.35(a)",
        note: "Use mandated within six months of December 2009; the saving is stated as £14m a year nationally, not as a rate.",
      },
      bodyArmour: {
        approach: "National body armour contract led by the Metropolitan Police Service",
        inPlaceBy: "2010-04-01",
        rate: 0.03,
        paragraph: "5.35(b)",
        note: "At least 3% stated; forces join as their own contracts end.",
      },
      forensicDna: {
        approach: "National Forensic Framework Agreement (DNA)",
        inPlaceBy: "2008-09-01",
        rate: 0.1,
        paragraph: "5.33-5.34 (NFFA case study)",
        note: "Framework live from 1 September 2008, phased in to 2011; about 10% stated for DNA.",
      },
      forensicDrugs: {
        approach: "National Forensic Framework Agreement (drugs)",
        inPlaceBy: "2008-09-01",
        rate: 0.12,
        paragraph: "5.33-5.34 (NFFA case study)",
        note: "12-15% stated; the lower bound is the default.",
      },
      forensicOther: {
        approach: "National Forensic Framework Agreement (other analysis)",
        inPlaceBy: "2008-09-01",
        rate: null,
        paragraph: "5.33-5.34 (NFFA case study)",
        note: "No rate stated for forensic analysis other than DNA and drugs.",
      },
      eForensics: {
        approach: "First national e-forensics framework",
        inPlaceBy: "2012-04-01",
        rate: null,
        paragraph: "5.35(c)",
        note: "Savings not yet quantified.",
      },
      uniform: {
        approach: "Single national uniform for officers, with a distinct one for PCSOs",
        inPlaceBy: "2012-04-01",
        rate: null,
        paragraph: "5.36",
        note: "In effect by 2012 (no month given; the start of 2012/13 is assumed).",
      },
      mobilePhones: nationalApproach("2011-04-01", "5.37"),
      digitalEvidence: nationalApproach("2011-04-01", "5.37"),
      consultancy: nationalApproach("2011-04-01", "5.37"),
      translators: nationalApproach("2011-04-01", "5.37"),
      olympics: nationalApproach("2011-04-01", "5.37"),
      radio: nationalApproach("2012-04-01", "5.37"),
      forensicsRefresh: nationalApproach("2012-04-01", "5.37"),
      fingerprintId: nationalApproach("2013-04-01", "5.37"),
      fingerprintScanning: nationalApproach("2013-04-01", "5.37"),
      construction: {
        approach: "Regional collaboration on construction, maintenance and services",
        inPlaceBy: "2013-04-01",
        rate: null,
        paragraph: "5.37",
      },
      ict: {
        approach: "ICT through the national ISIS programme",
        inPlaceBy: "2014-04-01",
        rate: null,
        paragraph: "5.37, 5.41-5.45",
      },
    },
    planMovesFor: "everyContract", // 5.35-5.37 leave open when a move must be planned
  },
  nationalProgramme: {
    annualSaving: POUNDS_M(545), // 5.4: at least £545m a year by 2014
    byYear: 2013,
    firstYearSaving: POUNDS_M(100), // 5.4: at least £100m in 2010/11
    firstYear: 2010,
    procurementAndIt: POUNDS_M(400), // 5.40
    isisIt: POUNDS_M(200), // 5.45
  },
  rag: { overtimeRedMissedYears: 1, savingsAmberShortfall: 0.1, savingsRedShortfall: 0.25 },
};

function nationalApproach(inPlaceBy: string, paragraph: string): FrameworkRule {
  return { approach: "Planned national approach", inPlaceBy, rate: null, paragraph };
}

// ---------------------------------------------------------------------------------------------
// Setting descriptors

export type PolicyValue = number | string | boolean | null;

export type PolicySettingKind =
  | "ratio" // a fraction: 0.04 (written 4% or 0.04)
  | "ratioOrNone" // a fraction or "none"
  | "money" // pence; written in pounds (70000000, "£70m")
  | "year" // FinancialYear; written "2008/09"
  | "date" // ISO date
  | "boolean"
  | "enum"
  | "count"; // a whole number >= 0

export type PolicyGroup =
  | "years"
  | "overtime"
  | "businessSupport"
  | "classification"
  | "procurement"
  | "nationalProgramme"
  | "rag";

export interface PolicySettingDescriptor {
  /** Stable key, e.g. "overtime.threshold" or "procurement.frameworks.bodyArmour.rate". */
  readonly key: string;
  readonly label: string;
  /** White Paper paragraph, or "add-in setting" where the text leaves it open. */
  readonly paragraph: string;
  readonly group: PolicyGroup;
  readonly kind: PolicySettingKind;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly defaultValue: PolicyValue;
  readonly note?: string;
  /**
   * Where the White Paper leaves a reading open: its own words that the setting reads, quoted
   * with their paragraph, shown beside the setting (settings panel, working papers, README).
   */
  readonly whitePaperWords?: string;
  /** Path into Policy. */
  readonly path: readonly string[];
}

const SUPPORT_CLASS_OPTIONS = [
  { value: "businessSupport", label: "Business support" },
  { value: "excluded", label: "Excluded from the ratio" },
  { value: "operational", label: "Operational" },
] as const;

/**
 * A setting for a reading the White Paper leaves open in `paragraphs`: the add-in's setting
 * ("add-in setting (5.9-5.10 does not define it)", as policyDefaultSource and policyParagraphs
 * read it), keyed by its path into Policy, quoting the words of the White Paper it reads.
 */
function openReading(
  path: readonly [string, string],
  paragraphs: string,
  spec: Omit<PolicySettingDescriptor, "key" | "paragraph" | "path"> & {
    readonly whitePaperWords: string;
  }
): PolicySettingDescriptor {
  const { label, ...rest } = spec;
  return {
    key: path.join("."),
    label,
    paragraph: `add-in setting (${paragraphs} does not define it)`,
    ...rest,
    path,
  };
}

function descriptors(): PolicySettingDescriptor[] {
  const d = DEFAULT_POLICY;
  const list: PolicySettingDescriptor[] = [
    {
      key: "years.baseline",
      label: "Baseline year",
      paragraph: "5.9-5.10",
      group: "years",
      kind: "year",
      defaultValue: d.years.baseline,
      path: ["years", "baseline"],
    },
    {
      key: "years.target",
      label: "Target year",
      paragraph: "5.9-5.10, 5.46-5.51",
      group: "years",
      kind: "year",
      defaultValue: d.years.target,
      path: ["years", "target"],
    },
    {
      key: "overtime.threshold",
      label: "Overtime threshold (share of paybill)",
      paragraph: "5.9-5.10",
      group: "overtime",
      kind: "ratio",
      defaultValue: d.overtime.threshold,
      path: ["overtime", "threshold"],
    },
    {
      key: "overtime.minAnnualCut",
      label: "Minimum yearly cut in overtime while above the threshold",
      paragraph: "5.9-5.10",
      group: "overtime",
      kind: "ratio",
      defaultValue: d.overtime.minAnnualCut,
      path: ["overtime", "minAnnualCut"],
    },
    openReading(["overtime", "basis"], "5.9-5.10", {
      label: "Paybill the overtime ratio is measured against",
      group: "overtime",
      kind: "enum",
      options: [
        { value: "officers", label: "Police officers only" },
        {
          value: "officerOvertimeWholePaybill",
          label: "Officer overtime against the whole paybill (officers, staff and PCSOs)",
        },
        { value: "wholeWorkforce", label: "Whole workforce (officers, staff and PCSOs)" },
      ],
      defaultValue: d.overtime.basis,
      whitePaperWords:
        '5.10: "Total spending on officer overtime" and forces "at or below 4% of their paybill"',
      note: "Police officers only: officer overtime / officer paybill. Officer overtime against the whole paybill: officer overtime / the pay of officers, staff and PCSOs with all their overtime. Whole workforce: all overtime / that whole paybill.",
    }),
    {
      key: "overtime.paybillIncludesOvertime",
      label: "Paybill includes overtime",
      paragraph: "add-in setting (5.9-5.10 does not define it)",
      group: "overtime",
      kind: "boolean",
      defaultValue: d.overtime.paybillIncludesOvertime,
      path: ["overtime", "paybillIncludesOvertime"],
    },
    {
      key: "overtime.payLinesIncludeOvertime",
      label: "The workbook's pay lines already contain overtime",
      paragraph: "add-in setting",
      group: "overtime",
      kind: "boolean",
      defaultValue: d.overtime.payLinesIncludeOvertime,
      note: "Leave off where pay and overtime are separate lines: the paybill is then pay + overtime.",
      path: ["overtime", "payLinesIncludeOvertime"],
    },
    openReading(["overtime", "highestSpenderRatio"], "5.9-5.10", {
      label:
        "Ratio above which a force counts as a highest spender (none: every force above the threshold)",
      group: "overtime",
      kind: "ratioOrNone",
      defaultValue: d.overtime.highestSpenderRatio,
      whitePaperWords:
        '5.10: "with the highest spenders making reductions each year of at least 5%"',
    }),
    openReading(["overtime", "atOrBelow"], "5.9-5.10", {
      label: "At or below the threshold, overtime must",
      group: "overtime",
      kind: "enum",
      options: [
        { value: "noRise", label: "Not rise (a year level with the last passes)" },
        { value: "fall", label: "Fall every year (a level year misses)" },
      ],
      defaultValue: d.overtime.atOrBelow,
      whitePaperWords:
        '5.10: forces "at or below 4% of their paybill to continue to make further reductions"',
      note: "Not rise: a year at or below the threshold may equal the year before. Fall every year: it must be lower than the year before, by any amount.",
    }),
    openReading(["overtime", "cutFrom"], "5.9-5.10", {
      label: "The yearly cut is measured from",
      group: "overtime",
      kind: "enum",
      options: [
        { value: "previousYear", label: "The year before (year on year)" },
        { value: "baseline", label: "The baseline year, compounded" },
      ],
      defaultValue: d.overtime.cutFrom,
      whitePaperWords: '5.10: "making reductions each year of at least 5%"',
      note: "Year on year: each year's maximum is the cut on the year before, so a year that misses lowers the next year's bar less. Compounded: each year's maximum is the baseline cut once for every year since, whatever the years between did.",
    }),
    {
      key: "overtime.nationalTarget",
      label: "National overtime reduction by the target year",
      paragraph: "5.9-5.10, 5.53",
      group: "overtime",
      kind: "money",
      defaultValue: d.overtime.nationalTarget,
      path: ["overtime", "nationalTarget"],
    },
    {
      key: "overtime.nationalBaseline",
      label: "National officer overtime in the national baseline year",
      paragraph: "5.10",
      group: "overtime",
      kind: "money",
      defaultValue: d.overtime.nationalBaseline,
      note: "CIPFA actuals for 2007/08.",
      path: ["overtime", "nationalBaseline"],
    },
    {
      key: "overtime.nationalBaselineYear",
      label: "Year of the national overtime figure",
      paragraph: "5.10",
      group: "overtime",
      kind: "year",
      defaultValue: d.overtime.nationalBaselineYear,
      path: ["overtime", "nationalBaselineYear"],
    },
    {
      key: "overtime.payGrowth",
      label: "Pay growth a year the savings model assumes where the workbook has no pay figure",
      paragraph: "add-in setting (a planning assumption; the White Paper sets none)",
      group: "overtime",
      kind: "ratio",
      defaultValue: d.overtime.payGrowth,
      note: "Used only for the years the workbook gives no pay figure; its own figures always win.",
      path: ["overtime", "payGrowth"],
    },
    {
      key: "businessSupport.threshold",
      label: "Business support threshold (share of the workforce)",
      paragraph: "5.46-5.51",
      group: "businessSupport",
      kind: "ratio",
      defaultValue: d.businessSupport.threshold,
      path: ["businessSupport", "threshold"],
    },
    {
      key: "businessSupport.nationalSaving",
      label: "National saving expected from support services",
      paragraph: "5.51",
      group: "businessSupport",
      kind: "money",
      defaultValue: d.businessSupport.nationalSaving,
      path: ["businessSupport", "nationalSaving"],
    },
    openReading(["businessSupport", "excessMeasure"], "5.46-5.51", {
      label: "The excess support FTE is counted",
      group: "businessSupport",
      kind: "enum",
      options: [
        { value: "fixedWorkforce", label: "At the workforce as it is" },
        { value: "postsLeave", label: "With the posts leaving the workforce" },
      ],
      defaultValue: d.businessSupport.excessMeasure,
      whitePaperWords:
        '5.51: "reduce the proportion of their workforce in business support functions to below 7%"',
      note: "At the workforce as it is: support FTE less the most that is under the threshold of today's workforce. With the posts leaving: the fewest posts whose removal takes the share under the threshold, the workforce shrinking by the same FTE (a few more posts).",
    }),
  ];
  list.push({
    key: "businessSupport.definition",
    label: "Definition of business support the share is measured on",
    paragraph: "5.46-5.51 (the functions are not listed; HMIC's readings)",
    group: "businessSupport",
    kind: "enum",
    options: (["hmic2010", "poa"] as const).map((v) => ({
      value: v,
      label: SUPPORT_DEFINITION_SPECS[v].name,
    })),
    defaultValue: d.businessSupport.definition,
    note: "Choosing a definition sets every function's classification to that reading; a classification set below still wins.",
    path: ["businessSupport", "definition"],
  });
  for (const c of FUNCTION_CATEGORIES) {
    list.push({
      key: `businessSupport.classification.${c}`,
      label: `Classification: ${FUNCTION_NAMES[c]}`,
      paragraph: "5.46-5.51",
      group: "classification",
      kind: "enum",
      options: SUPPORT_CLASS_OPTIONS,
      defaultValue: d.businessSupport.classification[c],
      path: ["businessSupport", "classification", c],
    });
  }
  for (const c of FRAMEWORK_CATEGORIES) {
    const f = d.procurement.frameworks[c];
    list.push(
      {
        key: `procurement.frameworks.${c}.inPlaceBy`,
        label: `${PROCUREMENT_CATEGORY_NAMES[c]}: national approach in place by`,
        paragraph: f.paragraph,
        group: "procurement",
        kind: "date",
        defaultValue: f.inPlaceBy,
        note: f.note,
        path: ["procurement", "frameworks", c, "inPlaceBy"],
      },
      {
        key: `procurement.frameworks.${c}.rate`,
        label: `${PROCUREMENT_CATEGORY_NAMES[c]}: expected saving rate (none: give a local estimate)`,
        paragraph: f.paragraph,
        group: "procurement",
        kind: "ratioOrNone",
        defaultValue: f.rate,
        note: f.note,
        path: ["procurement", "frameworks", c, "rate"],
      }
    );
  }
  list.push(
    openReading(["procurement", "planMovesFor"], "5.35-5.37", {
      label: "A planned move onto the national approach is needed now for",
      group: "procurement",
      kind: "enum",
      options: [
        { value: "everyContract", label: "Every legacy contract, however far off its approach" },
        {
          value: "approachInPlace",
          label: "Contracts whose approach is in place by the end of the plan's year",
        },
      ],
      defaultValue: d.procurement.planMovesFor,
      whitePaperWords:
        '5.35(b): "no later than the point at which their existing arrangements expire"; 5.37: "planned national approaches", with a "contract date by" of April 2011 to April 2014',
      note: "The plan's year is the Local Policing Plan's year: the Settings sheet's, else the first year the budget does not head Actual, from 2010/11. A contract whose approach arrives later is listed as to plan, with no status, until then.",
    })
  );
  list.push(
    {
      key: "nationalProgramme.annualSaving",
      label: "National programme: yearly saving by 2014",
      paragraph: "5.4",
      group: "nationalProgramme",
      kind: "money",
      defaultValue: d.nationalProgramme.annualSaving,
      path: ["nationalProgramme", "annualSaving"],
    },
    {
      key: "nationalProgramme.byYear",
      label: "National programme: year the full saving is due",
      paragraph: "5.4",
      group: "nationalProgramme",
      kind: "year",
      defaultValue: d.nationalProgramme.byYear,
      path: ["nationalProgramme", "byYear"],
    },
    {
      key: "nationalProgramme.firstYearSaving",
      label: "National programme: saving in the first year",
      paragraph: "5.4",
      group: "nationalProgramme",
      kind: "money",
      defaultValue: d.nationalProgramme.firstYearSaving,
      path: ["nationalProgramme", "firstYearSaving"],
    },
    {
      key: "nationalProgramme.firstYear",
      label: "National programme: first year",
      paragraph: "5.4",
      group: "nationalProgramme",
      kind: "year",
      defaultValue: d.nationalProgramme.firstYear,
      path: ["nationalProgramme", "firstYear"],
    },
    {
      key: "nationalProgramme.procurementAndIt",
      label: "National programme: procurement and IT share",
      paragraph: "5.40",
      group: "nationalProgramme",
      kind: "money",
      defaultValue: d.nationalProgramme.procurementAndIt,
      path: ["nationalProgramme", "procurementAndIt"],
    },
    {
      key: "nationalProgramme.isisIt",
      label: "National programme: ISIS IT share",
      paragraph: "5.45",
      group: "nationalProgramme",
      kind: "money",
      defaultValue: d.nationalProgramme.isisIt,
      path: ["nationalProgramme", "isisIt"],
    },
    {
      key: "rag.overtimeRedMissedYears",
      label: "Overtime is off track once this many years miss the required maximum",
      paragraph: "add-in setting (RAG convention)",
      group: "rag",
      kind: "count",
      defaultValue: d.rag.overtimeRedMissedYears,
      path: ["rag", "overtimeRedMissedYears"],
    },
    {
      key: "rag.savingsAmberShortfall",
      label: "Savings are at risk when actual falls short of planned by more than",
      paragraph: "add-in setting (RAG convention)",
      group: "rag",
      kind: "ratio",
      defaultValue: d.rag.savingsAmberShortfall,
      path: ["rag", "savingsAmberShortfall"],
    },
    {
      key: "rag.savingsRedShortfall",
      label: "Savings are off track when actual falls short of planned by more than",
      paragraph: "add-in setting (RAG convention)",
      group: "rag",
      kind: "ratio",
      defaultValue: d.rag.savingsRedShortfall,
      path: ["rag", "savingsRedShortfall"],
    }
  );
  return list;
}

/** Every overridable setting, in the order the settings panel shows them. */
export const POLICY_SETTINGS: readonly PolicySettingDescriptor[] = descriptors();

/** The settings panel's headings, one per group of settings. */
export const POLICY_GROUP_LABELS: Readonly<Record<PolicyGroup, string>> = {
  years: "Years",
  overtime: "Overtime",
  businessSupport: "Business support",
  classification: "Which functions count as business support",
  procurement: "Procurement frameworks",
  nationalProgramme: "National programme (context only)",
  rag: "Status rules",
};

/**
 * A setting named as the settings panel words it, for text a user reads (never its key):
 * 'the policy setting "Vehicles: expected saving rate" (under Procurement frameworks)'. The
 * label is also what a Settings sheet row or a policy file may name it by.
 */
export function policySettingWords(key: string): string {
  const d = findPolicySetting(key);
  if (!d) return "a policy setting";
  const label = d.label.replace(/ \([^)]*\)$/, "");
  return `the policy setting "${label}" (under ${POLICY_GROUP_LABELS[d.group]})`;
}

/**
 * Where a setting's default comes from, in words, for the settings panel: the White Paper's
 * paragraph, or the add-in where the White Paper leaves the reading open.
 */
export function policyDefaultSource(d: PolicySettingDescriptor): {
  readonly whitePaper: boolean;
  /** "White Paper 5.9-5.10", or "the White Paper, 5.9-5.10, does not set it". */
  readonly text: string;
} {
  if (/^\d/.test(d.paragraph))
    return {
      whitePaper: true,
      text: `White Paper ${d.paragraph.replace(/^(\S+) \((.*)\)$/, "$1; $2")}`,
    };
  const inner = /^add-in setting \((.*)\)$/.exec(d.paragraph)?.[1];
  if (!inner) return { whitePaper: false, text: "the White Paper does not set it" };
  const silent = /^([\d.,\s-]+) does not define it$/.exec(inner);
  if (silent) return { whitePaper: false, text: `the White Paper, ${silent[1]}, does not set it` };
  if (/convention$/i.test(inner)) return { whitePaper: false, text: `a ${inner}` };
  return { whitePaper: false, text: inner };
}

/**
 * A setting's `paragraph` field taken apart, for a table with a White Paper column: the
 * paragraphs it rests on or leaves it open in ("5.9-5.10"), apart from whether the add-in chose
 * the default, and why ("a RAG convention").
 */
export function policyParagraphs(d: PolicySettingDescriptor): {
  /** The White Paper's paragraphs, e.g. "5.35(b)" or "5.33-5.34 (NFFA case study)"; absent for none. */
  readonly paragraphs?: string;
  /** True where the White Paper leaves the setting open and the default is the add-in's. */
  readonly addIn: boolean;
  /** Why the add-in chose it, where the field says ("a RAG convention", "a planning assumption"). */
  readonly why?: string;
} {
  if (/^\d/.test(d.paragraph)) return { paragraphs: d.paragraph, addIn: false };
  const inner = /^add-in setting \((.*)\)$/.exec(d.paragraph)?.[1];
  if (!inner) return { addIn: true };
  const silent = /^([\d.,()a-z\s-]+?) does not define it$/.exec(inner);
  if (silent) return { paragraphs: silent[1], addIn: true };
  const why = inner.split(";")[0].trim();
  return { addIn: true, why: /convention$/i.test(why) ? `a ${why}` : why };
}

const byKey = new Map(POLICY_SETTINGS.map((s) => [normaliseKey(s.key), s]));
const byLabel = new Map(POLICY_SETTINGS.map((s) => [normaliseKey(s.label), s]));

function normaliseKey(k: string): string {
  return k.toLowerCase().replace(/[\s_\-:]+/g, "");
}

/** The descriptor for a key (case, spaces, "_" and "-" ignored) or for a label; undefined if none. */
export function findPolicySetting(keyOrLabel: string): PolicySettingDescriptor | undefined {
  const n = normaliseKey(keyOrLabel);
  return byKey.get(n) ?? byLabel.get(n);
}

/** A setting's current value in a policy. */
export function policyValue(policy: Policy, key: string): PolicyValue | undefined {
  const d = findPolicySetting(key);
  if (!d) return undefined;
  let node: unknown = policy;
  for (const p of d.path) node = (node as Record<string, unknown>)[p];
  return node as PolicyValue;
}

function setPath(obj: unknown, path: readonly string[], value: PolicyValue): unknown {
  if (path.length === 0) return value;
  const o = obj as Record<string, unknown>;
  return { ...o, [path[0]]: setPath(o[path[0]], path.slice(1), value) };
}

/** Shows a setting's value as a treasurer writes it: "4%", "£70m", "2008/09", "none". */
export function formatPolicyValue(d: PolicySettingDescriptor, v: PolicyValue): string {
  if (v === null) return "none";
  switch (d.kind) {
    case "ratio":
    case "ratioOrNone":
      return formatPolicyPercent(Number(v));
    case "money":
      return formatPolicyMoney(Number(v));
    case "year":
      return formatYear(Number(v));
    case "boolean":
      return v ? "yes" : "no";
    case "enum":
      return d.options?.find((o) => o.value === v)?.label ?? String(v);
    default:
      return String(v);
  }
}

// ---------------------------------------------------------------------------------------------
// Overrides

export interface PolicyOverride {
  readonly key: string;
  readonly value: unknown;
  /** The Settings cell it was written in, where it came from the workbook. */
  readonly cell?: CellRef;
}

export interface PolicyOverrideApplied {
  readonly key: string;
  readonly label: string;
  readonly paragraph: string;
  readonly value: PolicyValue;
  readonly defaultValue: PolicyValue;
  readonly from: "settings" | "file";
  readonly cell?: CellRef;
  /** Where from == "file", the file's name. */
  readonly file?: string;
}

export interface OverrideResult {
  readonly policy: Policy;
  readonly applied: readonly PolicyOverrideApplied[];
  readonly findings: readonly Finding[];
}

/** Keys the Settings sheet may hold that are not policy settings (read elsewhere). */
const NON_POLICY_PREFIXES = ["indicator"];

/** True for a Settings key that is a user-defined indicator rather than a policy setting. */
export function isIndicatorKey(key: string): boolean {
  const n = key.trim().toLowerCase();
  return NON_POLICY_PREFIXES.some((p) => n.startsWith(p + ".") || n.startsWith(p + ":"));
}

type Parsed = { ok: true; value: PolicyValue } | { ok: false; why: string };

function parseRatio(raw: unknown, allowNone: boolean): Parsed {
  if (
    allowNone &&
    (raw === null || (typeof raw === "string" && /^\s*(none|n\/a|-)?\s*$/i.test(raw)))
  )
    return { ok: true, value: null };
  let n: number;
  if (typeof raw === "number") n = raw;
  else if (typeof raw === "string") {
    const p = parseNumberText(raw);
    if (p.kind !== "number" || p.pounds)
      return { ok: false, why: "write a percentage such as 4% or a fraction such as 0.04" };
    n = p.percent ? fromPoints(p.value) : p.value;
  } else return { ok: false, why: "write a percentage such as 4% or a fraction such as 0.04" };
  if (!Number.isFinite(n) || n < 0 || n > 1)
    return { ok: false, why: "it must be between 0% and 100% (write 4% or 0.04, not 4)" };
  return { ok: true, value: n };
}

function parseMoney(raw: unknown): Parsed {
  let pounds: number;
  if (typeof raw === "number") pounds = raw;
  else if (typeof raw === "string") {
    const m = /^(.*?)\s*(m|bn|k|million|billion|thousand)?\s*$/i.exec(raw.trim());
    const p = m ? parseNumberText(m[1]) : undefined;
    if (!m || p?.kind !== "number" || p.percent)
      return { ok: false, why: "write an amount in pounds such as 70000000 or £70m" };
    const mult: Record<string, number> = {
      m: 1e6,
      million: 1e6,
      bn: 1e9,
      billion: 1e9,
      k: 1e3,
      thousand: 1e3,
    };
    const base = p.value;
    const unit = m[2]?.toLowerCase();
    if (unit === "m" || unit === "million") return { ok: true, value: toPence(base, "£m") };
    if (unit === "k" || unit === "thousand") return { ok: true, value: toPence(base, "£000") };
    pounds = base * (unit ? mult[unit] : 1);
  } else return { ok: false, why: "write an amount in pounds such as 70000000 or £70m" };
  if (!Number.isFinite(pounds) || pounds < 0)
    return { ok: false, why: "it must be an amount of zero or more" };
  return { ok: true, value: toPence(pounds) };
}

function parseYear(raw: unknown): Parsed {
  const bad: Parsed = { ok: false, why: 'write a financial year such as "2008/09"' };
  if (typeof raw === "number") {
    return Number.isInteger(raw) && raw >= 1990 && raw <= 2100 ? { ok: true, value: raw } : bad;
  }
  if (typeof raw !== "string") return bad;
  const t = raw.trim().replace("-", "/");
  const y = parseYearKey(t) ?? (/^\d{4}\/\d{4}$/.test(t) ? parseYearKey(t.slice(0, 7)) : undefined);
  if (y !== undefined) return { ok: true, value: y };
  if (/^\d{4}\/\d{4}$/.test(t) && Number(t.slice(5)) === Number(t.slice(0, 4)) + 1)
    return { ok: true, value: Number(t.slice(0, 4)) };
  return bad;
}

function parseDate(raw: unknown): Parsed {
  const bad: Parsed = { ok: false, why: "write a date such as 2011-04-01 or 01/04/2011" };
  if (raw instanceof Date && !Number.isNaN(raw.getTime()))
    return { ok: true, value: isoOfDate(raw) };
  if (typeof raw === "number") {
    // A serial day number from a date cell (1900 system): 20000-80000 is 1954 to 2119.
    const iso = raw > 20000 && raw < 80000 ? serialToIso(raw) : undefined;
    return iso ? { ok: true, value: iso } : bad;
  }
  if (typeof raw !== "string") return bad;
  let m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(raw);
  if (m) {
    const v = isoDate(+m[1], +m[2], +m[3]);
    return v ? { ok: true, value: v } : bad;
  }
  m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(raw); // UK day/month/year
  if (m) {
    const v = isoDate(+m[3], +m[2], +m[1]);
    return v ? { ok: true, value: v } : bad;
  }
  return bad;
}

function parseBoolean(raw: unknown): Parsed {
  if (typeof raw === "boolean") return { ok: true, value: raw };
  if (raw === 1 || raw === 0) return { ok: true, value: raw === 1 };
  if (typeof raw === "string") {
    const t = raw.trim().toLowerCase();
    if (["yes", "y", "true", "on", "1"].includes(t)) return { ok: true, value: true };
    if (["no", "n", "false", "off", "0"].includes(t)) return { ok: true, value: false };
  }
  return { ok: false, why: "write yes or no" };
}

function parseEnum(raw: unknown, d: PolicySettingDescriptor): Parsed {
  const options = d.options ?? [];
  if (typeof raw === "string") {
    const n = normaliseKey(raw);
    const hit = options.find((o) => normaliseKey(o.value) === n || normaliseKey(o.label) === n);
    if (hit) return { ok: true, value: hit.value };
  }
  return {
    ok: false,
    why: `choose one of: ${options.map((o) => `${o.value} (${o.label})`).join(", ")}`,
  };
}

function parseCount(raw: unknown): Parsed {
  const n = typeof raw === "string" && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  return typeof n === "number" && Number.isInteger(n) && n >= 0
    ? { ok: true, value: n }
    : { ok: false, why: "write a whole number of zero or more" };
}

/** Reads a raw override value for a setting; never throws. */
export function parsePolicyValue(d: PolicySettingDescriptor, raw: unknown): Parsed {
  switch (d.kind) {
    case "ratio":
      return parseRatio(raw, false);
    case "ratioOrNone":
      return parseRatio(raw, true);
    case "money":
      return parseMoney(raw);
    case "year":
      return parseYear(raw);
    case "date":
      return parseDate(raw);
    case "boolean":
      return parseBoolean(raw);
    case "enum":
      return parseEnum(raw, d);
    case "count":
      return parseCount(raw);
  }
}

function describeRaw(raw: unknown): string {
  if (typeof raw === "string") return `"${raw}"`;
  if (raw instanceof Date) return isoOfDate(raw);
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/**
 * Applies overrides to a policy. Each override is a key (or a setting's label) and a raw value.
 * Unknown keys and unreadable values become findings and leave the setting at its current value;
 * nothing throws. Accepts the Settings sheet's map (ForceData.settings.policyOverrides), a plain
 * object (a JSON file, flat "a.b.c" keys or nested), or a list.
 */
export function applyOverrides(
  policy: Policy,
  overrides:
    | ReadonlyMap<string, { readonly value: unknown; readonly sources?: readonly CellRef[] }>
    | Readonly<Record<string, unknown>>
    | readonly PolicyOverride[],
  origin: { readonly from: "settings" | "file"; readonly file?: string } = { from: "settings" }
): OverrideResult {
  // The definition goes first: it sets every classification, which later keys may change.
  const list = toOverrideList(overrides).sort(
    (a, b) => Number(isDefinitionKey(b.key)) - Number(isDefinitionKey(a.key))
  );
  let p: Policy = policy;
  const applied: PolicyOverrideApplied[] = [];
  const findings: Finding[] = [];
  const where = (o: PolicyOverride) => o.cell ?? (origin.file ? { sheet: origin.file } : undefined);
  for (const o of list) {
    if (isIndicatorKey(o.key)) continue;
    const d = findPolicySetting(o.key);
    if (!d) {
      findings.push(
        finding(
          "warning",
          "POLICY_UNKNOWN_KEY",
          `The policy setting "${o.key}"${origin.file ? ` in ${origin.file}` : ""} is not one the add-in knows, so it was ignored.`,
          where(o),
          "Check the spelling against the list of settings in the README or the settings panel."
        )
      );
      continue;
    }
    const parsed = parsePolicyValue(d, o.value);
    if (!parsed.ok) {
      findings.push(
        finding(
          "warning",
          "POLICY_BAD_VALUE",
          `The value ${describeRaw(o.value)} for "${d.label}" could not be used (${parsed.why}); the default ${formatPolicyValue(d, d.defaultValue)} applies.`,
          where(o),
          `Correct the value: ${parsed.why}.`
        )
      );
      continue;
    }
    p = setPath(p, d.path, parsed.value) as Policy;
    if (d.key === "businessSupport.definition")
      p = {
        ...p,
        businessSupport: {
          ...p.businessSupport,
          classification: definitionClassification(parsed.value as SupportDefinition),
        },
      };
    const a: { -readonly [K in keyof PolicyOverrideApplied]: PolicyOverrideApplied[K] } = {
      key: d.key,
      label: d.label,
      paragraph: d.paragraph,
      value: parsed.value,
      defaultValue: d.defaultValue,
      from: origin.from,
    };
    if (o.cell) a.cell = o.cell;
    if (origin.file) a.file = origin.file;
    applied.push(a);
  }
  findings.push(...consistencyFindings(p, origin.file));
  return { policy: p, applied, findings };
}

function isDefinitionKey(key: string): boolean {
  return findPolicySetting(key)?.key === "businessSupport.definition";
}

function toOverrideList(
  overrides:
    | ReadonlyMap<string, { readonly value: unknown; readonly sources?: readonly CellRef[] }>
    | Readonly<Record<string, unknown>>
    | readonly PolicyOverride[]
): PolicyOverride[] {
  if (Array.isArray(overrides)) return [...(overrides as readonly PolicyOverride[])];
  if (overrides instanceof Map) {
    const out: PolicyOverride[] = [];
    for (const [key, s] of overrides as ReadonlyMap<
      string,
      { readonly value: unknown; readonly sources?: readonly CellRef[] }
    >) {
      const cell = s.sources?.[0];
      out.push(cell ? { key, value: s.value, cell } : { key, value: s.value });
    }
    return out;
  }
  const out: PolicyOverride[] = [];
  flatten(overrides as Readonly<Record<string, unknown>>, "", out);
  return out;
}

function flatten(obj: Readonly<Record<string, unknown>>, prefix: string, out: PolicyOverride[]) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    // A nested object is a group of settings unless its key is itself a setting.
    if (
      v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      !(v instanceof Date) &&
      !findPolicySetting(key)
    )
      flatten(v as Record<string, unknown>, key, out);
    else out.push({ key, value: v });
  }
}

/** Settings that are each valid but do not make sense together. */
function consistencyFindings(p: Policy, file?: string): Finding[] {
  const out: Finding[] = [];
  const where = file ? { sheet: file } : undefined;
  if (p.years.target <= p.years.baseline)
    out.push(
      finding(
        "error",
        "POLICY_YEARS_ORDER",
        `The target year ${formatYear(p.years.target)} is not after the baseline year ${formatYear(p.years.baseline)}.`,
        where,
        "Set a target year later than the baseline year."
      )
    );
  if (p.rag.savingsRedShortfall < p.rag.savingsAmberShortfall)
    out.push(
      finding(
        "warning",
        "POLICY_RAG_ORDER",
        "The off-track shortfall for savings is smaller than the at-risk shortfall, so no area can be shown as at risk.",
        where
      )
    );
  if (p.overtime.nationalBaseline === 0)
    out.push(
      finding(
        "warning",
        "POLICY_ZERO_NATIONAL_BASELINE",
        "The national overtime baseline is zero, so the force's share of the national target cannot be worked out.",
        where
      )
    );
  return out;
}

/** Reads a --policy JSON file's text into overrides; bad JSON is a finding, not an exception. */
export function policyOverridesFromJson(
  text: string,
  fileName: string
): {
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly findings: readonly Finding[];
} {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      return {
        overrides: {},
        findings: [
          finding(
            "error",
            "POLICY_FILE_NOT_OBJECT",
            `The policy file ${fileName} must hold one JSON object of settings, such as {"overtime.threshold": 0.04}.`,
            { sheet: fileName }
          ),
        ],
      };
    return { overrides: parsed as Record<string, unknown>, findings: [] };
  } catch (e) {
    return {
      overrides: {},
      findings: [
        finding(
          "error",
          "POLICY_FILE_UNREADABLE",
          `The policy file ${fileName} is not valid JSON (${e instanceof Error ? e.message : String(e)}); the default settings apply.`,
          { sheet: fileName }
        ),
      ],
    };
  }
}

/** Which classification a function category has under a policy. */
export function supportClassOf(policy: Policy, c: FunctionCategory | undefined): SupportClass {
  return policy.businessSupport.classification[c ?? "other"];
}

/** The framework rule for a category, or undefined for "other" (no national approach). */
export function frameworkFor(
  policy: Policy,
  c: ProcurementCategory | undefined
): FrameworkRule | undefined {
  if (!c || c === "other") return undefined;
  return policy.procurement.frameworks[c];
}
