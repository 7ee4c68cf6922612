/**
 * Peers (5.59). The sample peers sheet puts Exampleshire Constabulary (row 5) in its most
 * similar group's worst quarter on one indicator only: spend through national frameworks.
 * Group values (higher is better): 0.68, 0.64, 0.56, 0.41, 0.37, 0.32, 0.31 (the force), 0.19.
 * PERCENTILE.INC at 25% sits at position 0.25 x 7 = 1.75 from the lowest, between 0.31 and
 * 0.32: 0.31 + 0.75 x 0.01 = 0.3175. The force's 0.31 is below it: worst quarter.
 */
import { bottomQuartile } from "../../../src/core/check/peers";
import { PeerIndicatorResult } from "../../../src/core/analysis/peers";
import { runVfm } from "../../../src/core/run";
import { exampleshirePeersSheet, SAMPLE_FORCE } from "../../../src/core/sample/peers";
import { checkOf, ofRule, outcome, places } from "./helpers";
import { compliantSavings, workbook } from "./workbooks";

const withPeers = (savings = compliantSavings()) =>
  workbook({ force: SAMPLE_FORCE, savings, extraSheets: [exampleshirePeersSheet()] });

describe("PEER_BOTTOM_QUARTILE_ACTION", () => {
  it("places the force in its group's worst quarter on framework spend", () => {
    const ind = runVfm(withPeers()).peers!.indicators.find(
      (i) => i.known === "frameworkProcurementPct"
    )!;
    const q = bottomQuartile(ind)!;
    expect(q.bottom).toBe(true);
    expect(q.among).toBe("its most similar group");
    expect(q.edge).toBeCloseTo(0.3175, 10);
  });

  it("passes when the savings plan has a procurement action", () => {
    const r = checkOf(withPeers());
    expect(outcome(r, "PEER_BOTTOM_QUARTILE_ACTION")).toBe("pass");
  });

  it("fails at the force's value when no procurement saving is planned", () => {
    const r = checkOf(withPeers(compliantSavings().filter((s) => s.area !== "Procurement")));
    const f = ofRule(r, "PEER_BOTTOM_QUARTILE_ACTION");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("31%");
    expect(f[0].message).toContain("national procurement frameworks");
    expect(places(r, "PEER_BOTTOM_QUARTILE_ACTION")).toEqual(["Peers!G5"]);
    expect(f[0].severity).toBe("warning");
  });

  it("does not apply without peer figures", () => {
    expect(outcome(checkOf(workbook()), "PEER_BOTTOM_QUARTILE_ACTION")).toBe("notApplicable");
  });

  it("uses the all-force quartile when the group has fewer than four values", () => {
    const ind = {
      value: 9,
      direction: "lowerIsBetter",
      quartile: 4,
      percentiles: { p25: 2, p50: 4, p75: 6 },
      chart: {
        bars: [
          { value: 9, isForce: true, inGroup: false },
          { value: 1, isForce: false, inGroup: true },
        ],
      },
    } as unknown as PeerIndicatorResult;
    expect(bottomQuartile(ind)).toEqual({
      bottom: true,
      among: "all forces in the sheet",
      edge: 6,
    });
  });
});
