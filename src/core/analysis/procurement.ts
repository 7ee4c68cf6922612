/**
 * Procurement against the national frameworks (5.31-5.40): spend in categories with a national
 * approach (addressable), how much of it already goes through a national framework, and for
 * every other line in those categories the date it should migrate by (the later of the
 * framework's date and the contract's end) and the expected yearly saving at the category's rate.
 */
import { CellRef, columnLetters, parseA1 } from "../grid";
import { Finding, finding } from "../findings";
import { RULE_SEVERITIES, RuleCode, ruleFinding } from "../check/ruleSeverities";
import { countOf, thereAre } from "../plainEnglish";
import { ForceData, ProcurementLine } from "../forceData";
import { Pence } from "../money";
import {
  FRAMEWORK_CATEGORIES,
  FrameworkCategory,
  Policy,
  frameworkFor,
  policySettingWords,
} from "../policy";
import { procurementCategoryLabel } from "../names";
import { fig, penceAtRate, rag } from "./figures";
import {
  Figure,
  ProcurementAnalysis,
  ProcurementCategorySummary,
  MigrationState,
  ProcurementOpportunity,
  RagStatus,
} from "./types";
import { formatDate, formatPolicyPercent, formatPounds, formatYear } from "../format";
import { financialYearEnd, IsoDate, isIsoDate } from "../dates";
import { analysisYears, policingPlanYear } from "./planYear";

const PARA = "5.31-5.40";

/**
 * The check rule each unmet migration state breaks. The area's status follows the rule's
 * severity (an error is off track, a warning at risk), so the Benchmarks step, the statement and
 * the check give one verdict for the same line.
 */
export const MIGRATION_RULE: Readonly<
  Record<Exclude<MigrationState, "inTime" | "notYetDue">, RuleCode>
> = {
  late: "MIGRATION_DATE_IN_TIME",
  notPlanned: "MIGRATION_DATE_PLANNED",
  dateUnreadable: "MIGRATION_DATE_PLANNED",
};

/**
 * Where each line's planned migration date is, or should be: its own cell, else the cell on its
 * row in the column most of the sheet's dates are in (counted once, not per line).
 */
function migrationCellOf(lines: readonly ProcurementLine[]): (l: ProcurementLine) => CellRef {
  const counts = new Map<string, Map<number, number>>();
  for (const l of lines) {
    const ref = l.plannedMigration?.sources[0];
    if (!ref) continue;
    const col = columnOf(ref.address);
    if (col === undefined) continue;
    let bySheet = counts.get(ref.sheet);
    if (!bySheet) counts.set(ref.sheet, (bySheet = new Map()));
    bySheet.set(col, (bySheet.get(col) ?? 0) + 1);
  }
  const column = new Map<string, string>();
  for (const [sheet, bySheet] of counts) {
    let best = -1;
    let n = 0;
    for (const [col, c] of bySheet)
      if (c > n || (c === n && col < best)) {
        best = col;
        n = c;
      }
    column.set(sheet, columnLetters(best));
  }
  return (l) => {
    const own = l.plannedMigration?.sources[0];
    if (own) return own;
    const col = column.get(l.labelCell.sheet);
    if (!col) return l.labelCell;
    const address = l.labelCell.address;
    const digits = plainDigitsAt(address);
    if (digits > 0) return { sheet: l.labelCell.sheet, address: col + address.slice(digits) };
    const at = parseA1(address);
    return at ? { sheet: l.labelCell.sheet, address: `${col}${at.row + 1}` } : l.labelCell;
  };
}

/**
 * Where the row number starts in a plain A1 address as detection writes every cell it reads
 * ("C7" -> 1, "AB12" -> 2): one to three capital letters, then one to seven digits with no
 * leading zero. -1 for any other form ("$C$7", "c7", "C07"), which parseA1 reads (and reads the
 * same: "C" + "7" is parseA1's column and row + 1). Each ledger line asks this once, so it is a
 * scan of characters, not a regular expression with its match arrays.
 */
function plainDigitsAt(address: string): number {
  const n = address.length;
  let i = 0;
  while (i < n && address.charCodeAt(i) >= 65 && address.charCodeAt(i) <= 90) i++;
  if (i === 0 || i > 3 || n - i < 1 || n - i > 7 || address.charCodeAt(i) === 48) return -1;
  for (let j = i; j < n; j++) {
    const c = address.charCodeAt(j);
    if (c < 48 || c > 57) return -1;
  }
  return i;
}

/** The zero-based column of an A1 address (parseA1's), plain ones read without a regular expression. */
function columnOf(address: string): number | undefined {
  const digits = plainDigitsAt(address);
  if (digits < 0) return parseA1(address)?.col;
  let n = 0;
  for (let i = 0; i < digits; i++) n = n * 26 + (address.charCodeAt(i) - 64);
  return n - 1;
}

/** The state of a line not yet on its national approach, worked out here once. */
function migrationState(
  planned: string | null,
  plannedText: string | undefined,
  latestOnTime: string,
  planDue: boolean
): MigrationState {
  if (planned !== null) return planned > latestOnTime ? "late" : "inTime";
  if (plannedText !== undefined) return "dateUnreadable";
  return planDue ? "notPlanned" : "notYetDue";
}

/**
 * A line's state where a move is (or is not yet) needed now, for a reading of
 * procurement.planMovesFor other than the one the analysis ran under (readings.ts).
 */
export function withPlanDue(o: ProcurementOpportunity, planDue: boolean): ProcurementOpportunity {
  const unplanned = o.migration === "notPlanned" || o.migration === "notYetDue";
  return {
    ...o,
    planDue,
    migration: unplanned ? (planDue ? "notPlanned" : "notYetDue") : o.migration,
  };
}
/** Findings about single lines are listed up to this many per kind, then summed up in one. */
const MAX_LINE_FINDINGS = 20;

/**
 * On a national framework: the line's route says so; for construction, whose national approach
 * is regional collaboration (5.37), a regional route counts too.
 */
export function isOnFramework(line: ProcurementLine): boolean {
  return (
    line.route === "nationalFramework" ||
    (line.route === "regional" && line.category === "construction")
  );
}

interface Acc {
  spend: Pence;
  on: Pence;
  saving: Pence;
  hasSaving: boolean;
  lines: number;
  spendSrc: CellRef[];
  onSrc: CellRef[];
  savingSrc: CellRef[];
  noRate: { spend: Pence; count: number; first?: CellRef };
  noEnd: { count: number; first?: CellRef };
  savingFormula: string;
}

function newAcc(rate: number | null): Acc {
  return {
    savingFormula: `spend x ${formatPolicyPercent(rate ?? 0)}`,
    spend: 0,
    on: 0,
    saving: 0,
    hasSaving: false,
    lines: 0,
    spendSrc: [],
    onSrc: [],
    savingSrc: [],
    noRate: { spend: 0, count: 0 },
    noEnd: { count: 0 },
  };
}

/** Distinct texts a memo keeps at most (a ledger's dates are a few hundred; this only bounds odd input). */
const MEMO_LIMIT = 100_000;

/**
 * A ledger's date arithmetic, worked out once per distinct text: whether a cell's text is an ISO
 * date, and the day after a contract's end. A ledger of 200,000 lines holds a few dozen distinct
 * dates (bench/parts/analysis.ts's ledger of 200,000: 16 contract ends, 3 planned moves), so per line
 * this is one map look-up, not a regular expression, a Date and an ISO string each time.
 */
class DateMemo {
  private readonly iso = new Map<string, boolean>();
  private readonly after = new Map<string, string>();

  isIso(text: string | undefined): text is IsoDate {
    if (text === undefined) return false;
    let ok = this.iso.get(text);
    if (ok === undefined) {
      ok = isIsoDate(text);
      if (this.iso.size < MEMO_LIMIT) this.iso.set(text, ok);
    }
    return ok;
  }

  dayAfter(iso: IsoDate): IsoDate {
    let next = this.after.get(iso);
    if (next === undefined) {
      next = dayAfter(iso);
      if (this.after.size < MEMO_LIMIT) this.after.set(iso, next);
    }
    return next;
  }
}

export function analyseProcurement(data: ForceData, policy: Policy): ProcurementAnalysis {
  const findings: Finding[] = [];
  const dates = new DateMemo();
  const acc = new Map<FrameworkCategory, Acc>();
  const opportunities: ProcurementOpportunity[] = [];
  let total = 0;
  let other = 0;
  const totalSrc: CellRef[] = [];
  const otherSrc: CellRef[] = [];
  let late = 0;
  let unplanned = 0;
  let negative = 0;
  let unknownRoute = 0;
  let firstUnknownRoute: CellRef | undefined;
  const noRateSrc: CellRef[] = [];
  // Sources in ledger order (runs of cells then read as ranges), as well as per category.
  const addrSrc: CellRef[] = [];
  const onSrc: CellRef[] = [];
  const savingSrc: CellRef[] = [];
  // 5.35-5.37 leave open whether a move must be planned before its approach exists
  // (procurement.planMovesFor): either every contract, or those whose approach is in place by
  // the end of the Local Policing Plan's year.
  const planYear =
    policy.procurement.planMovesFor === "approachInPlace"
      ? policingPlanYear(data, policy, analysisYears(data, policy))
      : null;
  const dueBy = planYear === null ? null : financialYearEnd(planYear);
  const notDue: { count: number; first?: CellRef } = { count: 0 };

  const migrationCell = migrationCellOf(data.procurement.lines);
  for (const line of data.procurement.lines) {
    const spend = line.annualSpend.value;
    const src = line.annualSpend.sources;
    total += spend;
    for (const s of src) totalSrc.push(s);
    if (spend < 0) {
      negative++;
      if (negative <= MAX_LINE_FINDINGS)
        findings.push(
          finding(
            "warning",
            "NEGATIVE_SPEND",
            `The spend on this line is negative (${formatPounds(spend)}); it is included as written.`,
            src[0] ?? line.labelCell,
            "Check whether it is a credit note that belongs with another line."
          )
        );
    }
    const rule = frameworkFor(policy, line.category);
    if (!rule) {
      other += spend;
      for (const s of src) otherSrc.push(s);
      continue;
    }
    const cat = line.category as FrameworkCategory;
    let a = acc.get(cat);
    if (!a) acc.set(cat, (a = newAcc(rule.rate)));
    a.spend += spend;
    a.lines++;
    for (const s of src) {
      a.spendSrc.push(s);
      addrSrc.push(s);
    }
    if (isOnFramework(line)) {
      a.on += spend;
      for (const s of src) {
        a.onSrc.push(s);
        onSrc.push(s);
      }
      continue;
    }
    if (line.route === "unknown") {
      unknownRoute++;
      firstUnknownRoute ??= line.labelCell;
    }
    const endText = line.contractEnd?.value;
    const end = dates.isIso(endText) ? endText : null;
    if (end === null) {
      a.noEnd.count++;
      a.noEnd.first ??= line.labelCell;
    }
    const migrateBy = end !== null && end > rule.inPlaceBy ? end : rule.inPlaceBy;
    const plannedText = line.plannedMigration?.value;
    const planned = dates.isIso(plannedText) ? plannedText : null;
    // 5.35(b): a move is due no later than the point at which the existing arrangement expires,
    // so a move planned for the day after the contract's last day is on time.
    const latestOnTime =
      end !== null && end >= rule.inPlaceBy ? dates.dayAfter(end) : rule.inPlaceBy;
    const planDue = dueBy === null || rule.inPlaceBy <= dueBy;
    const migration = migrationState(planned, plannedText, latestOnTime, planDue);
    const plannedLate = planned === null ? null : migration === "late";
    const moveCell = migrationCell(line);
    if (migration === "notPlanned") {
      unplanned++;
      if (unplanned <= MAX_LINE_FINDINGS)
        findings.push(
          ruleFinding(
            "MIGRATION_DATE_PLANNED",
            "MIGRATION_NOT_PLANNED",
            `${lineWords(line.categoryText, line.supplier, spend)} is not yet bought through the national approach for ${procurementCategoryLabel(cat)} and has no planned date to move onto it; it should move by ${formatDate(migrateBy)}.`,
            moveCell,
            `Enter the date the contract moves onto the national approach (${formatDate(migrateBy)} at the latest).`
          )
        );
    }
    if (plannedLate) {
      late++;
      if (late <= MAX_LINE_FINDINGS)
        findings.push(
          ruleFinding(
            "MIGRATION_DATE_IN_TIME",
            "MIGRATION_PLANNED_LATE",
            `The planned move to the national approach for ${procurementCategoryLabel(cat)} (${formatDate(planned!)}) is later than ${formatDate(latestOnTime)}, the later of the framework's date and the day after the contract ends.`,
            line.plannedMigration!.sources[0] ?? line.labelCell,
            `Bring the migration forward to ${formatDate(latestOnTime)} or earlier.`
          )
        );
    }
    let annualSaving: Figure<Pence> | null = null;
    if (rule.rate !== null) {
      const v = penceAtRate(spend, rule.rate);
      annualSaving = { value: v, sources: src, formula: a.savingFormula };
      a.saving += v;
      a.hasSaving = true;
      for (const s of src) {
        a.savingSrc.push(s);
        savingSrc.push(s);
      }
    } else {
      a.noRate.spend += spend;
      a.noRate.count++;
      a.noRate.first ??= line.labelCell;
      for (const s of src) noRateSrc.push(s);
    }
    if (migration === "notYetDue") {
      notDue.count++;
      notDue.first ??= line.labelCell;
    }
    const o: { -readonly [K in keyof ProcurementOpportunity]: ProcurementOpportunity[K] } = {
      category: cat,
      categoryText: line.categoryText,
      route: line.route,
      spend: line.annualSpend, // a Sourced<Pence> is a Figure<Pence>: no copy per line
      frameworkDate: rule.inPlaceBy,
      contractEnd: end,
      migrateBy,
      plannedMigration: planned,
      plannedMigrationLate: plannedLate,
      planDue,
      migration,
      migrationCell: moveCell,
      rate: rule.rate,
      annualSaving,
      cell: line.labelCell,
    };
    if (line.supplier !== undefined) o.supplier = line.supplier;
    opportunities.push(o);
  }

  if (late > MAX_LINE_FINDINGS)
    findings.push(
      ruleFinding(
        "MIGRATION_DATE_IN_TIME",
        "MIGRATION_PLANNED_LATE",
        `${thereAre(late - MAX_LINE_FINDINGS, "more line")} that ${late - MAX_LINE_FINDINGS === 1 ? "plans" : "plan"} to move later than ${late - MAX_LINE_FINDINGS === 1 ? "its" : "their"} migrate-by date.`
      )
    );
  if (unplanned > MAX_LINE_FINDINGS)
    findings.push(
      ruleFinding(
        "MIGRATION_DATE_PLANNED",
        "MIGRATION_NOT_PLANNED",
        `${thereAre(unplanned - MAX_LINE_FINDINGS, "more line")} with no planned date to move onto the national approach.`
      )
    );
  if (negative > MAX_LINE_FINDINGS)
    findings.push(
      finding(
        "warning",
        "NEGATIVE_SPEND",
        `${thereAre(negative - MAX_LINE_FINDINGS, "more line")} with negative spend.`
      )
    );
  if (unknownRoute > 0)
    findings.push(
      finding(
        "info",
        "PROCUREMENT_ROUTE_UNKNOWN",
        `${thereAre(unknownRoute, "line")} in national-framework categories that ${unknownRoute === 1 ? "does" : "do"} not say how ${unknownRoute === 1 ? "it is" : "they are"} bought; ${unknownRoute === 1 ? "it is" : "they are"} counted as not yet on a framework.`,
        firstUnknownRoute,
        "State the route (national framework, regional or local) for each line."
      )
    );

  if (notDue.count > 0 && planYear !== null && dueBy !== null)
    findings.push(
      finding(
        "info",
        "MIGRATION_NOT_YET_DUE",
        `${thereAre(notDue.count, "line")} not yet on a national approach with no planned move, but ${notDue.count === 1 ? "its approach is" : "their approaches are"} in place only after ${formatDate(dueBy)}, the end of the plan's year ${formatYear(planYear)}; under ${policySettingWords("procurement.planMovesFor")} ${notDue.count === 1 ? "it is" : "they are"} listed as to plan, with no status.`,
        notDue.first,
        "Plan each move once its national approach is in place, no later than the contract's end."
      )
    );

  const byCategory: ProcurementCategorySummary[] = [];
  let addressable = 0;
  let on = 0;
  let saving = 0;
  let noRateSpend = 0;
  for (const cat of FRAMEWORK_CATEGORIES) {
    const a = acc.get(cat);
    if (!a) continue;
    const rule = policy.procurement.frameworks[cat];
    addressable += a.spend;
    on += a.on;
    saving += a.saving;
    noRateSpend += a.noRate.spend;
    byCategory.push({
      category: cat,
      approach: rule.approach,
      frameworkDate: rule.inPlaceBy,
      paragraph: rule.paragraph,
      spend: fig(a.spend, a.spendSrc),
      onFrameworkSpend: fig(a.on, a.onSrc),
      onFrameworkShare: a.spend !== 0 ? a.on / a.spend : null,
      rate: rule.rate,
      annualSaving: a.hasSaving
        ? fig(a.saving, a.savingSrc, `off-framework spend x ${formatPolicyPercent(rule.rate ?? 0)}`)
        : null,
      lineCount: a.lines,
    });
    if (a.noRate.count > 0) {
      findings.push(
        finding(
          "warning",
          "PROCUREMENT_RATE_NEEDED",
          `No saving rate is stated for ${procurementCategoryLabel(cat)}, so the saving on ${formatPounds(a.noRate.spend)} of spend not yet on the national approach (${countOf(a.noRate.count, "line")}) is not counted.`,
          a.noRate.first,
          `Enter a local estimate (for example 5%) as ${policySettingWords(`procurement.frameworks.${cat}.rate`)}.`
        )
      );
    }
    if (a.noEnd.count > 0)
      findings.push(
        finding(
          "info",
          "CONTRACT_END_MISSING",
          `${thereAre(a.noEnd.count, "line")} for ${procurementCategoryLabel(cat)} with no contract end date, so ${a.noEnd.count === 1 ? "it is" : "they are"} due to migrate by the framework's date, ${formatDate(rule.inPlaceBy)}.`,
          a.noEnd.first,
          "Add the contract end dates so the migrate-by dates allow for them."
        )
      );
  }

  const sheet = data.sheetsUsed.find((s) => s.as === "procurement")?.sheet;
  if (data.procurement.lines.length === 0)
    findings.push(
      finding(
        "warning",
        "NO_PROCUREMENT_LINES",
        "No procurement spend lines were found, so framework adoption cannot be shown.",
        sheet ? { sheet } : undefined,
        "Add a procurement sheet with category, supplier, annual spend, route and contract end."
      )
    );
  else if (acc.size === 0)
    findings.push(
      finding(
        "info",
        "NO_ADDRESSABLE_SPEND",
        "None of the procurement lines is in a category with a national approach.",
        sheet ? { sheet } : undefined
      )
    );

  const onShare = addressable !== 0 ? on / addressable : null;
  return {
    addressableSpend: fig(addressable, addrSrc, "spend in categories with a national approach"),
    onFrameworkSpend: fig(on, onSrc, "of which through national frameworks"),
    onFrameworkShare: onShare,
    otherSpend: fig(other, otherSrc, "spend in other categories"),
    totalSpend: fig(total, totalSrc, "all procurement lines"),
    byCategory,
    opportunities,
    expectedAnnualSaving: fig(saving, savingSrc, "sum of spend x category rate"),
    spendWithoutRate: fig(noRateSpend, noRateSrc, "off-framework spend with no stated rate"),
    rag: procurementRag(opportunities, addressable),
    findings,
  };
}

const RAG_OF_SEVERITY = { error: "red", warning: "amber" } as const;

/**
 * The area's status from its lines' states: each unmet state is as serious as the check rule it
 * breaks (MIGRATION_RULE). A planned date that cannot be read leaves the area with no status,
 * unless another line already puts it off track: the add-in cannot say whether that move is in
 * time.
 */
export function procurementRag(
  opps: readonly ProcurementOpportunity[],
  addressable: Pence
): RagStatus {
  // One pass, counted, not three filtered copies of 100,000 lines or more.
  let late = 0;
  let notPlanned = 0;
  let dateUnreadable = 0;
  for (const o of opps)
    if (o.migration === "late") late++;
    else if (o.migration === "notPlanned") notPlanned++;
    else if (o.migration === "dateUnreadable") dateUnreadable++;
  return migrationRag({ lines: opps.length, late, notPlanned, dateUnreadable }, addressable);
}

/** procurementRag from the count of lines in each state (the readings count without copying lines). */
export function migrationRag(
  counts: {
    readonly lines: number;
    readonly late: number;
    readonly notPlanned: number;
    readonly dateUnreadable: number;
  },
  addressable: Pence
): RagStatus {
  const { late, notPlanned: unplanned, dateUnreadable: unreadable } = counts;
  if (addressable === 0 && counts.lines === 0)
    return rag("none", "no spend in categories with a national approach", PARA);
  const reasons: { rag: "red" | "amber"; text: string }[] = [];
  if (late > 0)
    reasons.push({
      rag: RAG_OF_SEVERITY[RULE_SEVERITIES[MIGRATION_RULE.late]],
      // Rule 3: the reason starts with a word, as it opens the command line's "Why" column.
      text: `migration planned later than the migrate-by date for ${countOf(late, "line")}`,
    });
  if (unplanned > 0)
    reasons.push({
      rag: RAG_OF_SEVERITY[RULE_SEVERITIES[MIGRATION_RULE.notPlanned]],
      text: `no planned migration date for ${countOf(unplanned, "line")} not yet on a national framework`,
    });
  const worst = reasons.some((r) => r.rag === "red") ? "red" : reasons.length > 0 ? "amber" : null;
  if (unreadable > 0 && worst !== "red")
    return rag(
      "none",
      `the planned migration date of ${countOf(unreadable, "line")} cannot be read as a date, so whether ${unreadable === 1 ? "its move is" : "their moves are"} in time is not known`,
      PARA
    );
  if (worst !== null)
    return rag(
      worst,
      reasons
        .filter((r) => r.rag === worst)
        .concat(reasons.filter((r) => r.rag !== worst))
        .map((r) => r.text)
        .join("; "),
      PARA
    );
  return rag(
    "green",
    counts.lines === 0
      ? "all spend in national-approach categories already goes through national frameworks"
      : "every line not yet on a national framework has a migration planned in time",
    PARA
  );
}

/** A line as findings name it: '"Vehicles" from Northway Motors Ltd (£780,000 a year)'. */
export function lineWords(
  categoryText: string,
  supplier: string | undefined,
  spend: Pence
): string {
  return `"${categoryText}"${supplier ? ` from ${supplier}` : ""} (${formatPounds(spend)} a year)`;
}

/** The ISO date after an ISO date ("2012-03-31" -> "2012-04-01"), read as a calendar day. */
export function dayAfter(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}
