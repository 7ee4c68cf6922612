/**
 * A small force built in code for the statement tests ("Testshire Police"), run through the real
 * analysis. Amounts in £000 (the budget's stated unit). Chosen so that:
 * - overtime is above 4% at the 2008/09 baseline (5,200 / (100,000 + 5,200) = 4.94%) and misses
 *   its required maximum in 2009/10 (5,000 > 95% x 5,200 = 4,940), then comes under 4% in 2012/13
 *   (4,050 / 104,050 = 3.89%);
 * - business support is above 7% (215 of 2,310 FTE = 9.3% in 2010/11);
 * - bureaucracy has no savings plan lines at all (the missing-data case);
 * - one user note starts with "=" (it must stay literal text everywhere).
 */
import { makeData, DataSpec } from "../analysis/fixtures";
import { analyse } from "../../../src/core/analysis/analyse";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { ForceData } from "../../../src/core/forceData";
import { Analysis } from "../../../src/core/analysis/types";

export const FORMULA_NOTE = "=SUM(A1) joint custody suite with Northshire";

const year = (y: number, officers: number, staff: number) => ({
  [y]: { officers, staff, total: officers + staff },
});

export const TESTSHIRE: DataSpec = {
  forceName: "Testshire Police",
  unit: "£000",
  budget: [
    {
      key: "officerPay",
      label: "Police officer pay",
      amounts: {
        2008: 100000,
        2009: 101000,
        2010: 101500,
        2011: 100800,
        2012: 100000,
        2013: 99500,
      },
    },
    {
      key: "officerOvertime",
      label: "Police officer overtime",
      amounts: { 2008: 5200, 2009: 5000, 2010: 4600, 2011: 4300, 2012: 4050, 2013: 4000 },
    },
    {
      key: "staffPay",
      label: "Police staff pay",
      amounts: { 2008: 40000, 2009: 40000, 2010: 40000, 2011: 40000, 2012: 40000, 2013: 40000 },
    },
  ],
  workforce: [
    {
      label: "Operational policing",
      category: "operational",
      fte: { ...year(2009, 1900, 110), ...year(2010, 1900, 100) },
    },
    {
      label: "Human resources",
      category: "hr",
      fte: { ...year(2009, 5, 57), ...year(2010, 5, 55) },
    },
    { label: "Finance", category: "finance", fte: { ...year(2009, 0, 46), ...year(2010, 0, 45) } },
    {
      label: "Procurement",
      category: "procurement",
      fte: { ...year(2009, 0, 20), ...year(2010, 0, 20) },
    },
    {
      label: "Administration",
      category: "administration",
      fte: { ...year(2009, 10, 82), ...year(2010, 10, 80) },
    },
    { label: "IT", category: "it", fte: { ...year(2009, 0, 40), ...year(2010, 0, 40) } },
    { label: "Estates", category: "estates", fte: { ...year(2009, 0, 25), ...year(2010, 0, 25) } },
    {
      label: "Training",
      category: "training",
      fte: { ...year(2009, 15, 15), ...year(2010, 15, 15) },
    },
  ],
  procurement: [
    {
      category: "vehicles",
      categoryText: "Vehicles",
      supplier: "Fleetco",
      spend: 1200,
      route: "nationalFramework",
    },
    {
      category: "bodyArmour",
      categoryText: "Body armour",
      supplier: "Shieldco",
      spend: 300,
      contractEnd: "2011-03-31",
    },
    {
      category: "forensicDrugs",
      categoryText: "Forensic services - drugs",
      supplier: "LabCo",
      spend: 500,
      contractEnd: "2010-12-31",
      plannedMigration: "2012-06-30",
    },
    { category: "other", categoryText: "Stationery", supplier: "PaperCo", spend: 150 },
  ],
  savings: [
    { area: "deployment", year: 2010, planned: 500, actual: 450 },
    { area: "deployment", type: "nonCashable", year: 2011, planned: 300 },
    { area: "overtime", year: 2010, planned: 300, actual: 320 },
    { area: "overtime", year: 2011, planned: 250 },
    { area: "processImprovement", type: "nonCashable", year: 2010, planned: 800, actual: 700 },
    { area: "procurement", year: 2010, planned: 200, actual: 150 },
    { area: "it", year: 2011, planned: 400 },
    {
      area: "supportServices",
      year: 2010,
      planned: 600,
      actual: 400,
      notes: "Shared HR service with Westshire from April 2011",
    },
    { area: "collaboration", year: 2011, planned: 150, notes: FORMULA_NOTE },
    {
      area: "overheads",
      year: 2010,
      planned: 80,
      actual: 95,
      notes: "+ travel policy <b>tightened</b>",
    },
  ],
};

export function testshire(): { data: ForceData; analysis: Analysis } {
  const data = makeData(TESTSHIRE);
  return { data, analysis: analyse(data, DEFAULT_POLICY) };
}

export const GENERATED_AT = "2011-03-31T09:30:00Z";
