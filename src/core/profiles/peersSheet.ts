/**
 * The national table for one year as the add-in's Peers sheet (`vfm profiles --out`): the
 * template's layout (core/template.ts), one row per force with its published figures, the
 * source and licence in the note row, and each row's cells in its Notes column, so the sheet
 * reads back through the peers detector like one a user filled in.
 */
import { formatYear } from "../format";
import { OGL_ATTRIBUTION } from "../classifications/sources";
import { SUPPORT_DEFINITION_SPECS } from "../classifications/definitions";
import { KnownIndicatorKey } from "../peersData";
import { PEERS_TEMPLATE, peersTemplateSheet, TEMPLATE_LAYOUT } from "../template";
import { FinancialYear } from "../years";
import { SheetPlan } from "../writePlan";
import { PEER_KEY, recordsFor } from "./national";
import { NationalTable, PROFILE_INDICATOR_KEYS, ProfileRecord } from "./types";

/** "file 'sheet'!R4, S4" for a value's cells, grouped by file and sheet. */
function cellsText(r: ProfileRecord): string {
  const parts: string[] = [];
  for (const k of PROFILE_INDICATOR_KEYS) {
    const v = r.indicators[k];
    if (!v || !PEER_KEY[k]) continue;
    const by = new Map<string, string[]>();
    for (const c of v.cells) {
      const where = `${c.file} '${c.sheet}'`;
      by.set(where, [...(by.get(where) ?? []), c.address]);
    }
    parts.push(`${k}: ${[...by].map(([w, a]) => `${w}!${a.join(",")}`).join("; ")}`);
  }
  return parts.join(" | ");
}

/** Which definitions and bases the year's figures use, in a sentence for the note row. */
function yearNote(records: readonly ProfileRecord[], year: FinancialYear): string {
  const defs = new Set(
    records.map((r) => r.definitions.businessSupportRatio).filter((d) => d !== undefined)
  );
  const bases = new Set(records.flatMap((r) => Object.values(r.basis)));
  const def = [...defs].map((d) => SUPPORT_DEFINITION_SPECS[d].name).join("; ");
  return `HMIC Value for Money profile data, ${formatYear(year)}: ${[...bases].join("; ")}.${def ? ` Business support: ${def}.` : ""} ${OGL_ATTRIBUTION}`;
}

export function profilePeersSheet(
  table: NationalTable,
  year: FinancialYear,
  sheetName = "Peers"
): SheetPlan {
  const records = recordsFor(table, year);
  const plan = peersTemplateSheet({ sheetName });
  const roles = PEERS_TEMPLATE.columns.map((c) => c.role);
  const byForce = new Map(records.map((r) => [r.force, r]));
  const L = TEMPLATE_LAYOUT;
  const blocks = plan.blocks.map((b) => {
    if (b.top === 0)
      return {
        ...b,
        values: b.values.map((row, i) =>
          i === L.noteRow ? [yearNote(records, year), ...row.slice(1)] : row
        ),
      };
    return {
      ...b,
      values: b.values.map((row) => {
        const r = byForce.get(String(row[0]));
        if (!r) return row;
        return roles.map((role, c) => {
          if (c === 0) return row[0];
          if (role === "population") return r.population?.value ?? null;
          if (role === "notes") return cellsText(r) || null;
          const key = PROFILE_INDICATOR_KEYS.find(
            (k) => PEER_KEY[k] === (role as KnownIndicatorKey)
          );
          return key ? (r.indicators[key]?.value ?? null) : null;
        });
      }),
    };
  });
  return { ...plan, blocks };
}
