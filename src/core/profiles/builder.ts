/**
 * Gathers a file's values into one record per force and year, and works out the ratios the same
 * way for every layout, so a ratio from the 2010 workbook and one from a POA file are the same
 * arithmetic on their own cells.
 */
import { FORCES } from "../forces";
import { formatNumber, formatPercent } from "../format";
import { FinancialYear } from "../years";
import { FileContext, figureText } from "./cells";
import {
  OvertimeDefinition,
  ProfileCell,
  ProfileDefinitions,
  ProfileIndicatorKey,
  ProfileIndicators,
  ProfileRecord,
  ProfileValue,
} from "./types";
import { SupportDefinition } from "../classifications/definitions";

/** A difference between the add-in's ratio and the file's own above 0.01 percentage points is a finding. */
export const PUBLISHED_RATIO_TOLERANCE = 0.0001;

interface Draft {
  forceId: string;
  force: string;
  year: FinancialYear;
  indicators: { -readonly [K in keyof ProfileIndicators]: ProfileIndicators[K] };
  definitions: { -readonly [K in keyof ProfileDefinitions]: ProfileDefinitions[K] };
  population?: ProfileCell;
  basis: Partial<Record<ProfileIndicatorKey, string>>;
}

const sum = (cells: readonly ProfileCell[]) => cells.reduce((s, c) => s + c.value, 0);
const sumText = (cells: readonly ProfileCell[]) =>
  cells.length === 1
    ? figureText(cells[0].value)
    : `(${cells.map((c) => figureText(c.value)).join(" + ")})`;

export class RecordsBuilder {
  private readonly drafts = new Map<string, Draft>();
  constructor(readonly ctx: FileContext) {}

  private draft(forceId: string, force: string, year: FinancialYear): Draft {
    const k = `${forceId}|${year}`;
    let d = this.drafts.get(k);
    if (!d) {
      d = { forceId, force, year, indicators: {}, definitions: {}, basis: {} };
      this.drafts.set(k, d);
    }
    return d;
  }

  private set(
    forceId: string,
    force: string,
    year: FinancialYear,
    key: ProfileIndicatorKey,
    value: ProfileValue,
    basis: string
  ): Draft {
    const d = this.draft(forceId, force, year);
    d.indicators[key] = value;
    d.basis[key] = basis;
    return d;
  }

  /** Checks the add-in's ratio against the file's own, with a finding over the tolerance. */
  private checkPublished(
    value: number,
    published: ProfileCell | undefined,
    what: string,
    force: string,
    scale: "fraction" | "pounds" | "rate"
  ): void {
    if (!published) return;
    const diff = Math.abs(value - published.value);
    // Pounds and rates per 1,000 are shown to two decimals: a difference that shows is a finding.
    const over = scale === "fraction" ? diff > PUBLISHED_RATIO_TOLERANCE : diff > 0.005;
    if (!over) return;
    const shown = (n: number) =>
      scale === "fraction"
        ? formatPercent(n, 2)
        : scale === "pounds"
          ? `£${figureText(n)}`
          : formatNumber(n, 2);
    this.ctx.note(
      "warning",
      "PROFILE_PUBLISHED_RATIO_DIFFERS",
      `${force}'s ${what} works out at ${shown(value)} from the file's own figures, but the file publishes ${shown(published.value)} in ${published.sheet}!${published.address}; the worked-out figure is used.`,
      published.sheet,
      published.address
    );
  }

  /** Officer overtime / (officer pay excluding overtime + overtime). */
  overtime(
    forceId: string,
    force: string,
    year: FinancialYear,
    pay: ProfileCell,
    overtime: ProfileCell,
    definition: OvertimeDefinition,
    basis: string,
    published?: ProfileCell
  ): void {
    const denominator = pay.value + overtime.value;
    if (denominator <= 0) {
      this.ctx.note(
        "warning",
        "PROFILE_ZERO_PAYBILL",
        `${force}'s officer pay and overtime add up to nothing in ${pay.sheet}!${pay.address} and ${overtime.sheet}!${overtime.address}, so its overtime ratio for that year is left out.`,
        pay.sheet,
        pay.address
      );
      return;
    }
    const value = overtime.value / denominator;
    this.checkPublished(
      value,
      published,
      "officer overtime as a share of officer pay",
      force,
      "fraction"
    );
    const d = this.set(
      forceId,
      force,
      year,
      "overtimeRatio",
      {
        value,
        formula: `${figureText(overtime.value)} / (${figureText(pay.value)} + ${figureText(overtime.value)})`,
        cells: [pay, overtime],
        ...(published ? { published } : {}),
      },
      basis
    );
    d.definitions.overtimeRatio = definition;
  }

  /** (Business support − IT) / total workforce, each side the sum of its cells. */
  businessSupport(
    forceId: string,
    force: string,
    year: FinancialYear,
    support: readonly ProfileCell[],
    it: readonly ProfileCell[],
    total: readonly ProfileCell[],
    definition: SupportDefinition,
    basis: string
  ): void {
    const t = sum(total);
    if (t <= 0) {
      this.ctx.note(
        "warning",
        "PROFILE_ZERO_WORKFORCE",
        `${force}'s total workforce is nothing in ${total[0].sheet}!${total[0].address}, so its business-support share for that year is left out.`,
        total[0].sheet,
        total[0].address
      );
      return;
    }
    const d = this.set(
      forceId,
      force,
      year,
      "businessSupportRatio",
      {
        value: (sum(support) - sum(it)) / t,
        formula: `(${sumText(support)} − ${sumText(it)}) / ${sumText(total)}`,
        cells: [...support, ...it, ...total],
      },
      basis
    );
    d.definitions.businessSupportRatio = definition;
  }

  /** Net revenue expenditure (£000, the sum of its cells) × 1,000 / residents. */
  nrePerHead(
    forceId: string,
    force: string,
    year: FinancialYear,
    nre: readonly ProfileCell[],
    population: ProfileCell,
    basis: string,
    published?: ProfileCell
  ): void {
    if (population.value <= 0) return;
    const value = (sum(nre) * 1000) / population.value;
    this.checkPublished(value, published, "net revenue expenditure per head", force, "pounds");
    this.set(
      forceId,
      force,
      year,
      "nrePerHead",
      {
        value,
        formula: `${sumText(nre)} × 1,000 / ${figureText(population.value)}`,
        cells: [...nre, population],
        ...(published ? { published } : {}),
      },
      basis
    );
  }

  /** Officer FTE × 1,000 / residents. */
  officersPer1000(
    forceId: string,
    force: string,
    year: FinancialYear,
    officers: ProfileCell,
    population: ProfileCell,
    basis: string,
    published?: ProfileCell
  ): void {
    if (population.value <= 0) return;
    const value = (officers.value * 1000) / population.value;
    this.checkPublished(value, published, "police officers per 1,000 population", force, "rate");
    this.set(
      forceId,
      force,
      year,
      "officersPer1000",
      {
        value,
        formula: `${figureText(officers.value)} × 1,000 / ${figureText(population.value)}`,
        cells: [officers, population],
        ...(published ? { published } : {}),
      },
      basis
    );
  }

  /**
   * Non-staff costs / staff (workforce) costs, each the sum of its cells less the sum of its
   * `less` cells (the POA files' national policing lines).
   */
  nonStaffShare(
    forceId: string,
    force: string,
    year: FinancialYear,
    parts: {
      readonly nonStaff: readonly ProfileCell[];
      readonly staff: readonly ProfileCell[];
      readonly nonStaffLess?: readonly ProfileCell[];
      readonly staffLess?: readonly ProfileCell[];
    },
    basis: string,
    published?: ProfileCell
  ): void {
    const { nonStaff, staff, nonStaffLess = [], staffLess = [] } = parts;
    const staffCosts = sum(staff) - sum(staffLess);
    if (staffCosts <= 0) return;
    const value = (sum(nonStaff) - sum(nonStaffLess)) / staffCosts;
    this.checkPublished(
      value,
      published,
      "non-staff costs as a share of staff costs",
      force,
      "fraction"
    );
    const side = (cells: readonly ProfileCell[], less: readonly ProfileCell[]) =>
      less.length > 0 ? `(${sumText(cells)} − ${sumText(less)})` : sumText(cells);
    this.set(
      forceId,
      force,
      year,
      "nonStaffPctStaffCosts",
      {
        value,
        formula: `${side(nonStaff, nonStaffLess)} / ${side(staff, staffLess)}`,
        cells: [...nonStaff, ...nonStaffLess, ...staff, ...staffLess],
        ...(published ? { published } : {}),
      },
      basis
    );
  }

  population(forceId: string, force: string, year: FinancialYear, cell: ProfileCell): void {
    const d = this.draft(forceId, force, year);
    d.population = d.population ?? cell;
  }

  /** The records, by year then in FORCES order; a record with no indicator is dropped. */
  records(): ProfileRecord[] {
    const order = new Map(FORCES.map((f, i) => [f.id, i]));
    return [...this.drafts.values()]
      .filter((d) => Object.keys(d.indicators).length > 0)
      .sort((a, b) => a.year - b.year || (order.get(a.forceId) ?? 0) - (order.get(b.forceId) ?? 0))
      .map((d) => ({
        forceId: d.forceId,
        force: d.force,
        year: d.year,
        indicators: d.indicators,
        definitions: d.definitions,
        ...(d.population ? { population: d.population } : {}),
        basis: d.basis,
      }));
  }

  /** The years with values, and the forces found in each. */
  forcesByYear(): Map<FinancialYear, Set<string>> {
    const out = new Map<FinancialYear, Set<string>>();
    for (const r of this.records()) {
      const s = out.get(r.year) ?? new Set<string>();
      s.add(r.forceId);
      out.set(r.year, s);
    }
    return out;
  }
}
