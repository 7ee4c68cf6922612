/**
 * The bundled sample: "Exampleshire Constabulary", a fictional mid-sized force (about 2,040
 * police officers, 1,410 police staff and 250 PCSOs; an officer paybill of about £100m). Every
 * figure is made up, and every sheet says so.
 *
 * The figures are chosen to show what the add-in is for: officer overtime is 5.5% of the officer
 * paybill (including overtime) in the 2008/09 baseline, above the 4% of White Paper 5.9-5.10, and
 * comes down to just under 4% by 2013/14, missing the 5%-a-year cut in 2009/10 and 2011/12;
 * business support (IT excluded) is 9.1% of the workforce at 31 March 2010, above the 7% of
 * 5.46-5.51, and still 7.8% in 2013/14.
 *
 * One set of data, two layouts:
 * - `exampleshireTemplate()`: the add-in's input template, amounts in pounds (Settings: £);
 * - `exampleshireFreeForm()`: as a force might keep it, with a merged title, "£000" in a title,
 *   section headings, sub-totals and totals, a notes column, a hidden row, varied wording, years
 *   written "Actual 2008/09", "2010/11 Budget" and "2013/14 Target", a workforce snapshot "as at
 *   31 March 2010", free-text procurement categories and a savings plan by year.
 * Detection gives the same figures from both (pence, FTE, dates); only the cells differ.
 */
import { exampleshirePeersSheet } from "./peers";
import { CellValue, SheetGrid, WorkbookGrid } from "../grid";
import { inputTemplate, templateSheetGrid, TemplateSheet } from "../template";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import { sheetFromRows } from "./gridBuilder";
import { dateOfIso, isoToSerial } from "../dates";

export const EXAMPLESHIRE_NAME = "Exampleshire Constabulary";
/** The sample's Police Authority: as fictional as the force. */
export const EXAMPLESHIRE_AUTHORITY = "Exampleshire Police Authority";

/** On every sheet of the sample. */
export const ILLUSTRATIVE_NOTE = "Illustrative figures for a fictional force";

/** The sample's years: 2008/09 (baseline) to 2013/14 (target); actuals for the first two. */
export const SAMPLE_YEARS: readonly FinancialYear[] = [2008, 2009, 2010, 2011, 2012, 2013];

/** Budget lines in £000 by year (2008/09 to 2013/14), in the order the budget lists them. */
interface BudgetRow {
  readonly label: string;
  /** A section heading printed above the row in the free-form layout. */
  readonly heading?: string;
  /** £000 per year, or the labels of the rows this total adds up. */
  readonly values?: readonly number[];
  readonly sumOf?: readonly string[];
  readonly note?: string;
  /** Hidden in the free-form layout. */
  readonly hidden?: boolean;
}

export const SAMPLE_BUDGET: readonly BudgetRow[] = [
  {
    heading: "Police officers",
    label: "Police Officers Pay & Allowances",
    values: [96200, 98300, 99800, 100900, 101700, 102500],
  },
  {
    label: "Overtime - Police Officers",
    values: [5600, 5480, 5150, 4950, 4600, 4250],
    note: "Includes bank holiday and event overtime",
  },
  {
    label: "Sub-total police officers",
    sumOf: ["Police Officers Pay & Allowances", "Overtime - Police Officers"],
  },
  {
    heading: "Police staff",
    label: "Police staff pay",
    values: [41800, 42600, 42900, 42700, 42300, 41900],
  },
  { label: "Police staff overtime", values: [1150.5, 1120.4, 1050, 990, 940, 900] },
  { label: "Sub-total police staff", sumOf: ["Police staff pay", "Police staff overtime"] },
  {
    heading: "Police community support officers",
    label: "PCSO pay and allowances",
    values: [6700, 6850, 6900, 6950, 7000, 7050],
  },
  { label: "PCSO overtime", values: [120, 115, 110, 105, 100, 95] },
  { label: "Sub-total PCSOs", sumOf: ["PCSO pay and allowances", "PCSO overtime"] },
  {
    label: "Total pay",
    sumOf: ["Sub-total police officers", "Sub-total police staff", "Sub-total PCSOs"],
  },
  { heading: "Non-pay", label: "Premises", values: [9800, 9950, 10100, 10150, 10200, 10250] },
  { label: "Transport", values: [5200, 5300, 5250, 5150, 5050, 5000] },
  { label: "Supplies and services", values: [21400, 21900, 21500, 21000, 20600, 20200] },
  {
    label: "Third party payments",
    values: [3900, 4050, 4100, 4150, 4200, 4250],
    hidden: true,
    note: "Regional collaboration contributions",
  },
  { label: "Capital financing", values: [2600, 2700, 2800, 2850, 2900, 2950] },
  {
    label: "Total non-pay",
    sumOf: [
      "Premises",
      "Transport",
      "Supplies and services",
      "Third party payments",
      "Capital financing",
    ],
  },
  { label: "Gross expenditure", sumOf: ["Total pay", "Total non-pay"] },
  {
    label: "Income",
    values: [-11800, -12100, -12300, -12400, -12500, -12600],
    note: "Specific grants, fees and charges",
  },
  { label: "Net expenditure", sumOf: ["Gross expenditure", "Income"] },
];

/** £000 per year for every budget row, totals worked out from their lines (to 0.1, exactly). */
export function sampleBudgetValues(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of SAMPLE_BUDGET) {
    if (row.values) out.set(row.label, [...row.values]);
    else
      out.set(
        row.label,
        SAMPLE_YEARS.map((_, i) => {
          // Tenths of £000 are whole £100s: add those, so the total has no float noise.
          let tenths = 0;
          for (const l of row.sumOf ?? []) tenths += Math.round((out.get(l)?.[i] ?? 0) * 10);
          return tenths / 10;
        })
      );
  }
  return out;
}

/** Header of each year column, with its basis. */
const FREE_YEAR_HEADERS = [
  "Actual 2008/09",
  "Actual 2009/10",
  "2010/11 Budget",
  "2011/12 Plan",
  "2012/13 Plan",
  "2013/14 Target",
];

type Function = readonly [
  label: string,
  category: string,
  heading: string,
  officers: number,
  staff: number,
  pcsos: number,
  byYear: readonly number[],
];

/**
 * The workforce by function: the snapshot at 31 March 2010 by worker type, and the total FTE for
 * each year 2008/09 to 2013/14 (2009/10 is the snapshot). Business support shrinks by about a
 * fifth over the plan; operational functions hold steady.
 */
export const SAMPLE_WORKFORCE: readonly Function[] = [
  [
    "Neighbourhood policing",
    "Operational",
    "Operational policing",
    520,
    36,
    250,
    [798, 806, 806, 802, 798, 798],
  ],
  [
    "Response policing",
    "Operational",
    "Operational policing",
    612,
    28,
    0,
    [633.5, 640, 640, 637, 633.5, 633.5],
  ],
  [
    "Criminal investigation (CID)",
    "Operational",
    "Operational policing",
    392,
    112,
    0,
    [499, 504, 504, 501.5, 499, 499],
  ],
  [
    "Public protection",
    "Operational",
    "Operational policing",
    126,
    52,
    0,
    [176, 178, 178, 177, 176, 176],
  ],
  [
    "Roads policing",
    "Operational",
    "Operational policing",
    92,
    12,
    0,
    [103, 104, 104, 103.5, 103, 103],
  ],
  [
    "Custody and criminal justice",
    "Operational",
    "Operational policing",
    58,
    192,
    0,
    [247.5, 250, 250, 249, 247.5, 247.5],
  ],
  [
    "Contact centre and control room",
    "Operational",
    "Operational policing",
    46,
    264,
    0,
    [307, 310, 310, 308.5, 307, 307],
  ],
  [
    "Intelligence",
    "Operational",
    "Operational policing",
    54,
    70,
    0,
    [123, 124, 124, 123.5, 123, 123],
  ],
  [
    "Scientific support",
    "Operational",
    "Operational policing",
    0,
    90,
    0,
    [89, 90, 90, 89.5, 89, 89],
  ],
  [
    "Specialist operations",
    "Operational",
    "Operational policing",
    88,
    16,
    0,
    [103, 104, 104, 103.5, 103, 103],
  ],
  ["Estates", "Estates", "Operational support", 0, 46, 0, [45.5, 46, 46, 46, 45.5, 45.5]],
  ["Fleet", "Fleet", "Operational support", 0, 38, 0, [37.5, 38, 38, 38, 37.5, 37.5]],
  ["Training", "Training", "Operational support", 34, 44, 0, [77, 78, 78, 77.5, 77, 77]],
  [
    "Information technology",
    "Information technology",
    "Operational support",
    0,
    94,
    0,
    [93, 94, 94, 93.5, 93, 93],
  ],
  [
    "Corporate development",
    "Corporate development and planning",
    "Business support",
    6,
    24,
    0,
    [31, 30, 28.5, 27, 26, 25],
  ],
  [
    "Human resources",
    "Human resources",
    "Business support",
    5,
    72,
    0,
    [79.5, 77, 73, 69.5, 66, 64],
  ],
  ["Finance", "Finance", "Business support", 0, 46, 0, [47.5, 46, 43.5, 41.5, 39.5, 38]],
  ["Procurement", "Procurement", "Business support", 0, 18, 0, [18.5, 18, 17, 16, 15.5, 15]],
  [
    "Administration and central support",
    "Administration and central support",
    "Business support",
    3,
    112,
    0,
    [118.5, 115, 109, 103.5, 99, 95.5],
  ],
  [
    "Corporate communications",
    "Corporate communications",
    "Business support",
    1,
    16,
    0,
    [17.5, 17, 16, 15.5, 14.5, 14],
  ],
  [
    "Legal services",
    "Legal services",
    "Business support",
    0,
    12,
    0,
    [12.5, 12, 11.5, 11, 10.5, 10],
  ],
  [
    "Performance review",
    "Performance review",
    "Business support",
    3,
    20,
    0,
    [23.5, 23, 22, 20.5, 20, 19],
  ],
];

/** The year of the workforce snapshot (31 March 2010 ends 2009/10). */
export const SNAPSHOT_YEAR: FinancialYear = 2009;

function sumHalves(values: readonly number[]): number {
  let halves = 0;
  for (const v of values) halves += Math.round(v * 2);
  return halves / 2;
}

interface ProcurementRow {
  readonly freeCategory: string;
  readonly category: string;
  readonly description: string;
  readonly supplier: string;
  /** Pounds a year. */
  readonly spend: number;
  readonly freeRoute: string;
  readonly route: "National framework" | "Regional" | "Local";
  /** ISO dates. */
  readonly contractEnd: string;
  readonly plannedMigration?: string;
  /** How the free-form sheet writes the end date. */
  readonly endAs?: "text" | "serial";
}

export const SAMPLE_PROCUREMENT: readonly ProcurementRow[] = [
  {
    freeCategory: "Vehicles - marked patrol cars",
    category: "Vehicles",
    description: "Marked patrol cars",
    supplier: "Northway Motors Ltd",
    spend: 1_840_000,
    freeRoute: "Local tender",
    route: "Local",
    contractEnd: "2011-03-31",
    plannedMigration: "2011-04-01",
  },
  {
    freeCategory: "Vehicles - unmarked and specialist",
    category: "Vehicles",
    description: "Unmarked and specialist vehicles",
    supplier: "Northway Motors Ltd",
    spend: 615_000,
    freeRoute: "National vehicle framework",
    route: "National framework",
    contractEnd: "2012-06-30",
  },
  {
    freeCategory: "Vehicle maintenance and parts",
    category: "Vehicles",
    description: "Servicing and parts",
    supplier: "Northway Motors Ltd",
    spend: 780_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2011-06-30",
  },
  {
    freeCategory: "Body armour",
    category: "Body armour",
    description: "Stab-resistant vests",
    supplier: "Shieldwell Protective Ltd",
    spend: 312_500,
    freeRoute: "Legacy local contract",
    route: "Local",
    contractEnd: "2010-09-30",
    plannedMigration: "2010-10-01",
    endAs: "text",
  },
  {
    freeCategory: "Forensic services - DNA",
    category: "Forensic analysis - DNA",
    description: "DNA profiling of crime scene samples",
    supplier: "Helix Forensic Science Ltd",
    spend: 1_425_000,
    freeRoute: "NFFA",
    route: "National framework",
    contractEnd: "2011-08-31",
  },
  {
    freeCategory: "Forensic services - drugs",
    category: "Forensic analysis - drugs",
    description: "Drugs identification and purity",
    supplier: "Analytica Laboratories",
    spend: 642_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2010-12-31",
    plannedMigration: "2011-01-01",
  },
  {
    freeCategory: "Forensic services - toxicology",
    category: "Forensic analysis - other",
    description: "Toxicology",
    supplier: "Analytica Laboratories",
    spend: 188_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2011-03-31",
  },
  {
    freeCategory: "E-forensics (computer examination)",
    category: "E-forensics",
    description: "Computer and phone examination",
    supplier: "Bytetrace Digital Ltd",
    spend: 236_000,
    freeRoute: "Local tender",
    route: "Local",
    contractEnd: "2012-03-31",
  },
  {
    freeCategory: "Uniform and clothing",
    category: "Uniform",
    description: "Officer and PCSO uniform",
    supplier: "Kestrel Workwear Ltd",
    spend: 705_000,
    freeRoute: "Regional consortium",
    route: "Regional",
    contractEnd: "2012-03-31",
  },
  {
    freeCategory: "Mobile phones and BlackBerrys",
    category: "Mobile phones and BlackBerrys",
    description: "Handsets and airtime",
    supplier: "Corvus Mobile plc",
    spend: 468_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2011-06-30",
  },
  {
    freeCategory: "Airwave radio airtime",
    category: "Radio communications",
    description: "Radio service charges",
    supplier: "Skyline Radio Services",
    spend: 1_310_000,
    freeRoute: "National contract",
    route: "National framework",
    contractEnd: "2016-03-31",
  },
  {
    freeCategory: "Radio terminals and accessories",
    category: "Radio communications",
    description: "Handheld and vehicle terminals",
    supplier: "Tern Communications Ltd",
    spend: 214_000,
    freeRoute: "Local tender",
    route: "Local",
    contractEnd: "2011-09-30",
  },
  {
    freeCategory: "ICT hardware",
    category: "ICT",
    description: "Desktops, laptops and servers",
    supplier: "Meridian IT Supplies",
    spend: 1_120_000,
    freeRoute: "Buying Solutions framework",
    route: "National framework",
    contractEnd: "2013-03-31",
  },
  {
    freeCategory: "ICT software licences",
    category: "ICT",
    description: "Operating and office software",
    supplier: "Meridian IT Supplies",
    spend: 590_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2012-12-31",
  },
  {
    freeCategory: "IT managed service - command and control",
    category: "ICT",
    description: "Command and control system support",
    supplier: "Castellan Systems Ltd",
    spend: 845_000,
    freeRoute: "Legacy contract",
    route: "Local",
    contractEnd: "2014-03-31",
  },
  {
    freeCategory: "Fingerprint identification (IDENT1)",
    category: "Fingerprint identification",
    description: "Bureau services",
    supplier: "Ridgeway Biometrics",
    spend: 96_000,
    freeRoute: "National framework",
    route: "National framework",
    contractEnd: "2013-03-31",
  },
  {
    freeCategory: "Livescan fingerprint scanning",
    category: "Fingerprint scanning",
    description: "Custody livescan units",
    supplier: "Ridgeway Biometrics",
    spend: 132_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2012-09-30",
  },
  {
    freeCategory: "Building maintenance and minor works",
    category: "Construction and maintenance",
    description: "Reactive and planned maintenance",
    supplier: "Harcourt Building Services",
    spend: 2_140_000,
    freeRoute: "Local tender",
    route: "Local",
    contractEnd: "2011-03-31",
    endAs: "serial",
  },
  {
    freeCategory: "Construction - new custody suite",
    category: "Construction and maintenance",
    description: "Northern custody suite",
    supplier: "Harcourt Building Services",
    spend: 3_600_000,
    freeRoute: "Regional framework",
    route: "Regional",
    contractEnd: "2012-06-30",
  },
  {
    freeCategory: "Interpreters and translation",
    category: "Translators and interpreters",
    description: "Interpreting for custody and interviews",
    supplier: "Lingua Bridge Ltd",
    spend: 384_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2010-11-30",
  },
  {
    freeCategory: "Management consultancy",
    category: "Consultancy",
    description: "Business support review",
    supplier: "Ashby Partners LLP",
    spend: 145_000,
    freeRoute: "Off framework",
    route: "Local",
    contractEnd: "2010-07-31",
  },
  {
    freeCategory: "Digital evidence storage",
    category: "Digital evidence",
    description: "Interview recording and storage",
    supplier: "Vaultline Ltd",
    spend: 88_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2011-12-31",
  },
  {
    freeCategory: "Cleaning",
    category: "Cleaning",
    description: "Office and station cleaning",
    supplier: "Brightwell Facilities",
    spend: 960_000,
    freeRoute: "Local tender",
    route: "Local",
    contractEnd: "2012-03-31",
  },
  {
    freeCategory: "Catering",
    category: "Catering",
    description: "Canteens and custody meals",
    supplier: "Fairfield Catering",
    spend: 410_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2011-03-31",
  },
  {
    freeCategory: "Energy and utilities",
    category: "Energy",
    description: "Gas and electricity",
    supplier: "Eastern Power Ltd",
    spend: 1_730_000,
    freeRoute: "Regional consortium",
    route: "Regional",
    contractEnd: "2011-09-30",
  },
  {
    freeCategory: "Vehicle fuel",
    category: "Vehicle fuel",
    description: "Fuel cards",
    supplier: "Fuelstop UK",
    spend: 2_260_000,
    freeRoute: "National framework",
    route: "National framework",
    contractEnd: "2012-03-31",
  },
  {
    freeCategory: "Custody healthcare",
    category: "Custody healthcare",
    description: "Forensic medical examiners",
    supplier: "Medica Custody Health",
    spend: 890_000,
    freeRoute: "Local tender",
    route: "Local",
    contractEnd: "2012-03-31",
  },
  {
    freeCategory: "Insurance",
    category: "Insurance",
    description: "Liability and motor insurance",
    supplier: "Sentinel Mutual",
    spend: 1_050_000,
    freeRoute: "Local tender",
    route: "Local",
    contractEnd: "2011-03-31",
  },
  {
    freeCategory: "Stationery and printing",
    category: "Stationery",
    description: "Stationery and printing",
    supplier: "Paperline Office Supplies",
    spend: 265_000,
    freeRoute: "Regional consortium",
    route: "Regional",
    contractEnd: "2011-12-31",
  },
  {
    freeCategory: "Travel and subsistence",
    category: "Travel",
    description: "Rail, hotels and subsistence",
    supplier: "Wayfarer Travel Ltd",
    spend: 340_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2011-03-31",
  },
  {
    freeCategory: "Postage and courier",
    category: "Postage",
    description: "Post and courier services",
    supplier: "Swiftpost Ltd",
    spend: 74_000,
    freeRoute: "Local contract",
    route: "Local",
    contractEnd: "2011-03-31",
  },
];

interface SavingsRow {
  readonly initiative: string;
  /** The area as the free-form plan writes it, and as the template does. */
  readonly freeArea: string;
  readonly area: string;
  readonly type: "Cashable" | "Non-cashable";
  /** £000 by year from 2008/09: [planned, actual] for past years, planned after. */
  readonly byYear: readonly (readonly [number | null, number | null] | number | null)[];
  readonly notes?: string;
}

export const SAMPLE_SAVINGS: readonly SavingsRow[] = [
  {
    initiative: "Demand-led shift patterns",
    freeArea: "1. Deployment",
    area: "Deployment",
    type: "Cashable",
    byYear: [null, [400, 350], 900, 1200, 1200, 1200],
    notes:
      "New shift patterns match officers to demand; the first phase went live in October 2009.",
  },
  {
    initiative: "Neighbourhood officer time released",
    freeArea: "1. Deployment",
    area: "Deployment",
    type: "Non-cashable",
    byYear: [null, null, 300, 450, 500, 500],
  },
  {
    initiative: "Overtime authorisation and controls",
    freeArea: "2. Overtime",
    area: "Overtime",
    type: "Cashable",
    byYear: [null, [280, 120], 330, 200, 350, 350],
    notes:
      "Overtime above 4% of the officer paybill is being brought down year on year; 2009/10 fell short because of two major operations.",
  },
  {
    initiative: "Quest: custody and case files",
    freeArea: "3. Process improvement (Quest)",
    area: "Process improvement",
    type: "Non-cashable",
    byYear: [null, [600, 540], 900, 1100, 1100, 1100],
  },
  {
    initiative: "Stop and account recording cut",
    freeArea: "4. Reducing bureaucracy",
    area: "Reducing bureaucracy",
    type: "Non-cashable",
    byYear: [null, [150, 180], 250, 250, 250, 250],
  },
  {
    initiative: "Migration to national frameworks",
    freeArea: "5. Procurement",
    area: "Procurement",
    type: "Cashable",
    byYear: [null, [200, 160], 450, 600, 700, 750],
    notes:
      "Body armour and forensic drugs testing move to national frameworks as their local contracts end.",
  },
  {
    initiative: "ISIS convergence: records management",
    freeArea: "6. IT convergence (ISIS)",
    area: "IT convergence",
    type: "Cashable",
    byYear: [null, null, 100, 300, 500, 600],
  },
  {
    initiative: "Business support restructure",
    freeArea: "7. Support services",
    area: "Support services",
    type: "Cashable",
    byYear: [null, [300, 310], 800, 1300, 1700, 2000],
    notes:
      "HR, finance and administration are being brought into one shared service centre by 2012/13.",
  },
  {
    initiative: "Regional major crime collaboration",
    freeArea: "8. Collaboration",
    area: "Local approaches and collaboration",
    type: "Cashable",
    byYear: [null, [100, 60], 250, 400, 500, 500],
  },
  {
    initiative: "Conferences, meetings and travel",
    freeArea: "9. Economising on overheads",
    area: "Economising on overheads",
    type: "Cashable",
    byYear: [[50, 45], [120, 135], 150, 160, 170, 170],
  },
];

// ---------------------------------------------------------------------------------------------
// Template layout

const TEMPLATE = inputTemplate({ baselineYear: 2008, targetYear: 2013 });

function tpl(kind: TemplateSheet["kind"]): TemplateSheet {
  const t = TEMPLATE.find((x) => x.kind === kind);
  if (!t) throw new Error(`no template sheet ${kind}`);
  return t;
}

/** £000 (at most one decimal) to whole pounds, exactly. */
function pounds(thousands: number): number {
  return Math.round(thousands * 10) * 100;
}

/** The sample's dates are written as ISO text in its tables; a bad one is a bug here. */
function isoToDate(iso: string): Date {
  const d = dateOfIso(iso);
  if (!d) throw new RangeError(`Not an ISO date: ${iso}`);
  return d;
}

function budgetTemplate(): SheetGrid {
  const values = sampleBudgetValues();
  const body: CellValue[][] = SAMPLE_BUDGET.map((row) => [
    row.label,
    ...(values.get(row.label) ?? []).map(pounds),
    row.note ?? null,
  ]);
  return templateSheetGrid(tpl("budget"), body, ILLUSTRATIVE_NOTE);
}

function workforceTemplate(): SheetGrid {
  const body: CellValue[][] = [];
  for (const [label, category, , o, s, p, byYear] of SAMPLE_WORKFORCE)
    SAMPLE_YEARS.forEach((y, i) => {
      body.push(
        y === SNAPSHOT_YEAR
          ? [label, category, formatYear(y), o, s, p, null, o + s + p, "As at 31 March"]
          : [label, category, formatYear(y), null, null, null, null, byYear[i], null]
      );
    });
  SAMPLE_YEARS.forEach((y, i) => {
    const total = sumHalves(SAMPLE_WORKFORCE.map((f) => f[6][i]));
    if (y === SNAPSHOT_YEAR) {
      const o = SAMPLE_WORKFORCE.reduce((a, f) => a + f[3], 0);
      const s = SAMPLE_WORKFORCE.reduce((a, f) => a + f[4], 0);
      const p = SAMPLE_WORKFORCE.reduce((a, f) => a + f[5], 0);
      body.push(["Total", null, formatYear(y), o, s, p, null, total, null]);
    } else body.push(["Total", null, formatYear(y), null, null, null, null, total, null]);
  });
  return templateSheetGrid(tpl("workforce"), body, ILLUSTRATIVE_NOTE);
}

function procurementTemplate(): SheetGrid {
  const body: CellValue[][] = SAMPLE_PROCUREMENT.map((l) => [
    l.category,
    l.description,
    l.supplier,
    l.spend,
    l.route,
    isoToDate(l.contractEnd),
    l.plannedMigration ? isoToDate(l.plannedMigration) : null,
    null,
  ]);
  return templateSheetGrid(tpl("procurement"), body, ILLUSTRATIVE_NOTE);
}

function yearAmounts(v: readonly [number | null, number | null] | number | null): {
  planned: number | null;
  actual: number | null;
} {
  if (v === null) return { planned: null, actual: null };
  if (typeof v === "number") return { planned: v, actual: null };
  return { planned: v[0], actual: v[1] };
}

function savingsTemplate(): SheetGrid {
  const body: CellValue[][] = [];
  for (const s of SAMPLE_SAVINGS) {
    let first = true;
    SAMPLE_YEARS.forEach((y, i) => {
      const { planned, actual } = yearAmounts(s.byYear[i] ?? null);
      if (planned === null && actual === null) return;
      body.push([
        s.initiative,
        s.area,
        s.type,
        formatYear(y),
        planned === null ? null : pounds(planned),
        actual === null ? null : pounds(actual),
        first ? (s.notes ?? null) : null,
      ]);
      first = false;
    });
  }
  return templateSheetGrid(tpl("savingsPlan"), body, ILLUSTRATIVE_NOTE);
}

function settingsTemplate(): SheetGrid {
  const body: CellValue[][] = [
    ["Force name", EXAMPLESHIRE_NAME, null],
    ["Baseline year", "2008/09", null],
    ["Target year", "2013/14", null],
    ["Money unit", "£", "Every amount on the input sheets is in pounds"],
    ["Average cost per business support FTE (£)", 32500, "Salary, on-costs and overheads"],
    ["Police authority", EXAMPLESHIRE_AUTHORITY, "A fictional authority, like the force"],
    ["Local Policing Plan", "2010/11", "The plan the statement goes in"],
  ];
  return templateSheetGrid(tpl("settings"), body, ILLUSTRATIVE_NOTE);
}

/** The sample in the add-in's input template: Settings, Budget, Workforce, Procurement, Savings plan, Peers. */
export function exampleshireTemplate(): WorkbookGrid {
  return {
    fileName: "exampleshire-template.xlsx",
    sheets: [
      settingsTemplate(),
      budgetTemplate(),
      workforceTemplate(),
      procurementTemplate(),
      savingsTemplate(),
      exampleshirePeersSheet("template"),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Free-form layout

function freeCover(): SheetGrid {
  return sheetFromRows("Cover", [
    [EXAMPLESHIRE_NAME],
    ["Value for money workbook"],
    [ILLUSTRATIVE_NOTE],
    [],
    ["Force", EXAMPLESHIRE_NAME],
    ["Baseline year", "2008/09"],
    ["Target year", "2013/14"],
    ["Average cost per business support post (£)", 32500],
    ["Police authority", EXAMPLESHIRE_AUTHORITY],
    [],
    ["Prepared by the Director of Finance's office"],
  ]);
}

function freeBudget(): SheetGrid {
  const values = sampleBudgetValues();
  const rows: CellValue[][] = [
    [`${EXAMPLESHIRE_NAME}: revenue budget and medium-term financial plan`],
    [`All figures £000. ${ILLUSTRATIVE_NOTE}.`],
    [],
    [null, ...FREE_YEAR_HEADERS, "Notes"],
  ];
  const hiddenRows: number[] = [];
  let previousWasTotal = false;
  for (const row of SAMPLE_BUDGET) {
    if (row.heading) {
      if (rows.length > 4) rows.push([]);
      rows.push([row.heading]);
    } else if (previousWasTotal && !row.sumOf) rows.push([]);
    if (row.hidden) hiddenRows.push(rows.length);
    rows.push([row.label, ...(values.get(row.label) ?? []), row.note ?? null]);
    previousWasTotal = row.sumOf !== undefined;
  }
  rows.push([]);
  rows.push([
    "Note: overtime includes bank holiday working; income is shown as a negative figure.",
  ]);
  return sheetFromRows("Budget 2010-14", rows, {
    hiddenRows,
    merges: [{ top: 0, left: 0, bottom: 0, right: 7 }],
  });
}

function freeWorkforceSnapshot(): SheetGrid {
  const rows: CellValue[][] = [
    [EXAMPLESHIRE_NAME],
    ["Workforce (FTE) as at 31 March 2010"],
    [ILLUSTRATIVE_NOTE],
    [],
    ["Function", "Police officers", "Police staff", "PCSOs", "Total"],
  ];
  let heading = "";
  let o = 0;
  let s = 0;
  let p = 0;
  for (const [label, , h, fo, fs, fp] of SAMPLE_WORKFORCE) {
    if (h !== heading) {
      rows.push([h]);
      heading = h;
    }
    rows.push([label, fo, fs, fp, fo + fs + fp]);
    o += fo;
    s += fs;
    p += fp;
  }
  rows.push([]);
  rows.push(["Total", o, s, p, o + s + p]);
  return sheetFromRows("Workforce Mar 2010", rows);
}

function freeWorkforcePlan(): SheetGrid {
  const rows: CellValue[][] = [
    ["Workforce plan: full-time equivalents by function"],
    [ILLUSTRATIVE_NOTE],
    [],
    ["Function", ...FREE_YEAR_HEADERS, "Comments"],
  ];
  for (const [label, , , , , , byYear] of SAMPLE_WORKFORCE)
    rows.push([
      label,
      ...byYear,
      label === "Administration and central support" ? "Shared service centre from 2011" : null,
    ]);
  rows.push([
    "Total",
    ...SAMPLE_YEARS.map((_, i) => sumHalves(SAMPLE_WORKFORCE.map((f) => f[6][i]))),
  ]);
  return sheetFromRows("Workforce plan", rows);
}

function freeProcurement(): SheetGrid {
  const rows: CellValue[][] = [
    ["Contracts register"],
    [ILLUSTRATIVE_NOTE],
    [],
    [
      "Ref",
      "Category",
      "Description",
      "Supplier",
      "Annual spend (£)",
      "Framework / route",
      "Contract end",
      "Planned move to framework",
      "Comments",
    ],
  ];
  const numberFormats: (string | undefined)[][] = rows.map(() => []);
  SAMPLE_PROCUREMENT.forEach((l, i) => {
    const end: CellValue =
      l.endAs === "text"
        ? "30 September 2010"
        : l.endAs === "serial"
          ? serialOf(l.contractEnd)
          : isoToDate(l.contractEnd);
    rows.push([
      `C${String(101 + i)}`,
      l.freeCategory,
      l.description,
      l.supplier,
      l.spend,
      l.freeRoute,
      end,
      l.plannedMigration ? isoToDate(l.plannedMigration) : null,
      null,
    ]);
    numberFormats.push([
      undefined,
      undefined,
      undefined,
      undefined,
      "#,##0",
      undefined,
      "dd/mm/yyyy",
      "dd/mm/yyyy",
    ]);
  });
  rows.push([]);
  numberFormats.push([]);
  rows.push([null, "Total", null, null, SAMPLE_PROCUREMENT.reduce((a, l) => a + l.spend, 0)]);
  return sheetFromRows("Contracts 2009-10", rows, { numberFormats });
}

function serialOf(iso: string): number {
  const serial = isoToSerial(iso);
  if (serial === undefined) throw new RangeError(`Not an ISO date: ${iso}`);
  return serial;
}

function freeSavings(): SheetGrid {
  // Two header rows: years (merged over Planned and Actual for past years), then the columns.
  const top: CellValue[] = ["Savings plan 2008/09 to 2013/14 (£000)", null, null];
  const head: CellValue[] = ["Initiative", "VfM area", "Cashable / non-cashable"];
  const merges = [];
  const yearCols: { year: number; planned: number; actual?: number }[] = [];
  for (const y of SAMPLE_YEARS) {
    const c = head.length;
    top.push(formatYear(y));
    if (y <= SNAPSHOT_YEAR) {
      top.push(null);
      head.push("Planned", "Actual");
      merges.push({ top: 3, left: c, bottom: 3, right: c + 1 });
      yearCols.push({ year: y, planned: c, actual: c + 1 });
    } else {
      head.push("Planned");
      yearCols.push({ year: y, planned: c });
    }
  }
  head.push("Notes");
  const rows: CellValue[][] = [
    [`${EXAMPLESHIRE_NAME}: efficiency and productivity plan`],
    [ILLUSTRATIVE_NOTE],
    [],
    top.map((v, i) => (i === 0 ? null : v)),
    head,
  ];
  rows[0] = [`${EXAMPLESHIRE_NAME}: efficiency and productivity plan (£000)`];
  for (const s of SAMPLE_SAVINGS) {
    const r: CellValue[] = [s.initiative, s.freeArea, s.type];
    SAMPLE_YEARS.forEach((y, i) => {
      const { planned, actual } = yearAmounts(s.byYear[i] ?? null);
      const cols = yearCols.find((c) => c.year === y);
      if (!cols) return;
      r[cols.planned] = planned;
      if (cols.actual !== undefined) r[cols.actual] = actual;
    });
    r[head.length - 1] = s.notes ?? null;
    rows.push(r);
  }
  return sheetFromRows("Savings plan", rows, { merges });
}

/** The sample as a force might keep it: Cover, Budget, two workforce sheets, contracts, savings, peers. */
export function exampleshireFreeForm(): WorkbookGrid {
  return {
    fileName: "exampleshire.xlsx",
    sheets: [
      freeCover(),
      freeBudget(),
      freeWorkforceSnapshot(),
      freeWorkforcePlan(),
      freeProcurement(),
      freeSavings(),
      exampleshirePeersSheet(),
    ],
  };
}
