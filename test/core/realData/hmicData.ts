/**
 * HMIC's published figures for the 43 forces, read from the files in test/fixtures/hmic-vfm/
 * (Open Government Licence v3.0; see its README): CIPFA 2009-10 estimates from the 2010 profile
 * workbook, and the Home Office ADR workforce by function at 31 March 2010 from the 2010/11
 * profile CSV. Figures are used as published; nothing is typed in by hand.
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as XLSX from "@e965/xlsx";
import { withoutFormattingNotes } from "../../../src/xlsx/sheetjsNotes";

const DIR = join(__dirname, "../../fixtures/hmic-vfm");

/** The 13 ADR functions, in the return's order. */
export const ADR_FUNCTIONS = [
  "Community",
  "Roads policing",
  "Specialist functions",
  "Investigation",
  "Intelligence",
  "Forensics",
  "Operational support",
  "Dealing with the public",
  "Criminal justice",
  "Custody",
  "Business support",
  "Training",
  "Other",
] as const;
export type AdrFunction = (typeof ADR_FUNCTIONS)[number];

/** The business-support breakdown, in the return's order (names as published). */
export const BS_BREAKDOWN = [
  "IT/Communications",
  "Corporate development",
  "Personnel/HR",
  "Finance",
  "Complaints & discipline",
  "Press & public relations",
  "Occupational health and welfare",
  "Staff associations",
  "Other admin/ clerical",
] as const;
export type BsLine = (typeof BS_BREAKDOWN)[number];

export interface ForceFigures {
  readonly force: string;
  /** £000, CIPFA 2009-10 estimates. */
  readonly officerPayExOt: number;
  readonly officerOvertime: number;
  readonly staffPayExOt: number;
  readonly staffOvertime: number;
  readonly pcso: number;
  readonly nonStaff: number;
  readonly income: number;
  readonly nre: number;
  /** HMIC's "Police officer overtime % salary" (a fraction). */
  readonly overtimeShare: number;
  /** FTE at 31 March 2010 by function: officers, staff + PCSOs, total (as published, rounded). */
  readonly officers: Readonly<Record<AdrFunction | Subtotal, number>>;
  readonly staff: Readonly<Record<AdrFunction | Subtotal, number>>;
  readonly total: Readonly<Record<AdrFunction | Subtotal, number>>;
  readonly breakdown: Readonly<Record<BsLine | "Total", number>>;
}

export type Subtotal = "Local Policing" | "National Functions" | "Not available for duty" | "Total";
const SUBTOTALS: readonly Subtotal[] = [
  "Local Policing",
  "National Functions",
  "Not available for duty",
  "Total",
];

function num(v: unknown): number {
  if (typeof v === "number") return v;
  const t = String(v ?? "")
    .replace(/,/g, "")
    .trim();
  const n = Number(t);
  if (t === "" || !Number.isFinite(n)) throw new Error(`not a number: ${String(v)}`);
  return n;
}

/** "Avon & Somerset" and " Avon & Somerset " are one force. */
const key = (name: string) => name.trim().toLowerCase();

function readSheetRows(file: string, sheet?: string): unknown[][] {
  // The POA .ods files' conditional number styles make SheetJS print a note per style.
  const wb = withoutFormattingNotes(() =>
    XLSX.read(readFileSync(join(DIR, file)), { type: "buffer", codepage: 1252, raw: true })
  );
  const ws = wb.Sheets[sheet ?? wb.SheetNames[0]];
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
}

let cache: ForceFigures[] | undefined;

export function hmicForces(): readonly ForceFigures[] {
  if (cache) return cache;
  const money = readSheetRows(
    "value-for-money-2010-underlying-data-20100609.xls",
    "Section 1. Income & Expenditure"
  );
  const header = money[2].map((h) =>
    String(h ?? "")
      .replace(/\s+/g, " ")
      .trim()
  );
  const col = (name: string, from = 0): number => {
    const i = header.findIndex((h, j) => j >= from && h === name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
  const R = col("Police officers (exc. OT)");
  const S = col("Police officer overtime");
  const X = col("Police officer overtime % salary");
  const staffPay = col("Staff salaries exc. OT");
  const staffOt = col("Police staff overtime");
  const pcso = col("PCSO");
  const nonStaff = col("Non-staff costs");
  const income = col("Income");
  const nre = col("Net revenue expenditure");
  const byForce = new Map<string, unknown[]>();
  for (const r of money.slice(3))
    if (typeof r[0] === "string" && r[0].trim()) byForce.set(key(r[0]), r);

  const ws = readSheetRows("2010-11-value-for-money-profile-data-workforce-20110511.csv");
  const names = ws[0].map((h) => String(h ?? ""));
  const wcol = (group: string, item: string): number => {
    const i = names.findIndex((h) => h.startsWith(group) && h.split("_").pop()?.trim() === item);
    if (i < 0) throw new Error(`no column ${group} ${item}`);
    return i;
  };
  const OFF = "Workforce by function FTE_Police Officers (as at 31/03/2010)";
  const STAFF = "Workforce by function FTE_Police Staff + PCSOs (as at 31/03/2010)";
  const TOT =
    "Total workforce by function FTE_Police Officers + Police Staff + PCSOs (as at 31/03/2010)";
  const BSG = "Business Support staff FTE_As at 31/03/2010";
  const out: ForceFigures[] = [];
  for (const r of ws.slice(1)) {
    if (typeof r[0] !== "string" || !r[0].trim()) continue;
    const force = r[0].trim();
    const m = byForce.get(key(force));
    if (!m) throw new Error(`no money row for ${force}`);
    const part = (group: string) => {
      const o = {} as Record<AdrFunction | Subtotal, number>;
      for (const f of [...ADR_FUNCTIONS, ...SUBTOTALS]) o[f] = num(r[wcol(group, f)]);
      return o;
    };
    const breakdown = {} as Record<BsLine | "Total", number>;
    for (const b of [...BS_BREAKDOWN, "Total" as const]) breakdown[b] = num(r[wcol(BSG, b)]);
    out.push({
      force,
      officerPayExOt: num(m[R]),
      officerOvertime: num(m[S]),
      staffPayExOt: num(m[staffPay]),
      staffOvertime: num(m[staffOt]),
      pcso: num(m[pcso]),
      nonStaff: num(m[nonStaff]),
      income: num(m[income]),
      nre: num(m[nre]),
      overtimeShare: num(m[X]),
      officers: part(OFF),
      staff: part(STAFF),
      total: part(TOT),
      breakdown,
    });
  }
  cache = out;
  return out;
}

/** HMIC 2010: (business support - IT/Communications) / total workforce, from the published figures. */
export function publishedSupportShare(f: ForceFigures): number {
  return (f.total["Business support"] - f.breakdown["IT/Communications"]) / f.total.Total;
}

/** POA 2016/17 objective and sub-objective names as published (the "POA category" column). */
export function poa2016Names(): string[] {
  const rows = readSheetRows("HMIC-VFM-2016-open-data-POA.ods", "7_Total_workforce_FTE");
  const start = rows.findIndex((r) => r[0] === "POA category");
  const out: string[] = [];
  for (const r of rows.slice(start + 1)) {
    const t = typeof r[0] === "string" ? r[0].trim() : "";
    if (!t || /^Level 2 Summary|^Note/i.test(t)) continue;
    out.push(t);
  }
  return out;
}

/** The investigation and specialist-functions breakdowns, as published (names as in the CSV). */
export const OTHER_BREAKDOWNS = {
  Investigation: {
    group: "Investigation staff FTE_As at 31/03/2010",
    lines: [
      "CID (includes special crime unit)",
      "Child/sex/ domestic",
      "Fraud",
      "HOLMES unit",
      "Drugs",
      "Asset confiscation",
      "Vehicle crime",
      "Vice",
      "Burglary",
      "Hate crime",
    ],
  },
  "Specialist functions": {
    group: "Specialist Functions staff FTE_As at 31/03/2010",
    lines: [
      "Firearms - tactical",
      "Dogs",
      "Surveillance unit",
      "Firearms/ explosives",
      "Technical support unit",
      "Air",
      "Mounted",
      "Underwater",
      "Marine",
    ],
  },
} as const;
export type OtherBreakdown = keyof typeof OTHER_BREAKDOWNS;

let otherCache: Map<string, Record<OtherBreakdown, [string, number][]>> | undefined;

/** A force's published investigation and specialist-functions breakdown lines (FTE). */
export function otherBreakdowns(force: string): Record<OtherBreakdown, [string, number][]> {
  if (!otherCache) {
    otherCache = new Map();
    const ws = readSheetRows("2010-11-value-for-money-profile-data-workforce-20110511.csv");
    const names = ws[0].map((h) => String(h ?? ""));
    const wcol = (group: string, item: string): number =>
      names.findIndex((h) => h.startsWith(group) && h.split("_").pop()?.trim() === item);
    for (const r of ws.slice(1)) {
      if (typeof r[0] !== "string" || !r[0].trim()) continue;
      const out = {} as Record<OtherBreakdown, [string, number][]>;
      for (const k of Object.keys(OTHER_BREAKDOWNS) as OtherBreakdown[]) {
        const b = OTHER_BREAKDOWNS[k];
        out[k] = b.lines.map((l) => [l, num(r[wcol(b.group, l)])] as [string, number]);
      }
      otherCache.set(r[0].trim(), out);
    }
  }
  const found = otherCache.get(force);
  if (!found) throw new Error(`no breakdowns for ${force}`);
  return found;
}
