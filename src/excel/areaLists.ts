/**
 * Area lists asked of Excel while reading: a range's visible cells (getSpecialCellsOrNullObject
 * ("Visible"), ExcelApi 1.9) and its merged areas (getMergedAreasOrNullObject, ExcelApi 1.13),
 * both RangeAreas.
 *
 * A RangeAreas comes back as one address string, "Budget!A1:F4,Budget!A6:F90,...". On a sheet
 * with many hidden-row areas that string is long, and a host may cut it short; the list is then
 * not trusted as it reads. Its areaCount and cellCount come back with it: when the parsed address
 * does not add up to them, the areas are asked again one by one (RangeAreas.areas, a number per
 * edge), which cannot be cut.
 */
import { CellRange } from "../core/grid";
import { cellCount, parseAreas } from "./address";

/** One area list asked in a request, and what to do with its rectangles once they are known. */
export interface AreaList {
  readonly areas: Excel.RangeAreas;
  /** Called with the rectangles, or undefined when Excel found none (a null object). */
  readonly use: (areas: readonly CellRange[] | undefined) => void;
  /** Called instead when the areas could not be had at all. */
  readonly lost: () => void;
}

/** Queues the load of an area list: its address and the two counts that check it. */
export function askAreas(
  areas: Excel.RangeAreas,
  use: AreaList["use"],
  lost: AreaList["lost"]
): AreaList {
  areas.load("address,areaCount,cellCount");
  return { areas, use, lost };
}

/**
 * The rectangles of a loaded area list; "cut" when the address does not add up to the counts
 * Excel gave with it (fewer areas, or as many with a different number of cells).
 */
export function listedAreas(ra: {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly areaCount: number;
  readonly cellCount: number;
}): CellRange[] | "cut" | undefined {
  if (ra.isNullObject) return undefined;
  const parsed = parseAreas(ra.address);
  const cells = parsed.reduce((n, r) => n + cellCount(r), 0);
  // cellCount is -1 beyond 2^31 - 1 cells, more than any one request reads.
  if (parsed.length !== ra.areaCount || (ra.cellCount >= 0 && cells !== ra.cellCount)) return "cut";
  return parsed;
}

/**
 * Hands each loaded list its rectangles. Lists whose address came back cut short are asked again,
 * area by area, in one more request for all of them; should Excel refuse that too, those lists
 * are lost (and their sheets marked as read without them), not guessed.
 */
export async function settleAreaLists(
  context: Excel.RequestContext,
  lists: readonly AreaList[]
): Promise<void> {
  const again: { list: AreaList; items: Excel.RangeCollection }[] = [];
  for (const list of lists) {
    const got = listedAreas(list.areas);
    if (got !== "cut") {
      list.use(got);
      continue;
    }
    const items = list.areas.areas;
    items.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    again.push({ list, items });
  }
  if (again.length === 0) return;
  try {
    await context.sync();
  } catch {
    for (const { list } of again) list.lost();
    return;
  }
  for (const { list, items } of again)
    list.use(
      items.items.map((r) => ({
        top: r.rowIndex,
        left: r.columnIndex,
        bottom: r.rowIndex + r.rowCount - 1,
        right: r.columnIndex + r.columnCount - 1,
      }))
    );
}
