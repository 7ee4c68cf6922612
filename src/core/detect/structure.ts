/**
 * The structure of a workforce table beyond its totals: a function the return also breaks down
 * ("Business support" and its IT/Communications, Personnel/HR ... lines; "Operational support"
 * and its fleet, ACPO ... lines), on the same sheet or another. The breakdown's lines are tied to
 * the line they break down (WorkforceLine.breakdownOf), so the analyses split that line by them
 * and never add them to the workforce a second time. A breakdown that does not add up to its
 * line, within the rounding of its figures, is reported, and the figure that depends on it is
 * shown as unconfirmed.
 */
import { breakdownOf, functionEntry } from "../classifications";
import { WorkforceLine } from "../forceData";
import { finding } from "../findings";
import { formatNumber, formatYear } from "../format";
import { DetectContext } from "./context";
import { mappingKey } from "./labels";
import { entriesNamed } from "../classifications";

import { FTE_NOISE, fteUnit, toleranceWords, withinRounding } from "../tolerance";

type Line = { -readonly [K in keyof WorkforceLine]: WorkforceLine[K] };

function lineFte(l: WorkforceLine, year: number): number | undefined {
  return l.fte.get(year)?.total?.value;
}

/** True when the line names a line of the given function's breakdown. */
function isPartOf(l: WorkforceLine, parentId: string): boolean {
  return entriesNamed(l.label, mappingKey).some((e) => e.partOf === parentId);
}

/** Ties each breakdown to the line it breaks down; returns the lines with `breakdownOf` set. */
export function resolveBreakdowns(
  lines: readonly WorkforceLine[],
  ctx: DetectContext
): WorkforceLine[] {
  const out: Line[] = lines.map((l) => ({ ...l }));
  const taken = new Set<number>();
  for (let p = 0; p < out.length; p++) {
    const parent = out[p];
    if (parent.isTotal || parent.breakdownOf !== undefined || !parent.entry) continue;
    const e = functionEntry(parent.entry);
    if (!e || breakdownOf(e.id).length === 0) continue;
    // The first run of its breakdown's lines after it (totals inside the run are its totals).
    let start = -1;
    for (let i = p + 1; i < out.length; i++)
      if (!taken.has(i) && !out[i].isTotal && isPartOf(out[i], e.id)) {
        start = i;
        break;
      }
    if (start < 0) continue;
    const children: number[] = [];
    const totals: number[] = [];
    for (let i = start; i < out.length; i++) {
      if (taken.has(i)) break;
      if (out[i].isTotal) {
        totals.push(i);
        continue;
      }
      if (!isPartOf(out[i], e.id)) break;
      children.push(i);
    }
    if (children.length < 2) continue;
    for (const i of [...children, ...totals]) {
      out[i].breakdownOf = p;
      taken.add(i);
    }
    // A total in or after the run is the breakdown's own only if it adds up to the run's lines.
    for (const t of totals) {
      const own = [...out[t].fte.keys()].every((year) => {
        const v = lineFte(out[t], year);
        const parts = children
          .map((i) => lineFte(out[i], year))
          .filter((x): x is number => x !== undefined);
        const sum = parts.reduce((a, x) => a + x, 0);
        return v === undefined || withinRounding(v, sum, parts.length, fteUnit([v, ...parts]));
      });
      if (!own) {
        delete out[t].breakdownOf;
        taken.delete(t);
      }
    }
    for (const [year] of parent.fte) {
      const v = lineFte(parent, year);
      if (v === undefined) continue;
      const parts = children
        .map((i) => lineFte(out[i], year))
        .filter((x): x is number => x !== undefined);
      if (parts.length === 0) continue;
      const sum = parts.reduce((a, x) => a + x, 0);
      const unit = fteUnit([v, ...parts]);
      if (withinRounding(v, sum, parts.length, unit) || Math.abs(v - sum) <= FTE_NOISE) continue;
      const first = out[children[0]].labelCell;
      parent.doubt = `its breakdown adds up to ${formatNumber(sum, 2, 0)} FTE in ${formatYear(year)}, not ${formatNumber(v, 2, 0)}`;
      ctx.sink.add(
        finding(
          "warning",
          "BREAKDOWN_MISMATCH",
          `The breakdown of "${parent.label}" (${parent.labelCell.sheet}!${parent.labelCell.address}, ${formatNumber(v, 2, 0)} FTE in ${formatYear(year)}) starting at ${first.sheet}!${first.address} adds up to ${formatNumber(sum, 2, 0)}, more than rounding explains (${toleranceWords(unit, parts.length, "FTE")}); the share that depends on it is shown as unconfirmed.`,
          first,
          "Check the breakdown's lines against the function's total, then confirm the categories in the Data step."
        )
      );
    }
  }
  return out;
}
