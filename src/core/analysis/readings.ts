/**
 * The readings the White Paper leaves open (policy settings with `whitePaperWords`), each with
 * the verdict every way of reading it gives on this workbook: an inspector sees which verdicts
 * turn on a reading, and what the other reading would say, beside the White Paper's own words.
 * The overtime and business-support readings are worked out again under each option; the
 * procurement reading from the opportunities already found (no second pass over the ledger).
 */
import { CellRef } from "../grid";
import { ForceData } from "../forceData";
import { countOf, listWords } from "../plainEnglish";
import {
  POLICY_SETTINGS,
  Policy,
  PolicySettingDescriptor,
  applyOverrides,
  policyValue,
} from "../policy";
import { financialYearEnd } from "../dates";
import {
  formatDate,
  formatFte,
  formatPercent,
  formatPolicyPercent,
  formatPounds,
  formatYear,
} from "../format";
import { analyseBusinessSupport } from "./businessSupport";
import { analyseOvertime } from "./overtime";
import { analysisYears, policingPlanYear } from "./planYear";
import { migrationRag } from "./procurement";
import { BusinessSupportAnalysis, OvertimeAnalysis, ProcurementAnalysis, RagStatus } from "./types";

export interface ReadingOption {
  readonly value: string;
  readonly label: string;
  /** The option the analysis used. */
  readonly inUse: boolean;
  /** What the test gives on this workbook under this reading, in words. */
  readonly verdict: string;
  /** The test's status under this reading. */
  readonly status: RagStatus;
  /** The cells the verdict's figures come from. */
  readonly sources: readonly CellRef[];
}

export interface ReadingVerdict {
  readonly key: string;
  readonly label: string;
  /** The White Paper's words the setting reads, with their paragraph. */
  readonly whitePaperWords: string;
  readonly paragraph: string;
  readonly options: readonly ReadingOption[];
  /** The options give different verdicts on this workbook: the verdict turns on the reading. */
  readonly turnsOnIt: boolean;
}

/** The settings that are readings of the White Paper's words with a choice of options. */
export const READING_SETTINGS: readonly PolicySettingDescriptor[] = POLICY_SETTINGS.filter(
  (d) => d.whitePaperWords !== undefined && d.kind === "enum"
);

function withValue(policy: Policy, key: string, value: string): Policy {
  return applyOverrides(policy, { [key]: value }).policy;
}

const status = (r: RagStatus) => (r.rag === "none" ? "no status" : r.words);

function overtimeVerdict(o: OvertimeAnalysis): string {
  const known = o.byYear.filter((y) => y.ratio !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return "no overtime ratio can be worked out; no status";
  const pct = (r: number) => formatPercent(r, 2);
  const ratios =
    first === last
      ? `${pct(first.ratio!.value)} in ${formatYear(first.year)}`
      : `${pct(first.ratio!.value)} in ${formatYear(first.year)} and ${pct(last.ratio!.value)} in ${formatYear(last.year)}`;
  const missed =
    o.yearsMissed.length > 0
      ? `${countOf(o.yearsMissed.length, "year")} above the required maximum (${listWords(o.yearsMissed.map(formatYear))})`
      : "every year within its required maximum";
  return `${ratios}; ${missed}; ${status(o.rag)}`;
}

function overtimeSources(o: OvertimeAnalysis): CellRef[] {
  return o.byYear.flatMap((y) => (y.ratio ? [...y.ratio.sources] : []));
}

function supportVerdict(b: BusinessSupportAnalysis): string {
  if (b.assessedYear === null || !b.excessFte)
    return `no share can be worked out; ${status(b.rag)}`;
  const year = formatYear(b.assessedYear);
  if (b.excessFte.value === 0)
    return `below ${formatPolicyPercent(b.threshold)} in ${year}, no excess; ${status(b.rag)}`;
  const cost = b.cashableSaving
    ? `, ${formatPounds(b.cashableSaving.value)} a year at ${formatPounds(b.averageCost?.value ?? 0)} per FTE`
    : "";
  return `${formatFte(b.excessFte.value)} FTE to remove in ${year} to get below ${formatPolicyPercent(b.threshold)}${cost}; ${status(b.rag)}`;
}

function procurementOption(
  data: ForceData,
  policy: Policy,
  p: ProcurementAnalysis,
  value: string
): { verdict: string; status: RagStatus; sources: CellRef[] } {
  const dueBy =
    value === "approachInPlace"
      ? financialYearEnd(policingPlanYear(data, policy, analysisYears(data, policy)))
      : null;
  // Counted, not copied: a ledger may hold 100,000 lines or more.
  let late = 0;
  let unreadable = 0;
  let unplanned = 0;
  let dueCount = 0;
  const due: CellRef[] = [];
  for (const o of p.opportunities) {
    if (o.migration === "late") late++;
    else if (o.migration === "dateUnreadable") unreadable++;
    if (o.plannedMigration !== null || o.migration === "dateUnreadable") continue;
    unplanned++;
    if (dueBy === null || o.frameworkDate <= dueBy) {
      dueCount++;
      due.push(o.cell);
    }
  }
  const later = unplanned - dueCount;
  const r = migrationRag(
    { lines: p.opportunities.length, late, notPlanned: dueCount, dateUnreadable: unreadable },
    p.addressableSpend.value
  );
  const head =
    unplanned === 0
      ? "every line not yet on a national approach has a planned move"
      : `${countOf(dueCount, "line")} not yet on a national approach ${dueCount === 1 ? "needs" : "need"} a planned move now and ${dueCount === 1 ? "has" : "have"} none`;
  const tail =
    later > 0 && dueBy !== null
      ? `; ${countOf(later, "more", "more")}, whose approach arrives after ${formatDate(dueBy)}, to plan later`
      : "";
  return { verdict: `${head}${tail}; ${status(r)}`, status: r, sources: due };
}

/**
 * Every reading with the verdict each of its options gives. `current` holds the analyses already
 * made under `policy` (so the option in use is not worked out twice).
 */
export function readingVerdicts(
  data: ForceData,
  policy: Policy,
  current: {
    readonly overtime: OvertimeAnalysis;
    readonly businessSupport: BusinessSupportAnalysis;
    readonly procurement: ProcurementAnalysis;
  }
): ReadingVerdict[] {
  return READING_SETTINGS.map((d) => {
    const inUse = String(policyValue(policy, d.key));
    const options: ReadingOption[] = (d.options ?? []).map((opt) => {
      const used = opt.value === inUse;
      const p = used ? policy : withValue(policy, d.key, opt.value);
      let out: { verdict: string; status: RagStatus; sources: readonly CellRef[] };
      if (d.group === "overtime") {
        const o = used ? current.overtime : analyseOvertime(data, p);
        out = { verdict: overtimeVerdict(o), status: o.rag, sources: overtimeSources(o) };
      } else if (d.group === "businessSupport") {
        const b = used ? current.businessSupport : analyseBusinessSupport(data, p);
        out = { verdict: supportVerdict(b), status: b.rag, sources: b.excessFte?.sources ?? [] };
      } else {
        out = procurementOption(data, policy, current.procurement, opt.value);
      }
      return { value: opt.value, label: opt.label, inUse: used, ...out };
    });
    const verdicts = new Set(options.map((o) => o.verdict));
    return {
      key: d.key,
      label: d.label,
      whitePaperWords: d.whitePaperWords ?? "",
      paragraph: d.paragraph,
      options,
      turnsOnIt: verdicts.size > 1,
    };
  });
}
