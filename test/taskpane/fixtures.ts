/**
 * A small force for the task pane's helpers, built with the analysis tests' makeData (figures in
 * pounds, placed in made-up cells) and run through the core as the pane runs it.
 */
import { analyse } from "../../src/core/analysis/analyse";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { VfmResult } from "../../src/core/run";
import { DataSpec, M, makeData } from "../core/analysis/fixtures";

export const paneSpec: DataSpec = {
  forceName: "Exampleshire Constabulary",
  budget: [
    // Officer pay and overtime: 2010/11 ratio = 5m / (95m + 5m) = 5.0%.
    {
      key: "officerPay",
      label: "Police officer pay",
      amounts: { 2008: 94.5 * M, 2009: 94.8 * M, 2010: 95 * M },
    },
    {
      key: "officerOvertime",
      label: "Police officer overtime",
      amounts: { 2008: 5.5 * M, 2009: 5.2 * M, 2010: 5 * M },
    },
    {
      key: "staffPay",
      label: "Police staff pay",
      amounts: { 2008: 24 * M, 2009: 24 * M, 2010: 24 * M },
    },
  ],
  workforce: [
    {
      label: "Operational",
      category: "operational",
      fte: {
        2008: { officers: 2000, staff: 470, pcsos: 200 },
        2010: { officers: 2000, staff: 480, pcsos: 200 },
      },
    },
    { label: "HR", category: "hr", fte: { 2008: { staff: 240 }, 2010: { staff: 230 } } },
    { label: "IT", category: "it", fte: { 2008: { staff: 50 }, 2010: { staff: 50 } } },
    { label: "Estates", category: "estates", fte: { 2008: { staff: 40 }, 2010: { staff: 40 } } },
  ],
  procurement: [
    {
      category: "bodyArmour",
      supplier: "Armour Ltd",
      spend: 200_000,
      contractEnd: "2011-03-31",
      plannedMigration: "2011-06-30",
    },
    { category: "forensicDrugs", spend: 500_000, route: "nationalFramework" },
    { category: "vehicles", spend: 1_000_000, contractEnd: "2012-03-31" },
  ],
  savings: [
    { area: "overtime", year: 2009, planned: 300_000, actual: 270_000 },
    { area: "overtime", year: 2010, planned: 200_000 },
    { area: "procurement", year: 2010, planned: 42_000, type: "nonCashable" },
  ],
};

export function paneResult(spec: DataSpec = paneSpec): VfmResult {
  const data = makeData(spec);
  const analysis = analyse(data, DEFAULT_POLICY);
  return {
    workbook: { sheets: [] },
    data,
    analysis,
    forceName: analysis.force.value,
    findings: analysis.findings,
  };
}
