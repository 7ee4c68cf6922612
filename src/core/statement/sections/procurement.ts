/**
 * Evidence for the procurement area: how much spend falls in categories with a national
 * approach, how much already goes through national frameworks, when each remaining contract
 * should move and what that is expected to save (5.31-5.40). Also the ICT lines for the IT
 * area (ISIS, 5.41-5.45).
 */
import { formatDate, formatMoney, formatPercent, formatYear } from "../../format";
import { finding } from "../../findings";
import { countOf, numberInWords, thereAre } from "../../plainEnglish";
import { procurementCategoryLabel } from "../../names";
import { ProcurementAnalysis, ProcurementOpportunity } from "../../analysis/types";
import { Block, DisplayFigure, Section, TableBlock, TableRow } from "../model";
import { dateFigure, missingFigure, percentFigure, textFigure } from "../format";
import { DraftContext, raise, listWords, moneyCell, moneyOf, para, sheetOf } from "./common";
import { mergeSources as mergeRefs } from "../../analysis/figures";

const PARA = "5.31-5.40";

function shareFigure(p: ProcurementAnalysis): DisplayFigure {
  return p.onFrameworkShare === null
    ? missingFigure("percent", "no addressable spend")
    : percentFigure(
        p.onFrameworkShare,
        mergeRefs(p.onFrameworkSpend.sources, p.addressableSpend.sources),
        "spend on national frameworks / addressable spend"
      );
}

function categoryTable(ctx: DraftContext, p: ProcurementAnalysis): TableBlock {
  const headers = [
    "Category",
    "National approach in place by",
    `Spend (${ctx.unit})`,
    `On a framework (${ctx.unit})`,
    "Share on a framework",
    "Saving rate",
    `Expected saving a year (${ctx.unit})`,
  ];
  const rows: TableRow[] = p.byCategory.map((c) => ({
    cells: [
      textFigure(procurementCategoryLabel(c.category)),
      dateFigure(c.frameworkDate),
      moneyCell(ctx, c.spend),
      moneyCell(ctx, c.onFrameworkSpend),
      c.onFrameworkShare === null
        ? missingFigure("percent", "")
        : percentFigure(c.onFrameworkShare, mergeRefs(c.onFrameworkSpend.sources, c.spend.sources)),
      c.rate === null ? missingFigure("percent", "none stated") : percentFigure(c.rate),
      c.annualSaving
        ? moneyCell(ctx, c.annualSaving)
        : missingFigure(
            "money",
            c.onFrameworkSpend.value >= c.spend.value
              ? "all on a framework"
              : c.rate === null
                ? "local estimate needed"
                : "no data"
          ),
    ],
  }));
  return {
    kind: "table",
    id: "procurement-by-category",
    caption: "Spend in categories with a national approach",
    columns: [
      { header: headers[0], kind: "text", width: 22 },
      { header: headers[1], kind: "date", width: 13 },
      { header: headers[2], kind: "money", width: 11 },
      { header: headers[3], kind: "money", width: 11 },
      { header: headers[4], kind: "percent", width: 9 },
      { header: headers[5], kind: "percent", width: 8 },
      { header: headers[6], kind: "money", width: 12 },
    ],
    headerRows: [headers.map((h) => ({ text: h, span: 1 }))],
    rows,
    note:
      `Dates and saving rates are the policy settings (White Paper ${PARA}); where the White Paper gives a range, the lower end is used. ` +
      `The expected saving applies the rate to spend not yet on a framework.`,
  };
}

function plannedText(o: ProcurementOpportunity): DisplayFigure {
  if (!o.plannedMigration) return missingFigure("date", "not planned");
  const text = formatDate(o.plannedMigration) + (o.plannedMigrationLate ? " (later than due)" : "");
  return { kind: "date", value: text, text, sources: [] };
}

/**
 * The contract a migration line is: its category as the force wrote it, with the supplier in
 * brackets as the pane names a contract ("Body armour (Shieldwell Protective Ltd)"), in one cell,
 * so that the three dates beside it each keep one line on an A4 page. The cell cites the line's
 * label cell, as the working papers do.
 */
function contractText(o: ProcurementOpportunity): DisplayFigure {
  return textFigure(`${o.categoryText} (${o.supplier ?? "supplier not given"})`, [o.cell]);
}

function migrationTable(ctx: DraftContext, p: ProcurementAnalysis): TableBlock {
  const headers = [
    "Contract",
    `Spend (${ctx.unit})`,
    "Contract ends",
    "Move by",
    "Planned move",
    `Expected saving a year (${ctx.unit})`,
  ];
  const sorted = [...p.opportunities].sort(
    (a, b) => a.migrateBy.localeCompare(b.migrateBy) || b.spend.value - a.spend.value
  );
  const rows: TableRow[] = sorted.map((o) => ({
    cells: [
      contractText(o),
      moneyCell(ctx, o.spend),
      o.contractEnd ? dateFigure(o.contractEnd) : missingFigure("date", "not given"),
      dateFigure(o.migrateBy),
      plannedText(o),
      o.annualSaving
        ? moneyCell(ctx, o.annualSaving)
        : missingFigure("money", "local estimate needed"),
    ],
  }));
  return {
    kind: "table",
    id: "procurement-migration",
    caption: "Migration schedule: contracts in national-approach categories not yet on a framework",
    columns: [
      { header: headers[0], kind: "text", width: 34 },
      { header: headers[1], kind: "money", width: 10 },
      { header: headers[2], kind: "date", width: 12 },
      { header: headers[3], kind: "date", width: 12 },
      { header: headers[4], kind: "date", width: 14 },
      { header: headers[5], kind: "money", width: 12 },
    ],
    headerRows: [headers.map((h) => ({ text: h, span: 1 }))],
    rows,
    note:
      "Contract = the category as the procurement sheet writes it, with the supplier in brackets. " +
      "Move by = the later of the date the national approach is in place and the end of the current contract.",
  };
}

/** ", 13 of them with no planned move date yet" (or none, or "with no planned move date yet" for all of one). */
function unplannedWords(total: number, unplanned: number): string {
  if (unplanned === 0) return "";
  if (unplanned === total)
    return total === 1
      ? ", with no planned move date yet"
      : ", none of them with a planned move date yet";
  return `, ${numberInWords(unplanned)} of them with no planned move date yet`;
}

function narrative(ctx: DraftContext, p: ProcurementAnalysis): Block[] {
  const out: Block[] = [
    para([
      `Of `,
      moneyOf(ctx, p.totalSpend),
      ` of spend in the procurement sheet, `,
      moneyOf(ctx, p.addressableSpend),
      ` falls in categories with a national approach`,
      p.onFrameworkShare === null ? "." : `, and `,
      p.onFrameworkShare === null ? "" : moneyOf(ctx, p.onFrameworkSpend),
      p.onFrameworkShare === null ? "" : ` of that (`,
      p.onFrameworkShare === null ? "" : shareFigure(p),
      p.onFrameworkShare === null ? "" : `) already goes through national frameworks.`,
    ]),
  ];
  if (p.opportunities.length > 0) {
    const late = p.opportunities.filter((o) => o.plannedMigrationLate === true);
    const unplanned = p.opportunities.filter((o) => o.plannedMigration === null);
    out.push(
      para([
        // Rule 3: a sentence never opens with a numeral ("There are 16 contracts", not "16 contracts").
        // How many have no planned move goes with the contracts it counts, in the same sentence.
        `${thereAre(p.opportunities.length, "contract")} still to move${unplannedWords(p.opportunities.length, unplanned.length)}; the schedule below gives the date each should move by (no later than when its contract ends, White Paper 5.35). `,
        p.expectedAnnualSaving.value !== 0
          ? `Where a saving rate is stated, moving is expected to save about `
          : "",
        p.expectedAnnualSaving.value !== 0 ? moneyOf(ctx, p.expectedAnnualSaving) : "",
        p.expectedAnnualSaving.value !== 0 ? ` a year. ` : "",
        p.spendWithoutRate.value !== 0 ? `A further ` : "",
        p.spendWithoutRate.value !== 0 ? moneyOf(ctx, p.spendWithoutRate) : "",
        p.spendWithoutRate.value !== 0
          ? ` of spend is in categories with no stated rate, so its saving needs a local estimate. `
          : "",
        late.length === 1
          ? `The planned move for ${late[0].supplier ?? late[0].categoryText} is later than the date it is due. `
          : late.length > 1
            ? `The planned moves for ${listWords(late.map((o) => o.supplier ?? o.categoryText))} are later than the dates they are due. `
            : "",
      ])
    );
  } else if (p.addressableSpend.value !== 0) {
    out.push(
      para(["All spend in national-approach categories already goes through a national framework."])
    );
  }
  return out;
}

/** The procurement evidence section, level 2. */
export function procurementEvidence(ctx: DraftContext): Section[] {
  const p = ctx.analysis.procurement;
  const heading = "Adoption of national procurement frameworks";
  if (p.totalSpend.value === 0 && p.byCategory.length === 0) {
    raise(
      ctx,
      (f) => ["NO_PROCUREMENT_LINES"].includes(f.code),
      finding(
        "warning",
        "STATEMENT_PROCUREMENT_NO_DATA",
        "The workbook has no procurement spend lines, so the statement cannot show how much spend goes through national frameworks or when contracts should move.",
        sheetOf(ctx.data, "procurement"),
        "Add a procurement sheet with each contract's category, supplier, annual spend, route and end date."
      )
    );
    return [
      {
        id: "evidence-procurement",
        heading,
        level: 2,
        area: "procurement",
        blocks: [
          para(
            [
              "No procurement spend lines were found, so framework adoption and the migration schedule cannot be reported.",
            ],
            "missing"
          ),
        ],
      },
    ];
  }
  const blocks: Block[] = [...narrative(ctx, p)];
  if (p.byCategory.length > 0) blocks.push(categoryTable(ctx, p));
  if (p.opportunities.length > 0) blocks.push(migrationTable(ctx, p));
  return [{ id: "evidence-procurement", heading, level: 2, area: "procurement", blocks }];
}

/** For the IT area: spend on ICT, whose national approach comes through ISIS (5.41-5.45). */
export function itEvidence(ctx: DraftContext): Section[] {
  const p = ctx.analysis.procurement;
  const ict = p.byCategory.find((c) => c.category === "ict");
  if (!ict) return [];
  const open = p.opportunities.filter((o) => o.category === "ict");
  return [
    {
      id: "evidence-it",
      heading: "ICT spend and the ISIS programme",
      level: 2,
      area: "it",
      blocks: [
        para([
          `The procurement sheet shows `,
          moneyOf(ctx, ict.spend),
          ` a year of ICT spend, `,
          moneyOf(ctx, ict.onFrameworkSpend),
          ` of it through national arrangements. The national approach for ICT comes through ISIS, in place by ${formatDate(ict.frameworkDate)}`,
          open.length > 0
            ? `; ${countOf(open.length, "ICT contract")} should move by then or when ${open.length === 1 ? "it ends" : "they end"}, whichever is later.`
            : ".",
          ict.onFrameworkShare !== null
            ? ` That is ${formatPercent(ict.onFrameworkShare)} of ICT spend on national arrangements so far.`
            : "",
        ]),
        para([
          `For context, the national programme looks for at least ${formatMoney(ctx.policy.nationalProgramme.isisIt, "£m")} a year from IT through ISIS by ${formatYear(ctx.policy.nationalProgramme.byYear)} (White Paper 5.45). That is a figure for all forces together, not a target for this force; the force's own IT savings are in the table above.`,
        ]),
      ],
    },
  ];
}
