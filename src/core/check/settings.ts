/**
 * The check's own settings as the add-in keeps them in the workbook (StoredSettings, under the
 * key "check"): a severity per rule ("error", "warning" or "off") and the variance threshold.
 * The task pane's settings panel writes them with checkSettingsToStore; the task pane and
 * `vfm check` read them with checkOptionsFromSettings, so a workbook checks the same in both.
 *
 *     { "check": { "severity": { "VARIANCE_EXPLAINED": "error" }, "varianceThreshold": 0.15 } }
 *
 * Anything unreadable is reported as a problem in plain English and left out, never thrown.
 */
import { JsonValue, StoredSettings } from "../gateway";
import { ruleFor } from "./rules";
import { isRuleCode, RuleCode, SeverityOverride, SeverityOverrides } from "./ruleSeverities";

export const CHECK_SETTINGS_KEY = "check";

export interface CheckSettings {
  readonly severityOverrides?: SeverityOverrides;
  readonly varianceThreshold?: number;
  /** A plan's overtime or support saving this far from the budget's fall does not reconcile. */
  readonly reconciliationTolerance?: number;
}

function asObject(v: JsonValue | undefined): Record<string, JsonValue> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, JsonValue>)
    : undefined;
}

/** The check's settings held in the workbook's stored settings, with any problems in words. */
export function checkOptionsFromSettings(settings: StoredSettings | undefined): {
  readonly options: CheckSettings;
  readonly problems: readonly string[];
} {
  return readCheckSettings(settings, (code) => ruleFor(code)?.title ?? code);
}

/**
 * The check's settings alone, for the analysis to give each rule's findings their severity: what
 * the pane's first step needs, without the rule catalogue (its words name rules in the problems).
 */
export function storedCheckSettings(settings: StoredSettings | undefined): CheckSettings {
  return readCheckSettings(settings, (code) => code).options;
}

function readCheckSettings(
  settings: StoredSettings | undefined,
  ruleName: (code: RuleCode) => string
): { readonly options: CheckSettings; readonly problems: readonly string[] } {
  const stored = asObject(settings?.[CHECK_SETTINGS_KEY]);
  if (!stored) return { options: {}, problems: [] };
  const problems: string[] = [];
  const severity: Partial<Record<RuleCode, SeverityOverride>> = {};
  for (const [code, value] of Object.entries(asObject(stored.severity) ?? {})) {
    if (!isRuleCode(code)) {
      problems.push(
        `The check's settings name a rule that does not exist (${code}); it was ignored.`
      );
      continue;
    }
    if (value !== "error" && value !== "warning" && value !== "off") {
      problems.push(
        `The check's settings give the rule "${ruleName(code)}" the severity ${JSON.stringify(value)}; only error, warning or off can be used, so its default applies.`
      );
      continue;
    }
    severity[code] = value;
  }
  let varianceThreshold: number | undefined;
  const t = stored.varianceThreshold;
  if (t !== undefined) {
    if (typeof t === "number" && Number.isFinite(t) && t >= 0) varianceThreshold = t;
    else
      problems.push(
        `The check's variance threshold ${JSON.stringify(t)} is not a share such as 0.1, so the default applies.`
      );
  }
  let reconciliationTolerance: number | undefined;
  const rt = stored.reconciliationTolerance;
  if (rt !== undefined) {
    if (typeof rt === "number" && Number.isFinite(rt) && rt >= 0) reconciliationTolerance = rt;
    else
      problems.push(
        `The check's reconciliation tolerance ${JSON.stringify(rt)} is not a share such as 0.15, so the default applies.`
      );
  }
  const options: CheckSettings = {
    ...(Object.keys(severity).length > 0 ? { severityOverrides: severity } : {}),
    ...(varianceThreshold !== undefined ? { varianceThreshold } : {}),
    ...(reconciliationTolerance !== undefined ? { reconciliationTolerance } : {}),
  };
  return { options, problems };
}

/** The stored settings with the check's settings set (other keys kept as they are). */
export function checkSettingsToStore(
  settings: StoredSettings,
  check: CheckSettings
): StoredSettings {
  const severity: Record<string, JsonValue> = {};
  for (const [code, value] of Object.entries(check.severityOverrides ?? {}))
    if (value) severity[code] = value;
  const entry: Record<string, JsonValue> = {};
  if (Object.keys(severity).length > 0) entry.severity = severity;
  if (check.varianceThreshold !== undefined) entry.varianceThreshold = check.varianceThreshold;
  if (check.reconciliationTolerance !== undefined)
    entry.reconciliationTolerance = check.reconciliationTolerance;
  return { ...settings, [CHECK_SETTINGS_KEY]: entry };
}
