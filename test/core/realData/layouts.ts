/**
 * Workbooks a force's finance team might keep, built from HMIC's published figures for one force
 * (hmicData.ts): three layouts x two wordings. Figures are placed exactly as published (FTE
 * rounded to whole numbers, money in £000 or whole pounds); nothing is recomputed except where a
 * layout states money in pounds (x 1,000) or pay including overtime (pay + overtime).
 */
import { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { ADR_FUNCTIONS, AdrFunction, BS_BREAKDOWN, BsLine, ForceFigures } from "./hmicData";

export type Wording = "published" | "ownWords";
export type Layout = "adrReturn" | "establishment" | "separateTables";
export const WORDINGS: readonly Wording[] = ["published", "ownWords"];
export const LAYOUTS: readonly Layout[] = ["adrReturn", "establishment", "separateTables"];

/** A force's own words for the ADR functions and business-support lines. */
const OWN_FUNCTION: Readonly<Record<AdrFunction, string>> = {
  Community: "Neighbourhood and response policing",
  "Roads policing": "Roads and traffic",
  "Specialist functions": "Specialist operations",
  Investigation: "Criminal investigation",
  Intelligence: "Intelligence",
  Forensics: "Scientific support",
  "Operational support": "Operational support",
  "Dealing with the public": "Contact management",
  "Criminal justice": "Criminal justice unit",
  Custody: "Custody",
  "Business support": "Support services",
  Training: "Learning and development",
  Other: "Other functions",
};
const OWN_BS: Readonly<Record<BsLine, string>> = {
  "IT/Communications": "ICT and communications",
  "Corporate development": "Planning and performance",
  "Personnel/HR": "Human Resources",
  Finance: "Finance",
  "Complaints & discipline": "Professional Standards",
  "Press & public relations": "Corporate Communications",
  "Occupational health and welfare": "Occupational health",
  "Staff associations": "Police Federation",
  "Other admin/ clerical": "Administration",
};

interface Words {
  fn: (f: AdrFunction) => string;
  bs: (b: BsLine) => string;
  localPolicing: string;
  national: string;
  notAvailable: string;
  total: string;
  bsTotal: string;
}

function words(w: Wording): Words {
  return w === "published"
    ? {
        fn: (f) => f,
        bs: (b) => b,
        localPolicing: "Local Policing",
        national: "National Functions",
        notAvailable: "Not available for duty",
        total: "Total",
        bsTotal: "Total business support",
      }
    : {
        fn: (f) => OWN_FUNCTION[f],
        bs: (b) => OWN_BS[b],
        localPolicing: "Total local policing",
        national: "Secondments and national functions",
        notAvailable: "Long term sick and maternity",
        total: "Total workforce",
        bsTotal: "Total support services",
      };
}

type Row = (CellValue | undefined)[];

/** The function table's rows: 13 functions, the Local Policing subtotal, national, n/a, total. */
function functionRows(
  w: Words,
  cols: (
    key: AdrFunction | "Local Policing" | "National Functions" | "Not available for duty" | "Total"
  ) => CellValue[]
): Row[] {
  return [
    ...ADR_FUNCTIONS.map((fn) => [w.fn(fn), ...cols(fn)]),
    [w.localPolicing, ...cols("Local Policing")],
    [w.national, ...cols("National Functions")],
    [w.notAvailable, ...cols("Not available for duty")],
    [w.total, ...cols("Total")],
  ];
}

function breakdownRows(f: ForceFigures, w: Words, pad: number): Row[] {
  const blanks = new Array<null>(pad).fill(null);
  return [
    ...BS_BREAKDOWN.map((b) => [w.bs(b), ...blanks, f.breakdown[b]]),
    [w.bsTotal, ...blanks, f.breakdown.Total],
  ];
}

/** Budget lines: pay excluding overtime (published wording) or including it (own words). */
function budgetRows(f: ForceFigures, w: Wording, scale: number): Row[] {
  const m = (v: number) => v * scale;
  // HMIC's "Staff salaries exc. OT" holds police staff and PCSOs (police staff + PCSO costs
  // = staff salaries + staff overtime), so there is no separate PCSO line.
  const employees = f.officerPayExOt + f.officerOvertime + f.staffPayExOt + f.staffOvertime;
  const pay =
    w === "published"
      ? [
          ["Police Officers - Pay (excluding overtime)", m(f.officerPayExOt)],
          ["Police Officers - Overtime", m(f.officerOvertime)],
        ]
      : [
          ["Police officer pay including overtime", m(f.officerPayExOt + f.officerOvertime)],
          ["of which: police officer overtime", m(f.officerOvertime)],
        ];
  return [
    ...pay,
    [
      w === "published" ? "Staff salaries exc. OT" : "Police staff pay (excluding overtime)",
      m(f.staffPayExOt),
    ],
    ["Police staff overtime", m(f.staffOvertime)],
    ...(w === "published" ? [["Total employees", m(employees)]] : []),
    ["Non-staff costs", m(f.nonStaff)],
    ["Income", m(-f.income)],
    ["Net revenue expenditure", m(f.nre)],
  ];
}

export function forceWorkbook(f: ForceFigures, layout: Layout, wording: Wording): WorkbookGrid {
  const w = words(wording);
  const sheets: SheetGrid[] = [];
  if (layout === "adrReturn") {
    // One sheet: officers, staff and PCSOs, total by function; the breakdown below it.
    sheets.push(
      sheetFromRows("Workforce by function", [
        [`${f.force}: workforce by function, FTE as at 31 March 2010`],
        [],
        ["Function", "Police officers", "Police staff and PCSOs", "Total"],
        ...functionRows(w, (k) => [f.officers[k], f.staff[k], f.total[k]]),
        [],
        ["Business support breakdown (FTE)"],
        ...breakdownRows(f, w, 2),
      ]),
      sheetFromRows("Revenue budget", [
        [`${f.force}: revenue budget 2009-10 (£000)`],
        ["Subjective analysis", "2009/10 estimate"],
        ...budgetRows(f, wording, 1),
      ])
    );
  } else if (layout === "establishment") {
    // Functions x snapshot columns, total FTE only; the breakdown on its own sheet; budget in £.
    sheets.push(
      sheetFromRows("Establishment", [
        [`${f.force} establishment (FTE)`],
        ["Function", "As at 31 March 2010"],
        ...functionRows(w, (k) => [f.total[k]]),
      ]),
      sheetFromRows("Support breakdown", [
        ["Business support by department (FTE)"],
        ["Department", "As at 31 March 2010"],
        ...breakdownRows(f, w, 0),
      ]),
      sheetFromRows("Budget", [
        ["Revenue budget (£)"],
        ["Line", "2009/10"],
        ...budgetRows(f, wording, 1000),
      ])
    );
  } else {
    // Officers and staff in separate tables (one sheet each), the breakdown on a third.
    sheets.push(
      sheetFromRows("Officers", [
        ["Police officers by function, FTE as at 31 March 2010"],
        ["Function", "Police officers"],
        ...functionRows(w, (k) => [f.officers[k]]),
      ]),
      sheetFromRows("Staff", [
        ["Police staff and PCSOs by function, FTE as at 31 March 2010"],
        ["Function", "Police staff and PCSOs"],
        ...functionRows(w, (k) => [f.staff[k]]),
      ]),
      sheetFromRows("Support breakdown", [
        ["Business support by department, FTE as at 31 March 2010"],
        ["Department", "Total FTE"],
        ...breakdownRows(f, w, 0),
      ]),
      sheetFromRows("Budget", [
        ["Revenue budget, £000"],
        ["", "2009-10 Estimates"],
        ...budgetRows(f, wording, 1),
      ])
    );
  }
  return workbookOf(...sheets);
}
