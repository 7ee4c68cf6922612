/**
 * Peers (5.59): where the workbook holds peer figures, an indicator on which the force is in the
 * worst quarter of its most similar forces needs a planned action in the savings plan.
 *
 * The quarter is worked out within the most similar group (the force and its group members with
 * a value), by PERCENTILE.INC as the benchmarking does. Where the group has fewer than four
 * values to compare, the force's quartile among all forces in the sheet is used instead.
 *
 * A planned action is a non-zero planned saving in the savings-plan area the indicator measures
 * (overtime, support services, procurement, deployment); for net spending per head, a planned
 * saving in any area; for the user's own indicators, a savings line whose initiative or notes
 * name the indicator.
 */
import { SavingsArea } from "../forceData";
import { PeerIndicatorResult } from "../analysis/peersTypes";
import { percentileInc } from "../analysis/peersStats";
import { KnownIndicatorKey } from "../peersData";
import { savingsAreaLabel } from "../analysis/savings";
import { CheckContext, hit } from "./context";
import { RuleGroupResult, RuleHit } from "./types";
import { formatNumber, formatPercent, formatPoundsValue } from "../format";

/** The savings-plan area that acts on each known indicator; "any" for overall spending. */
const ACTION_AREA: Readonly<Record<KnownIndicatorKey, SavingsArea | "any">> = {
  overtimePctPaybill: "overtime",
  businessSupportPctWorkforce: "supportServices",
  frameworkProcurementPct: "procurement",
  officersPer1000: "deployment",
  nrePerHead: "any",
};

/** Fewer group values than this, and the all-force quartile is used. */
const MIN_GROUP_VALUES = 4;

/** Whether the force is in the worst quarter, and of what ("its most similar group" or "all forces"). */
export function bottomQuartile(
  ind: PeerIndicatorResult
): { readonly bottom: boolean; readonly among: string; readonly edge: number } | undefined {
  if (ind.value === null) return undefined;
  const group = ind.chart.bars.filter((b) => b.inGroup || b.isForce).map((b) => b.value);
  const lower = ind.direction === "lowerIsBetter";
  if (group.length >= MIN_GROUP_VALUES) {
    const edge = percentileInc(group, lower ? 0.75 : 0.25);
    if (Math.min(...group) === Math.max(...group))
      return { bottom: false, among: "its most similar group", edge };
    return {
      bottom: lower ? ind.value > edge : ind.value < edge,
      among: "its most similar group",
      edge,
    };
  }
  if (ind.quartile === null || !ind.percentiles) return undefined;
  return {
    bottom: ind.quartile === 4,
    among: "all forces in the sheet",
    edge: lower ? ind.percentiles.p75 : ind.percentiles.p25,
  };
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 5);

function hasAction(ctx: CheckContext, ind: PeerIndicatorResult): boolean {
  const lines = ctx.result.data.savingsPlan.lines;
  const planned = (l: (typeof lines)[number]) => (l.planned?.value ?? 0) !== 0;
  const area = ind.known ? ACTION_AREA[ind.known] : undefined;
  if (area === "any") return lines.some(planned);
  if (area) return lines.some((l) => l.area === area && planned(l));
  const names = words(ind.name);
  return lines.some((l) => {
    const text = `${l.initiative} ${l.notes ?? ""}`.toLowerCase();
    return planned(l) && names.some((w) => text.includes(w));
  });
}

function valueText(ind: PeerIndicatorResult, v: number): string {
  if (ind.isPercent) return formatPercent(v, 1, 0);
  return ind.unit === "£" ? formatPoundsValue(v, 2, 0) : formatNumber(v, 2, 0);
}

export function checkPeers(ctx: CheckContext): RuleGroupResult {
  const peers = ctx.result.peers;
  if (!peers)
    return {
      findings: [],
      notApplicable: [
        { rule: "PEER_BOTTOM_QUARTILE_ACTION", note: "The workbook has no peer figures." },
      ],
    };
  const findings: RuleHit[] = [];
  let assessed = 0;
  for (const ind of peers.indicators) {
    const q = bottomQuartile(ind);
    if (!q) continue;
    assessed++;
    if (!q.bottom || ind.value === null || hasAction(ctx, ind)) continue;
    const area = ind.known ? ACTION_AREA[ind.known] : undefined;
    const needed =
      area === "any"
        ? "the savings plan has no planned saving at all"
        : area
          ? `the savings plan has no planned saving for ${savingsAreaLabel(area)}`
          : "no savings line names it";
    findings.push(
      hit(
        "PEER_BOTTOM_QUARTILE_ACTION",
        `${ind.name}: the force's ${valueText(ind, ind.value)} is in the worst quarter of ${q.among} (${ind.direction === "lowerIsBetter" ? "above" : "below"} ${valueText(ind, q.edge)}), and ${needed}.`,
        ind.valueCell ?? ind.headerCell,
        "Plan an action for the indicator in the savings plan, or explain in the statement why none is needed."
      )
    );
  }
  return {
    findings,
    notApplicable:
      assessed === 0
        ? [
            {
              rule: "PEER_BOTTOM_QUARTILE_ACTION",
              note: "The peer figures give the force no value to place in a quarter.",
            },
          ]
        : [],
  };
}
