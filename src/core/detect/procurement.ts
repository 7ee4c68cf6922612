/**
 * Procurement sheets: one line per contract or spend line, with a free-text category mapped onto
 * the national approaches (5.31-5.40), a supplier, the annual spend, the route (national framework,
 * regional, local) and the contract's end date. Built for ledgers of hundreds of thousands of
 * lines: one pass, category and route matched once per distinct text, dates parsed once per
 * distinct text, one "how" string per sheet shared by every line.
 */
import { ProcurementCategory, ProcurementLine, ProcurementRoute, Sourced } from "../forceData";
import { CellRef, SheetGrid } from "../grid";
import { finding } from "../findings";
import { Pence } from "../money";
import { amountFromCell, cellText, NumberCell, pence, readNumberCell, RefMaker } from "./cells";
import { DetectContext, sheetUnit } from "./context";
import { isTotalLabel, Matcher, mappingKey, procurementMatcher, routeMatcher } from "./labels";
import { inSentence, PROCUREMENT_CATEGORY_NAMES, ROUTE_NAMES } from "../names";
import { countOf } from "../plainEnglish";
import { HEADER_SCAN_ROWS, rowList } from "./table";
import { DateCell, readDateCell } from "./years";

type DateHow = "date cell" | "date serial" | "date text";

/** Distinct texts a per-sheet memo keeps at most (a ledger's categories are a few dozen; this bounds odd input). */
const MEMO_LIMIT = 100_000;

/** Stands for any plain number in the spend column (its value is read from the cell itself). */
const NUMBER: NumberCell = { kind: "number", value: 0 };

function spendWhat(category: string): string {
  return `annual spend on "${category || "(no category)"}"`;
}

export type ProcurementRole =
  | "category"
  | "description"
  | "supplier"
  | "spend"
  | "route"
  | "contractEnd"
  | "plannedMigration"
  | "notes";

export const procurementHeaderMatcher = new Matcher<ProcurementRole>({
  phrases: [
    [
      "category",
      [
        "category",
        "spend category",
        "commodity",
        "type of spend",
        "expenditure type",
        "procurement category",
      ],
    ],
    ["description", ["description", "details", "item", "goods or services", "contract title"]],
    [
      "supplier",
      ["supplier", "vendor", "contractor", "provider", "supplier name", "payee", "creditor"],
    ],
    [
      "spend",
      [
        "annual spend",
        "spend",
        "annual value",
        "value",
        "amount",
        "annual cost",
        "expenditure",
        "spend per year",
      ],
    ],
    [
      "route",
      [
        "route",
        "procurement route",
        "framework",
        "on framework",
        "contract type",
        "buying route",
        "purchasing route",
      ],
    ],
    [
      "contractEnd",
      [
        "contract end",
        "end date",
        "expiry",
        "expiry date",
        "contract expiry",
        "expires",
        "contract ends",
      ],
    ],
    [
      "plannedMigration",
      ["planned migration", "migration date", "migrate by", "planned move", "move to framework"],
    ],
    ["notes", ["notes", "comments", "comment", "remarks"]],
  ],
});

export interface RoleHeader<R extends string> {
  readonly row: number;
  readonly columns: ReadonlyMap<R, number>;
  readonly headers: ReadonlyMap<number, string>;
}

/** The row near the top with the most header roles; the first column wins for each role. */
export function findRoleHeader<R extends string>(
  sheet: SheetGrid,
  matcher: Matcher<R>,
  accept: (roles: ReadonlyMap<R, number>) => boolean
): RoleHeader<R> | undefined {
  const limit = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  let best: RoleHeader<R> | undefined;
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    const columns = new Map<R, number>();
    const headers = new Map<number, string>();
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 60) continue;
      const m = matcher.match(t);
      if (m.kind !== "match" || columns.has(m.key)) continue;
      columns.set(m.key, c);
      headers.set(c, t);
    }
    if (!accept(columns)) continue;
    if (!best || columns.size > best.columns.size) best = { row: r, columns, headers };
  }
  return best;
}

export function findProcurementHeader(sheet: SheetGrid): RoleHeader<ProcurementRole> | undefined {
  return findRoleHeader(
    sheet,
    procurementHeaderMatcher,
    (c) => c.has("spend") && (c.has("category") || c.has("description")) && c.size >= 3
  );
}

export interface ProcurementSheet {
  readonly sheet: string;
  readonly lines: readonly ProcurementLine[];
  readonly how: string;
}

interface Mapped<K> {
  readonly key?: K;
  readonly first: CellRef;
  count: number;
  readonly ambiguous?: readonly K[];
}

export function readProcurementSheet(
  sheet: SheetGrid,
  header: RoleHeader<ProcurementRole>,
  ctx: DetectContext,
  template?: string
): ProcurementSheet {
  const refs = new RefMaker(sheet.name);
  const col = (r: ProcurementRole): number | undefined => header.columns.get(r);
  const catCol = col("category") ?? (col("description") as number);
  const descCol = col("category") !== undefined ? col("description") : undefined;
  const supplierCol = col("supplier");
  const spendCol = col("spend") as number;
  const routeCol = col("route");
  const endCol = col("contractEnd");
  const migCol = col("plannedMigration");
  const unit = sheetUnit(
    sheet,
    {
      headerRow: header.row,
      amountColumns: [spendCol],
      firstDataRow: header.row + 1,
    },
    ctx
  );
  const spendHow = `${template ? `template table ${template}, ` : ""}column "${header.headers.get(spendCol) ?? ""}" (${refs.address(header.row, spendCol)}); ${unit.note}`;
  const dateHow = (c: number | undefined): Record<DateHow, string> => {
    const base = c !== undefined ? `column "${header.headers.get(c) ?? ""}"` : "";
    return {
      "date cell": `${base} (date cell)`,
      "date serial": `${base} (date serial)`,
      "date text": `${base} (date text)`,
    };
  };
  const endHow = dateHow(endCol);
  const migHow = dateHow(migCol);
  const categories = new Map<string, Mapped<ProcurementCategory>>();
  const routes = new Map<string, Mapped<ProcurementRoute>>();
  // A ledger repeats a few dozen categories: each is asked once whether it is a total.
  const totals = new Map<string, boolean>();
  const isTotal = (text: string): boolean => {
    let t = totals.get(text);
    if (t === undefined) {
      t = isTotalLabel(text);
      if (totals.size < MEMO_LIMIT) totals.set(text, t);
    }
    return t;
  };
  // The route's cell, made only for a route text not seen before (the one its finding names).
  const routeCell = (r: number): CellRef => refs.ref(r, routeCol as number);
  const dateCache = new Map<string | number, DateCell>();
  const lines: ProcurementLine[] = [];
  const hidden = new Set(sheet.hiddenRows ?? []);
  const hiddenRead: number[] = [];
  const unlabelled: number[] = [];
  let noSpend = 0;
  let firstNoSpend = -1;
  const spendLetters = refs.col(spendCol);
  const catLetters = refs.col(catCol);
  const n = sheet.values.length;
  for (let r = header.row + 1; r < n; r++) {
    const row = sheet.values[r];
    if (!row || row.length === 0) continue;
    const catText = cellText(row[catCol]);
    const rawSpend = row[spendCol];
    const spendCell: NumberCell =
      typeof rawSpend === "number" && Number.isFinite(rawSpend) ? NUMBER : readNumberCell(rawSpend);
    if (!catText) {
      // No category: a line only if it names a supplier (a bare figure is a total or a note).
      const supplier = supplierCol !== undefined ? cellText(row[supplierCol]) : "";
      if (spendCell.kind === "blank") continue;
      if (!supplier || isTotal(supplier)) {
        if (spendCell.kind === "number") unlabelled.push(r);
        continue;
      }
    } else if (isTotal(catText)) continue;
    const rowText = String(r + 1);
    const spendRef: CellRef = { sheet: sheet.name, address: spendLetters + rowText };
    // Plain numbers (nearly every line of a ledger) skip the general path and its messages.
    const raw = row[spendCol];
    const spend: Pence | undefined =
      (typeof raw === "number" ? pence(raw, unit.unit) : undefined) ??
      amountFromCell(
        spendCell === NUMBER ? readNumberCell(raw) : spendCell,
        spendRef,
        unit.unit,
        spendWhat(catText),
        ctx.sink
      );
    if (spend === undefined) {
      if (spendCell.kind === "blank") {
        noSpend++;
        if (firstNoSpend < 0) firstNoSpend = r;
      }
      continue;
    }
    const labelCell: CellRef = { sheet: sheet.name, address: catLetters + rowText };
    const category = categoryFor(catText, labelCell, categories, ctx);
    const routeText = routeCol !== undefined ? cellText(row[routeCol]) : "";
    const route = routeFor(routeText, r, routeCell, routes, ctx);
    const description = descCol !== undefined ? cellText(row[descCol]) : "";
    const supplier = supplierCol !== undefined ? cellText(row[supplierCol]) : "";
    const contractEnd =
      endCol !== undefined
        ? dateFor(sheet, r, endCol, refs, dateCache, endHow, "contract end", catText, ctx)
        : undefined;
    const plannedMigration =
      migCol !== undefined
        ? dateFor(sheet, r, migCol, refs, dateCache, migHow, "planned migration", catText, ctx)
        : undefined;
    const line = lineOf(
      labelCell,
      catText,
      { value: spend, sources: [spendRef], how: spendHow },
      route,
      category,
      routeText,
      description,
      supplier,
      contractEnd,
      plannedMigration
    );
    if (hidden.size > 0 && hidden.has(r)) hiddenRead.push(r);
    lines.push(line);
  }
  if (hiddenRead.length > 0)
    ctx.sink.add(
      finding(
        "info",
        "HIDDEN_ROWS_READ",
        `Sheet "${sheet.name}" has hidden ${rowList(hiddenRead)} with spend; they were read like the other rows.`,
        { sheet: sheet.name },
        "Unhide the rows to check them, or delete them if they should not count."
      )
    );
  if (noSpend > 0)
    ctx.sink.add(
      finding(
        "info",
        "LINE_WITHOUT_SPEND",
        `Sheet "${sheet.name}" has ${countOf(noSpend, "line")} with a category but no annual spend (the first at ${refs.address(firstNoSpend, spendCol)}); ${noSpend === 1 ? "it was" : "they were"} not counted.`,
        refs.ref(firstNoSpend, spendCol),
        "Enter the spend, or delete lines that are no longer needed."
      )
    );
  if (unlabelled.length > 0)
    ctx.sink.add(
      finding(
        "info",
        "UNLABELLED_FIGURES",
        `Sheet "${sheet.name}" has spend with neither a category nor a supplier on ${rowList(unlabelled)}; it was not counted (it looks like a total or a note).`,
        refs.ref(unlabelled[0], spendCol),
        "Give the line a category if its spend should count."
      )
    );
  reportUnmapped(categories, routes, ctx);
  return {
    sheet: sheet.name,
    lines,
    how: template
      ? `template table ${template}: ${lines.length} lines; ${unit.note}`
      : `procurement lines under the header on row ${header.row + 1} (${[...header.headers.values()].join(", ")}): ${lines.length} lines; ${unit.note}`,
  };
}

/**
 * A ledger line with only the parts it has, in one order (labelCell, categoryText, annualSpend,
 * route, then category, routeText, description, supplier, contractEnd, plannedMigration). A line
 * with all of them but perhaps the planned move (nearly every line of a full ledger) is made in
 * one literal, so it is one object of its final shape, not one grown property by property.
 */
function lineOf(
  labelCell: CellRef,
  categoryText: string,
  annualSpend: Sourced<Pence>,
  route: ProcurementRoute,
  category: ProcurementCategory | undefined,
  routeText: string,
  description: string,
  supplier: string,
  contractEnd: Sourced<string> | undefined,
  plannedMigration: Sourced<string> | undefined
): ProcurementLine {
  if (category !== undefined && routeText && description && supplier && contractEnd)
    return plannedMigration
      ? {
          labelCell,
          categoryText,
          annualSpend,
          route,
          category,
          routeText,
          description,
          supplier,
          contractEnd,
          plannedMigration,
        }
      : {
          labelCell,
          categoryText,
          annualSpend,
          route,
          category,
          routeText,
          description,
          supplier,
          contractEnd,
        };
  const line: { -readonly [K in keyof ProcurementLine]: ProcurementLine[K] } = {
    labelCell,
    categoryText,
    annualSpend,
    route,
  };
  if (category !== undefined) line.category = category;
  if (routeText) line.routeText = routeText;
  if (description) line.description = description;
  if (supplier) line.supplier = supplier;
  if (contractEnd) line.contractEnd = contractEnd;
  if (plannedMigration) line.plannedMigration = plannedMigration;
  return line;
}

function categoryFor(
  text: string,
  cell: CellRef,
  seen: Map<string, Mapped<ProcurementCategory>>,
  ctx: DetectContext
): ProcurementCategory | undefined {
  const hit = seen.get(text);
  if (hit) {
    hit.count++;
    return hit.key;
  }
  const user = text ? decided(ctx, cell, text) : undefined;
  let m: Mapped<ProcurementCategory>;
  if (user) m = { key: user, first: cell, count: 1 };
  else {
    const r = text ? procurementMatcher.match(text) : ({ kind: "none" } as const);
    m =
      r.kind === "match"
        ? { key: r.key, first: cell, count: 1 }
        : r.kind === "ambiguous"
          ? { first: cell, count: 1, ambiguous: r.keys }
          : { first: cell, count: 1 };
  }
  seen.set(text, m);
  return m.key;
}

function decided(ctx: DetectContext, cell: CellRef, text: string): ProcurementCategory | undefined {
  const map = ctx.options.procurementCategories;
  if (!map) return undefined;
  const byCell = `${cell.sheet}!${cell.address}`;
  if (Object.prototype.hasOwnProperty.call(map, byCell)) return map[byCell];
  const k = mappingKey(text);
  if (Object.prototype.hasOwnProperty.call(map, k)) return map[k];
  if (Object.prototype.hasOwnProperty.call(map, text)) return map[text];
  return undefined;
}

function routeFor(
  text: string,
  row: number,
  cellOf: (row: number) => CellRef,
  seen: Map<string, Mapped<ProcurementRoute>>,
  ctx: DetectContext
): ProcurementRoute {
  if (!text) return "unknown";
  const hit = seen.get(text);
  if (hit) {
    hit.count++;
    return hit.key ?? "unknown";
  }
  const cell = cellOf(row);
  const map = ctx.options.routes;
  const k = mappingKey(text);
  let m: Mapped<ProcurementRoute>;
  if (map && Object.prototype.hasOwnProperty.call(map, k))
    m = { key: map[k], first: cell, count: 1 };
  else if (map && Object.prototype.hasOwnProperty.call(map, text))
    m = { key: map[text], first: cell, count: 1 };
  else {
    const r = routeMatcher.match(text);
    m =
      r.kind === "match"
        ? { key: r.key, first: cell, count: 1 }
        : r.kind === "ambiguous"
          ? { first: cell, count: 1, ambiguous: r.keys }
          : { first: cell, count: 1 };
  }
  seen.set(text, m);
  return m.key ?? "unknown";
}

function reportUnmapped(
  categories: Map<string, Mapped<ProcurementCategory>>,
  routes: Map<string, Mapped<ProcurementRoute>>,
  ctx: DetectContext
): void {
  for (const [text, m] of categories) {
    if (m.key !== undefined) continue;
    const times =
      m.count > 1
        ? ` (${m.count} lines, the first at ${m.first.sheet}!${m.first.address})`
        : ` at ${m.first.sheet}!${m.first.address}`;
    ctx.sink.add(
      m.ambiguous
        ? finding(
            "warning",
            "AMBIGUOUS_LABEL",
            `The procurement category "${text}"${times} could be ${m.ambiguous.map((k) => inSentence(PROCUREMENT_CATEGORY_NAMES[k])).join(" or ")}, so it was not put in either.`,
            m.first,
            "Reword the category, or choose it in the Data step."
          )
        : finding(
            "warning",
            "CATEGORY_UNMAPPED",
            text
              ? `The procurement category "${text}"${times} does not match any national or local category, so its spend is not counted as addressable.`
              : `Spend with no category${times} was read, but cannot be counted as addressable.`,
            m.first,
            "Reword the category (e.g. Vehicles, Forensic services - DNA), or choose it in the Data step."
          )
    );
  }
  for (const [text, m] of routes) {
    if (m.key !== undefined) continue;
    const times =
      m.count > 1
        ? ` (${m.count} lines, the first at ${m.first.sheet}!${m.first.address})`
        : ` at ${m.first.sheet}!${m.first.address}`;
    ctx.sink.add(
      finding(
        "warning",
        "ROUTE_UNMAPPED",
        `The route "${text}"${times} is not one the add-in knows (${(["nationalFramework", "regional", "local"] as const).map((r) => inSentence(ROUTE_NAMES[r])).join(", ")}), so it is treated as unknown.`,
        m.first,
        "Write National framework, Regional or Local, or choose the route in the Data step."
      )
    );
  }
}

function dateFor(
  sheet: SheetGrid,
  r: number,
  c: number,
  refs: RefMaker,
  cache: Map<string | number, DateCell>,
  how: Readonly<Record<DateHow, string>>,
  what: string,
  category: string,
  ctx: DetectContext
): Sourced<string> | undefined {
  const v = sheet.values[r]?.[c];
  const d = readDateCell(v ?? null, sheet.numberFormats?.[r]?.[c], cache);
  if (d.kind === "date") return { value: d.iso, sources: [refs.ref(r, c)], how: how[d.how] };
  if (d.kind === "blank") return undefined;
  const ref = refs.ref(r, c);
  ctx.sink.add(
    d.kind === "error"
      ? finding(
          "warning",
          "ERROR_VALUE",
          `${refs.text(r, c)} (${what} of "${category}") shows the error ${d.error}; the date was left out.`,
          ref,
          "Fix the formula in that cell so it gives a date."
        )
      : finding(
          "warning",
          "DATE_UNREADABLE",
          `${refs.text(r, c)} (${what} of "${category}") holds "${d.text.slice(0, 40)}", which cannot be read as a date; it was left out.`,
          ref,
          "Enter the date as a date, e.g. 31/03/2011."
        )
  );
  return undefined;
}
