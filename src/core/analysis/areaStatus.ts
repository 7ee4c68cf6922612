/**
 * One status per savings area (White Paper 5.53), worked out here once and shown the same in the
 * pane, the statement, the findings sheet and the command line. Each area is measured against its
 * savings plan; overtime (5.9-5.10), support services (5.46-5.51) and procurement (5.31-5.40) are
 * also measured against the White Paper's own test for them, and there the area takes the weaker
 * of the two, with both shown wherever the status is.
 */
import { SavingsArea } from "../forceData";
import { formatPolicyPercent } from "../format";
import { Analysis, RAG_WORDS, Rag, RagStatus } from "./types";

export interface AreaTest {
  /** "Savings plan", "Overtime against the 4% path", ... */
  readonly label: string;
  readonly status: RagStatus;
}

export interface AreaStatus {
  readonly area: SavingsArea;
  readonly rag: Rag;
  /** "on track" | "at risk" | "off track" | "not assessed". */
  readonly words: string;
  /** The tests the status rests on: the savings plan's, then the White Paper's where there is one. */
  readonly tests: readonly AreaTest[];
  /** "The weaker of two tests: ..." or the one test's rule, in plain English. */
  readonly rule: string;
}

/** Worst first: an area is as weak as its weakest test; "none" only when nothing was assessed. */
const WEIGHT: Readonly<Record<Rag, number>> = { none: 0, green: 1, amber: 2, red: 3 };

export function weakerRag(rags: readonly Rag[]): Rag {
  return rags.reduce<Rag>((w, r) => (WEIGHT[r] > WEIGHT[w] ? r : w), "none");
}

const NO_PLAN: RagStatus = {
  rag: "none",
  words: RAG_WORDS.none,
  rule: "the savings plan has no lines for this area",
  paragraph: "5.53",
};

/** The White Paper's own test for the area, where it has one, named by the policy in force. */
function evidenceTest(a: Analysis, area: SavingsArea): AreaTest | undefined {
  if (area === "overtime")
    return {
      label: `Overtime against the ${formatPolicyPercent(a.policy.overtime.threshold)} path`,
      status: a.overtime.rag,
    };
  if (area === "supportServices")
    return {
      label: `Business support against ${formatPolicyPercent(a.policy.businessSupport.threshold)} of the workforce`,
      status: a.businessSupport.rag,
    };
  if (area === "procurement")
    return { label: "Adoption of national frameworks", status: a.procurement.rag };
  return undefined;
}

function testText(t: AreaTest): string {
  const paragraph = t.status.paragraph ? ` (White Paper ${t.status.paragraph})` : "";
  return `${t.label}: ${t.status.words}, ${t.status.rule.replace(/\.$/, "")}${paragraph}.`;
}

export function areaStatus(analysis: Analysis, area: SavingsArea): AreaStatus {
  const plan: AreaTest = {
    label: "Savings plan",
    status: analysis.savings.byArea.find((s) => s.area === area)?.rag ?? NO_PLAN,
  };
  const evidence = evidenceTest(analysis, area);
  const tests = evidence ? [plan, evidence] : [plan];
  // A test whose figure awaits the user's confirmation could turn the area either way, so the
  // area has no status until it is confirmed (never a confident status on an unresolved figure).
  const awaiting = tests.find((t) => t.status.unconfirmed);
  const rag = awaiting ? "none" : weakerRag(tests.map((t) => t.status.rag));
  return {
    area,
    rag,
    words: RAG_WORDS[rag],
    tests,
    rule: awaiting
      ? `Not assessed until the figures are confirmed. ${tests.map(testText).join(" ")}`
      : evidence
        ? `The weaker of two tests. ${tests.map(testText).join(" ")}`
        : testText(plan),
  };
}
