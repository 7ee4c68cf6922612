/**
 * Settings: the force's name, the baseline and target years, the money unit, the average cost
 * of a business-support post, and policy overrides, as key/value rows (the template's Settings
 * table, or "Force: ..." lines on a force's own cover sheet).
 */
import { ForceSettings, Sourced } from "../forceData";
import { CellRef, CellValue, SheetGrid } from "../grid";
import { finding } from "../findings";
import { MoneyUnit, Pence } from "../money";
import { FinancialYear } from "../years";
import { amountFromCell, cellText, readNumberCell, RefMaker } from "./cells";
import { DetectContext } from "./context";
import { Matcher } from "./labels";
import { unitInText } from "./units";
import { yearOfCell } from "./years";
import { countOf } from "../plainEnglish";

export type SettingKey =
  | "forceName"
  | "authorityName"
  | "policingPlanYear"
  | "baselineYear"
  | "targetYear"
  | "unit"
  | "averageSupportCost"
  | "mostSimilarForces"
  | "settingHeader";

export const settingMatcher = new Matcher<SettingKey>({
  phrases: [
    ["forceName", ["force name", "force", "police force", "name of force", "name of the force"]],
    [
      "authorityName",
      [
        "police authority",
        "authority",
        "authority name",
        "name of the police authority",
        "name of the authority",
        "police authority name",
      ],
    ],
    [
      "policingPlanYear",
      ["local policing plan", "policing plan", "local policing plan year", "policing plan year"],
    ],
    ["baselineYear", ["baseline year", "baseline", "base year"]],
    ["targetYear", ["target year", "horizon year"]],
    ["unit", ["money unit", "unit", "units", "amounts in", "currency unit"]],
    [
      "averageSupportCost",
      [
        "average cost per business support fte",
        "average support cost",
        "average cost of a support post",
        "support cost per fte",
        "average cost per support fte",
      ],
    ],
    [
      "mostSimilarForces",
      [
        "most similar forces",
        "most similar group",
        "most similar force group",
        "msg",
        "peer group",
      ],
    ],
    ["settingHeader", ["setting", "parameter", "policy setting"]],
  ],
});

const MAX_SCAN_ROWS = 200;
const MAX_KEY_COLS = 6;

interface SettingRow {
  readonly row: number;
  readonly keyCol: number;
  readonly keyText: string;
  readonly key?: SettingKey;
  readonly value: CellValue;
  readonly valueCol: number;
}

const valueHeader = new Matcher<"value">({
  phrases: [["value", ["value", "setting value", "your value"]]],
});

/** The Settings table's header: a "Setting" cell with a "Value" cell to its right. */
function settingsHeader(
  sheet: SheetGrid
): { row: number; keyCol: number; valueCol: number } | undefined {
  const limit = Math.min(sheet.values.length, MAX_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, MAX_KEY_COLS); c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 30) continue;
      const m = settingMatcher.match(t);
      if (m.kind !== "match" || m.key !== "settingHeader") continue;
      for (let v = c + 1; v < row.length; v++) {
        const vt = cellText(row[v]);
        if (vt && valueHeader.match(vt).kind === "match") return { row: r, keyCol: c, valueCol: v };
      }
    }
  }
  return undefined;
}

function filled(v: CellValue | undefined): boolean {
  return v instanceof Date || typeof v === "boolean" || cellText(v ?? null) !== "";
}

/** Key/value rows near the top-left of a sheet, including "Key: value" in one cell. */
function settingRows(sheet: SheetGrid): { rows: SettingRow[]; headerRow?: number } {
  const rows: SettingRow[] = [];
  const header = settingsHeader(sheet);
  const limit = Math.min(sheet.values.length, MAX_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row || r === header?.row) continue;
    if (header && r > header.row) {
      const keyText = cellText(row[header.keyCol] ?? null);
      if (!keyText) continue;
      const m = settingMatcher.match(keyText);
      rows.push({
        row: r,
        keyCol: header.keyCol,
        keyText,
        ...(m.kind === "match" ? { key: m.key } : {}),
        value: row[header.valueCol] ?? null,
        valueCol: header.valueCol,
      });
      continue;
    }
    for (let c = 0; c < Math.min(row.length, MAX_KEY_COLS); c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 80 || !/[a-z]/i.test(t)) continue;
      const colon = t.indexOf(":");
      if (colon > 0 && colon < t.length - 1) {
        const keyText = t.slice(0, colon).trim();
        const m = settingMatcher.match(keyText);
        if (m.kind === "match" && m.key !== "settingHeader") {
          rows.push({
            row: r,
            keyCol: c,
            keyText,
            key: m.key,
            value: t.slice(colon + 1).trim(),
            valueCol: c,
          });
          break;
        }
      }
      let valueCol = -1;
      for (let v = c + 1; v < row.length; v++)
        if (filled(row[v])) {
          valueCol = v;
          break;
        }
      if (valueCol < 0) break;
      const keyText = t.replace(/:$/, "").trim();
      const m = settingMatcher.match(keyText);
      rows.push({
        row: r,
        keyCol: c,
        keyText,
        ...(m.kind === "match" ? { key: m.key } : {}),
        value: row[valueCol] ?? null,
        valueCol,
      });
      break;
    }
  }
  return header === undefined ? { rows } : { rows, headerRow: header.row };
}

/** How many known settings a sheet has (for telling a settings sheet from others). */
export function settingsScore(sheet: SheetGrid): number {
  const { rows, headerRow } = settingRows(sheet);
  const known = new Set(rows.filter((r) => r.key && r.key !== "settingHeader").map((r) => r.key));
  return known.size + (headerRow !== undefined ? 1 : 0);
}

const POLICY_KEY = /^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/;

export interface SettingsRead {
  readonly settings: ForceSettings;
  readonly how: string;
}

export function readSettingsSheet(
  sheet: SheetGrid,
  ctx: DetectContext,
  template?: string
): SettingsRead {
  const refs = new RefMaker(sheet.name);
  const { rows, headerRow } = settingRows(sheet);
  const s: {
    forceName?: Sourced<string>;
    authorityName?: Sourced<string>;
    policingPlanYear?: Sourced<FinancialYear>;
    baselineYear?: Sourced<FinancialYear>;
    targetYear?: Sourced<FinancialYear>;
    unit?: Sourced<MoneyUnit>;
    averageSupportCost?: Sourced<Pence>;
    mostSimilarForces?: Sourced<readonly string[]>;
  } = {};
  const overrides = new Map<string, Sourced<string | number>>();
  const where = template ? `template table ${template}` : `sheet "${sheet.name}"`;
  for (const row of rows) {
    const cell: CellRef = refs.ref(row.row, row.valueCol);
    const how = `${where}: "${row.keyText}" (${refs.address(row.row, row.keyCol)})`;
    const fmt = sheet.numberFormats?.[row.row]?.[row.valueCol];
    switch (row.key) {
      case "mostSimilarForces": {
        // Up to seven forces, separated by ; or , (HMIC's most similar groups are not published here).
        const names = cellText(row.value)
          .split(/[;,]/)
          .map((n) => n.trim())
          .filter((n) => n.length > 0);
        if (names.length > 0 && !s.mostSimilarForces)
          s.mostSimilarForces = { value: names, sources: [cell], how };
        break;
      }
      case "forceName": {
        const t = cellText(row.value);
        if (t && !s.forceName) s.forceName = { value: t, sources: [cell], how };
        break;
      }
      case "authorityName": {
        const t = cellText(row.value);
        if (t && !s.authorityName) s.authorityName = { value: t, sources: [cell], how };
        break;
      }
      case "policingPlanYear":
      case "baselineYear":
      case "targetYear": {
        const y = settingYear(row.value, fmt);
        if (y === undefined) {
          if (cellText(row.value))
            ctx.sink.add(
              finding(
                "warning",
                "YEAR_NOT_VALID",
                `${refs.text(row.row, row.valueCol)} should give the ${row.key === "baselineYear" ? "baseline" : row.key === "targetYear" ? "target" : "Local Policing Plan's"} year (e.g. 2008/09) but holds "${cellText(row.value)}".`,
                cell,
                "Write the year as 2008/09."
              )
            );
          break;
        }
        if (!s[row.key]) s[row.key] = { value: y, sources: [cell], how };
        break;
      }
      case "unit": {
        const t = cellText(row.value);
        const u = t === "£" ? "£" : unitInText(t);
        if (!u) {
          if (t)
            ctx.sink.add(
              finding(
                "warning",
                "UNIT_NOT_VALID",
                `${refs.text(row.row, row.valueCol)} gives the money unit "${t}"; write £, £000 or £m.`,
                cell,
                "Write £, £000 or £m."
              )
            );
          break;
        }
        if (!s.unit) s.unit = { value: u, sources: [cell], how };
        break;
      }
      case "averageSupportCost": {
        const unit = unitInText(row.keyText) ?? "£";
        const v = amountFromCell(
          readNumberCell(row.value),
          cell,
          unit,
          "average cost per business support FTE",
          ctx.sink
        );
        if (v !== undefined && !s.averageSupportCost)
          s.averageSupportCost = { value: v, sources: [cell], how: `${how}, in ${unit}` };
        break;
      }
      case "settingHeader":
        break;
      default: {
        // Everything else under the Settings table's header is a policy override; on a force's
        // own cover sheet only rows whose key is a policy setting's name ("overtime.threshold").
        const inTable = headerRow !== undefined && row.row > headerRow;
        if (!inTable && !POLICY_KEY.test(row.keyText)) break;
        const v = row.value;
        const value: string | number | undefined =
          typeof v === "number" ? v : typeof v === "boolean" ? String(v) : cellText(v) || undefined;
        if (value === undefined || overrides.has(row.keyText)) break;
        overrides.set(row.keyText, { value, sources: [cell], how });
      }
    }
  }
  const settings: ForceSettings = { ...s, policyOverrides: overrides };
  const found = [
    s.forceName && "force name",
    s.authorityName && "police authority",
    s.policingPlanYear && "Local Policing Plan year",
    s.baselineYear && "baseline year",
    s.targetYear && "target year",
    s.unit && "money unit",
    s.averageSupportCost && "average support cost",
    s.mostSimilarForces && "most similar forces",
    overrides.size > 0 && countOf(overrides.size, "policy setting"),
  ].filter(Boolean);
  return {
    settings,
    how: `${where}: ${found.length > 0 ? found.join(", ") : "nothing filled in"}`,
  };
}

function settingYear(v: CellValue, fmt: string | undefined): FinancialYear | undefined {
  const y = yearOfCell(v, fmt);
  if (y) return y.year;
  if (typeof v === "number" && Number.isInteger(v) && v >= 1990 && v <= 2099) return v;
  return undefined;
}

const FORCE_IN_TITLE =
  /\b((?:[A-Z][A-Za-z'’-]*\s+)(?:(?:and|&|of)\s+|[A-Z][A-Za-z'’-]*\s+)*(?:Constabulary|Police))\b/;

/**
 * A force's name written in a sheet's title ("Exampleshire Constabulary - Revenue budget"), for
 * workbooks without a Settings sheet.
 */
export function forceNameInTitles(sheet: SheetGrid): Sourced<string> | undefined {
  const refs = new RefMaker(sheet.name);
  for (let r = 0; r < Math.min(sheet.values.length, 4); r++) {
    const row = sheet.values[r] ?? [];
    // A title row holds one cell of text; a row of a table (a list of forces) is not a title.
    const filled = row.filter((v) => cellText(v) !== "");
    if (filled.length !== 1) continue;
    for (let c = 0; c < Math.min(row.length, 6); c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 200) continue;
      const m = FORCE_IN_TITLE.exec(t);
      if (!m) continue;
      const name = m[1].trim();
      if (/^(Total|The|Police)\b/.test(name) && !/\s/.test(name.replace(/^The\s+/, ""))) continue;
      return {
        value: name,
        sources: [refs.ref(r, c)],
        how: `force name in the title "${t.slice(0, 80)}"`,
      };
    }
  }
  return undefined;
}
