/**
 * Never a confident wrong figure: Cambridgeshire's real 31 March 2010 figures, with the
 * business-support breakdown left out, cannot say how many of the 318 business-support FTE are
 * IT/Communications (87 are, which the measure leaves out). The share is shown unconfirmed, with
 * the cell and the correction, and no status until the user confirms the line.
 */
import { analyse } from "../../../src/core/analysis/analyse";
import { analysisToJson } from "../../../src/core/analysis/json";
import { detectForceData } from "../../../src/core/detect/detect";
import { applyOverrides, DEFAULT_POLICY } from "../../../src/core/policy";
import { workbookOf } from "../../../src/core/sample/gridBuilder";
import { draftStatement, runVfm } from "../../../src/core/run";
import { areaStatus } from "../../../src/core/analysis/areaStatus";
import { checkWorkbook } from "../../../src/core/check/check";
import { formatRef } from "../../../src/core/grid";
import { ChartBlock, ParagraphBlock, TableBlock } from "../../../src/core/statement/model";
import { analysisSummary } from "../../../src/cli/analysisSummary";
import { supportCard } from "../../../src/taskpane/model/benchmarks";
import { confirmDoubt, supportDoubts } from "../../../src/taskpane/model/doubts";
import { runScenario } from "../../../src/core/scenario/scenario";
import { hmicForces } from "./hmicData";
import { forceWorkbook } from "./layouts";

const cambs = hmicForces().find((f) => f.force === "Cambridgeshire")!;
const full = forceWorkbook(cambs, "establishment", "ownWords");
const noBreakdown = workbookOf(...full.sheets.filter((s) => s.name !== "Support breakdown"));

test("without the breakdown the share is unconfirmed, names the cell, and has no status", () => {
  const a = analyse(detectForceData(noBreakdown));
  const y = a.businessSupport.byYear.find((b) => b.year === 2009)!;
  // "Support services" (Establishment row 13) holds all 318 FTE, IT included: 318 / 2,752.
  expect(y.supportFte.value).toBe(318);
  expect(y.totalFte.value).toBe(2752);
  expect(y.confidence).toBe("unconfirmed");
  expect(y.status).toBe("unknown");
  expect(y.unclassifiedFte.value).toBe(318);
  expect(y.doubts.map((d) => `${d.cell.sheet}!${d.cell.address}`)).toEqual(["Establishment!A13"]);
  expect(y.doubts[0].reason).toContain("IT/Communications");
  expect(a.businessSupport.rag.rag).toBe("none");
  const f = a.findings.find((x) => x.code === "SUPPORT_LINE_UNCONFIRMED");
  expect(f?.cell).toEqual({ sheet: "Establishment", address: "A13" });
  expect(f?.fix).toMatch(/breakdown|Data step/);
  const json = analysisToJson(a) as unknown as {
    businessSupport: {
      byYear: { confidence: string; unclassifiedFte: number; doubts: { cell: string }[] }[];
    };
  };
  const jy = json.businessSupport.byYear[0];
  expect([jy.confidence, jy.unclassifiedFte, jy.doubts[0].cell]).toEqual([
    "unconfirmed",
    318,
    "Establishment!A13",
  ]);
});

test("confirming the line's category in the Data step gives the figure a status", () => {
  const d = detectForceData(noBreakdown, {
    functionCategories: { "Establishment!A13": "administration" },
  });
  const y = analyse(d).businessSupport.byYear.find((b) => b.year === 2009)!;
  expect(y.confidence).toBe("confirmed");
  expect(y.status).toBe("above"); // 318 / 2,752 = 11.6%, as the user has chosen to count it
});

test("with the breakdown, the POA reading counts training too and says so", () => {
  const poa = applyOverrides(DEFAULT_POLICY, { "businessSupport.definition": "poa" }).policy;
  const a = analyse(detectForceData(full), poa);
  const y = a.businessSupport.byYear.find((b) => b.year === 2009)!;
  // Training (ADR: 'Learning and development') is a support function on the POA reading; the
  // ADR's Operational support line may hold fleet and force command, so it is unconfirmed.
  expect(a.businessSupport.definition).toBe("poa");
  expect(y.supportFte.value).toBe(231 + cambs.total.Training);
  expect(y.confidence).toBe("unconfirmed");
  expect(y.doubts.map((x) => x.label)).toEqual(["Operational support"]);
});

describe("every front says so where the share is shown, and gives it no status", () => {
  // Cambridgeshire without its breakdown: "Support services" (Establishment!A13) holds all 318
  // business-support FTE, IT/Communications (87) among them; 318 / 2,752 = 11.6%, unconfirmed.
  const r = runVfm(noBreakdown);
  const statement = draftStatement(r, { generatedAt: "2010-06-01T09:00:00Z" });
  const section = statement.sections.find((s) => s.id === "evidence-support")!;
  const text = JSON.stringify(section);

  test("the statement: the share is unconfirmed, with no position, excess or saving", () => {
    const first = section.blocks[0] as ParagraphBlock;
    const words = first.runs.map((x) => x.text).join("");
    // The publishable statement names no cells; its working papers list the line to confirm.
    expect(words).toContain(
      "For 2009/10, business support staff number 318.0 FTE out of a workforce of 2,752.0 FTE: 11.6%. The 2009/10 share is unconfirmed: it depends on 318.0 FTE on a line the add-in could not classify or place, so it is given no position against the threshold until that line is confirmed."
    );
    expect(text).not.toMatch(/under 7%\.|not yet under|fewer business support FTE/);
    expect(text).toContain(
      "The support FTE above 7% and the saving from removing them are not given until the share is confirmed; the working papers list the lines to confirm."
    );
    const table = section.blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.id === "support-by-year"
    )!;
    const against = table.columns.findIndex((c) => c.header === "Against 7%");
    expect(table.rows[0].cells[against].text).toBe(
      "Unconfirmed (318.0 FTE not yet classified or placed)"
    );
    const chart = section.blocks.find((b): b is ChartBlock => b.kind === "chart")!;
    expect(chart.categories).toEqual(["2009/10 (unconfirmed)"]);
    // The working papers' points to check name the cell and the correction.
    const papers = JSON.stringify(statement.papers);
    expect(papers).toContain('\\"Support services\\" at Establishment!A13 (318 FTE in 2009/10)');
  });

  test("the support services area has no status while its test awaits confirmation", () => {
    const area = areaStatus(r.analysis, "supportServices");
    expect(area.rag).toBe("none");
    expect(area.rule).toMatch(/^Not assessed until the figures are confirmed\./);
  });

  test("the pane's card: marked beside the figure, no position, and a one-click confirmation", () => {
    const card = supportCard(r.analysis);
    expect(card.figure.text).toBe("11.6%");
    expect(card.figureLabel).toBe(
      "Business support as a share of the workforce, 2009/10, unconfirmed"
    );
    expect(card.position).toBe(
      "Not given: the share is unconfirmed (318.0 FTE not yet classified or placed)"
    );
    expect(card.rag.words).toBe("Not assessed");
    const view = supportDoubts(r)!;
    expect(view.doubts.map((d) => [formatRef(d.cell), d.confirm?.label])).toEqual([
      [
        "Establishment!A13",
        // The line holds IT/Communications (87 FTE) and no breakdown: the button says all of it counts.
        "Count all 318.0 FTE as Administration and central support (counted as business support), IT/Communications in it too",
      ],
    ]);
    // The one click records the category for that cell; the next run gives the share a status.
    const options = confirmDoubt({}, view.doubts[0]);
    expect(options).toEqual({ functionCategories: { "Establishment!A13": "administration" } });
    const y = analyse(detectForceData(noBreakdown, options)).businessSupport.byYear[0];
    expect([y.confidence, y.status]).toEqual(["confirmed", "above"]);
    // Counted whole, as confirmed, and the statement says IT is in it.
    expect(y.confirmedWhole).toEqual([
      expect.objectContaining({
        label: "Support services",
        fte: 318,
        parts: ["IT/Communications"],
      }),
    ]);
    const confirmed = runVfm(noBreakdown, { settings: { detect: { ...options } as never } });
    const table = draftStatement(confirmed, { generatedAt: "2010-06-01T09:00:00Z" })
      .sections.find((s) => s.id === "evidence-support")!
      .blocks.find((b): b is TableBlock => b.kind === "table" && b.id === "support-by-year")!;
    expect(table.note).toContain(
      '"Support services" is counted whole, as confirmed, with the IT/Communications in it, which the measure would otherwise leave out.'
    );
  });

  test("the command line marks the share and gives no excess", () => {
    const out = analysisSummary(r.analysis);
    expect(out).toContain("11.6% in 2009/10 (unconfirmed)");
    expect(out).toContain("not assessed: 318.0 FTE unconfirmed");
    expect(out).toContain(
      "FTE above 7.0% in 2009/10 and the saving: not given until the share is confirmed"
    );
  });

  test("the inspector's check neither passes nor fails the 7% rule on it", () => {
    const f = checkWorkbook(r).findings.filter(
      (x) => x.rule === "SUPPORT_BELOW_THRESHOLD_BY_TARGET"
    );
    expect(f.map((x) => [x.message, formatRef(x.cell!)])).toEqual([
      [
        "The 2009/10 share is unconfirmed: it depends on 318.0 FTE on a line the add-in could not classify or place (Establishment!A13), so it is given no position against the threshold until that line is confirmed. Whether business support is below 7% by 2013/14 cannot be checked until then.",
        "Establishment!A13",
      ],
    ]);
  });
});

test("a savings scenario from the unconfirmed share is unconfirmed too", () => {
  const d = detectForceData(noBreakdown);
  const a = analyse(d);
  const s = runScenario(d, a, {
    name: "Reach 7% by 2012/13",
    levers: { businessSupport: { kind: "reach", year: 2012 } },
  });
  const rows = s.businessSupport?.byYear ?? [];
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.status === "unknown")).toBe(true);
  expect(s.businessSupport?.yearShareReached).toBeNull();
  const f = s.findings.find((x) => x.code === "SCENARIO_SUPPORT_UNCONFIRMED");
  expect(f?.cell).toEqual({ sheet: "Establishment", address: "A13" });
});
