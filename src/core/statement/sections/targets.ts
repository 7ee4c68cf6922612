/**
 * The force's own targets (5.10: each force sets its targets out in its statement), where the
 * force chose a modelled scenario as them ("Use as our targets" in the task pane). A separate
 * section, clearly labelled as targets: the years up to the scenario's start are the workbook's
 * own figures, the later ones are the targets the scenario sets. Nothing is computed here; the
 * figures come from the scenario model (core/scenario).
 */
import { ScenarioResult } from "../../scenario/types";
import { formatPolicyPercent, formatPounds, formatYear } from "../../format";
import { procurementCategoryLabel } from "../../names";
import { Block, Section, TableBlock } from "../model";
import { dateFigure, fteFigure, missingFigure, textFigure, yearFigure } from "../format";
import { DraftContext, moneyCell, para, percentCell } from "./common";

export const TARGETS_SECTION_ID = "targets";

function overtimeTable(ctx: DraftContext, t: ScenarioResult): TableBlock | undefined {
  const o = t.overtime;
  if (!o) return undefined;
  const u = ctx.unit;
  const cols = [
    { header: "Year", kind: "year" as const, width: 10 },
    { header: `Overtime (${u})`, kind: "money" as const, width: 12 },
    { header: `Paybill (${u})`, kind: "money" as const, width: 12 },
    { header: "Ratio", kind: "percent" as const, width: 8 },
    { header: "Figure", kind: "text" as const, width: 14 },
  ];
  return {
    kind: "table",
    id: "targets-overtime",
    caption: `Targets: overtime as a share of paybill, by year`,
    columns: cols,
    headerRows: [cols.map((c) => ({ text: c.header, span: 1 }))],
    rows: o.byYear.map((y) => ({
      cells: [
        yearFigure(y.year),
        moneyCell(ctx, y.overtime),
        moneyCell(ctx, y.paybill),
        percentCell(y.ratio),
        textFigure(y.overtimeFrom === "kept" ? "Workbook figure" : "Target"),
      ],
    })),
    note: `Targets from ${formatYear(o.from + 1)}: ${o.yearlyCutAmount !== null ? `overtime cut by ${formatPounds(o.yearlyCutAmount)}` : `overtime cut by ${formatPolicyPercent(o.yearlyCut ?? 0)}`} a year; pay is the workbook's where it has a figure, and grows ${formatPolicyPercent(o.payGrowth)} a year where it has none.`,
  };
}

function supportTable(t: ScenarioResult): TableBlock | undefined {
  const b = t.businessSupport;
  if (!b) return undefined;
  const cols = [
    { header: "Year", kind: "year" as const, width: 10 },
    { header: "Business support FTE", kind: "fte" as const, width: 12 },
    { header: "Workforce FTE", kind: "fte" as const, width: 12 },
    { header: "Share", kind: "percent" as const, width: 8 },
    { header: "Figure", kind: "text" as const, width: 14 },
  ];
  return {
    kind: "table",
    id: "targets-support",
    caption: "Targets: business support as a share of the workforce, by year",
    columns: cols,
    headerRows: [cols.map((c) => ({ text: c.header, span: 1 }))],
    rows: b.byYear.map((y) => ({
      cells: [
        yearFigure(y.year),
        fteFigure(y.supportFte.value, y.supportFte.sources, y.supportFte.formula),
        fteFigure(y.totalFte.value, y.totalFte.sources, y.totalFte.formula),
        percentCell(y.ratio),
        textFigure(y.from === "kept" ? "Workbook figure" : "Target"),
      ],
    })),
    note:
      b.removeFte.length > 0
        ? `Posts to go: ${b.removeFte.map((r) => `${r.fte} FTE in ${formatYear(r.year)}`).join(", ")}.`
        : "No business-support posts are to go.",
  };
}

function procurementTable(t: ScenarioResult): TableBlock | undefined {
  const p = t.procurement;
  if (!p || p.moves.length === 0) return undefined;
  const cols = [
    { header: "Contract", kind: "text" as const, width: 30 },
    { header: "Target move date", kind: "date" as const, width: 14 },
    { header: "Due by", kind: "date" as const, width: 14 },
  ];
  return {
    kind: "table",
    id: "targets-procurement",
    caption: "Targets: contracts moving to the national approach",
    columns: cols,
    headerRows: [cols.map((c) => ({ text: c.header, span: 1 }))],
    rows: p.moves.map((m) => ({
      cells: [
        textFigure(
          `${procurementCategoryLabel(m.category)}${m.supplier ? ` (${m.supplier})` : ""}`,
          m.spend.sources
        ),
        m.moveDate ? dateFigure(m.moveDate) : missingFigure("date", "does not move"),
        dateFigure(m.migrateBy),
      ],
    })),
  };
}

/** The targets section, or none where the force has not set targets from a scenario. */
export function targetsSections(ctx: DraftContext, targets: ScenarioResult | undefined): Section[] {
  if (!targets) return [];
  const blocks: Block[] = [
    para(
      [
        `${ctx.force} has set the targets below, from the scenario "${targets.name}" modelled with the add-in. `,
        'They are targets, not figures the workbook holds: where a table says "Workbook figure" the year keeps the workbook\'s own figure, and the later years are the targets.',
      ],
      "lead"
    ),
  ];
  const o = targets.overtime;
  if (o)
    blocks.push(
      para([
        o.yearThresholdReached !== null
          ? `On these targets, overtime comes to ${formatPolicyPercent(ctx.policy.overtime.threshold)} of paybill or less in ${formatYear(o.yearThresholdReached)}.`
          : `On these targets, overtime does not come down to ${formatPolicyPercent(ctx.policy.overtime.threshold)} of paybill by ${formatYear(o.byYear[o.byYear.length - 1]?.year ?? ctx.policy.years.target)}.`,
      ])
    );
  const b = targets.businessSupport;
  if (b)
    blocks.push(
      para([
        b.yearShareReached !== null
          ? `Business support comes below ${formatPolicyPercent(b.share)} of the workforce in ${formatYear(b.yearShareReached)}`
          : `Business support does not come below ${formatPolicyPercent(b.share)} of the workforce in the years set`,
        b.cashableSaving && b.cashableSaving.value > 0
          ? `, a cashable saving of ${formatPounds(b.cashableSaving.value)} a year at the average cost per support post.`
          : ".",
      ])
    );
  for (const t of [overtimeTable(ctx, targets), supportTable(targets), procurementTable(targets)])
    if (t) blocks.push(t);
  if (!o && !b && !targets.procurement)
    blocks.push(
      para(
        [
          "The targets could not be worked out from the workbook's figures; see the points to check.",
        ],
        "missing"
      )
    );
  return [{ id: TARGETS_SECTION_ID, heading: "Our targets", level: 1, blocks }];
}
