/**
 * A scenario as JSON (`vfm model --json`; schema in schema/model.schema.json): money in pounds
 * (at most two decimals), ratios as fractions, FTE as numbers, years "2008/09", dates ISO, cells
 * "Sheet!C7".
 */
import { Finding, findingPlace } from "../findings";
import { toPounds } from "../money";
import { FinancialYear } from "../years";
import { cellsJson } from "../analysis/json";
import { Figure } from "../analysis/types";
import { ScenarioLevers, ScenarioResult, SettingUsed } from "./types";
import { formatYear } from "../format";

export const MODEL_JSON_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type ModelJson = { [k: string]: Json };

const ratio = (r: number | null | undefined): number | null =>
  r === null || r === undefined || !Number.isFinite(r) ? null : Math.round(r * 1e10) / 1e10;
const year = (y: FinancialYear | null | undefined): string | null =>
  y === null || y === undefined ? null : formatYear(y);
const pounds = (f: Figure<number> | null | undefined): number | null =>
  f ? toPounds(f.value) : null;
const fte = (v: number): number => Math.round(v * 100) / 100;
const cells = (f: Figure<unknown> | null | undefined): string[] => (f ? cellsJson(f.sources) : []);

function findingJson(f: Finding): Json {
  const o: { [k: string]: Json } = {
    severity: f.severity,
    code: f.code,
    message: f.message,
    cell: findingPlace(f) ?? null,
  };
  if (f.fix) o.fix = f.fix;
  return o;
}

const settingsJson = (s: readonly SettingUsed[]): Json =>
  s.map((x) => ({ key: x.key, label: x.label, value: x.value }));

export function leversJson(l: ScenarioLevers): Json {
  const o: { [k: string]: Json } = {};
  if (l.overtime)
    o.overtime =
      l.overtime.kind === "rate"
        ? { yearlyCut: l.overtime.rate }
        : l.overtime.kind === "amount"
          ? { yearlyCutAmount: toPounds(l.overtime.amount) }
          : { reachBy: formatYear(l.overtime.year) };
  if (l.businessSupport)
    o.businessSupport =
      l.businessSupport.kind === "remove"
        ? {
            remove: l.businessSupport.removals.map((r) => ({
              year: formatYear(r.year),
              fte: r.fte,
            })),
          }
        : { reachBy: formatYear(l.businessSupport.year), share: l.businessSupport.share ?? null };
  if (l.procurement)
    o.procurement = {
      moves: (l.procurement.moves ?? []).map((m) => ({ cell: m.cell, date: m.date })),
      rates: Object.fromEntries(
        Object.entries(l.procurement.rates ?? {}).map(([k, v]) => [k, v ?? null])
      ),
    };
  if (l.payGrowth !== undefined) o.payGrowth = l.payGrowth;
  if (l.from !== undefined) o.from = formatYear(l.from);
  return o;
}

export function scenarioToJson(r: ScenarioResult, force: string): ModelJson {
  const ot = r.overtime;
  const bs = r.businessSupport;
  const pr = r.procurement;
  return {
    schemaVersion: MODEL_JSON_VERSION,
    force,
    scenario: r.name,
    levers: leversJson(r.levers),
    years: r.years.map(formatYear),
    overtime: ot
      ? {
          from: formatYear(ot.from),
          fromReason: ot.fromReason,
          yearlyCut: ot.yearlyCut,
          yearlyCutAmount: ot.yearlyCutAmount === null ? null : toPounds(ot.yearlyCutAmount),
          solvedFor: year(ot.solvedFor),
          payGrowth: ot.payGrowth,
          byYear: ot.byYear.map((y) => ({
            year: formatYear(y.year),
            overtime: toPounds(y.overtime.value),
            pay: toPounds(y.pay.value),
            paybill: toPounds(y.paybill.value),
            ratio: ratio(y.ratio?.value),
            status: y.status,
            overtimeFrom: y.overtimeFrom,
            payFrom: y.payFrom,
            cells: { overtime: cells(y.overtime), paybill: cells(y.paybill) },
            formula: { overtime: y.overtime.formula ?? null, pay: y.pay.formula ?? null },
          })),
          yearThresholdReached: year(ot.yearThresholdReached),
          savingsAgainstBaseline: ot.savingsAgainstBaseline.map((s) => ({
            year: formatYear(s.year),
            saving: toPounds(s.saving.value),
            cells: cells(s.saving),
          })),
          requiredPath: ot.requiredPath.map((p) => ({
            year: formatYear(p.year),
            maximum: toPounds(p.maximum.value),
            rule: p.rule,
          })),
          settings: settingsJson(ot.settings),
        }
      : null,
    businessSupport: bs
      ? {
          from: formatYear(bs.from),
          share: ratio(bs.share),
          removeFte: bs.removeFte.map((x) => ({ year: formatYear(x.year), fte: fte(x.fte) })),
          solvedFor: year(bs.solvedFor),
          byYear: bs.byYear.map((y) => ({
            year: formatYear(y.year),
            supportFte: fte(y.supportFte.value),
            totalFte: fte(y.totalFte.value),
            ratio: ratio(y.ratio?.value),
            status: y.status,
            removedFte: fte(y.removedFte),
            saving: pounds(y.saving),
            from: y.from,
            cells: { supportFte: cells(y.supportFte), totalFte: cells(y.totalFte) },
          })),
          yearShareReached: year(bs.yearShareReached),
          averageCost: pounds(bs.averageCost),
          cashableSaving: pounds(bs.cashableSaving),
          cells: { averageCost: cells(bs.averageCost) },
          settings: settingsJson(bs.settings),
        }
      : null,
    procurement: pr
      ? {
          moves: pr.moves.map((m) => ({
            cell: m.cell,
            category: m.category,
            categoryText: m.categoryText,
            supplier: m.supplier ?? null,
            spend: toPounds(m.spend.value),
            moveDate: m.moveDate,
            migrateBy: m.migrateBy,
            late: m.late,
            rate: m.rate,
            rateFrom: m.rateFrom,
            annualSaving: pounds(m.annualSaving),
          })),
          byYear: pr.byYear.map((y) => ({
            year: formatYear(y.year),
            saving: toPounds(y.saving.value),
            cells: cells(y.saving),
          })),
          byCategory: pr.byCategory.map((c) => ({
            category: c.category,
            rate: c.rate,
            rateFrom: c.rateFrom,
            annualSaving: pounds(c.annualSaving),
          })),
          annualSaving: toPounds(pr.annualSaving.value),
          settings: settingsJson(pr.settings),
        }
      : null,
    findings: r.findings.map(findingJson),
  };
}
