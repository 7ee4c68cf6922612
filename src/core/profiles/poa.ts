/**
 * HMIC's profile data from 2012, CIPFA Police Objective Analysis (POA) estimates:
 * - 2012 (long): sheet "POA_data", forces across the first row, then one row per POA
 *   sub-objective and measure (" Police Officer FTE", " Police Officer Overtime", ...), and a
 *   "Populations" sheet (thousands);
 * - 2013-2017 (wide): one sheet per measure titled in A1 ("POA - Officer overtime, £000s"), POA
 *   categories down column A, forces across a header row.
 * The overtime ratio is officer overtime / (officer salary + officer overtime), the force's whole
 * POA ("Level 2 Summary"). Business support is the POA reading (classifications/definitions.ts):
 * "Support functions" less ICT, over every officer, member of staff and PCSO (FTE).
 */
import { CellValue, SheetGrid, WorkbookGrid, a1 } from "../grid";
import { formatYear } from "../format";
import { FinancialYear } from "../years";
import { FileContext, forceOfName, noteMissingForces, words } from "./cells";
import { RecordsBuilder } from "./builder";
import { FileProfile, ProfileCell } from "./types";

const TOTAL = "level 2 summary";
const SUPPORT = "total support functions";
const ICT = "information communication technology";
const NATIONAL = "total national policing";

interface ForceCol {
  readonly col: number;
  readonly forceId: string;
  readonly force: string;
}

/** The forces across a row (the first row with ten or more force names). */
function forceHeader(
  ctx: FileContext,
  sheet: SheetGrid,
  maxRow = 8
): { row: number; cols: ForceCol[] } | undefined {
  for (let r = 0; r < Math.min(sheet.values.length, maxRow); r++) {
    const row = sheet.values[r] ?? [];
    const named = row.filter((v, c) => c > 0 && typeof v === "string" && v.trim()).length;
    if (named < 10) continue;
    const cols: ForceCol[] = [];
    const seen = new Set<string>();
    row.forEach((v: CellValue, c) => {
      if (c === 0) return;
      const f = forceOfName(ctx, v, sheet.name, a1(r, c));
      if (f && !seen.has(f.forceId)) {
        seen.add(f.forceId);
        cols.push({ col: c, ...f });
      }
    });
    return { row: r, cols };
  }
  return undefined;
}

/** The year the file's estimates are for: its notes sheet, else the year in its name (profile N used N/N+1 estimates). */
function estimatesYear(
  workbook: WorkbookGrid,
  file: string
): { year: FinancialYear; from: string } | undefined {
  for (const s of workbook.sheets)
    for (const row of s.values.slice(0, 10))
      for (const v of row ?? []) {
        const m = typeof v === "string" ? /(20\d\d)\/(\d\d) estimates/i.exec(v) : null;
        if (m && (Number(m[1]) + 1) % 100 === Number(m[2]))
          return { year: Number(m[1]), from: `the sheet "${s.name}" says "${m[0]}"` };
      }
  const m = /(?:^|\D)(20[01]\d)(?:\D|$)/.exec(file);
  if (!m) return undefined;
  const y = Number(m[1]);
  return {
    year: y,
    from: `the file name says ${y}; HMIC's ${y} profiles used CIPFA's ${formatYear(y)} POA estimates`,
  };
}

function missingYear(ctx: FileContext): void {
  ctx.note(
    "error",
    "PROFILE_YEAR_UNKNOWN",
    "the file does not say which year's estimates it holds (no notes sheet and no year in its name), so it is not read.",
    undefined,
    undefined,
    "Keep the file's published name, which carries the year."
  );
}

// ---------------------------------------------------------------------------------------------
// 2012: long

function isLongSheet(s: SheetGrid): boolean {
  let measures = 0;
  for (const row of s.values.slice(0, 80))
    if (words(row?.[1] ?? null) === "police officer overtime") measures++;
  return measures > 0 && s.values.some((row) => words(row?.[0] ?? null) === TOTAL);
}

export function isPoaLong(workbook: WorkbookGrid): boolean {
  return workbook.sheets.some(isLongSheet);
}

export function readPoaLong(workbook: WorkbookGrid, file: string): FileProfile {
  const ctx = new FileContext(file);
  const b = new RecordsBuilder(ctx);
  const when = estimatesYear(workbook, file);
  const sheet = workbook.sheets.find(isLongSheet);
  if (!when || !sheet) {
    if (!when) missingYear(ctx);
    return finish(ctx, b, file, "poaLong2012", when?.from ?? "");
  }
  const year = when.year;
  const header = forceHeader(ctx, sheet);
  const rowOf = new Map<string, number>();
  sheet.values.forEach((row, r) => {
    const k = `${words(row?.[0] ?? null)}|${words(row?.[1] ?? null)}`;
    if (!rowOf.has(k)) rowOf.set(k, r);
  });
  const basis = `CIPFA POA ${formatYear(year)} estimates`;
  const pops = populations(ctx, workbook);
  const cols = header?.cols ?? [];
  for (const f of cols) {
    const who = `${f.force}, ${basis}`;
    const at = (objective: string, measure: string, what: string): ProfileCell | undefined => {
      const r = rowOf.get(`${objective}|${measure}`);
      if (r === undefined) return undefined;
      return ctx.number(sheet, r, f.col, what, who);
    };
    const salary = at(TOTAL, "police officer salaries", "officer salaries, £000");
    const overtime = at(TOTAL, "police officer overtime", "officer overtime, £000");
    if (salary && overtime) b.overtime(f.forceId, f.force, year, salary, overtime, "poa", basis);
    const support = at(SUPPORT, "total fte", "support functions FTE");
    const ict = at(ICT, "total fte", "ICT FTE");
    const total = at(TOTAL, "total fte", "total FTE (officers, staff and PCSOs)");
    if (support && ict && total)
      b.businessSupport(f.forceId, f.force, year, [support], [ict], [total], "poa", basis);
    const pop = pops.get(f.forceId);
    if (pop) {
      const people: ProfileCell = {
        ...pop,
        value: pop.value * 1000,
        what: "population (the sheet's thousands × 1,000)",
      };
      b.population(f.forceId, f.force, year, people);
      const nre = at(TOTAL, "net revenue expenditure", "net revenue expenditure, £000");
      const grants = at(TOTAL, "government grants", "government grants, £000");
      // The file's own note: HMIC's net revenue expenditure is POA net revenue expenditure plus government grants.
      if (nre && grants) b.nrePerHead(f.forceId, f.force, year, [nre, grants], people, basis);
      const officers = at(TOTAL, "police officer fte", "police officer FTE");
      if (officers) b.officersPer1000(f.forceId, f.force, year, officers, people, basis);
    }
    longNonStaff(at, (parts) =>
      b.nonStaffShare(f.forceId, f.force, year, parts, `${basis}, national policing left out`)
    );
  }
  noteMissingForces(ctx, new Set(cols.map((c) => c.forceId)), year, sheet.name);
  return finish(ctx, b, file, "poaLong2012", when.from);
}

/** The 2012 file's salary and overtime lines (staff costs) and its other expenditure lines (non-staff). */
const LONG_STAFF = [
  "police officer salaries",
  "pcso salaries",
  "other staff salaries",
  "police officer overtime",
  "pcso overtime",
  "other staff overtime",
];
const LONG_NON_STAFF = [
  "temporay and agency costs", // sic: the file's spelling
  "injury and ill health costs",
  "restructure training and conference costs",
  "other employee costs",
  "premises related expenses",
  "transport related expenses",
  "supplies and services",
  "third party payments collaboration with other police forces",
  "third party payments excluding collaboration",
  "capital financing",
];

/**
 * The 2012 file's non-staff share on the later files' reading: every expenditure line that is
 * not a salary or overtime (other employee costs included, as in 2010) over the salary and
 * overtime lines, the whole force's less national policing on both sides.
 */
function longNonStaff(
  at: (objective: string, measure: string, what: string) => ProfileCell | undefined,
  add: (parts: {
    nonStaff: ProfileCell[];
    nonStaffLess: ProfileCell[];
    staff: ProfileCell[];
    staffLess: ProfileCell[];
  }) => void
): void {
  const cells = (objective: string, measures: readonly string[], where: string) => {
    const out = measures.map((m) => at(objective, m, `${m}${where}, £000`));
    return out.every((c) => c !== undefined) ? (out as ProfileCell[]) : undefined;
  };
  const nonStaff = cells(TOTAL, LONG_NON_STAFF, "");
  const nonStaffLess = cells(NATIONAL, LONG_NON_STAFF, " in national policing");
  const staff = cells(TOTAL, LONG_STAFF, "");
  const staffLess = cells(NATIONAL, LONG_STAFF, " in national policing");
  if (nonStaff && nonStaffLess && staff && staffLess)
    add({ nonStaff, nonStaffLess, staff, staffLess });
}

/** The "Populations" sheet: force names down column A, population (thousands) in the column so headed. */
function populations(ctx: FileContext, workbook: WorkbookGrid): Map<string, ProfileCell> {
  const out = new Map<string, ProfileCell>();
  const s = workbook.sheets.find((x) => words(x.name) === "populations");
  if (!s) return out;
  const col = (s.values[0] ?? []).findIndex((v) => words(v ?? null).startsWith("population"));
  if (col < 0) return out;
  for (let r = 1; r < s.values.length; r++) {
    const f = forceOfName(ctx, s.values[r]?.[0] ?? null, s.name, a1(r, 0));
    if (!f || out.has(f.forceId)) continue;
    const c = ctx.number(s, r, col, "population, thousands", f.force);
    if (c) out.set(f.forceId, c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2013-2017: wide

type Measure =
  | "officers"
  | "staff"
  | "pcso"
  | "workforce"
  | "officerSalary"
  | "officerOvertime"
  | "officerCost"
  | "otherStaffCost"
  | "pcsoCost"
  | "nonStaff";

/** The measure a sheet holds, from its title in A1. */
function measureOf(s: SheetGrid): Measure | undefined {
  const t = words(s.values[0]?.[0] ?? null);
  if (!t.startsWith("poa ")) return undefined;
  if (t.startsWith("poa officers fte")) return "officers";
  if (t.startsWith("poa staff fte")) return "staff";
  if (t.startsWith("poa pcsos fte")) return "pcso";
  if (/^poa total work(force|froce) fte/.test(t)) return "workforce";
  if (t.startsWith("poa officer salary")) return "officerSalary";
  if (t.startsWith("poa officer overtime")) return "officerOvertime";
  if (t.startsWith("poa officer costs")) return "officerCost";
  if (t.startsWith("poa other staff costs")) return "otherStaffCost";
  if (t.startsWith("poa pcso costs")) return "pcsoCost";
  if (t.startsWith("poa total non staff costs")) return "nonStaff";
  return undefined;
}

export function isPoaWide(workbook: WorkbookGrid): boolean {
  const m = new Set(workbook.sheets.map(measureOf));
  return m.has("officerOvertime") && (m.has("officers") || m.has("workforce"));
}

interface WideSheet {
  readonly sheet: SheetGrid;
  readonly cols: ReadonlyMap<string, number>;
  readonly rows: ReadonlyMap<string, number>;
  /** Every labelled row below the header, in order (a sheet of parts with no total row is summed). */
  readonly labelled: readonly number[];
}

const NON_STAFF_TOTAL = "total excluding national policing functions";
const STAFF_COSTS = [
  ["officerCost", "officer costs (salary and overtime)"],
  ["otherStaffCost", "other staff costs (salary and overtime)"],
  ["pcsoCost", "PCSO costs (salary and overtime)"],
] as const;

/**
 * Non-staff costs as a share of staff costs, both without national policing functions (the
 * non-staff sheet is published so): the sheet's total row where it has one (2017/18), else the
 * sum of its rows; over officer, other staff and PCSO costs, each the whole-force total less its
 * national policing row. Other employee costs (agency, injury, training) are non-staff here, as
 * in the 2010 profiles.
 */
function wideNonStaff(
  at: (m: Measure, row: string, what: string) => ProfileCell | undefined,
  parts: (m: Measure, what: string) => ProfileCell[] | undefined,
  add: (nonStaff: ProfileCell[], staff: ProfileCell[], less: ProfileCell[]) => void
): void {
  const total = at("nonStaff", NON_STAFF_TOTAL, "non-staff costs less national policing, £000");
  const nonStaff = total ? [total] : parts("nonStaff", "non-staff costs, £000");
  if (!nonStaff || nonStaff.length === 0) return;
  const staff: ProfileCell[] = [];
  const less: ProfileCell[] = [];
  for (const [m, what] of STAFF_COSTS) {
    const all = at(m, TOTAL, `${what}, £000`);
    const national = at(m, NATIONAL, `${what} in national policing, £000`);
    if (!all || !national) return;
    staff.push(all);
    less.push(national);
  }
  add(nonStaff, staff, less);
}

export function readPoaWide(workbook: WorkbookGrid, file: string): FileProfile {
  const ctx = new FileContext(file);
  const b = new RecordsBuilder(ctx);
  const when = estimatesYear(workbook, file);
  if (!when) {
    missingYear(ctx);
    return finish(ctx, b, file, "poaWide", "");
  }
  const year = when.year;
  const basis = `CIPFA POA ${formatYear(year)} estimates`;
  const sheets = new Map<Measure, WideSheet>();
  const forces = new Map<string, string>();
  for (const s of workbook.sheets) {
    const m = measureOf(s);
    if (!m || sheets.has(m)) continue;
    const h = forceHeader(ctx, s);
    if (!h) continue;
    const rows = new Map<string, number>();
    const labelled: number[] = [];
    s.values.forEach((row, r) => {
      const k = words(row?.[0] ?? null).replace(/\s*\*$/, "");
      if (r > h.row && k) labelled.push(r);
      if (r > h.row && k && !rows.has(k)) rows.set(k, r);
    });
    // 2017/18 calls the whole-force row "TOTAL" where earlier years say "Level 2 Summary".
    const total = rows.get("total");
    if (!rows.has(TOTAL) && total !== undefined) rows.set(TOTAL, total);
    sheets.set(m, {
      sheet: s,
      cols: new Map(h.cols.map((c) => [c.forceId, c.col])),
      rows,
      labelled,
    });
    for (const c of h.cols) forces.set(c.forceId, c.force);
  }
  const found = new Set<string>();
  for (const [forceId, force] of forces) {
    const who = `${force}, ${basis}`;
    const at = (m: Measure, row: string, what: string): ProfileCell | undefined => {
      const w = sheets.get(m);
      const r = w?.rows.get(row);
      const c = w?.cols.get(forceId);
      if (!w || r === undefined || c === undefined) return undefined;
      return ctx.number(w.sheet, r, c, what, who);
    };
    const overtime = at("officerOvertime", TOTAL, "officer overtime, £000");
    const salary = at("officerSalary", TOTAL, "officer salary, £000");
    if (overtime && salary) b.overtime(forceId, force, year, salary, overtime, "poa", basis);
    else if (overtime) {
      const cost = at("officerCost", TOTAL, "officer costs (salary and overtime), £000");
      if (cost)
        b.overtime(
          forceId,
          force,
          year,
          {
            ...cost,
            value: cost.value - overtime.value,
            what: "officer costs less overtime, £000",
          },
          overtime,
          "poa",
          basis
        );
    }
    if (sheets.has("workforce")) {
      const support = at("workforce", SUPPORT, "support functions FTE");
      const ict = at("workforce", ICT, "ICT FTE");
      const total = at("workforce", TOTAL, "total workforce FTE");
      if (support && ict && total)
        b.businessSupport(forceId, force, year, [support], [ict], [total], "poa", basis);
    } else {
      const parts = (["officers", "staff", "pcso"] as const).map((m) => ({
        support: at(m, SUPPORT, `${m === "pcso" ? "PCSO" : m} FTE in support functions`),
        ict: at(m, ICT, `${m === "pcso" ? "PCSO" : m} FTE in ICT`),
        total: at(m, TOTAL, `${m === "pcso" ? "PCSO" : m} FTE, all functions`),
      }));
      if (parts.every((p) => p.support && p.ict && p.total))
        b.businessSupport(
          forceId,
          force,
          year,
          parts.map((p) => p.support as ProfileCell),
          parts.map((p) => p.ict as ProfileCell),
          parts.map((p) => p.total as ProfileCell),
          "poa",
          basis
        );
    }
    wideNonStaff(
      at,
      (m, what) => {
        const w = sheets.get(m);
        const c = w?.cols.get(forceId);
        if (!w || c === undefined) return undefined;
        const cells = w.labelled.map((r) =>
          ctx.number(w.sheet, r, c, `${what} (${String(w.sheet.values[r]?.[0]).trim()})`, who)
        );
        return cells.every((x) => x !== undefined) ? (cells as ProfileCell[]) : undefined;
      },
      (nonStaff, staff, less) =>
        b.nonStaffShare(
          forceId,
          force,
          year,
          { nonStaff, staff, staffLess: less },
          `${basis}, national policing left out`
        )
    );
    found.add(forceId);
  }
  const nonStaff = sheets.get("nonStaff");
  if (nonStaff && ![...nonStaff.rows.keys()].some((k) => k.startsWith("third party")))
    ctx.note(
      "info",
      "PROFILE_NON_STAFF_PARTIAL",
      `sheet "${nonStaff.sheet.name}" lists no third-party payments, so non-staff costs as a share of staff costs for ${formatYear(year)} leave them out and read low beside other years.`,
      nonStaff.sheet.name
    );
  noteMissingForces(ctx, found, year, sheets.get("officerOvertime")?.sheet.name ?? "");
  return finish(ctx, b, file, "poaWide", when.from);
}

function finish(
  ctx: FileContext,
  b: RecordsBuilder,
  file: string,
  layout: "poaLong2012" | "poaWide",
  yearFrom: string
): FileProfile {
  const byYear = b.forcesByYear();
  const forces = new Set<string>();
  for (const s of byYear.values()) for (const f of s) forces.add(f);
  const years = [...byYear.keys()].sort((x, y) => x - y);
  return {
    source: {
      file,
      layout,
      title: `HMIC${years[0] !== undefined && years[0] >= 2017 ? "FRS" : ""} Value for Money profile data: CIPFA Police Objective Analysis ${years.map(formatYear).join(", ")} estimates`,
      years,
      forces: forces.size,
      yearFrom,
    },
    records: b.records(),
    findings: ctx.findings,
  };
}
