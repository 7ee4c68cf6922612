/**
 * The Benchmarks step's cards, as data: for overtime (White Paper 5.9-5.10), business support
 * (5.46-5.51) and procurement (5.31-5.40), the force's figure with its cells, the threshold,
 * where the force stands, and the RAG in words. Everything is read from the analysis and written
 * with the statement's own formatting helpers, so the card says exactly what the statement says.
 */
import {
  Analysis,
  CellRef,
  DisplayFigure,
  formatDate,
  formatPounds,
  formatRef,
  formatPolicyPercent,
  formatYear,
  isUnconfirmed,
  listYears,
  missingFigure,
  percentFigure,
  procurementCategoryLabel,
  ProcurementOpportunity,
  RAG_LABELS,
  RagState,
  ragState,
  RagStatus,
  thereAre,
  unconfirmedMark,
  unconfirmedSentence,
  withParagraph,
} from "../../core";

export interface RagView {
  readonly state: RagState;
  /** "On track", "At risk", "Off track", "Not assessed". */
  readonly words: string;
  /** The rule that set it, with its White Paper paragraph. */
  readonly rule: string;
}

export interface BenchmarkCard {
  readonly id: "overtime" | "support" | "procurement";
  readonly title: string;
  /** What the figure measures, with its year where it has one. */
  readonly figureLabel: string;
  readonly figure: DisplayFigure;
  /** What the White Paper expects, in words, with the paragraph. */
  readonly threshold: string;
  /** Where the force stands against it, in words. */
  readonly position: string;
  readonly rag: RagView;
  /** Further points in plain sentences. */
  readonly notes: readonly string[];
}

export function ragView(r: RagStatus): RagView {
  const state = ragState(r);
  return { state, words: RAG_LABELS[state], rule: withParagraph(r.rule, r.paragraph) };
}

export function overtimeCard(a: Analysis): BenchmarkCard {
  const o = a.overtime;
  const t = formatPolicyPercent(o.threshold);
  const latest = [...o.byYear].reverse().find((y) => y.ratio !== null);
  const notes: string[] = [];
  // A ratio resting on budget lines not yet settled is marked so beside the figure, and has no
  // position until the user confirms them (the lines are listed under the card).
  const unsure = o.byYear.filter((y) => y.ratio !== null && y.confidence === "unconfirmed");
  const unconfirmed = latest !== undefined && latest.confidence === "unconfirmed";
  if (unsure.length > 0)
    notes.unshift(
      `The ratio for ${listYears(unsure.map((y) => y.year))} is unconfirmed: it rests on budget lines the add-in could not settle (${[...new Set(unsure.flatMap((y) => y.doubts.map((d) => formatRef(d.cell))))].join(", ")}), so no year is given a position against ${t} until they are confirmed.`
    );
  if (o.yearsMissed.length > 0)
    notes.push(`Years above the most overtime allowed: ${listYears(o.yearsMissed)}.`);
  if (latest && latest.status === "above" && unsure.length === 0) {
    if (o.yearThresholdReached !== null)
      notes.push(`The plan reaches ${t} in ${formatYear(o.yearThresholdReached)}.`);
    else if (o.projectedYearThresholdReached !== null)
      notes.push(
        `Cutting by the required amount each year would reach ${t} in ${formatYear(o.projectedYearThresholdReached)}.`
      );
    else
      notes.push(`On the required cuts alone, ${t} is not reached by ${formatYear(o.targetYear)}.`);
  }
  return {
    id: "overtime",
    title: "Overtime",
    figureLabel: latest
      ? `Overtime as a share of paybill, ${formatYear(latest.year)}${unconfirmed ? ", unconfirmed" : ""}`
      : "Overtime as a share of paybill",
    figure:
      latest && latest.ratio
        ? percentFigure(latest.ratio.value, latest.ratio.sources, latest.ratio.formula)
        : missingFigure("percent"),
    threshold: `At most ${t} of paybill (White Paper 5.9-5.10)`,
    position: !latest
      ? "Not measured"
      : unconfirmed
        ? `Not given: the ratio is unconfirmed (${formatPounds(latest.doubtfulAmount.value)} on budget lines not yet settled)`
        : latest.status === "above"
          ? `Above ${t}`
          : latest.status === "atOrBelow"
            ? `At or below ${t}`
            : "Not measured",
    rag: ragView(o.rag),
    notes,
  };
}

export function supportCard(a: Analysis): BenchmarkCard {
  const b = a.businessSupport;
  const t = formatPolicyPercent(b.threshold);
  const assessed = b.byYear.find((y) => y.year === b.assessedYear && y.ratio !== null);
  const notes: string[] = [];
  if (assessed && !b.assessedYearIsTarget)
    notes.push(
      `${formatYear(assessed.year)} is the latest year given; the target year is ${formatYear(b.targetYear)}.`
    );
  // A share resting on lines not yet classified or placed is marked so beside the figure, and
  // has no position until the user confirms them (the lines are listed under the card).
  const unconfirmed = assessed !== undefined && isUnconfirmed(assessed);
  if (unconfirmed) notes.unshift(unconfirmedSentence(assessed));
  return {
    id: "support",
    title: "Business support",
    figureLabel: assessed
      ? `Business support as a share of the workforce, ${formatYear(assessed.year)}${unconfirmed ? ", unconfirmed" : ""}`
      : "Business support as a share of the workforce",
    figure:
      assessed && assessed.ratio
        ? percentFigure(assessed.ratio.value, assessed.ratio.sources, assessed.ratio.formula)
        : missingFigure("percent"),
    threshold: `Below ${t} of the workforce by ${formatYear(b.targetYear)}, IT staff left out (White Paper 5.46-5.51)`,
    position: !assessed
      ? "Not measured"
      : unconfirmed
        ? `Not given: the share is ${unconfirmedMark(assessed)}`
        : assessed.status === "above"
          ? `Not yet below ${t}`
          : `Below ${t}`,
    rag: ragView(b.rag),
    notes,
  };
}

export function procurementCard(a: Analysis): BenchmarkCard {
  const p = a.procurement;
  const late = p.opportunities.filter((o) => o.plannedMigrationLate === true).length;
  const unplanned = p.opportunities.filter((o) => o.plannedMigration === null).length;
  const notes: string[] = [];
  if (late > 0) notes.push(`${thereAre(late, "planned move")} later than the date due.`);
  if (unplanned > 0) notes.push(`${thereAre(unplanned, "contract")} with no planned move date.`);
  return {
    id: "procurement",
    title: "Procurement through national frameworks",
    figureLabel: "Share of spend in national-approach categories on national frameworks",
    figure:
      p.onFrameworkShare === null
        ? missingFigure("percent", "no spend in those categories")
        : percentFigure(
            p.onFrameworkShare,
            [...p.onFrameworkSpend.sources, ...p.addressableSpend.sources],
            "spend on national frameworks / spend in national-approach categories"
          ),
    threshold:
      "Each national framework adopted as it comes in, each contract moved by its due date (White Paper 5.31-5.40)",
    position:
      p.opportunities.length === 0
        ? "Nothing left to move"
        : `${p.opportunities.length} contract${p.opportunities.length === 1 ? "" : "s"} still to move`,
    rag: ragView(p.rag),
    notes,
  };
}

export function benchmarkCards(a: Analysis): BenchmarkCard[] {
  return [overtimeCard(a), supportCard(a), procurementCard(a)];
}

/** One contract on the migration timeline: when it should move, and when the force plans to. */
export interface MigrationItem {
  readonly label: string;
  readonly cell: CellRef;
  /** ISO dates. */
  readonly migrateBy: string;
  readonly planned: string | null;
  readonly late: boolean;
  /** "Move by 31 March 2012; planned 1 April 2012 (later than due)". */
  readonly description: string;
}

function itemLabel(o: ProcurementOpportunity): string {
  const category = o.category === "other" ? o.categoryText : procurementCategoryLabel(o.category);
  return o.supplier ? `${category} (${o.supplier})` : category;
}

/** The contracts still to move, earliest due first. */
export function migrationItems(a: Analysis): MigrationItem[] {
  return [...a.procurement.opportunities]
    .sort((x, y) => x.migrateBy.localeCompare(y.migrateBy) || y.spend.value - x.spend.value)
    .map((o) => {
      const late = o.plannedMigrationLate === true;
      const planned = o.plannedMigration
        ? `planned ${formatDate(o.plannedMigration)}${late ? " (later than due)" : ""}`
        : "no move planned yet";
      return {
        label: itemLabel(o),
        cell: o.cell,
        migrateBy: o.migrateBy,
        planned: o.plannedMigration,
        late,
        description: `Move by ${formatDate(o.migrateBy)}; ${planned}.`,
      };
    });
}
