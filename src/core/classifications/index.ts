/**
 * The published classifications as data: Home Office ADR workforce functions, CIPFA POA
 * objectives and sub-objectives, CIPFA subjective lines, and the two readings of business
 * support. Detection builds its matchers from these; HMIC's profile files can be read with them.
 */
import { BudgetLineKey, FunctionCategory } from "../forceData";
import { FUNCTION_CATEGORIES } from "../policy";
import { FUNCTION_ENTRIES, FunctionEntry } from "./functions";
import { SUBJECTIVE_ENTRIES } from "./subjective";

export * from "./sources";
export * from "./definitions";
export * from "./functions";
export * from "./subjective";

/** Matcher phrases per category: every entry's published name and wordings (totals apart). */
export function functionPhrases(): (readonly [FunctionCategory, readonly string[]])[] {
  const by = new Map<FunctionCategory, string[]>();
  for (const e of FUNCTION_ENTRIES) {
    if (e.role === "total") continue;
    const list = by.get(e.category) ?? [];
    for (const p of [e.name, ...e.wordings]) if (!list.includes(p)) list.push(p);
    by.set(e.category, list);
  }
  return FUNCTION_CATEGORIES.filter((c) => by.has(c)).map((c) => [c, by.get(c) ?? []] as const);
}

/** Matcher phrases per budget key: every subjective entry's name and wordings that has a key. */
export function subjectivePhrases(): (readonly [BudgetLineKey, readonly string[]])[] {
  const by = new Map<BudgetLineKey, string[]>();
  for (const e of SUBJECTIVE_ENTRIES) {
    if (!e.key) continue;
    const list = by.get(e.key) ?? [];
    for (const p of [e.name, ...e.wordings]) if (!list.includes(p)) list.push(p);
    by.set(e.key, list);
  }
  return [...by.entries()];
}

/** The entries whose name or wordings are this label's words exactly (normalised by `words`). */
export function entriesNamed(
  label: string,
  words: (text: string) => string
): readonly FunctionEntry[] {
  const key = words(label);
  return FUNCTION_ENTRIES.filter(
    (e) => words(e.name) === key || e.wordings.some((w) => words(w) === key)
  );
}
