/**
 * `vfm profiles FILE... [--json] [--year 2009/10] [--out peers.xlsx]`: reads HMIC's Value for
 * Money profile data files as published (.xls, .csv, .ods, .xlsx) into the national table of
 * the 43 forces: for each year and force, the overtime ratio, the business-support share (its
 * definition named), net revenue expenditure per head, officers per 1,000 and non-staff costs
 * as a share of staff costs where the file gives them, each with the cells it came from, its
 * rank (RANK.EQ) and quartile (PERCENTILE.INC). --out writes one year as the add-in's Peers sheet.
 *
 * Exit codes: 0 when every file was read (findings or not); 2 when a file cannot be read or is
 * not a profile data file, with the reason in one line on stderr.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { CliIo, Command, EXIT } from "../io";
import { readWorkbookFile, UnreadableWorkbookError } from "../readWorkbook";
import { textTable } from "../analysisSummary";
import { QUARTILE } from "./peers";
import {
  FileProfile,
  findingPlace,
  formatNumber,
  formatPercent,
  formatPoundsValue,
  formatYear,
  indicatorSpread,
  INDICATOR_NAMES,
  listWords,
  NationalTable,
  nationalTable,
  nationalTableToJson,
  NOT_A_PROFILE,
  OGL_ATTRIBUTION,
  parseYearKey,
  PROFILE_INDICATOR_KEYS,
  ProfileIndicatorKey,
  profilePeersSheet,
  readProfileFile,
  recordsFor,
  SUPPORT_DEFINITION_SPECS,
} from "../../core";

export const PROFILES_USAGE = `Usage: vfm profiles FILE... [--json] [--year YYYY/YY] [--out peers.xlsx]

Reads HMIC's Value for Money profile data files as published (the 2010 underlying data .xls,
the 2010/11 workforce .csv, the 2012-2017 POA .ods/.xlsx) and prints the national table of the
43 forces by year: officer overtime / officer pay, business support (IT left out) / workforce
with its definition, net revenue expenditure per head, officers per 1,000 population and
non-staff costs / staff costs, each force's rank (1 = best, Excel's RANK.EQ) and quartile
(Excel's PERCENTILE.INC), and the cells every value came from (with --json).

  --json          print the table as JSON
  --year YYYY/YY  the year to print or write (default: every year; --out takes the latest)
  --out FILE      write the year's figures as the add-in's Peers sheet (.xlsx)
  --help          show this help

Exit code 0 when every file was read, 2 when a file cannot be read or is not a profile file.
`;

interface Args {
  files: string[];
  json: boolean;
  year?: number;
  out?: string;
  help: boolean;
  error?: string;
}

function parseArgs(args: readonly string[]): Args {
  const out: Args = { files: [], json: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => {
      const eq = a.indexOf("=");
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      return v === undefined || v.startsWith("--") ? undefined : v;
    };
    if (a === "--json") out.json = true;
    else if (a === "--help" || a === "-h") out.help = true;
    else if (a === "--year" || a.startsWith("--year=")) {
      const v = value();
      const y = v ? parseYearKey(v) : undefined;
      if (y === undefined)
        return {
          ...out,
          error: `--year needs a financial year such as 2009/10 (got ${v ?? "nothing"}).`,
        };
      out.year = y;
    } else if (a === "--out" || a.startsWith("--out=")) {
      const v = value();
      if (!v) return { ...out, error: "--out needs a file name ending .xlsx." };
      if (!/\.xlsx$/i.test(v))
        return { ...out, error: `--out writes an .xlsx workbook; ${v} does not end .xlsx.` };
      out.out = v;
    } else if (a.startsWith("-")) return { ...out, error: `unknown option ${a}.` };
    else out.files.push(a);
  }
  return out;
}

function valueText(key: ProfileIndicatorKey, v: number): string {
  if (key === "nrePerHead") return formatPoundsValue(v);
  if (key === "officersPer1000") return formatNumber(v, 2);
  return formatPercent(v, 2);
}

const SHORT: Readonly<Record<ProfileIndicatorKey, string>> = {
  overtimeRatio: "Overtime",
  businessSupportRatio: "Bus. support",
  nrePerHead: "NRE/head",
  officersPer1000: "Officers/1,000",
  nonStaffPctStaffCosts: "Non-staff/staff",
};

function yearSection(t: NationalTable, year: number): string {
  const records = recordsFor(t, year);
  const keys = PROFILE_INDICATOR_KEYS.filter((k) => records.some((r) => r.indicators[k]));
  const spreads = new Map(keys.map((k) => [k, indicatorSpread(t, year, k)]));
  const out: string[] = [`Forces with figures for ${formatYear(year)}: ${records.length}`];
  for (const k of keys) {
    const s = spreads.get(k);
    if (!s) continue;
    const basis = [...new Set(records.map((r) => r.basis[k]).filter(Boolean))].join("; ");
    const defs =
      k === "businessSupportRatio"
        ? [
            ...new Set(
              records.map((r) => r.definitions.businessSupportRatio).filter((d) => d !== undefined)
            ),
          ].map((d) => SUPPORT_DEFINITION_SPECS[d].name)
        : [];
    const threshold =
      k === "overtimeRatio" ? 0.04 : k === "businessSupportRatio" ? 0.07 : undefined;
    const above =
      threshold === undefined
        ? ""
        : `; ${records.filter((r) => (r.indicators[k]?.value ?? 0) > threshold).length} of ${s.count} above ${formatPercent(threshold, 0)}`;
    // Counted as Excel would, but said: a per-head figure on a population off footing.
    const off = s.offFooting.map((o) => `${o.force} (${valueText(k, o.value)})`);
    const offNote =
      off.length === 0
        ? ""
        : `; this counts ${listWords(off)}, whose population in HMIC's data is not on the same footing as the other forces', so the add-in's comparison leaves ${off.length === 1 ? "it" : "them"} out of its quartiles`;
    out.push(
      `  ${INDICATOR_NAMES[k]} (${basis}${defs.length ? `; ${defs.join("; ")}` : ""}): ${valueText(k, s.min)} to ${valueText(k, s.max)}, median ${valueText(k, s.percentiles.p50)}, top quartile ${valueText(k, s.direction === "lowerIsBetter" ? s.percentiles.p25 : s.percentiles.p75)}${above}${offNote}`
    );
  }
  out.push("");
  const header = ["Force", ...keys.flatMap((k) => [SHORT[k], "Rank", "Q"])];
  const rows = records.map((r) => [
    r.force,
    ...keys.flatMap((k) => {
      const v = r.indicators[k];
      const rk = spreads.get(k)?.ranks.get(r.forceId);
      return v && rk
        ? [valueText(k, v.value), String(rk.rank), QUARTILE[rk.quartile].split(" ")[0]]
        : ["-", "-", "-"];
    }),
  ]);
  out.push(
    textTable(
      header,
      rows,
      header.map((_, c) => c > 0)
    )
  );
  return out.join("\n");
}

function readable(t: NationalTable, year: number | undefined): string {
  const out: string[] = ["HMIC Value for Money profile data: the national table", ""];
  out.push("Files read:");
  for (const s of t.sources)
    out.push(
      `  ${s.file}: ${s.title}; ${s.forces} forces; ${s.years.map(formatYear).join(", ") || "no years"} year from ${s.yearFrom}`
    );
  out.push("");
  const years = year === undefined ? t.years : t.years.filter((y) => y === year);
  for (const y of years) out.push(yearSection(t, y), "");
  out.push(
    "Rank 1 is the best (lowest, or highest for officers per 1,000), as Excel's RANK.EQ; quartiles use Excel's PERCENTILE.INC over the year's forces. Run with --json for every value's cells.",
    OGL_ATTRIBUTION
  );
  if (t.findings.length > 0) {
    out.push("", `Findings (${t.findings.length}):`);
    for (const f of t.findings)
      out.push(`  ${f.severity.padEnd(7)} ${(findingPlace(f) ?? "").padEnd(12)} ${f.message}`);
  }
  return out.join("\n") + "\n";
}

/** Reads the files into profiles; the first one that cannot be read or is not a profile ends it. */
export async function readProfileFiles(
  files: readonly string[],
  io: CliIo
): Promise<FileProfile[] | { error: string }> {
  const out: FileProfile[] = [];
  for (const f of files) {
    const name = path.basename(f);
    let read;
    try {
      read = await readWorkbookFile(path.resolve(io.cwd, f));
    } catch (e) {
      return { error: e instanceof UnreadableWorkbookError ? e.message : `${name}: ${String(e)}` };
    }
    const p = readProfileFile(read.workbook, name);
    if (!p) return { error: `${f} ${NOT_A_PROFILE}.` };
    out.push(p);
  }
  return out;
}

export const profilesCommand: Command = async (args: readonly string[], io: CliIo) => {
  const a = parseArgs(args);
  if (a.help) {
    io.stdout(PROFILES_USAGE);
    return EXIT.ok;
  }
  if (a.error || a.files.length === 0) {
    io.stderr(
      `vfm profiles: ${a.error ?? "name at least one profile data file."}\n${PROFILES_USAGE}`
    );
    return EXIT.unreadable;
  }
  const read = await readProfileFiles(a.files, io);
  if ("error" in read) {
    io.stderr(`vfm profiles: ${read.error.replace(/\s+/g, " ")}\n`);
    return EXIT.unreadable;
  }
  const t = nationalTable(read);
  if (a.year !== undefined && !t.years.includes(a.year)) {
    io.stderr(
      `vfm profiles: the files hold no figures for ${formatYear(a.year)} (they hold ${t.years.map(formatYear).join(", ")}).\n`
    );
    return EXIT.unreadable;
  }
  if (a.out) {
    const year = a.year ?? t.years[t.years.length - 1];
    const { writePlanToXlsx } = await import("../../xlsx/write");
    const bytes = await writePlanToXlsx({ sheets: [profilePeersSheet(t, year)] });
    await fs.writeFile(path.resolve(io.cwd, a.out), bytes);
    if (!a.json)
      io.stderr(
        `vfm profiles: wrote ${formatYear(year)} for ${recordsFor(t, year).length} forces to ${a.out} (sheet "Peers").\n`
      );
  }
  if (a.json) {
    const j = nationalTableToJson(t);
    const filtered =
      a.year === undefined
        ? j
        : { ...j, forces: j.forces.filter((f) => f.year === formatYear(a.year as number)) };
    io.stdout(JSON.stringify(filtered, null, 2) + "\n");
  } else io.stdout(readable(t, a.year));
  return EXIT.ok;
};

export default profilesCommand;
