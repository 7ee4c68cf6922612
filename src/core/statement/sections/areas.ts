/**
 * The nine area sections (White Paper 5.53). Each has: a status in words with the rule that set
 * it, a short narrative drawn only from the figures, the planned/actual table by year, the force's
 * own notes, and (for overtime, support services and procurement) the evidence the add-in worked
 * out, as level-2 sections from overtime.ts, supportServices.ts and procurement.ts.
 */
import { finding } from "../../findings";
import { CAPACITY_KINDS, CapacityKind, SAVINGS_AREAS, SavingsArea } from "../../forceData";
import {
  CapacityReleased,
  Figure as AnalysisFigure,
  SavingsAreaSummary,
} from "../../analysis/types";
import { DisplayFigure } from "../model";
import { fteFigure, numberFigure } from "../format";
import { savingsAreaLabel } from "../../analysis/savings";
import { areaStatus as coreAreaStatus } from "../../analysis/areaStatus";
import { Block, RAG_LABELS, RagBlock, Section } from "../model";
import { countOf, goOnLower } from "../../plainEnglish";
import { Policy } from "../../policy";
import { formatPolicyPercent, formatYear } from "../../format";
import {
  DraftContext,
  areaWords,
  listYears,
  moneyOf,
  para,
  plannedActualTable,
  raise,
  ragState,
  savingsPlanSheet,
  varianceSentence,
  withParagraph,
  yearsWithoutActuals,
} from "./common";
import { overtimeEvidence } from "./overtime";
import { supportServicesEvidence } from "./supportServices";
import { procurementEvidence, itEvidence } from "./procurement";

/** The nine headings, in the order the statement lists them (5.53). */
export const AREA_HEADINGS: Readonly<Record<SavingsArea, string>> = {
  deployment: "Deployment of officers and staff",
  overtime: "Overtime",
  processImprovement: "Process improvement",
  bureaucracy: "Reducing locally imposed bureaucracy",
  procurement: "National procurement frameworks and migration from legacy contracts",
  it: "IT convergence through ISIS",
  supportServices: "Support services",
  collaboration: "Local approaches and collaboration",
  overheads: "Economising on overheads",
};

/**
 * What each area covers, in the add-in's words, with the paragraph that names it; thresholds and
 * years as the policy in force has them (an overridden 4.5% reads 4.5% here too).
 */
const areaScope = (policy: Policy): Readonly<Record<SavingsArea, string>> => ({
  deployment:
    "Matching where officers and staff work, and when, to demand, risk, threat and harm (White Paper 5.53).",
  overtime: `Reducing overtime, measured against ${formatPolicyPercent(policy.overtime.threshold)} of paybill from the ${formatYear(policy.years.baseline)} baseline (White Paper 5.9-5.10).`,
  processImprovement:
    "Redesigning how work is done, for example through Quest, to free time for front-line policing (White Paper 5.13-5.17).",
  bureaucracy:
    "Removing forms, steps and data requests the force imposes on itself (White Paper 5.18-5.27).",
  procurement:
    "Buying through the national frameworks as soon as they are available and moving off legacy contracts (White Paper 5.31-5.40).",
  it: "Converging IT through the national ISIS programme (White Paper 5.41-5.45).",
  supportServices: `Streamlining business support so that it is under ${formatPolicyPercent(policy.businessSupport.threshold)} of the workforce by ${formatYear(policy.years.target)} (White Paper 5.46-5.51).`,
  collaboration:
    "Savings from the force's own approaches and from collaboration with other forces and partners (White Paper chapter 4, 5.60).",
  overheads: "Cutting wider overheads such as conferences, meetings and travel (White Paper 5.52).",
});

function summaryOf(ctx: DraftContext, area: SavingsArea): SavingsAreaSummary | undefined {
  return ctx.analysis.savings.byArea.find((s) => s.area === area);
}

/**
 * The area's status, as the core works it out once (analysis/areaStatus.ts). Where the add-in also
 * measured the area against a White Paper rule (overtime, support services, procurement), the
 * area takes the weaker of that test and the savings plan's, and the basis shows both.
 */
export function areaStatus(ctx: DraftContext, area: SavingsArea): RagBlock {
  const computed = coreAreaStatus(ctx.analysis, area);
  const status = ragState({ ...computed.tests[0].status, rag: computed.rag });
  const [plan, evidence] = computed.tests;
  const planState = ragState(plan.status);
  if (!evidence)
    return {
      kind: "rag",
      status,
      words: RAG_LABELS[status],
      // Rule 5: after "Savings plan:" the text goes on in lower case, as in the two-test case.
      rule: `Savings plan: ${goOnLower(withParagraph(plan.status.rule, plan.status.paragraph))}`,
    };
  const evState = ragState(evidence.status);
  return {
    kind: "rag",
    status,
    words: RAG_LABELS[status],
    rule:
      `${evidence.label}: ${RAG_LABELS[evState].toLowerCase()}, ${goOnLower(withParagraph(evidence.status.rule, evidence.status.paragraph))} ` +
      `Savings plan: ${RAG_LABELS[planState].toLowerCase()}, ${goOnLower(withParagraph(plan.status.rule, plan.status.paragraph))} ` +
      `The area's status is the weaker of the two.`,
  };
}

/** A short narrative from the area's figures; nothing that is not in them. */
function areaNarrative(ctx: DraftContext, s: SavingsAreaSummary): Block[] {
  const words = areaWords(s.area);
  const planned = s.byYear.filter(
    (y) => y.cashable.planned.value !== 0 || y.nonCashable.planned.value !== 0
  );
  const span =
    planned.length === 0
      ? ""
      : planned.length === 1
        ? ` in ${listYears([planned[0].year])}`
        : ` across ${listYears([planned[0].year])} to ${listYears([planned[planned.length - 1].year])}`;
  const cash = s.cashable.planned.value !== 0;
  const nonCash = s.nonCashable.planned.value !== 0;
  const blocks: Block[] = [
    para([
      `The savings plan has ${countOf(s.lineCount, "line")} for ${words}`,
      ...(cash && nonCash
        ? [
            ", with ",
            moneyOf(ctx, s.cashable.planned),
            " of cashable savings and ",
            moneyOf(ctx, s.nonCashable.planned),
            ` of non-cashable gains planned${span}. `,
          ]
        : cash
          ? [", with ", moneyOf(ctx, s.cashable.planned), ` of cashable savings planned${span}. `]
          : nonCash
            ? [
                ", with ",
                moneyOf(ctx, s.nonCashable.planned),
                ` of non-cashable gains planned${span}: capacity released rather than money. `,
              ]
            : s.capacity
              ? [`, giving the capacity released rather than an amount of money. `]
              : [`, but none of them has a planned amount other than zero. `]),
      ...varianceSentence(ctx, "cashable savings", s.cashable),
      ...varianceSentence(ctx, "non-cashable gains", s.nonCashable),
    ]),
  ];
  // The summary says once which years have no actuals yet; an area says so only where it differs.
  const pending = yearsWithoutActuals(s.byYear);
  const overall = yearsWithoutActuals(ctx.analysis.savings.byYear);
  const same = pending.every((y) => overall.includes(y));
  if (pending.length > 0 && !same)
    blocks.push(
      para([
        `No actual figures have been reported yet for ${listYears(pending)}, so those years show the plan only.`,
      ])
    );
  return blocks;
}

/** How each capacity measure is named in the statement's sentence. */
const CAPACITY_LABELS: Readonly<Record<CapacityKind, string>> = {
  hoursPlanned: "hours planned",
  hoursActual: "hours actually released",
  officersPlanned: "officer equivalents planned",
  officersActual: "officer equivalents actually released",
};

/** A capacity figure with its cells: hours whole (or to one place), officer equivalents to one place. */
function capacityFigure(kind: CapacityKind, f: AnalysisFigure<number>): DisplayFigure {
  if (kind === "officersPlanned" || kind === "officersActual")
    return fteFigure(f.value, f.sources, f.formula);
  const shown = numberFigure(f.value, Number.isInteger(f.value) ? 0 : 1, f.sources);
  return f.formula ? { ...shown, derivation: f.formula } : shown;
}

/**
 * Capacity released beside the £ equivalent (5.53: productivity gains "often shown as hours,
 * officer equivalents or £ equivalent ... planned and actual, by year"), as the plan gives it:
 * each measure's total, then each year's where there is more than one. Nothing where the plan
 * gives none. Each figure names its measure first ("hours planned, 1,500"), so no small number
 * stands before a word.
 */
export function capacitySentence(capacity: CapacityReleased | undefined, opening: string): Block[] {
  if (!capacity) return [];
  const parts: (string | DisplayFigure)[] = [opening];
  let first = true;
  for (const kind of CAPACITY_KINDS) {
    const total = capacity.total[kind];
    if (!total) continue;
    const years = capacity.byYear.filter((y) => y.totals[kind]);
    parts.push(first ? "" : "; ", `${CAPACITY_LABELS[kind]}, `, capacityFigure(kind, total));
    first = false;
    if (years.length === 1) parts.push(` in ${listYears([years[0].year])}`);
    else {
      parts.push(" (");
      years.forEach((y, i) => {
        parts.push(`${i > 0 ? "; " : ""}${listYears([y.year])}: `);
        parts.push(capacityFigure(kind, y.totals[kind] as AnalysisFigure<number>));
      });
      parts.push(")");
    }
  }
  parts.push(".");
  return [para(parts)];
}

function userNarrative(s: SavingsAreaSummary): Block[] {
  if (s.notes.length === 0) return [];
  return [
    para(["In the force's own words (from the savings plan's notes):"], "lead"),
    ...s.notes.map((n): Block => ({
      kind: "paragraph",
      role: "userNarrative",
      runs: [{ text: n.text, sources: [n.cell] }],
    })),
  ];
}

function missingArea(ctx: DraftContext, area: SavingsArea): Block[] {
  const words = areaWords(area);
  const where = savingsPlanSheet(ctx.data);
  raise(
    ctx,
    (f) => f.code === "SAVINGS_AREA_MISSING" && f.message.includes(savingsAreaLabel(area)),
    finding(
      "warning",
      "STATEMENT_AREA_NO_DATA",
      `The savings plan has no lines for ${words}, so the statement cannot report planned or actual savings for this area.`,
      where,
      `Add the area's initiatives to the savings plan, or a line for ${words} with a planned amount of 0 and a note saying why no savings are planned.`
    )
  );
  return [
    para(
      [
        `No planned or actual savings for ${words} were found in the workbook's savings plan, so this area cannot be reported yet.`,
      ],
      "missing"
    ),
  ];
}

/** The level-1 section for one area, followed by its evidence sections (level 2). */
export function areaSections(ctx: DraftContext, area: SavingsArea): Section[] {
  const n = SAVINGS_AREAS.indexOf(area) + 1;
  const s = summaryOf(ctx, area);
  const blocks: Block[] = [para([areaScope(ctx.policy)[area]], "lead"), areaStatus(ctx, area)];
  if (!s || s.lineCount === 0) blocks.push(...missingArea(ctx, area));
  else {
    blocks.push(...areaNarrative(ctx, s));
    blocks.push(
      ...capacitySentence(
        s.capacity,
        s.nonCashable.planned.value !== 0 || s.nonCashable.actual
          ? "Beside the £ equivalent, the plan gives the capacity these gains release: "
          : "The plan gives the capacity these gains release: "
      )
    );
    blocks.push(
      plannedActualTable(
        ctx,
        `area-${area}-savings`,
        `${AREA_HEADINGS[area]}: planned and actual savings by year`,
        s.byYear,
        { cashable: s.cashable, nonCashable: s.nonCashable },
        false
      )
    );
    blocks.push(...userNarrative(s));
  }
  const main: Section = {
    id: `area-${area}`,
    heading: `${n}. ${AREA_HEADINGS[area]}`,
    level: 1,
    area,
    blocks,
  };
  const evidence =
    area === "overtime"
      ? overtimeEvidence(ctx)
      : area === "supportServices"
        ? supportServicesEvidence(ctx)
        : area === "procurement"
          ? procurementEvidence(ctx)
          : area === "it"
            ? itEvidence(ctx)
            : [];
  return [main, ...evidence];
}

/** All nine areas in statement order. */
export function allAreaSections(ctx: DraftContext): Section[] {
  return SAVINGS_AREAS.flatMap((a) => areaSections(ctx, a));
}
