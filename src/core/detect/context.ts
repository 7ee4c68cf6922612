/** What every sheet reader is given: the user's decisions, the findings sink, the Settings unit. */
import { CellRef, SheetGrid } from "../grid";
import { finding } from "../findings";
import { MoneyUnit } from "../money";
import { FindingSink } from "./cells";
import { DetectOptions } from "./options";
import { findUnit, UNIT_WORDS, UnitSearch } from "./units";

export interface DetectContext {
  readonly options: DetectOptions;
  readonly sink: FindingSink;
  /** The unit the Settings sheet gives, for sheets that state none. */
  readonly settingsUnit?: { readonly unit: MoneyUnit; readonly cell: CellRef };
}

export interface SheetUnit {
  readonly unit: MoneyUnit;
  /** How the unit was known, for the "how" of each amount. */
  readonly note: string;
  /** False when no unit was stated anywhere and £ was assumed. */
  readonly stated: boolean;
}

/**
 * The unit of a sheet's amounts: the user's choice, else what the sheet states, else the Settings
 * sheet's unit, else pounds with a warning that says so.
 */
export function sheetUnit(sheet: SheetGrid, search: UnitSearch, ctx: DetectContext): SheetUnit {
  const chosen = ctx.options.units?.[sheet.name];
  if (chosen === "£" || chosen === "£000" || chosen === "£m")
    return { unit: chosen, note: `${chosen} as chosen in the Data step`, stated: true };
  const found = findUnit(sheet, search);
  if (found.statement) {
    const s = found.statement;
    for (const c of found.conflicts)
      ctx.sink.add(
        finding(
          c.where === "note" ? "info" : "warning",
          "UNITS_CONFLICT",
          `Sheet "${sheet.name}" states its amounts in ${UNIT_WORDS[s.unit]} at ${s.cell.address} ("${s.text.slice(0, 60)}") but ${c.cell.address} says ${UNIT_WORDS[c.unit]} ("${c.text.slice(0, 60)}"); ${s.unit} was used.`,
          c.cell,
          "Make the sheet state one unit, or choose the unit for the sheet in the Data step."
        )
      );
    const where = s.where === "format" ? "number format" : s.where;
    return {
      unit: s.unit,
      note: `${s.unit} stated in the ${where} at ${s.cell.address}`,
      stated: true,
    };
  }
  if (ctx.settingsUnit)
    return {
      unit: ctx.settingsUnit.unit,
      note: `${ctx.settingsUnit.unit} from the Settings sheet (${ctx.settingsUnit.cell.sheet}!${ctx.settingsUnit.cell.address})`,
      stated: true,
    };
  ctx.sink.add(
    finding(
      "warning",
      "UNITS_NOT_STATED",
      `Sheet "${sheet.name}" does not say whether its amounts are in £, £000 or £m, so they were read as pounds (£).`,
      { sheet: sheet.name },
      'State the unit in the title or header (for example "£000"), or choose it in the Data step.'
    )
  );
  return { unit: "£", note: "£ assumed (no unit stated)", stated: false };
}
