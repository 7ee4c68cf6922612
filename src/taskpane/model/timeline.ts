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
  readonly number: number;
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
  options: { readonly width?: number; readonly rowHeight?: number; readonly maxRows?: number } = {}
): TimelineLayout {
  const width = options.width ?? 320;
  const rowHeight = options.rowHeight ?? 16;
  const shown = items.slice(0, options.maxRows ?? 12);
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
  const left = 24;
  const right = width - 12;
  const x = (day: number) =>
    Math.round((left + ((day - from) / (to - from)) * (right - left)) * 10) / 10;
  const top = 8;
  const rows: TimelineRow[] = shown.map((item, n) => {
    const due = isoDay(item.migrateBy) ?? from;
    const planned = item.planned ? isoDay(item.planned) : undefined;
    return {
      y: top + n * rowHeight + rowHeight / 2,
      dueX: x(due),
      plannedX: planned === undefined ? null : x(planned),
      late: item.late,
      label: item.label,
      number: n + 1,
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
