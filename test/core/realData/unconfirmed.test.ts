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
