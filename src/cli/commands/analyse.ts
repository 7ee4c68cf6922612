/**
 * `vfm analyse WORKBOOK.xlsx [--json] [--policy FILE]`: reads a force's workbook, detects its
 * figures, runs the analyses and prints a readable summary (or, with --json, the analysis as
 * documented in schema/analysis.schema.json).
 *
 * Exit codes: 0 when the workbook was analysed (findings or not); 2 when the workbook or the
 * policy file cannot be read, or the workbook holds no budget figures at all. The reason goes to
 * stderr on one line.
 */
import { analysisToJson } from "../../core";
import { analysisSummary } from "../analysisSummary";
import { Command, EXIT } from "../io";
import { loadAndAnalyse } from "../pipeline";

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
  const loaded = await loadAndAnalyse(p.file, io.cwd, p.policy ? { policy: p.policy } : {});
  if (!loaded.ok) {
    io.stderr(`vfm analyse: ${loaded.message}\n`);
    return EXIT.unreadable;
  }
  const { analysis } = loaded.loaded;
  if (p.json) io.stdout(JSON.stringify(analysisToJson(analysis), null, 2) + "\n");
  else io.stdout(analysisSummary(analysis));
  return EXIT.ok;
};
