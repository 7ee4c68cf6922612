/** The check's settings kept in the workbook, under StoredSettings' "check" key. */
import {
  CHECK_SETTINGS_KEY,
  checkOptionsFromSettings,
  checkSettingsToStore,
} from "../../../src/core/check/settings";

describe("check settings", () => {
  it("round-trips severities and the variance threshold, keeping other settings", () => {
    const stored = checkSettingsToStore(
      { detect: { sheets: {} } },
      {
        severityOverrides: { VARIANCE_EXPLAINED: "error", OVERTIME_NO_RISE: "off" },
        varianceThreshold: 0.15,
      }
    );
    expect(stored).toEqual({
      detect: { sheets: {} },
      [CHECK_SETTINGS_KEY]: {
        severity: { VARIANCE_EXPLAINED: "error", OVERTIME_NO_RISE: "off" },
        varianceThreshold: 0.15,
      },
    });
    expect(checkOptionsFromSettings(stored)).toEqual({
      options: {
        severityOverrides: { VARIANCE_EXPLAINED: "error", OVERTIME_NO_RISE: "off" },
        varianceThreshold: 0.15,
      },
      problems: [],
    });
  });

  it("has nothing to say when the workbook keeps no check settings", () => {
    expect(checkOptionsFromSettings(undefined)).toEqual({ options: {}, problems: [] });
    expect(checkOptionsFromSettings({ check: "nonsense" })).toEqual({ options: {}, problems: [] });
  });

  it("leaves out what it cannot use, and says why", () => {
    const r = checkOptionsFromSettings({
      check: {
        severity: { NO_SUCH_RULE: "error", TOTALS_ADD_UP: "fatal", AREAS_ADDRESSED: "warning" },
        varianceThreshold: "ten percent",
      },
    });
    expect(r.options).toEqual({ severityOverrides: { AREAS_ADDRESSED: "warning" } });
    expect(r.problems).toEqual([
      "The check's settings name a rule that does not exist (NO_SUCH_RULE); it was ignored.",
      'The check\'s settings give the rule "Totals equal their lines" the severity "fatal"; only error, warning or off can be used, so its default applies.',
      'The check\'s variance threshold "ten percent" is not a share such as 0.1, so the default applies.',
    ]);
  });
});
