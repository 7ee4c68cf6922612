/**
 * HMIC's 2010 profile files, one row per force:
 * - the 2010 underlying-data workbook (.xls): three header rows (section, year, column) above
 *   each sheet's table. "Section 1. Income & Expenditure" holds CIPFA's 2009-10 estimates in
 *   £000 (officer pay excluding overtime, officer overtime and HMIC's own "Police officer
 *   overtime % salary"; net revenue expenditure and population; non-staff and workforce costs);
 *   "Section 2. Workforce (volumes)" the Home Office ADR workforce by function at 31 March 2009,
 *   with the business-support breakdown;
 * - the 2010/11 workforce CSV: one header row whose names join the levels with "_" (the same
 *   ADR tables at 31 March 2010), Latin-1, thousands commas.
 * Columns are found by their headers, never by position.
 */
import { CellValue, SheetGrid, WorkbookGrid, a1 } from "../grid";
import { FinancialYear } from "../years";
import { FileContext, forceOfName, noteMissingForces, words } from "./cells";
import { RecordsBuilder } from "./builder";
import { FileProfile, ProfileCell } from "./types";

/** A column's headers from the top level down, each reduced by `words`. */
interface HeaderPath {
  readonly index: number;
  readonly levels: readonly string[];
}

/** The xls form: up to two rows above the header row, merged headers read forward. */
function stackedPaths(sheet: SheetGrid, headerRow: number): HeaderPath[] {
  const rows = [headerRow - 2, headerRow - 1, headerRow].filter((r) => r >= 0);
  const width = Math.max(...rows.map((r) => sheet.values[r]?.length ?? 0));
  const carried: string[] = rows.map(() => "");
  const out: HeaderPath[] = [];
  for (let c = 0; c < width; c++) {
    rows.forEach((r, i) => {
      const v = sheet.values[r]?.[c];
      if (i < rows.length - 1) {
        if (typeof v === "string" && v.trim()) {
          carried[i] = words(v);
          // A new top-level header starts a new group below it too.
          for (let j = i + 1; j < rows.length - 1; j++) carried[j] = "";
        }
      } else carried[i] = words(v ?? "");
    });
    out.push({ index: c, levels: [...carried] });
  }
  return out;
}

/** The CSV form: "Group_Sub_Name" in one cell. */
function joinedPaths(sheet: SheetGrid, headerRow: number): HeaderPath[] {
  return (sheet.values[headerRow] ?? []).map((v, c) => ({
    index: c,
    levels: typeof v === "string" ? v.split("_").map((p) => words(p)) : [""],
  }));
}

function find(
  paths: readonly HeaderPath[],
  test: (levels: readonly string[]) => boolean
): HeaderPath | undefined {
  return paths.find((p) => test(p.levels));
}

const last = (l: readonly string[]) => l[l.length - 1] ?? "";
const has = (l: readonly string[], i: number, text: string) => (l[i] ?? "").includes(text);

/** The row whose first cell says "Police Force" (the xls), else undefined. */
function policeForceRow(sheet: SheetGrid): number | undefined {
  for (let r = 0; r < Math.min(sheet.values.length, 10); r++)
    if (words(sheet.values[r]?.[0] ?? null) === "police force") return r;
  return undefined;
}

/** Is this a 2010 profile workbook or the 2010/11 workforce CSV? */
export function isVfm2010(workbook: WorkbookGrid): boolean {
  return workbook.sheets.some((s) => {
    const hr = policeForceRow(s);
    return (
      hr !== undefined &&
      stackedPaths(s, hr).some(
        (p) =>
          last(p.levels) === "police officer overtime % salary" ||
          has(p.levels, 0, "business support staff fte")
      )
    );
  });
}

export function isWorkforce2011(workbook: WorkbookGrid): boolean {
  return workbook.sheets.some((s) => {
    const paths = joinedPaths(s, 0);
    return (
      paths.some((p) => p.levels[0] === "business support staff fte") &&
      paths.some((p) => p.levels[0] === "total workforce by function fte")
    );
  });
}

/** "as at 31/03/2010" in a header → the financial year ending then (2009 = 2009/10). */
function asAtYear(text: string): FinancialYear | undefined {
  const m = /31\/03\/(\d{4})/.exec(text);
  return m ? Number(m[1]) - 1 : undefined;
}

interface ForceRow {
  readonly row: number;
  readonly forceId: string;
  readonly force: string;
}

function forceRows(ctx: FileContext, sheet: SheetGrid, from: number): ForceRow[] {
  const out: ForceRow[] = [];
  const seen = new Set<string>();
  for (let r = from; r < sheet.values.length; r++) {
    const v: CellValue = sheet.values[r]?.[0] ?? null;
    const f = forceOfName(ctx, v, sheet.name, a1(r, 0));
    if (!f) continue;
    if (seen.has(f.forceId)) {
      ctx.note(
        "warning",
        "PROFILE_FORCE_TWICE",
        `${f.force} has a second row at ${sheet.name}!${a1(r, 0)}; only the first is read.`,
        sheet.name,
        a1(r, 0)
      );
      continue;
    }
    seen.add(f.forceId);
    out.push({ row: r, ...f });
  }
  return out;
}

/**
 * The ADR business-support share at each "as at" date the sheet has: (business support − IT/
 * communications) / total officers + staff + PCSOs, HMIC's 2010 definition.
 */
function adrSupport(
  ctx: FileContext,
  b: RecordsBuilder,
  sheet: SheetGrid,
  paths: readonly HeaderPath[],
  rows: readonly ForceRow[]
): void {
  const totals = paths.filter(
    (p) =>
      p.levels[0] === "total workforce by function fte" &&
      last(p.levels) === "total" &&
      asAtYear(p.levels[1] ?? "") !== undefined
  );
  for (const totalCol of totals) {
    const when = totalCol.levels[1];
    const year = asAtYear(when);
    if (year === undefined) continue;
    const bsCol = find(
      paths,
      (l) =>
        l[0] === "total workforce by function fte" &&
        l[1] === when &&
        last(l) === "business support"
    );
    const date = /31\/03\/\d{4}/.exec(when)?.[0] ?? "";
    const itCol = find(
      paths,
      (l) =>
        l[0] === "business support staff fte" &&
        (l[1] ?? "").includes(date) &&
        /^it\b/.test(last(l))
    );
    if (!bsCol || !itCol) {
      ctx.note(
        "info",
        "PROFILE_NO_SUPPORT_BREAKDOWN",
        `sheet "${sheet.name}" gives the workforce at 31 March ${year + 1} without ${bsCol ? "the IT/communications line of business support" : "a business-support total"}, so no business-support share is worked out for that date.`,
        sheet.name
      );
      continue;
    }
    const basis = `Home Office ADR, FTE at 31 March ${year + 1}`;
    for (const r of rows) {
      const who = `${r.force}, 31 March ${year + 1}`;
      const bs = ctx.number(sheet, r.row, bsCol.index, "business support FTE", who);
      const it = ctx.number(
        sheet,
        r.row,
        itCol.index,
        "IT/communications FTE within business support",
        who
      );
      const total = ctx.number(sheet, r.row, totalCol.index, "total workforce FTE", who);
      if (bs && it && total)
        b.businessSupport(r.forceId, r.force, year, [bs], [it], [total], "hmic2010", basis);
    }
    noteMissingForces(ctx, new Set(rows.map((r) => r.forceId)), year, sheet.name);
  }
}

/** Section 1 of the 2010 workbook: CIPFA 2009-10 estimates. */
function section1(
  ctx: FileContext,
  b: RecordsBuilder,
  sheet: SheetGrid,
  paths: readonly HeaderPath[],
  rows: readonly ForceRow[]
): boolean {
  const ot = (name: (n: string) => boolean) =>
    find(paths, (l) => l[0] === "police officer overtime 000" && name(last(l)));
  const pay = ot((n) => n.startsWith("police officers exc ot"));
  const overtime = ot((n) => n === "police officer overtime");
  const share = find(paths, (l) => last(l) === "police officer overtime % salary");
  if (!pay || !overtime) return false;
  const yearText = pay.levels[1] ?? "";
  const m = /(\d{4}) (\d{2}) estimates/.exec(yearText);
  if (!m) {
    ctx.note(
      "warning",
      "PROFILE_YEAR_UNKNOWN",
      `sheet "${sheet.name}" does not say which year its estimates are for, so it is not read.`,
      sheet.name
    );
    return false;
  }
  const year = Number(m[1]);
  const basis = `CIPFA ${m[1]}-${m[2]} estimates`;
  const population = find(paths, (l) => last(l).startsWith("population"));
  const nre = find(
    paths,
    (l) => l[0] === "income expenditure" && last(l) === "net revenue expenditure"
  );
  const nrePublished = find(
    paths,
    (l) =>
      l[0] === "income expenditure per head of population" && last(l) === "net revenue expenditure"
  );
  const nonStaff = find(
    paths,
    (l) => l[0] === "income expenditure" && last(l) === "non staff costs"
  );
  const workforceCost = find(
    paths,
    (l) => l[0] === "workforce costs 000" && last(l) === "workforce"
  );
  const nonStaffPublished = find(paths, (l) => last(l) === "non staff % staff costs");
  for (const r of rows) {
    const who = `${r.force}, ${basis}`;
    const p = ctx.number(sheet, r.row, pay.index, "officer pay excluding overtime, £000", who);
    const o = ctx.number(sheet, r.row, overtime.index, "officer overtime, £000", who);
    const s = share
      ? ctx.number(sheet, r.row, share.index, "HMIC's police officer overtime % salary", who)
      : undefined;
    if (p && o) b.overtime(r.forceId, r.force, year, p, o, "hmic2010", basis, s);
    const pop = population
      ? ctx.number(sheet, r.row, population.index, "population", who)
      : undefined;
    if (pop) b.population(r.forceId, r.force, year, pop);
    if (nre && pop) {
      const n = ctx.number(sheet, r.row, nre.index, "net revenue expenditure, £000", who);
      const pub = nrePublished
        ? ctx.number(
            sheet,
            r.row,
            nrePublished.index,
            "HMIC's net revenue expenditure £ per head",
            who
          )
        : undefined;
      if (n) b.nrePerHead(r.forceId, r.force, year, [n], pop, basis, pub);
    }
    if (nonStaff && workforceCost) {
      const ns = ctx.number(sheet, r.row, nonStaff.index, "non-staff costs, £000", who);
      const wc = ctx.number(
        sheet,
        r.row,
        workforceCost.index,
        "workforce (staff) costs, £000",
        who
      );
      const pub = nonStaffPublished
        ? ctx.number(sheet, r.row, nonStaffPublished.index, "HMIC's non-staff % staff costs", who)
        : undefined;
      if (ns && wc)
        b.nonStaffShare(r.forceId, r.force, year, { nonStaff: [ns], staff: [wc] }, basis, pub);
    }
  }
  noteMissingForces(ctx, new Set(rows.map((r) => r.forceId)), year, sheet.name);
  return true;
}

/** Officers per 1,000 residents from the ADR officer total and the population column (the CSV). */
function officersRate(
  ctx: FileContext,
  b: RecordsBuilder,
  sheet: SheetGrid,
  paths: readonly HeaderPath[],
  rows: readonly ForceRow[]
): void {
  const officers = find(
    paths,
    (l) =>
      l[0] === "workforce by function fte" &&
      (l[1] ?? "").startsWith("police officers as at") &&
      last(l) === "total"
  );
  const population = find(paths, (l) => l.length === 1 && l[0] === "population");
  const year = officers ? asAtYear(officers.levels[1]) : undefined;
  if (!officers || !population || year === undefined) return;
  const basis = `Home Office ADR, officer FTE at 31 March ${year + 1}`;
  for (const r of rows) {
    const who = `${r.force}, 31 March ${year + 1}`;
    const pop = ctx.number(sheet, r.row, population.index, "population", who);
    const o = ctx.number(sheet, r.row, officers.index, "police officer FTE", who);
    if (pop) b.population(r.forceId, r.force, year, pop);
    if (pop && o) b.officersPer1000(r.forceId, r.force, year, o, pop, basis);
  }
}

interface ReadSheet {
  readonly sheet: SheetGrid;
  readonly paths: readonly HeaderPath[];
  readonly rows: readonly ForceRow[];
}

const isRateColumn = (l: readonly string[]) => last(l) === "police officer fte per 1 000";
const isCipfaOfficers = (l: readonly string[]) =>
  /^ave fte \d{4} \d{2} cipfa$/.test(l[0] ?? "") && last(l) === "police officers";

/**
 * HMIC's "Police officer FTE per 1,000" (Section 1, headed "2009-10 Estimates") is CIPFA's
 * average officer FTE for 2008-09 (Section 2 volumes, "Ave FTE 2008-09 CIPFA") over the June
 * 2008 population: the add-in works it out from those two cells, dates it 2008/09, the year the
 * FTE is for, and checks it against HMIC's own figure.
 */
function cipfaOfficersRate(ctx: FileContext, b: RecordsBuilder, read: readonly ReadSheet[]): void {
  const rates = read.find((r) => r.paths.some((p) => isRateColumn(p.levels)));
  const volumes = read.find((r) => r.paths.some((p) => isCipfaOfficers(p.levels)));
  if (!rates || !volumes) return;
  const rate = find(rates.paths, isRateColumn);
  const population = find(rates.paths, (l) => last(l).startsWith("population"));
  const officers = find(volumes.paths, isCipfaOfficers);
  const m = officers ? /(\d{4}) (\d{2}) cipfa/.exec(officers.levels[0]) : null;
  if (!rate || !population || !officers || !m) return;
  const year = Number(m[1]);
  const when = population.levels[population.levels.length - 1].replace(/^population /, "");
  const basis = `CIPFA average officer FTE ${m[1]}-${m[2]}, population ${when.replace(/^june/, "June")}`;
  const volumeRow = new Map(volumes.rows.map((r) => [r.forceId, r.row]));
  for (const r of rates.rows) {
    const row = volumeRow.get(r.forceId);
    if (row === undefined) continue;
    const who = `${r.force}, ${basis}`;
    const pop = ctx.number(rates.sheet, r.row, population.index, "population", who);
    const o = ctx.number(
      volumes.sheet,
      row,
      officers.index,
      "police officer FTE (CIPFA average)",
      who
    );
    const published = ctx.number(
      rates.sheet,
      r.row,
      rate.index,
      "HMIC's police officer FTE per 1,000",
      who
    );
    if (pop) b.population(r.forceId, r.force, year, pop);
    if (pop && o) b.officersPer1000(r.forceId, r.force, year, o, pop, basis, published);
  }
}

export function readVfm2010(workbook: WorkbookGrid, file: string): FileProfile {
  const ctx = new FileContext(file);
  const b = new RecordsBuilder(ctx);
  const read: ReadSheet[] = [];
  for (const sheet of workbook.sheets) {
    const hr = policeForceRow(sheet);
    if (hr === undefined) continue;
    const paths = stackedPaths(sheet, hr);
    const usesMoney = paths.some((p) => p.levels[0] === "police officer overtime 000");
    const usesSupport = paths.some((p) => p.levels[0] === "business support staff fte");
    const usesOfficers = paths.some((p) => isCipfaOfficers(p.levels));
    if (!usesMoney && !usesSupport && !usesOfficers) continue;
    const rows = forceRows(ctx, sheet, hr + 1);
    read.push({ sheet, paths, rows });
    if (usesMoney) section1(ctx, b, sheet, paths, rows);
    if (usesSupport) adrSupport(ctx, b, sheet, paths, rows);
  }
  cipfaOfficersRate(ctx, b, read);
  return finish(
    ctx,
    b,
    file,
    "vfm2010",
    "HMIC Value for Money profiles 2010, underlying data (CIPFA 2009-10 estimates; Home Office ADR workforce at 31 March 2009)"
  );
}

export function readWorkforce2011(workbook: WorkbookGrid, file: string): FileProfile {
  const ctx = new FileContext(file);
  const b = new RecordsBuilder(ctx);
  for (const sheet of workbook.sheets) {
    const paths = joinedPaths(sheet, 0);
    if (!paths.some((p) => p.levels[0] === "business support staff fte")) continue;
    const rows = forceRows(ctx, sheet, 1);
    adrSupport(ctx, b, sheet, paths, rows);
    officersRate(ctx, b, sheet, paths, rows);
  }
  return finish(
    ctx,
    b,
    file,
    "workforce2011",
    "HMIC Value for Money profiles 2010/11, workforce (Home Office ADR, FTE at 31 March 2010)"
  );
}

function finish(
  ctx: FileContext,
  b: RecordsBuilder,
  file: string,
  layout: "vfm2010" | "workforce2011",
  title: string
): FileProfile {
  const byYear = b.forcesByYear();
  const forces = new Set<string>();
  for (const s of byYear.values()) for (const f of s) forces.add(f);
  return {
    source: {
      file,
      layout,
      title,
      years: [...byYear.keys()].sort((x, y) => x - y),
      forces: forces.size,
      yearFrom:
        "the headers' dates: estimates for a year, or FTE at 31 March, the last day of the year",
    },
    records: b.records(),
    findings: ctx.findings,
  };
}

export type { ProfileCell };
