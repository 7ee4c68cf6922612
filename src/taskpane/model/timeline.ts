/**
 * Layout of the procurement migration timeline: each contract still to move as a row, with its
 * due date and its planned date placed on a line of financial years (ticks at 1 April). Pure
 * layout from ISO dates; the words come from migrationItems.
 */
import {
  dayOfIso,
  financialYearOfDay,
  financialYearStart,
  formatYear,
  isoDatePart,
} from "../../core";
import { MigrationItem } from "./benchmarks";

export interface TimelineRow {
  readonly y: number;
  readonly dueX: number;
  readonly plannedX: number | null;
  readonly late: boolean;
  readonly label: string;
  /** What the row is labelled with on the chart: "3. Vehicles" (its number in the list below). */
  readonly shortLabel: string;
  readonly number: number;
  /**
   * The planned move falls so near the date due that the two marks would sit on each other:
   * the circle is then drawn as a ring around the diamond, so both show.
   */
  readonly together: boolean;
}

/** Marks closer than this (px) would hide one another. */
const TOGETHER_PX = 10;

/** "Vehicles (Northway Motors Ltd)" -> "3. Vehicles", cut with an ellipsis to fit `chars`. */
function shortLabel(label: string, number: number, chars: number): string {
  const name = label.replace(/ \(.*\)$/, "");
  const text = `${number}. ${name}`;
  return text.length <= chars ? text : `${text.slice(0, chars - 1).trimEnd()}…`;
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly axisY: number;
  readonly ticks: readonly { readonly x: number; readonly text: string }[];
  readonly rows: readonly TimelineRow[];
}

/** Days since 1970-01-01 of an ISO date (or the date a timestamp starts with); undefined when it is not one. */
export function isoDay(iso: string): number | undefined {
  const day = isoDatePart(iso);
  return day === undefined ? undefined : dayOfIso(day);
}

const fyOfDay = financialYearOfDay;
const aprilFirst = (fy: number) => dayOfIso(financialYearStart(fy)) ?? 0;

export function timelineLayout(
  items: readonly MigrationItem[],
  options: {
    readonly width?: number;
    readonly rowHeight?: number;
    readonly maxRows?: number;
    /** Room for the row labels on the left (px); at the default, rows show their number only. */
    readonly labelWidth?: number;
  } = {}
): TimelineLayout {
  const width = options.width ?? 320;
  const rowHeight = options.rowHeight ?? 16;
  // Every contract is plotted (the list below gives the same in words); a cap only for a
  // schedule far longer than a pane can show.
  const shown = items.slice(0, options.maxRows ?? 60);
  const labelWidth = options.labelWidth ?? 24;
  // About 5.5 px a character at the chart's 10 px type.
  const labelChars = Math.max(3, Math.floor((labelWidth - 6) / 5.5));
  const days: number[] = [];
  for (const i of shown) {
    const due = isoDay(i.migrateBy);
    if (due !== undefined) days.push(due);
    const planned = i.planned ? isoDay(i.planned) : undefined;
    if (planned !== undefined) days.push(planned);
  }
  const firstFy = days.length ? fyOfDay(Math.min(...days)) : 2010;
  const lastFy = days.length ? fyOfDay(Math.max(...days)) : firstFy;
  const from = aprilFirst(firstFy);
  const to = aprilFirst(lastFy + 1);
  const left = labelWidth;
  const right = width - 12;
  const x = (day: number) =>
    Math.round((left + ((day - from) / (to - from)) * (right - left)) * 10) / 10;
  const top = 8;
  const rows: TimelineRow[] = shown.map((item, n) => {
    const due = isoDay(item.migrateBy) ?? from;
    const planned = item.planned ? isoDay(item.planned) : undefined;
    const dueX = x(due);
    const plannedX = planned === undefined ? null : x(planned);
    return {
      y: top + n * rowHeight + rowHeight / 2,
      dueX,
      plannedX,
      late: item.late,
      label: item.label,
      shortLabel: labelWidth > 24 ? shortLabel(item.label, n + 1, labelChars) : String(n + 1),
      number: n + 1,
      together: plannedX !== null && Math.abs(plannedX - dueX) < TOGETHER_PX,
    };
  });
  const axisY = top + shown.length * rowHeight + 4;
  const ticks = [];
  const span = lastFy - firstFy + 1;
  const step = span > 6 ? 2 : 1;
  for (let fy = firstFy; fy <= lastFy + 1; fy += step)
    ticks.push({ x: x(aprilFirst(fy)), text: fy <= lastFy ? formatYear(fy) : "" });
  return { width, height: axisY + 18, left, right, axisY, ticks, rows };
}
