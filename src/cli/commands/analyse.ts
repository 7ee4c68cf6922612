/**
 * `vfm analyse WORKBOOK.xlsx [--json] [--policy FILE]`: reads a force's workbook, detects its
 * figures, runs the analyses and prints a readable summary (or, with --json, the analysis as
 * documented in schema/analysis.schema.json).
 *
 * Exit codes: 0 when the workbook was analysed (findings or not); 2 when the workbook or the
 * policy file cannot be read, or the workbook holds no budget figures at all. The reason goes to
 * stderr on one line.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Analysis } from "../../core/analysis/types";
import { analysisToJson } from "../../core/analysis/json";
import { Finding, sortFindings } from "../../core/findings";
import { ForceData } from "../../core/forceData";
import { policyOverridesFromJson } from "../../core/policy";
import { runVfm } from "../../core/run";
import { analysisSummary } from "../analysisSummary";
import { Command, EXIT } from "../io";
import { UnreadableWorkbookError, readWorkbookFile } from "../readWorkbook";

export const ANALYSE_USAGE = `Usage: vfm analyse WORKBOOK.xlsx [--json] [--policy FILE]

Reads a police force's budget workbook and benchmarks it against the White Paper thresholds:
overtime (4% of paybill), business support (7% of the workforce), national procurement
frameworks, and the savings plan by the statement's nine areas.

  --json          print the analysis as JSON (see schema/analysis.schema.json)
  --policy FILE   a JSON file of policy settings, e.g. {"overtime.threshold": 0.04};
                  it is applied after the workbook's own Settings sheet
  --help          show this help

Exit code 0 when the workbook was analysed (with or without findings), 2 when it cannot be
read or holds no budget figures.
`;

interface Args {
  readonly file?: string;
  readonly json: boolean;
  readonly policy?: string;
  readonly help: boolean;
  readonly error?: string;
}

export function parseAnalyseArgs(args: readonly string[]): Args {
  let file: string | undefined;
  let json = false;
  let policy: string | undefined;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") json = true;
    else if (a === "--help" || a === "-h") help = true;
    else if (a === "--policy") {
      policy = args[++i];
      if (policy === undefined) return { json, help, error: "--policy needs a file name." };
    } else if (a.startsWith("--policy=")) policy = a.slice("--policy=".length);
    else if (a.startsWith("-")) return { json, help, error: `unknown option ${a}.` };
    else if (file === undefined) file = a;
    else return { json, help, error: `only one workbook at a time (got ${file} and ${a}).` };
  }
  return { file, json, policy, help };
}

/** True when detection found at least one budget amount. */
export function hasBudgetFigures(data: ForceData): boolean {
  return data.budget.lines.some((l) => l.amounts.size > 0);
}

/**
 * The analysis with the findings met while reading the file added (errors first, no repeats).
 * An error value the reader reported is left out where detection reported the same cell, since
 * detection's finding also names the line and year.
 */
export function withReadFindings(analysis: Analysis, read: readonly Finding[]): Analysis {
  const at = (f: Finding) => (f.cell ? `${f.cell.sheet}!${f.cell.address}` : undefined);
  const detectedErrors = new Set(analysis.findings.filter((f) => f.code === "ERROR_VALUE").map(at));
  const fromRead = read.filter(
    (f) => !(f.code === "CELL_ERROR_VALUE" && f.cell && detectedErrors.has(at(f)))
  );
  const seen = new Set<string>();
  const all = [...fromRead, ...analysis.findings].filter((f) => {
    const k = `${f.code}|${f.cell?.sheet ?? f.sheet ?? ""}!${f.cell?.address ?? ""}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { ...analysis, findings: sortFindings(all) };
}

export const analyse: Command = async (args, io) => {
  const p = parseAnalyseArgs(args);
  if (p.help) {
    io.stdout(ANALYSE_USAGE);
    return EXIT.ok;
  }
  if (p.error || !p.file) {
    io.stderr(
      `vfm analyse: ${p.error ?? "name the workbook to analyse."} Run vfm analyse --help.\n`
    );
    return EXIT.unreadable;
  }
  const file = path.resolve(io.cwd, p.file);

  let policyFile: { name: string; overrides: Readonly<Record<string, unknown>> } | undefined;
  if (p.policy !== undefined) {
    const policyPath = path.resolve(io.cwd, p.policy);
    let text: string;
    try {
      text = await fs.readFile(policyPath, "utf8");
    } catch (e) {
      const code = (e as { code?: string }).code;
      io.stderr(
        `vfm analyse: ${p.policy}: the policy file cannot be read (${code === "ENOENT" ? "no such file" : (code ?? "error")}).\n`
      );
      return EXIT.unreadable;
    }
    const parsed = policyOverridesFromJson(text, path.basename(policyPath));
    if (parsed.findings.length > 0) {
      io.stderr(`vfm analyse: ${parsed.findings[0].message}\n`);
      return EXIT.unreadable;
    }
    policyFile = { name: path.basename(policyPath), overrides: parsed.overrides };
  }

  let read: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    read = await readWorkbookFile(file);
  } catch (e) {
    const message =
      e instanceof UnreadableWorkbookError || e instanceof Error ? e.message : String(e);
    io.stderr(`vfm analyse: ${message.split("\n")[0]}\n`);
    return EXIT.unreadable;
  }

  const result = runVfm(read.workbook, policyFile ? { policyFile } : {});
  if (!hasBudgetFigures(result.data)) {
    io.stderr(
      `vfm analyse: ${p.file}: no budget figures were found (no sheet with amounts by financial year), so there is nothing to analyse.\n`
    );
    return EXIT.unreadable;
  }
  const analysis = withReadFindings(result.analysis, read.findings);
  if (p.json) io.stdout(JSON.stringify(analysisToJson(analysis), null, 2) + "\n");
  else io.stdout(analysisSummary(analysis));
  return EXIT.ok;
};
