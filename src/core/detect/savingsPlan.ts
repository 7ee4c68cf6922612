/**
 * Savings plans: initiatives with their statement area (the nine of 5.53), cashable or not, and
 * planned and actual amounts by year. Two layouts:
 * - long, one row per initiative and year, with a Year column (the input template);
 * - wide, one row per initiative, with Planned and Actual columns per year, the year written in
 *   the column's own header ("2010/11 Planned") or in a row above it (merged over the pair).
 * A row's notes go with its first line only, so a narrative is never repeated.
 *
 * Capacity released (5.53: productivity gains "often shown as hours, officer equivalents or £
 * equivalent") is read from optional columns whose header names hours ("Hours planned", "Planned
 * hours", "Hours released", "Actual hours") or officer equivalents ("Officer equivalents", "FTE
 * equivalent", "Actual FTE"): planned unless the header says actual. Only non-cashable lines
 * carry it; hours are never worked out from money or from each other.
 */
import { CapacityKind, SavingsArea, SavingsCapacity, SavingsLine, Sourced } from "../forceData";
import { CellRef, formatRef, SheetGrid } from "../grid";
import { finding } from "../findings";
import { Pence } from "../money";
import { FinancialYear } from "../years";
import { formatYear } from "../format";
import { formatAsWritten } from "../format";
import { amountFromCell, at, cellText, quantityFromCell, readNumberCell, RefMaker } from "./cells";
import { DetectContext, sheetUnit } from "./context";
import { isTotalLabel, mappingKey, matchSavingsArea, Matcher, savingsTypeMatcher } from "./labels";
import { SAVINGS_AREA_NAMES } from "../names";
import { countOf } from "../plainEnglish";
import { HEADER_SCAN_ROWS, labelText } from "./table";
import { parseFinancialYear, yearOfCell } from "./years";

export type SavingsRole = "initiative" | "area" | "type" | "year" | "planned" | "actual" | "notes";

export const savingsHeaderMatcher = new Matcher<SavingsRole>({
  phrases: [
    [
      "initiative",
      ["initiative", "scheme", "project", "saving", "description", "proposal", "efficiency"],
    ],
    ["area", ["area", "vfm area", "statement area", "heading", "theme", "workstream"]],
    ["type", ["type", "cashable", "saving type", "cashable non-cashable", "cash or non-cash"]],
    ["year", ["year", "financial year"]],
    ["planned", ["planned", "plan", "planned saving", "target", "budgeted saving", "forecast"]],
    ["actual", ["actual", "achieved", "delivered", "outturn", "actual saving", "realised"]],
    ["notes", ["notes", "comments", "narrative", "explanation", "commentary"]],
  ],
});

const CAPACITY_ACTUAL = new Matcher<"actual">({
  phrases: [["actual", ["actual", "achieved", "delivered", "outturn", "realised", "to date"]]],
});

/** What a capacity column measures, in the words findings and the "how" use. */
export const CAPACITY_WORDS: Readonly<Record<CapacityKind, string>> = {
  hoursPlanned: "hours planned",
  hoursActual: "hours actually released",
  officersPlanned: "officer equivalents planned",
  officersActual: "officer equivalents actually released",
};

/**
 * The capacity measure a header names, if any: hours where it has the word "hours", officer
 * equivalents where it has "FTE" or "officer(s) equivalent"; actual where it says so (actual,
 * achieved, delivered ...), otherwise planned.
 */
export function capacityKindOf(header: string): CapacityKind | undefined {
  const words = CAPACITY_ACTUAL.words(header);
  const measure = words.has("hour")
    ? "hours"
    : words.has("fte") || (words.has("equivalent") && words.has("officer"))
      ? "officers"
      : undefined;
  if (!measure) return undefined;
  const actual = CAPACITY_ACTUAL.matchWords(words).kind === "match";
  return `${measure}${actual ? "Actual" : "Planned"}`;
}

export interface SavingsHeader {
  readonly row: number;
  readonly initiative?: number;
  readonly area?: number;
  readonly type?: number;
  readonly year?: number;
  readonly notes?: number;
  /** Planned and actual columns, each with its year where the header gives one. */
  readonly amounts: readonly {
    readonly col: number;
    readonly kind: "planned" | "actual";
    readonly year?: FinancialYear;
    readonly header: string;
  }[];
  /** Capacity columns (hours, officer equivalents), each with its year where the header gives one. */
  readonly capacity: readonly {
    readonly col: number;
    readonly kind: CapacityKind;
    readonly year?: FinancialYear;
    readonly header: string;
  }[];
}

/** The year over a column in the row above: its own cell, the merge it sits in, or its left neighbour. */
function yearAbove(sheet: SheetGrid, r: number, c: number): FinancialYear | undefined {
  if (r < 0) return undefined;
  const own = yearOfCell(at(sheet, r, c));
  if (own) return own.year;
  for (const m of sheet.merges ?? [])
    if (m.top <= r && r <= m.bottom && m.left <= c && c <= m.right) {
      const y = yearOfCell(at(sheet, m.top, m.left));
      if (y) return y.year;
    }
  if (c > 0 && at(sheet, r, c) === null) {
    const left = yearOfCell(at(sheet, r, c - 1));
    if (left) return left.year;
  }
  return undefined;
}

export function findSavingsHeader(sheet: SheetGrid): SavingsHeader | undefined {
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  let best: SavingsHeader | undefined;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    const single = new Map<SavingsRole, number>();
    const amounts: {
      col: number;
      kind: "planned" | "actual";
      year?: FinancialYear;
      header: string;
    }[] = [];
    const capacity: { col: number; kind: CapacityKind; year?: FinancialYear; header: string }[] =
      [];
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 60) continue;
      const m = savingsHeaderMatcher.match(t);
      // "Hours saved" is a capacity column, not an initiative; an area, type, year or notes header stays one.
      const named = m.kind === "match" && ["area", "type", "year", "notes"].includes(m.key);
      const cap = named ? undefined : capacityKindOf(t);
      if (cap) {
        const year = parseFinancialYear(t)?.year ?? yearAbove(sheet, r - 1, c);
        capacity.push(
          year !== undefined
            ? { col: c, kind: cap, year, header: t }
            : { col: c, kind: cap, header: t }
        );
        continue;
      }
      if (m.kind !== "match") continue;
      if (m.key === "planned" || m.key === "actual") {
        const year = parseFinancialYear(t)?.year ?? yearAbove(sheet, r - 1, c);
        amounts.push(
          year !== undefined
            ? { col: c, kind: m.key, year, header: t }
            : { col: c, kind: m.key, header: t }
        );
      } else if (!single.has(m.key)) single.set(m.key, c);
    }
    if (amounts.length === 0 || !(single.has("initiative") || single.has("area"))) continue;
    const score = single.size + amounts.length;
    if (score < 3 || score <= bestScore) continue;
    bestScore = score;
    best = {
      row: r,
      ...(single.has("initiative") ? { initiative: single.get("initiative") } : {}),
      ...(single.has("area") ? { area: single.get("area") } : {}),
      ...(single.has("type") ? { type: single.get("type") } : {}),
      ...(single.has("year") ? { year: single.get("year") } : {}),
      ...(single.has("notes") ? { notes: single.get("notes") } : {}),
      amounts,
      capacity,
    };
  }
  return best;
}

export interface SavingsSheet {
  readonly sheet: string;
  readonly lines: readonly SavingsLine[];
  readonly how: string;
}

export function readSavingsSheet(
  sheet: SheetGrid,
  header: SavingsHeader,
  ctx: DetectContext,
  template?: string
): SavingsSheet | undefined {
  const refs = new RefMaker(sheet.name);
  const wide = header.year === undefined;
  const usable = header.amounts.filter((a) => !wide || a.year !== undefined);
  if (usable.length === 0) {
    ctx.sink.add(
      finding(
        "warning",
        "SAVINGS_YEAR_MISSING",
        `Sheet "${sheet.name}" has planned and actual savings but no year for them (no Year column, and no year over the amount columns), so it was not read.`,
        { sheet: sheet.name },
        "Add a Year column, or write the year over each Planned and Actual column."
      )
    );
    return undefined;
  }
  const unit = sheetUnit(
    sheet,
    {
      headerRow: header.row,
      amountColumns: usable.map((a) => a.col),
      firstDataRow: header.row + 1,
    },
    ctx
  );
  if (wide)
    for (const c of header.capacity.filter((x) => x.year === undefined)) {
      const ref = refs.ref(header.row, c.col);
      ctx.sink.add(
        finding(
          "warning",
          "CAPACITY_YEAR_MISSING",
          `${formatRef(ref)} heads a column of ${CAPACITY_WORDS[c.kind]} ("${c.header}") with no year in it or over it, while the sheet gives its savings year by year, so the column was not read.`,
          ref,
          "Write the year over the column, as over the Planned and Actual columns, or add a Year column."
        )
      );
    }
  const labelCol = header.initiative ?? (header.area as number);
  const lines: SavingsLine[] = [];
  const unmapped = new Map<string, { cell: CellRef; count: number }>();
  let typeAssumed: CellRef | undefined;
  let typeAssumedCount = 0;
  const badTypes = new Map<string, CellRef>();
  let cashableCapacity: { cell: CellRef; initiative: string; count: number } | undefined;
  const n = sheet.values.length;
  for (let r = header.row + 1; r < n; r++) {
    const row = sheet.values[r];
    if (!row || row.length === 0) continue;
    const initiative = labelText(row[labelCol] ?? null);
    if (!initiative || isTotalLabel(initiative)) continue;
    const labelCell = refs.ref(r, labelCol);
    const areaText = header.area !== undefined ? cellText(row[header.area]) : "";
    const area = areaFor(areaText || initiative, labelCell, ctx);
    if (!area && areaText) {
      const u = unmapped.get(areaText);
      if (u) u.count++;
      else unmapped.set(areaText, { cell: refs.ref(r, header.area as number), count: 1 });
    } else if (!area && !areaText) {
      const u = unmapped.get(initiative);
      if (u) u.count++;
      else unmapped.set(initiative, { cell: labelCell, count: 1 });
    }
    const typeText = header.type !== undefined ? cellText(row[header.type]) : "";
    let type: "cashable" | "nonCashable" = "cashable";
    if (typeText) {
      const m = savingsTypeMatcher.match(typeText);
      if (m.kind === "match") type = m.key;
      else if (!badTypes.has(typeText)) badTypes.set(typeText, refs.ref(r, header.type as number));
    } else {
      typeAssumedCount++;
      typeAssumed ??= labelCell;
    }
    let years: YearColumns[];
    if (!wide) {
      const yc = header.year as number;
      const yv = row[yc];
      const y =
        yearOfCell(yv ?? null, sheet.numberFormats?.[r]?.[yc]) ??
        (typeof yv === "number" && Number.isInteger(yv) && yv >= 1990 && yv <= 2099
          ? { year: yv }
          : undefined);
      if (!y) {
        ctx.sink.add(
          finding(
            "warning",
            "YEAR_NOT_VALID",
            `${refs.text(r, yc)} should give the financial year of "${initiative}" (e.g. 2010/11) but holds "${cellText(yv ?? null) || "nothing"}"; the row was not read.`,
            refs.ref(r, yc),
            "Write the year as 2010/11."
          )
        );
        continue;
      }
      const p = usable.find((a) => a.kind === "planned");
      const a = usable.find((x) => x.kind === "actual");
      const cap: Partial<Record<CapacityKind, number>> = {};
      for (const c of header.capacity) cap[c.kind] ??= c.col;
      years = [
        {
          year: y.year,
          ...(p ? { planned: p.col } : {}),
          ...(a ? { actual: a.col } : {}),
          cap,
        },
      ];
    } else {
      const byYear = new Map<FinancialYear, YearColumns>();
      for (const a of usable) {
        const y = a.year as FinancialYear;
        const e = byYear.get(y) ?? { year: y, cap: {} };
        if (e[a.kind] === undefined) e[a.kind] = a.col;
        byYear.set(y, e);
      }
      for (const c of header.capacity) {
        if (c.year === undefined) continue;
        const e = byYear.get(c.year) ?? { year: c.year, cap: {} };
        e.cap[c.kind] ??= c.col;
        byYear.set(c.year, e);
      }
      years = [...byYear.values()].sort((a, b) => a.year - b.year);
    }
    const notes = header.notes !== undefined ? cellText(row[header.notes]) : "";
    let first = true;
    for (const y of years) {
      const amount = (col: number | undefined, kind: string): Sourced<Pence> | undefined => {
        if (col === undefined) return undefined;
        const ref = refs.ref(r, col);
        const v = amountFromCell(
          readNumberCell(row[col]),
          ref,
          unit.unit,
          `${kind} saving for ${formatYear(y.year)} of "${initiative}"`,
          ctx.sink
        );
        if (v === undefined) return undefined;
        return {
          value: v,
          sources: [ref],
          how: `${template ? `template table ${template}, ` : ""}initiative "${initiative}" (${labelCell.address}), ${kind} ${formatYear(y.year)} in column "${headerText(sheet, header.row, col)}"; ${unit.note}`,
        };
      };
      const planned = amount(y.planned, "planned");
      const actual = amount(y.actual, "actual");
      const capacity: { -readonly [K in keyof SavingsCapacity]: SavingsCapacity[K] } = {};
      for (const kind of Object.keys(y.cap) as CapacityKind[]) {
        const col = y.cap[kind] as number;
        const ref = refs.ref(r, col);
        const what = `${CAPACITY_WORDS[kind]} for ${formatYear(y.year)} of "${initiative}"`;
        const v = quantityFromCell(readNumberCell(row[col]), ref, what, ctx.sink);
        if (v === undefined) continue;
        if (v < 0) {
          ctx.sink.add(
            finding(
              "warning",
              "CAPACITY_NEGATIVE",
              `${formatRef(ref)} (${what}) holds ${formatAsWritten(v)}; capacity released cannot be less than nothing, so the figure was left out.`,
              ref,
              "Enter the hours or officer equivalents the initiative frees, as a positive number, or leave the cell empty."
            )
          );
          continue;
        }
        if (type === "cashable") {
          if (cashableCapacity) cashableCapacity.count++;
          else cashableCapacity = { cell: ref, initiative, count: 1 };
          continue;
        }
        capacity[kind] = {
          value: v,
          sources: [ref],
          how: `${template ? `template table ${template}, ` : ""}initiative "${initiative}" (${labelCell.address}), ${CAPACITY_WORDS[kind]} ${formatYear(y.year)} in column "${headerText(sheet, header.row, col)}", as the plan gives it`,
        };
      }
      const hasCapacity = Object.keys(capacity).length > 0;
      if (!planned && !actual && !hasCapacity) continue;
      const line: { -readonly [K in keyof SavingsLine]: SavingsLine[K] } = {
        initiative,
        labelCell,
        areaText: areaText || initiative,
        type,
        year: y.year,
      };
      if (area) line.area = area;
      if (planned) line.planned = planned;
      if (actual) line.actual = actual;
      if (hasCapacity) line.capacity = capacity;
      if (first && notes) line.notes = notes;
      first = false;
      lines.push(line);
    }
  }
  for (const [text, u] of unmapped)
    ctx.sink.add(
      finding(
        "warning",
        "CATEGORY_UNMAPPED",
        `The savings area "${text}" at ${u.cell.sheet}!${u.cell.address}${u.count > 1 ? ` (and ${u.count - 1} more rows)` : ""} is not one of the statement's nine areas (${Object.values(SAVINGS_AREA_NAMES).join(", ")}).`,
        u.cell,
        "Write one of the nine areas, or choose it in the Data step."
      )
    );
  for (const [text, cell] of badTypes)
    ctx.sink.add(
      finding(
        "warning",
        "SAVINGS_TYPE_UNREADABLE",
        `${cell.sheet}!${cell.address} gives the type "${text}", which is neither cashable nor non-cashable; the saving was taken as cashable.`,
        cell,
        "Write Cashable or Non-cashable."
      )
    );
  if (cashableCapacity) {
    const c = cashableCapacity;
    ctx.sink.add(
      finding(
        "warning",
        "CAPACITY_ON_CASHABLE",
        `${formatRef(c.cell)} gives hours or officer equivalents for "${c.initiative}", a cashable saving${c.count > 1 ? ` (and ${c.count - 1} more ${c.count === 2 ? "cell" : "cells"} like it)` : ""}; capacity released belongs to non-cashable gains, so ${c.count === 1 ? "it was" : "they were"} left out.`,
        c.cell,
        "Mark the line Non-cashable if it frees time rather than money, or move the hours to the line for its non-cashable gain."
      )
    );
  }
  if (typeAssumed && header.type === undefined)
    ctx.sink.add(
      finding(
        "info",
        "SAVINGS_TYPE_ASSUMED",
        `Sheet "${sheet.name}" does not say which savings are cashable, so all were taken as cashable.`,
        { sheet: sheet.name },
        "Add a Type column with Cashable or Non-cashable."
      )
    );
  else if (typeAssumed)
    ctx.sink.add(
      finding(
        "info",
        "SAVINGS_TYPE_ASSUMED",
        `Sheet "${sheet.name}" has ${countOf(typeAssumedCount, "saving")} with no type (the first at ${typeAssumed.address}); ${typeAssumedCount === 1 ? "it was" : "they were"} taken as cashable.`,
        typeAssumed,
        "Write Cashable or Non-cashable in the Type column."
      )
    );
  return {
    sheet: sheet.name,
    lines,
    how: template
      ? `template table ${template}: ${lines.length} lines; ${unit.note}`
      : `savings plan (${wide ? "planned and actual columns by year" : "one row per year"}), header on row ${header.row + 1}: ${lines.length} lines; ${unit.note}`,
  };
}

/** A year's columns on a row: money planned and actual, and capacity by kind. */
interface YearColumns {
  year: FinancialYear;
  planned?: number;
  actual?: number;
  cap: Partial<Record<CapacityKind, number>>;
}

function headerText(sheet: SheetGrid, r: number, c: number): string {
  const own = cellText(at(sheet, r, c));
  const y = yearAbove(sheet, r - 1, c);
  return y !== undefined && !parseFinancialYear(own) ? `${formatYear(y)} ${own}` : own;
}

function areaFor(text: string, cell: CellRef, ctx: DetectContext): SavingsArea | undefined {
  const map = ctx.options.savingsAreas;
  if (map) {
    const byCell = `${cell.sheet}!${cell.address}`;
    if (Object.prototype.hasOwnProperty.call(map, byCell)) return map[byCell];
    const k = mappingKey(text);
    if (Object.prototype.hasOwnProperty.call(map, k)) return map[k];
  }
  const m = matchSavingsArea(text);
  return m.kind === "match" ? m.key : undefined;
}
