/**
 * Evidence for the support services area: business support staff (IT excluded) as a share of
 * the workforce by year against the threshold, the FTE above it, what that is worth, and the
 * straight-line path to the target year (5.46-5.51).
 */
import { PERCENT_FORMAT, formatPercent, formatPolicyPercent, formatYear } from "../../format";
import { finding } from "../../findings";
import { FunctionCategory } from "../../forceData";
import { functionCategoryLabel } from "../../names";
import { SUPPORT_DEFINITION_SPECS } from "../../classifications/definitions";
import { FinancialYear } from "../../years";
import { BusinessSupportAnalysis, BusinessSupportYear } from "../../analysis/types";
import {
  isUnconfirmed,
  unconfirmedMark,
  unconfirmedSentence,
} from "../../analysis/supportConfidence";
import { Block, ChartBlock, Section, TableBlock, TableRow } from "../model";
import {
  fteFigure,
  missingFigure,
  moneyFigure,
  percentFigure,
  textFigure,
  yearFigure,
} from "../format";
import {
  DraftContext,
  basisCell,
  latestActual,
  yearWithBasis,
  raise,
  listWords,
  moneyOf,
  para,
  percentCell,
  sheetOf,
} from "./common";
import { thresholdFigure } from "./thresholds";

const PARA = "5.46-5.51";

function years(b: BusinessSupportAnalysis): FinancialYear[] {
  const set = new Set<FinancialYear>();
  for (const y of b.byYear) set.add(y.year);
  for (const p of b.path) set.add(p.year);
  return [...set].sort((x, y) => x - y);
}

function byYearTable(ctx: DraftContext, b: BusinessSupportAnalysis): TableBlock {
  const t = formatPolicyPercent(b.threshold);
  const rows: TableRow[] = years(b).map((year) => {
    const y = b.byYear.find((q) => q.year === year);
    const p = b.path.find((q) => q.year === year);
    return {
      cells: [
        yearFigure(year),
        basisCell(ctx, year),
        y
          ? fteFigure(y.supportFte.value, y.supportFte.sources, y.supportFte.formula)
          : missingFigure("fte"),
        y
          ? fteFigure(y.totalFte.value, y.totalFte.sources, y.totalFte.formula)
          : missingFigure("fte"),
        percentCell(y?.ratio),
        y && isUnconfirmed(y)
          ? textFigure(capital(unconfirmedMark(y)), y.unclassifiedFte.sources)
          : !y || y.status === "unknown"
            ? missingFigure("text")
            : textFigure(y.status === "above" ? `At or above ${t}` : `Below ${t}`),
        p
          ? fteFigure(
              p.maximumSupportFte,
              [],
              "straight line from the first year to under the threshold in the target year"
            )
          : missingFigure("fte", ""),
        !p
          ? missingFigure("text", "")
          : p.onPath === null
            ? missingFigure("text", "no figure")
            : y && isUnconfirmed(y)
              ? missingFigure("text", "unconfirmed")
              : textFigure(p.onPath ? "Yes" : "No"),
      ],
    };
  });
  const headers = [
    "Year",
    "Figures",
    "Business support FTE",
    "Workforce FTE",
    "Share",
    `Against ${t}`,
    "Path: most support FTE",
    "On the path",
  ];
  return {
    kind: "table",
    id: "support-by-year",
    caption: `The force's support services target: business support as a share of the workforce by year, against under ${t}`,
    columns: [
      { header: headers[0], kind: "year", width: 8 },
      { header: headers[1], kind: "text", width: 8 },
      { header: headers[2], kind: "fte", width: 11 },
      { header: headers[3], kind: "fte", width: 11 },
      { header: headers[4], kind: "percent", width: 7 },
      { header: headers[5], kind: "text", width: 11 },
      { header: headers[6], kind: "fte", width: 11 },
      { header: headers[7], kind: "text", width: 8 },
    ],
    headerRows: [headers.map((h) => ({ text: h, span: 1 }))],
    rows,
    note:
      `Share = business support FTE / workforce FTE (officers, staff and PCSOs; specials and IT staff are not counted). ` +
      `It is measured on ${SUPPORT_DEFINITION_SPECS[b.definition].measures}. ` +
      (b.byYear.some(isUnconfirmed)
        ? `A year marked unconfirmed depends on workforce lines the add-in could not classify or place (the working papers list them) and has no position until they are confirmed. `
        : "") +
      wholeWords(b) +
      `The path falls in a straight line to under ${t} in ${formatYear(b.targetYear)}, counting support FTE in tenths (White Paper ${PARA}).`,
  };
}

/** The lines confirmed whole though they hold parts counted differently (IT in business support). */
function wholeWords(b: BusinessSupportAnalysis): string {
  const seen = new Map<string, { label: string; parts: readonly string[] }>();
  for (const y of b.byYear)
    for (const w of y.confirmedWhole ?? []) seen.set(w.label, { label: w.label, parts: w.parts });
  return [...seen.values()]
    .map(
      (w) =>
        `"${w.label}" is counted whole, as confirmed, with the ${listWords([...w.parts])} in it, which the measure would otherwise leave out. `
    )
    .join("");
}

function capital(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The measured year, where its share rests on lines not yet confirmed. */
function unconfirmedYear(b: BusinessSupportAnalysis): BusinessSupportYear | undefined {
  const y = b.byYear.find((q) => q.year === b.assessedYear);
  return y && isUnconfirmed(y) ? y : undefined;
}

function classificationWords(
  b: BusinessSupportAnalysis,
  cls: "businessSupport" | "excluded"
): string {
  const cats = (Object.keys(b.classification) as FunctionCategory[]).filter(
    (c) => b.classification[c] === cls
  );
  return cats.length === 0 ? "none" : listWords(cats.map((c) => functionCategoryLabel(c)));
}

function chart(b: BusinessSupportAnalysis): ChartBlock | undefined {
  if (!b.byYear.some((y) => y.ratio !== null)) return undefined;
  const t = formatPolicyPercent(b.threshold);
  return {
    kind: "chart",
    id: "chart-support",
    chartType: "column",
    title: `Business support as % of the workforce against the ${t} threshold`,
    categoryTitle: "Year",
    categories: b.byYear.map((y) =>
      isUnconfirmed(y) ? `${formatYear(y.year)} (unconfirmed)` : formatYear(y.year)
    ),
    series: [
      {
        name: "Business support as % of workforce",
        points: b.byYear.map((y) =>
          y.ratio ? percentFigure(y.ratio.value, y.ratio.sources) : null
        ),
        role: "data",
      },
      {
        name: `${t} threshold`,
        points: b.byYear.map(() => thresholdFigure(b.threshold)),
        role: "threshold",
      },
    ],
    valueKind: "percent",
    valueAxisTitle: "% of workforce",
    valueFormat: PERCENT_FORMAT,
    threshold: { value: b.threshold, text: t },
    altText:
      `Column chart of business support staff as a share of the workforce by year, with the ${t} threshold drawn as a line. ` +
      b.byYear
        .map(
          (y) =>
            `${formatYear(y.year)}: ${y.ratio ? formatPercent(y.ratio.value) : "no figure"}${isUnconfirmed(y) && y.ratio ? " (unconfirmed)" : ""}`
        )
        .join("; ") +
      ".",
  };
}

function narrative(ctx: DraftContext, b: BusinessSupportAnalysis): Block[] {
  const t = formatPolicyPercent(b.threshold);
  const known = b.byYear.filter((y) => y.ratio !== null);
  const actualYear = latestActual(
    ctx,
    known.map((y) => y.year)
  );
  const actual = known.find((y) => y.year === actualYear);
  const assessed = b.byYear.find((y) => y.year === b.assessedYear && y.ratio !== null);
  const out: Block[] = [];
  if (assessed && assessed.ratio) {
    out.push(
      para([
        `Business support counts ${classificationWords(b, "businessSupport")}; IT is left out of the share (White Paper 5.46). `,
        ...(actual && actual.ratio && actual.year !== assessed.year
          ? [
              `In ${formatYear(actual.year)}, the latest year of actual figures, it was `,
              percentFigure(actual.ratio.value, actual.ratio.sources, actual.ratio.formula),
              isUnconfirmed(actual) ? ` of the workforce (unconfirmed). ` : ` of the workforce. `,
            ]
          : []),
        `For ${yearWithBasis(ctx, assessed.year)}, business support staff number `,
        fteFigure(assessed.supportFte.value, assessed.supportFte.sources),
        ` FTE out of a workforce of `,
        fteFigure(assessed.totalFte.value, assessed.totalFte.sources),
        ` FTE: `,
        percentFigure(assessed.ratio.value, assessed.ratio.sources, assessed.ratio.formula),
        isUnconfirmed(assessed)
          ? `. ${unconfirmedSentence(assessed, false)}`
          : assessed.status === "above"
            ? `, not yet under ${t}.`
            : `, under ${t}.`,
        b.assessedYearIsTarget
          ? ""
          : ` The workforce figures stop at ${formatYear(assessed.year)}, so the gap is measured there rather than in ${formatYear(b.targetYear)}.`,
      ])
    );
  }
  const cost = b.averageCost;
  if (unconfirmedYear(b)) {
    out.push(
      para(
        [
          `The support FTE above ${t} and the saving from removing them are not given until the share is confirmed; the working papers list the lines to confirm.`,
        ],
        "missing"
      )
    );
  } else if (b.excessFte && b.excessFte.value > 0) {
    out.push(
      para([
        `Getting under ${t} means `,
        fteFigure(b.excessFte.value, b.excessFte.sources, b.excessFte.formula),
        ` fewer business support FTE`,
        ...(b.cashableSaving && cost
          ? [
              // Rule 7: the rate at the precision it was worked at, so the product adds up.
              `; at `,
              moneyFigure(cost.value, "£", cost.sources, cost.formula, "prose"),
              ` per FTE that is worth `,
              moneyOf(ctx, b.cashableSaving),
              " a year.",
            ]
          : ["."]),
      ])
    );
  } else if (b.excessFte) {
    out.push(
      para([
        `Business support is already under ${t} of the workforce, so no reduction is needed to meet the threshold.`,
      ])
    );
  }
  const unconfirmedYears = new Set(b.byYear.filter(isUnconfirmed).map((y) => y.year));
  const offPath = b.path
    .filter((p) => p.onPath === false && !unconfirmedYears.has(p.year))
    .map((p) => p.year);
  if (offPath.length > 0)
    out.push(
      para([
        `Support FTE is above the straight-line path to under ${t} in ${listWords(offPath.map(formatYear))}.`,
      ])
    );
  return out;
}

/** The support services evidence section, level 2. */
export function supportServicesEvidence(ctx: DraftContext): Section[] {
  const b = ctx.analysis.businessSupport;
  const t = formatPolicyPercent(b.threshold);
  const heading = `Business support against ${t} of the workforce`;
  if (!b.byYear.some((y) => y.ratio !== null)) {
    raise(
      ctx,
      (f) => ["NO_WORKFORCE_FIGURES", "ZERO_WORKFORCE"].includes(f.code),
      finding(
        "warning",
        "STATEMENT_SUPPORT_NO_DATA",
        `The workbook gives no workforce figures from which business support can be measured, so the statement cannot compare it with ${t} of the workforce.`,
        sheetOf(ctx.data, "workforce"),
        "Add FTE by function (with a total) to the workforce sheet."
      )
    );
    return [
      {
        id: "evidence-support",
        heading,
        level: 2,
        area: "supportServices",
        blocks: [
          para(
            [
              `No workforce figures by function were found, so business support cannot be measured against ${t} of the workforce.`,
            ],
            "missing"
          ),
        ],
      },
    ];
  }
  const blocks: Block[] = [...narrative(ctx, b), byYearTable(ctx, b)];
  const c = chart(b);
  if (c) blocks.push(c);
  return [{ id: "evidence-support", heading, level: 2, area: "supportServices", blocks }];
}
