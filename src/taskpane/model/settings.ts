/**
 * The task pane's stored settings (kept inside the workbook through the gateway, so a second run
 * asks nothing): the mapping decisions under SETTINGS_KEYS.detect, in the shape detection takes
 * (DetectOptions), and the policy overrides under SETTINGS_KEYS.policy, a flat object of setting
 * key -> value as the user wrote it ({"overtime.threshold": "4%"}), which the core reads exactly
 * as it reads a --policy file.
 */
import {
  Analysis,
  formatPolicyValue,
  formatRef,
  JsonValue,
  parsePolicyValue,
  policyDefaultSource,
  POLICY_SETTINGS,
  POLICY_GROUP_LABELS,
  PolicySettingDescriptor,
  PolicyValue,
  policyValue,
  ReadingVerdict,
  SETTINGS_KEYS,
  StoredSettings,
} from "../../core";

export type JsonObject = { readonly [key: string]: JsonValue };

export function asObject(v: JsonValue | undefined): JsonObject | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** The stored policy overrides: setting key -> the value as entered. */
export function policyOverridesOf(settings: StoredSettings): JsonObject {
  return asObject(settings[SETTINGS_KEYS.policy]) ?? {};
}

/** The stored mapping decisions (DetectOptions as JSON). */
export function detectOptionsOf(settings: StoredSettings): JsonObject {
  return asObject(settings[SETTINGS_KEYS.detect]) ?? {};
}

/** Settings with one part replaced; an empty part is removed, so nothing stale is kept. */
export function withPart(
  settings: StoredSettings,
  key: string,
  part: JsonObject | undefined
): StoredSettings {
  const next: { [key: string]: JsonValue } = { ...settings };
  if (!part || Object.keys(part).length === 0) delete next[key];
  else next[key] = part;
  return next;
}

/** The panel's group headings, from the core (the words findings use for a setting's place). */
export { POLICY_GROUP_LABELS };

/** What the settings panel shows for one policy setting. */
export interface PolicyField {
  readonly descriptor: PolicySettingDescriptor;
  /** The value the analysis used. */
  readonly current: PolicyValue;
  readonly currentText: string;
  readonly defaultText: string;
  /** Where the value the analysis used came from, in words. */
  readonly source: string;
  /** The value without the add-in's own override (the Settings sheet's, or the default). */
  readonly base: PolicyValue;
  /** Where the setting is a reading of the White Paper's words: the verdict each option gives. */
  readonly reading?: ReadingVerdict;
}

export function policyFields(analysis: Analysis): PolicyField[] {
  return POLICY_SETTINGS.map((d) => {
    const reading = analysis.readings.find((r) => r.key === d.key);
    const current = policyValue(analysis.policy, d.key) ?? d.defaultValue;
    const applied = analysis.overridesApplied.filter((a) => a.key === d.key);
    const fromSheet = applied.filter((a) => a.from === "settings").pop();
    const fromPane = applied.filter((a) => a.from === "file").pop();
    const source = fromPane
      ? "set in this panel"
      : fromSheet
        ? fromSheet.cell
          ? `set in the workbook at ${formatRef(fromSheet.cell)}`
          : "set in the workbook's Settings sheet"
        : policyDefaultSource(d).whitePaper
          ? "the White Paper's default"
          : "the add-in's default";
    return {
      descriptor: d,
      current,
      currentText: formatPolicyValue(d, current),
      defaultText: formatPolicyValue(d, d.defaultValue),
      source,
      base: fromSheet ? fromSheet.value : d.defaultValue,
      ...(reading ? { reading } : {}),
    };
  });
}

/**
 * What a reading's hint adds: the White Paper's words it reads, then each way of reading them
 * with the verdict it gives on this workbook ("Police officers only (in use): 5.50% in 2008/09
 * ...; off track"), and whether the verdict turns on it.
 */
export function readingHints(field: PolicyField): string[] {
  const words = field.descriptor.whitePaperWords;
  if (!words) return [];
  const out = [`The White Paper's words: ${words}.`];
  const r = field.reading;
  if (!r) return out;
  out.push(
    r.turnsOnIt
      ? "On this workbook the verdict turns on this reading:"
      : "On this workbook every way of reading it gives the same verdict:"
  );
  for (const o of r.options) out.push(`${o.label}${o.inUse ? " (in use)" : ""}: ${o.verdict}.`);
  return out;
}

/**
 * The first line of a setting's hint: its default and where the default comes from, in words.
 * "White Paper default: 4% (White Paper 5.9-5.10)." reads badly, so: "White Paper default: 4%
 * (5.9-5.10)." or, where the White Paper leaves it open, "Add-in default: none (the White
 * Paper, 5.9-5.10, does not set it)."
 */
export function defaultHint(field: PolicyField): string {
  const source = policyDefaultSource(field.descriptor);
  return source.whitePaper
    ? `White Paper default: ${field.defaultText} (${source.text.replace(/^White Paper /, "")}).`
    : `Add-in default: ${field.defaultText} (${source.text}).`;
}

/** A value as the panel's text box shows it: "4%", "£70m", "2008/09", "2011-04-01". */
export function editText(d: PolicySettingDescriptor, v: PolicyValue): string {
  if (d.kind === "enum") return v === null ? "" : String(v);
  return formatPolicyValue(d, v);
}

/** Why a value cannot be used, in words, or undefined when it can. */
export function policyInputProblem(
  d: PolicySettingDescriptor,
  raw: string | boolean
): string | undefined {
  const parsed = parsePolicyValue(d, raw);
  return parsed.ok ? undefined : `This cannot be used: ${parsed.why}.`;
}

function sameValue(a: PolicyValue, b: PolicyValue): boolean {
  return typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-12 : a === b;
}

/**
 * The overrides to store after the panel's edits: each edited setting is stored as entered,
 * unless it equals what the workbook would give without it (then it is dropped, so "back to the
 * default" really is the default). Unchanged stored overrides are kept. Returns the problems
 * instead when any edit cannot be read.
 */
export function nextPolicyOverrides(
  stored: JsonObject,
  edits: Readonly<Record<string, string | boolean>>,
  fields: readonly PolicyField[]
):
  | { readonly ok: true; readonly overrides: JsonObject }
  | { readonly ok: false; readonly problems: Readonly<Record<string, string>> } {
  const next: { [key: string]: JsonValue } = { ...stored };
  const problems: Record<string, string> = {};
  for (const [key, raw] of Object.entries(edits)) {
    const field = fields.find((f) => f.descriptor.key === key);
    if (!field) continue;
    const parsed = parsePolicyValue(field.descriptor, raw);
    if (!parsed.ok) {
      problems[key] = `This cannot be used: ${parsed.why}.`;
      continue;
    }
    if (sameValue(parsed.value, field.base)) delete next[key];
    else next[key] = raw;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, overrides: next };
}
