/**
 * `vfm model WORKBOOK [--overtime-cut RATE | --overtime-reach YEAR] [--support-remove FTE@YEAR,...
 * | --support-reach YEAR] [--support-share RATE] [--pay-growth RATE] [--from YEAR]
 * [--scenario NAME] [--policy FILE] [--json]`: models a savings scenario over the workbook's own
 * figures and prints it (or, with --json, the scenario as in schema/model.schema.json).
 *
 * Exit codes: 0 when the scenario was modelled (a lever out of range is a finding, not a failure);
 * 2 when the workbook or policy file cannot be read, the workbook has no budget figures, or an
 * option cannot be read. The reason goes to stderr on one line.
 */
import { Command, EXIT } from "../io";
import { loadAndAnalyse, storedSettings } from "../pipeline";
import { modelSummary } from "../modelSummary";
import {
  readCut,
  readRate,
  readRemovals,
  readYear,
  runScenario,
  Scenario,
  ScenarioLevers,
  scenarioToJson,
  storedScenarios,
} from "../../core";

export const MODEL_USAGE = `Usage: vfm model WORKBOOK [options]

Models a savings scenario over the workbook's own figures: what yearly overtime cut reaches 4%
of paybill by a year, how many business-support posts must go to get below 7% of the workforce,
what moving contracts to the national frameworks saves. The workbook is only read.

Overtime (one of):
  --overtime-cut RATE        a yearly cut, as a rate (7.5%) or in pounds (£250,000)
  --overtime-reach YEAR      the smallest yearly cut that reaches the threshold by YEAR (2012/13)
Business support (one of):
  --support-remove FTE@YEAR,...  posts removed by year, e.g. 5@2010/11,7.5@2012/13
  --support-reach YEAR       the fewest posts to remove to get below the share by YEAR
  --support-share RATE       the share for --support-reach (default: the 7% threshold)
Other:
  --pay-growth RATE          pay growth a year where the workbook has no pay figure
                             (default: the overtime.payGrowth setting, 2.5%)
  --from YEAR                the last year that keeps the workbook's figures (default: the
                             latest year marked actual, else the baseline)
  --scenario NAME            run a scenario kept in the workbook by the task pane
  --policy FILE              a JSON file of policy settings (as vfm analyse)
  --json                     print the scenario as JSON (see schema/model.schema.json)
  --help                     show this help

With no overtime or business-support option, the scenario asks for the threshold in the target
year: the smallest overtime cut reaching 4% and the fewest posts getting below 7%.

Exit code 0 when the scenario was modelled (levers out of range are reported as findings), 2
when the workbook cannot be read, holds no budget figures, or an option cannot be read.
`;

interface Args {
  file?: string;
  json: boolean;
  help: boolean;
  policy?: string;
  scenario?: string;
  levers: { -readonly [K in keyof ScenarioLevers]: ScenarioLevers[K] };
  supportShare?: number;
  error?: string;
}

const VALUE_OPTIONS = [
  "--overtime-cut",
  "--overtime-reach",
  "--support-remove",
  "--support-reach",
  "--support-share",
  "--pay-growth",
  "--from",
  "--scenario",
  "--policy",
] as const;

export function parseModelArgs(args: readonly string[]): Args {
  const out: Args = { json: false, help: false, levers: {} };
  const fail = (error: string): Args => ({ ...out, error });
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    const eq = a.indexOf("=");
    if (a.startsWith("--") && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (a === "--json") out.json = true;
    else if (a === "--help" || a === "-h") out.help = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(a)) {
      value ??= args[++i];
      if (value === undefined) return fail(`${a} needs a value.`);
      const why = (r: { ok: false; why: string }) => fail(`${a} ${value}: ${r.why}.`);
      switch (a) {
        case "--overtime-cut": {
          if (out.levers.overtime) return fail("give one of --overtime-cut and --overtime-reach.");
          const r = readCut(value);
          if (!r.ok) return why(r);
          out.levers.overtime = r.value;
          break;
        }
        case "--overtime-reach": {
          if (out.levers.overtime) return fail("give one of --overtime-cut and --overtime-reach.");
          const r = readYear(value);
          if (!r.ok) return why(r);
          out.levers.overtime = { kind: "reach", year: r.value };
          break;
        }
        case "--support-remove": {
          if (out.levers.businessSupport)
            return fail("give one of --support-remove and --support-reach.");
          const r = readRemovals(value);
          if (!r.ok) return why(r);
          out.levers.businessSupport = { kind: "remove", removals: r.value };
          break;
        }
        case "--support-reach": {
          if (out.levers.businessSupport)
            return fail("give one of --support-remove and --support-reach.");
          const r = readYear(value);
          if (!r.ok) return why(r);
          out.levers.businessSupport = { kind: "reach", year: r.value };
          break;
        }
        case "--support-share": {
          const r = readRate(value);
          if (!r.ok) return why(r);
          out.supportShare = r.value;
          break;
        }
        case "--pay-growth": {
          const r = readRate(value);
          if (!r.ok) return why(r);
          out.levers.payGrowth = r.value;
          break;
        }
        case "--from": {
          const r = readYear(value);
          if (!r.ok) return why(r);
          out.levers.from = r.value;
          break;
        }
        case "--scenario":
          out.scenario = value;
          break;
        case "--policy":
          out.policy = value;
          break;
      }
    } else if (a.startsWith("-")) return fail(`unknown option ${a}.`);
    else if (out.file === undefined) out.file = a;
    else return fail(`only one workbook at a time (got ${out.file} and ${a}).`);
  }
  if (out.supportShare !== undefined) {
    if (out.levers.businessSupport?.kind !== "reach")
      return fail("--support-share goes with --support-reach.");
    out.levers.businessSupport = { ...out.levers.businessSupport, share: out.supportShare };
  }
  return out;
}

export const model: Command = async (args, io) => {
  const p = parseModelArgs(args);
  if (p.help) {
    io.stdout(MODEL_USAGE);
    return EXIT.ok;
  }
  if (p.error || !p.file) {
    io.stderr(`vfm model: ${p.error ?? "name the workbook to model."} Run vfm model --help.\n`);
    return EXIT.unreadable;
  }
  const loaded = await loadAndAnalyse(p.file, io.cwd, p.policy ? { policy: p.policy } : {});
  if (!loaded.ok) {
    io.stderr(`vfm model: ${loaded.message}\n`);
    return EXIT.unreadable;
  }
  const { result, analysis, workbook } = loaded.loaded;
  let scenario: Scenario;
  if (p.scenario !== undefined) {
    const kept = storedScenarios(storedSettings(workbook));
    const found = [...kept.scenarios, ...(kept.targets ? [kept.targets] : [])].find(
      (s) => s.name === p.scenario
    );
    if (!found) {
      const names = kept.scenarios.map((s) => `"${s.name}"`).join(", ");
      io.stderr(
        `vfm model: the workbook keeps no scenario called "${p.scenario}"${names ? ` (it keeps ${names})` : " (it keeps none)"}.\n`
      );
      return EXIT.unreadable;
    }
    scenario = { name: found.name, levers: { ...found.levers, ...p.levers } };
  } else {
    const target = analysis.policy.years.target;
    scenario = {
      name: "command line",
      levers: {
        overtime: p.levers.overtime ?? { kind: "reach", year: target },
        businessSupport: p.levers.businessSupport ?? { kind: "reach", year: target },
        ...p.levers,
      },
    };
  }
  const r = runScenario(result.data, analysis, scenario);
  if (p.json) io.stdout(JSON.stringify(scenarioToJson(r, analysis.force.value), null, 2) + "\n");
  else io.stdout(modelSummary(r, analysis.force.value, analysis.unit ?? "£"));
  return EXIT.ok;
};
