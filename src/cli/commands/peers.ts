/**
 * `vfm peers WORKBOOK.xlsx [--json] [--force NAME] [--sheet NAME]`: benchmarks the force against
 * its most similar forces and all forces in the workbook's peers sheet.
 *
 * The force is the one named by --force, else the one the workbook's Settings sheet names (the
 * same pipeline as `vfm analyse`, which also supplies the paybill, workforce FTE and average
 * support cost that price the gaps), else the one row of the peers sheet that is not among the
 * 43 territorial forces.
 *
 * Exit codes as `vfm analyse`: 0 when the benchmark was made (findings or not); 2 when the file
 * cannot be read or has no peers sheet, with the reason in one line on stderr.
 */
import * as path from "path";
import { CliIo, Command, EXIT } from "../io";
import { readWorkbookFile, UnreadableWorkbookError } from "../readWorkbook";
import { textTable } from "../analysisSummary";
import {
  analysePeers,
  compareWithNational,
  loadNationalTable,
  nationalGapInputs,
  NationalTable,
  detectPeersReport,
  Finding,
  finding,
  findingPlace,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoundsValue,
  GapInputs,
  gapInputsFromAnalysis,
  matchForce,
  PeerIndicatorResult,
  PeersAnalysis,
  PeersData,
  peersToJson,
  Policy,
  sortFindings,
  UNNAMED_FORCE,
  WorkbookGrid,
} from "../../core";

const USAGE = `Usage: vfm peers WORKBOOK.xlsx [--json] [--force NAME] [--sheet NAME] [--group "A; B; C"]

Benchmarks the force against its most similar forces and all forces in the workbook's peers
sheet: each indicator's value, rank (1 = best), quartile (1 = best), top-quartile value, group
and all-force averages, and the gap to the top quartile. Percentiles are Excel's PERCENTILE.INC.
With no peers sheet, the force is compared with all 43 forces in HMIC's Value for Money profile
data (shipped with the add-in), in the year of the force's own figure or the nearest HMIC
published, and says which.

  --json         print the result as JSON
  --force NAME   the force to benchmark (default: the force named in the Settings sheet)
  --sheet NAME   read the peers table from this sheet only
  --group LIST   the force's most similar group, up to seven names separated by ; or ,
                 (replaces the sheet's; against HMIC's data, the average is population-weighted)
`;

interface Args {
  file?: string;
  json: boolean;
  force?: string;
  sheet?: string;
  group?: string[];
  help: boolean;
  error?: string;
}

/** "A; B, C" as names. */
function groupNames(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

function parseArgs(args: readonly string[]): Args {
  const out: Args = { json: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") out.json = true;
    else if (a === "--help" || a === "-h") out.help = true;
    else if (a === "--force" || a === "--sheet" || a === "--group") {
      const v = args[++i];
      if (v === undefined || v.startsWith("--")) return { ...out, error: `${a} needs a name.` };
      if (a === "--force") out.force = v;
      else if (a === "--group") out.group = groupNames(v);
      else out.sheet = v;
    } else if (a.startsWith("--force=")) out.force = a.slice(8);
    else if (a.startsWith("--sheet=")) out.sheet = a.slice(8);
    else if (a.startsWith("--group=")) out.group = groupNames(a.slice(8));
    else if (a.startsWith("-")) return { ...out, error: `unknown option ${a}.` };
    else if (out.file)
      return { ...out, error: `one workbook at a time (got ${out.file} and ${a}).` };
    else out.file = a;
  }
  return out;
}

/** What the rest of the workbook tells the benchmark: the force's name and the gap inputs. */
export interface WorkbookContext {
  readonly forceName?: string;
  readonly gapInputs?: GapInputs;
  /** The force's own figures for the comparison with HMIC's data (never a target year's). */
  readonly nationalInputs?: GapInputs;
  /** The most similar group the Settings sheet names. */
  readonly group?: readonly string[];
  readonly policy?: Policy;
}

/**
 * The force's name and the gap inputs, from the same pipeline as `vfm analyse`. Loaded when
 * needed; a workbook with a peers sheet and nothing else is still benchmarked if it fails.
 */
export async function contextFromWorkbook(
  workbook: WorkbookGrid,
  national?: NationalTable
): Promise<WorkbookContext> {
  try {
    const { runVfm } = await import("../../core");
    const { analysis, data } = runVfm(workbook);
    const name = analysis.force.value.trim();
    const group = data.settings.mostSimilarForces?.value;
    return {
      ...(name && name !== UNNAMED_FORCE ? { forceName: name } : {}),
      gapInputs: gapInputsFromAnalysis(analysis),
      ...(national ? { nationalInputs: nationalGapInputs(analysis, national) } : {}),
      ...(group && group.length > 0 ? { group } : {}),
      policy: analysis.policy,
    };
  } catch {
    return {};
  }
}

/** The one row that is not one of the 43, where there is exactly one: the workbook's own force. */
function soleOwnRow(peers: PeersData): string | undefined {
  const own = peers.rows.filter((r) => !matchForce(r.name));
  return own.length === 1 ? own[0].name : undefined;
}

export interface PeersRun {
  readonly analysis: PeersAnalysis;
  readonly extraFindings: readonly Finding[];
}

/** The benchmark of a workbook already read; exported for tests and other front ends. */
export function benchmarkWorkbook(
  workbook: WorkbookGrid,
  options: {
    force?: string;
    sheet?: string;
    context?: WorkbookContext;
    /** HMIC's national table: used when the workbook has no peers sheet. */
    national?: NationalTable;
    group?: readonly string[];
  } = {}
): PeersRun | { readonly noPeers: string; readonly findings: readonly Finding[] } {
  const context = options.context ?? {};
  let forceName = options.force ?? context.forceName;
  const report = detectPeersReport(workbook, {
    ...(forceName ? { forceName } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
  });
  const named = options.group && options.group.length > 0 ? options.group : context.group;
  const group = named && named.length > 0 ? { group: named } : {};
  if (!report.peers && options.national && !options.sheet) {
    const inputs = context.nationalInputs ?? context.gapInputs;
    const analysis = compareWithNational(options.national, forceName ?? "", {
      ...(context.policy ? { policy: context.policy } : {}),
      ...(inputs ? { gapInputs: inputs } : {}),
      ...group,
    });
    if (analysis) return { analysis, extraFindings: [] };
  }
  if (!report.peers) {
    const why =
      report.findings.find((f) => f.severity !== "info")?.message ??
      "The workbook has no peers sheet (a table with a force column and indicator columns).";
    return { noPeers: why, findings: report.findings };
  }
  const extraFindings: Finding[] = [];
  if (!forceName) {
    forceName = soleOwnRow(report.peers);
    if (forceName)
      extraFindings.push(
        finding(
          "info",
          "PEERS_FORCE_ASSUMED",
          `The workbook does not name its force, so "${forceName}", the one row in the peers sheet that is not among the 43 forces, was taken as the force to benchmark.`,
          { sheet: report.peers.sheet },
          "Name the force in the Settings sheet, or use --force."
        )
      );
  }
  const analysis = analysePeers(report.peers, forceName ?? "", {
    ...(context.policy ? { policy: context.policy } : {}),
    ...(context.gapInputs ? { gapInputs: context.gapInputs } : {}),
    ...group,
  });
  return { analysis, extraFindings };
}

// ---------------------------------------------------------------------------------------------
// The readable table

function valueText(i: PeerIndicatorResult, v: number | null): string {
  if (v === null) return "-";
  if (i.isPercent) return formatPercent(v);
  return i.unit === "£" ? formatPoundsValue(v) : formatNumber(v, 2);
}

function gapText(i: PeerIndicatorResult): string {
  const g = i.gapToTopQuartile;
  if (g === null) return "-";
  if (g === 0) return "in top quartile";
  return i.isPercent ? `${formatNumber(g * 100, 1)} points` : valueText(i, g);
}

export const QUARTILE = ["-", "1 (top)", "2", "3", "4 (bottom)"];

const PEERS_HEADER = [
  "Indicator",
  "Better",
  "Force",
  "Group avg",
  "All avg",
  "Rank",
  "Quartile",
  "Top quartile",
  "Gap",
];

function termText(t: { kind: string; value: number; name: string }): string {
  if (t.kind === "fraction") return formatPercent(t.value);
  if (t.kind === "pence") return `${formatMoney(t.value, "£")} ${t.name}`;
  return `${formatNumber(t.value, 1, 0)} ${t.name}`;
}

function readable(run: PeersRun, findings: readonly Finding[]): string {
  const a = run.analysis;
  const out: string[] = [];
  if (a.national) {
    out.push(
      `Benchmarking ${a.force || "(no force named)"} against the forces in HMIC's Value for Money profile data (the workbook has no peers sheet)`
    );
    for (const l of a.national.lines) out.push(`  ${l.words}`);
  } else
    out.push(
      `Benchmarking ${a.force || "(no force named)"} against ${a.forcesInSheet} forces in the sheet "${a.sheet}"`
    );
  if (a.illustrative) out.push(a.illustrativeNote ?? "The peer figures are illustrative.");
  out.push(
    a.group.length > 0
      ? `Most similar forces (${a.groupSource === "settings" ? "chosen" : "from the sheet"}): ${a.group.join(", ")}${a.groupAverage.weightedBy ? `; group average weighted by ${a.groupAverage.weightedBy.toLowerCase()}` : "; simple group average"}`
      : "Most similar forces: none, so the force is compared with all forces only"
  );
  out.push("");
  if (a.indicators.length === 0) out.push("No indicators to compare.");
  else
    out.push(
      textTable(
        PEERS_HEADER,
        a.indicators.map((i) => [
          i.name,
          i.direction === "lowerIsBetter" ? "lower" : "higher",
          valueText(i, i.value),
          valueText(i, i.msgAverage),
          valueText(i, i.allAverage),
          i.rank === null ? "-" : `${i.rank} of ${i.of}`,
          QUARTILE[i.quartile ?? 0],
          valueText(i, i.topQuartileValue),
          gapText(i),
        ]),
        PEERS_HEADER.map((_, c) => c > 0)
      )
    );
  const priced = a.indicators.filter((i) => i.gapSaving && i.gapSaving.amount > 0);
  if (priced.length > 0) {
    out.push("", "Estimated savings from reaching the top quartile (estimates, not plans):");
    for (const i of priced) {
      const g = i.gapSaving!;
      const [force, top, ...rest] = g.terms;
      out.push(
        `  ${i.name}: ${formatMoney(g.amount, "£")} = (${termText(force)} − ${termText(top)}) × ${rest.map(termText).join(" × ")}`,
        `    ${g.formula}`
      );
    }
  }
  out.push(
    "",
    a.national
      ? `Quartiles and top-quartile values use Excel's PERCENTILE.INC over every force with a figure that year, the force included with its own figure. ${a.national.attribution}`
      : "Quartiles and top-quartile values use Excel's PERCENTILE.INC over every force in the sheet."
  );
  if (findings.length > 0) {
    out.push("", `Findings (${findings.length}):`);
    for (const f of findings)
      out.push(`  ${f.severity.padEnd(7)} ${(findingPlace(f) ?? "").padEnd(12)} ${f.message}`);
  }
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------

export const peersCommand: Command = async (args: readonly string[], io: CliIo) => {
  const a = parseArgs(args);
  if (a.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (a.error || !a.file) {
    io.stderr(`vfm peers: ${a.error ?? "name the workbook to read."}\n${USAGE}`);
    return EXIT.unreadable;
  }
  let workbook: WorkbookGrid;
  let readFindings: readonly Finding[];
  try {
    const read = await readWorkbookFile(path.resolve(io.cwd, a.file));
    workbook = read.workbook;
    readFindings = read.findings;
  } catch (e) {
    io.stderr(`vfm peers: ${e instanceof UnreadableWorkbookError ? e.message : String(e)}\n`);
    return EXIT.unreadable;
  }
  const national = a.sheet ? undefined : await loadNationalTable();
  const context = await contextFromWorkbook(workbook, national);
  const result = benchmarkWorkbook(workbook, {
    force: a.force,
    sheet: a.sheet,
    context,
    ...(national ? { national } : {}),
    ...(a.group ? { group: a.group } : {}),
  });
  if ("noPeers" in result) {
    io.stderr(`vfm peers: ${a.file}: ${result.noPeers.replace(/\s+/g, " ")}\n`);
    return EXIT.unreadable;
  }
  // Reading problems that concern the peers sheet belong with its findings.
  const sheet = result.analysis.sheet;
  const onSheet = readFindings.filter((f) => (f.cell?.sheet ?? f.sheet) === sheet);
  const findings = sortFindings([...result.extraFindings, ...result.analysis.findings, ...onSheet]);
  if (a.json) {
    const json = peersToJson({ ...result.analysis, findings });
    io.stdout(JSON.stringify(json, null, 2) + "\n");
  } else io.stdout(readable(result, findings));
  return EXIT.ok;
};

export default peersCommand;
