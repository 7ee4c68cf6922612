/** A hand-edited narrative cell: the change is shown whole, never cut off (issue: 57-character cut). */
import {
  FULL_TEXT_LIMIT,
  describeTextChange,
  textChanges,
} from "../../../src/core/check/textChange";

const drafted =
  "Officer overtime fell from £5,600,000 in 2008/09 to £4,250,000 in 2013/14, a cut of 24.1%, and the force expects to stay at or below 4% of its paybill from 2012/13 onwards.";

describe("textChanges", () => {
  it("gives the changed words with four words of context on each side", () => {
    const found = drafted.replace("fell from", "rose from");
    expect(textChanges(drafted, found)).toEqual([
      {
        drafted: "Officer overtime fell from £5,600,000 in 2008/09…",
        found: "Officer overtime rose from £5,600,000 in 2008/09…",
      },
    ]);
  });

  it("reports a change at the very end, past 57 characters, in full", () => {
    const found = drafted.replace("from 2012/13 onwards.", "from 2014/15 onwards.");
    const [c] = textChanges(drafted, found);
    expect(c.drafted).toBe("…of its paybill from 2012/13 onwards.");
    expect(c.found).toBe("…of its paybill from 2014/15 onwards.");
  });

  it("lists two separate edits apart, in order", () => {
    const found = drafted.replace("24.1%", "30%").replace("stay at", "remain at");
    expect(textChanges(drafted, found).map((c) => c.found)).toEqual([
      "…2013/14, a cut of 30%, and the force expects…",
      "…the force expects to remain at or below 4%…",
    ]);
  });

  it("finds nothing when only the spacing differs", () => {
    expect(textChanges(drafted, drafted.replace("fell from", "fell  from"))).toEqual([]);
  });
});

describe("describeTextChange", () => {
  it("quotes short texts whole", () => {
    expect(describeTextChange("Procurement: on track.", "Procurement: off track.")).toBe(
      'shows "Procurement: off track.", where the statement drafted from the data shows "Procurement: on track."'
    );
  });

  it("gives long texts as changed passages", () => {
    expect(drafted.length).toBeGreaterThan(FULL_TEXT_LIMIT);
    const found = drafted.replace("fell from", "rose from");
    expect(describeTextChange(drafted, found)).toBe(
      'has been changed from the statement drafted from the data: "Officer overtime fell from £5,600,000 in 2008/09…" is now "Officer overtime rose from £5,600,000 in 2008/09…"'
    );
  });
});
