/**
 * Scenarios kept in the workbook, in the add-in's own settings (never the user's sheets), so they
 * come back next time: up to three named scenarios under SCENARIO_SETTINGS_KEY, and the one the
 * force chose as its targets ("Use as our targets") under TARGETS_SETTINGS_KEY, copied so that
 * editing or deleting the scenario later leaves the targets as they were adopted.
 *
 * Stored levers are plain JSON (years as numbers, money in pence); reading them back never
 * throws: anything unreadable is left out and said so.
 */
import { Finding, finding } from "../findings";
import { JsonValue, StoredSettings } from "../gateway";
import { FRAMEWORK_CATEGORIES, FrameworkCategory } from "../policy";
import {
  ContractMove,
  OvertimeLever,
  Scenario,
  ScenarioLevers,
  ScenarioResult,
  SupportLever,
} from "./types";

export const SCENARIO_SETTINGS_KEY = "scenarios";
export const TARGETS_SETTINGS_KEY = "targets";
export const MAX_SCENARIOS = 3;

type JsonObject = { readonly [k: string]: JsonValue };

const obj = (v: JsonValue | undefined): JsonObject | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : undefined;
const num = (v: JsonValue | undefined): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;

export function leversToStored(l: ScenarioLevers): JsonObject {
  const o: { [k: string]: JsonValue } = {};
  if (l.overtime) o.overtime = { ...l.overtime };
  if (l.businessSupport)
    o.businessSupport =
      l.businessSupport.kind === "remove"
        ? {
            kind: "remove",
            removals: l.businessSupport.removals.map((r) => ({ year: r.year, fte: r.fte })),
          }
        : {
            kind: "reach",
            year: l.businessSupport.year,
            ...(l.businessSupport.share !== undefined ? { share: l.businessSupport.share } : {}),
          };
  if (l.procurement) {
    const p: { [k: string]: JsonValue } = {};
    if (l.procurement.moves)
      p.moves = l.procurement.moves.map((m) => ({ cell: m.cell, date: m.date }));
    if (l.procurement.rates) {
      const rates: { [k: string]: JsonValue } = {};
      for (const [k, v] of Object.entries(l.procurement.rates)) if (v !== undefined) rates[k] = v;
      p.rates = rates;
    }
    o.procurement = p;
  }
  if (l.payGrowth !== undefined) o.payGrowth = l.payGrowth;
  if (l.from !== undefined) o.from = l.from;
  return o;
}

function overtimeOf(v: JsonValue | undefined): OvertimeLever | undefined {
  const o = obj(v);
  if (!o) return undefined;
  if (o.kind === "rate" && num(o.rate) !== undefined) return { kind: "rate", rate: num(o.rate)! };
  if (o.kind === "amount" && num(o.amount) !== undefined)
    return { kind: "amount", amount: num(o.amount)! };
  if (o.kind === "reach" && num(o.year) !== undefined) return { kind: "reach", year: num(o.year)! };
  return undefined;
}

function supportOf(v: JsonValue | undefined): SupportLever | undefined {
  const o = obj(v);
  if (!o) return undefined;
  if (o.kind === "remove" && Array.isArray(o.removals)) {
    const removals = (o.removals as readonly JsonValue[])
      .map(obj)
      .filter((r): r is JsonObject => !!r && num(r.year) !== undefined && num(r.fte) !== undefined)
      .map((r) => ({ year: num(r.year)!, fte: num(r.fte)! }));
    return { kind: "remove", removals };
  }
  if (o.kind === "reach" && num(o.year) !== undefined)
    return num(o.share) !== undefined
      ? { kind: "reach", year: num(o.year)!, share: num(o.share)! }
      : { kind: "reach", year: num(o.year)! };
  return undefined;
}

export function leversFromStored(v: JsonValue | undefined): ScenarioLevers | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const out: { -readonly [K in keyof ScenarioLevers]: ScenarioLevers[K] } = {};
  const ot = overtimeOf(o.overtime);
  if (ot) out.overtime = ot;
  const bs = supportOf(o.businessSupport);
  if (bs) out.businessSupport = bs;
  const p = obj(o.procurement);
  if (p) {
    const moves: ContractMove[] = Array.isArray(p.moves)
      ? (p.moves as readonly JsonValue[])
          .map(obj)
          .filter(
            (m): m is JsonObject =>
              !!m && typeof m.cell === "string" && (m.date === null || typeof m.date === "string")
          )
          .map((m) => ({ cell: m.cell as string, date: m.date as string | null }))
      : [];
    const rates: Partial<Record<FrameworkCategory, number>> = {};
    for (const [k, r] of Object.entries(obj(p.rates) ?? {}))
      if ((FRAMEWORK_CATEGORIES as readonly string[]).includes(k) && num(r) !== undefined)
        rates[k as FrameworkCategory] = num(r)!;
    out.procurement = { moves, rates };
  }
  if (num(o.payGrowth) !== undefined) out.payGrowth = num(o.payGrowth)!;
  if (num(o.from) !== undefined) out.from = num(o.from)!;
  return out;
}

function scenarioOf(v: JsonValue | undefined): Scenario | undefined {
  const o = obj(v);
  if (!o || typeof o.name !== "string" || !o.name.trim()) return undefined;
  const levers = leversFromStored(o.levers);
  return levers ? { name: o.name.trim(), levers } : undefined;
}

export interface StoredScenarios {
  readonly scenarios: readonly Scenario[];
  readonly targets?: Scenario;
  readonly findings: readonly Finding[];
}

/** The scenarios and targets kept in the add-in's settings. */
export function storedScenarios(settings: StoredSettings | undefined): StoredScenarios {
  const findings: Finding[] = [];
  const list = settings?.[SCENARIO_SETTINGS_KEY];
  const scenarios: Scenario[] = [];
  if (Array.isArray(list))
    for (const item of list as readonly JsonValue[]) {
      const s = scenarioOf(item);
      if (!s) {
        findings.push(
          finding(
            "warning",
            "SCENARIO_STORED_UNREADABLE",
            "A scenario kept in the workbook's add-in settings could not be read and was left out."
          )
        );
        continue;
      }
      if (scenarios.length < MAX_SCENARIOS && !scenarios.some((x) => x.name === s.name))
        scenarios.push(s);
    }
  const t = settings?.[TARGETS_SETTINGS_KEY];
  const targets = t === undefined ? undefined : scenarioOf(t);
  if (t !== undefined && !targets)
    findings.push(
      finding(
        "warning",
        "TARGETS_STORED_UNREADABLE",
        "The targets kept in the workbook's add-in settings could not be read, so no targets are set."
      )
    );
  return targets ? { scenarios, targets, findings } : { scenarios, findings };
}

const storedScenario = (s: Scenario): JsonObject => ({
  name: s.name,
  levers: leversToStored(s.levers),
});

/**
 * Settings with the scenario kept (replacing one of the same name), or the reason it cannot be:
 * three are kept already, or it has no name.
 */
export function withScenario(
  settings: StoredSettings,
  scenario: Scenario
):
  | { readonly ok: true; readonly settings: StoredSettings }
  | { readonly ok: false; readonly why: string } {
  const name = scenario.name.trim();
  if (!name) return { ok: false, why: "Give the scenario a name." };
  const { scenarios } = storedScenarios(settings);
  const others = scenarios.filter((s) => s.name !== name);
  if (others.length === scenarios.length && scenarios.length >= MAX_SCENARIOS)
    return {
      ok: false,
      why: `Up to ${MAX_SCENARIOS} scenarios are kept; delete one (${scenarios.map((s) => s.name).join(", ")}) first.`,
    };
  const at = scenarios.findIndex((s) => s.name === name);
  const next = [...scenarios];
  if (at >= 0) next[at] = { name, levers: scenario.levers };
  else next.push({ name, levers: scenario.levers });
  return { ok: true, settings: { ...settings, [SCENARIO_SETTINGS_KEY]: next.map(storedScenario) } };
}

export function withoutScenario(settings: StoredSettings, name: string): StoredSettings {
  const rest = storedScenarios(settings).scenarios.filter((s) => s.name !== name);
  const next: { [k: string]: JsonValue } = { ...settings };
  if (rest.length === 0) delete next[SCENARIO_SETTINGS_KEY];
  else next[SCENARIO_SETTINGS_KEY] = rest.map(storedScenario);
  return next;
}

/** Settings with the force's targets set to a copy of the scenario, or cleared (undefined). */
export function withTargets(
  settings: StoredSettings,
  scenario: Scenario | undefined
): StoredSettings {
  const next: { [k: string]: JsonValue } = { ...settings };
  if (!scenario) delete next[TARGETS_SETTINGS_KEY];
  else next[TARGETS_SETTINGS_KEY] = storedScenario(scenario);
  return next;
}

/**
 * The levers a modelled scenario comes to, pinned so the targets stay as adopted when the
 * workbook's later actuals arrive: the start year, the yearly cut (solved or given), the posts
 * removed by year, every contract's move date and the pay growth.
 */
export function pinnedLevers(r: ScenarioResult): ScenarioLevers {
  const out: { -readonly [K in keyof ScenarioLevers]: ScenarioLevers[K] } = {};
  const from = r.overtime?.from ?? r.levers.from;
  if (from !== undefined) out.from = from;
  if (r.overtime) {
    out.overtime =
      r.overtime.yearlyCutAmount !== null
        ? { kind: "amount", amount: r.overtime.yearlyCutAmount }
        : { kind: "rate", rate: r.overtime.yearlyCut ?? 0 };
    out.payGrowth = r.overtime.payGrowth;
  } else if (r.levers.payGrowth !== undefined) out.payGrowth = r.levers.payGrowth;
  if (r.businessSupport)
    out.businessSupport = {
      kind: "remove",
      removals: r.businessSupport.removeFte.map((x) => ({ ...x })),
    };
  if (r.procurement)
    out.procurement = {
      moves: r.procurement.moves.map((m) => ({ cell: m.cell, date: m.moveDate })),
      ...(r.levers.procurement?.rates ? { rates: r.levers.procurement.rates } : {}),
    };
  return out;
}
