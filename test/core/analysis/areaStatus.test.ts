/**
 * One status per savings area, from the core, the same in the statement and the pane. On the
 * sample: support services' savings plan is on track (cashable savings at or above plan) but
 * business support is still at or above 7% of the workforce in 2013/14, so the area is off track,
 * the weaker of the two, and both tests are given.
 */
import { runVfm } from "../../../src/core/run";
import { exampleshireFreeForm } from "../../../src/core/sample/exampleshire";
import { SAVINGS_AREAS } from "../../../src/core/forceData";
import { areaStatus, weakerRag } from "../../../src/core/analysis/areaStatus";
import { buildStatement } from "../../../src/core/statement/build";
import { RagBlock } from "../../../src/core/statement/model";
import { ragState } from "../../../src/core/statement/sections/common";

describe("areaStatus", () => {
  const result = runVfm(exampleshireFreeForm());
  const a = result.analysis;

  test("the weaker of the tests; not assessed only when nothing was", () => {
    expect(weakerRag(["green", "red"])).toBe("red");
    expect(weakerRag(["amber", "green"])).toBe("amber");
    expect(weakerRag(["none", "green"])).toBe("green");
    expect(weakerRag(["none", "none"])).toBe("none");
  });

  test("support services: plan on track, business support off track, so off track with both shown", () => {
    const st = areaStatus(a, "supportServices");
    expect(st.tests.map((t) => [t.label, t.status.words])).toEqual([
      ["Savings plan", "on track"],
      ["Business support against 7% of the workforce", "off track"],
    ]);
    expect(st.words).toBe("off track");
    expect(st.rule).toMatch(
      /^The weaker of two tests\. Savings plan: on track, .* Business support against 7% of the workforce: off track, /
    );
  });

  test("an area with no White Paper test of its own takes its savings plan's status alone", () => {
    const st = areaStatus(a, "deployment");
    expect(st.tests).toHaveLength(1);
    expect(st.rag).toBe(a.savings.byArea.find((x) => x.area === "deployment")!.rag.rag);
  });

  test("the statement shows every area with the core's status", () => {
    const statement = buildStatement(a, result.data, { generatedAt: "2026-12-01T00:00:00Z" });
    for (const area of SAVINGS_AREAS) {
      const section = statement.sections.find((s) => s.id === `area-${area}`)!;
      const block = section.blocks.find((b): b is RagBlock => b.kind === "rag")!;
      const st = areaStatus(a, area);
      expect([area, block.status]).toEqual([
        area,
        ragState({ ...st.tests[0].status, rag: st.rag }),
      ]);
      if (st.tests.length > 1) for (const t of st.tests) expect(block.rule).toContain(t.label);
    }
  });

  test("the tests are named by the thresholds in force, not the White Paper's defaults", () => {
    const r = runVfm(exampleshireFreeForm(), {
      settings: {
        policyOverrides: { "overtime.threshold": "4.5%", "businessSupport.threshold": "8%" },
      },
    });
    expect(areaStatus(r.analysis, "overtime").tests[1].label).toBe(
      "Overtime against the 4.5% path"
    );
    expect(areaStatus(r.analysis, "supportServices").tests[1].label).toBe(
      "Business support against 8% of the workforce"
    );
    // The statement's area sections say what the area is measured against in the same figures.
    const st = buildStatement(r.analysis, r.data, { generatedAt: "2026-12-01T00:00:00Z" });
    const text = (id: string) => JSON.stringify(st.sections.find((x) => x.id === id));
    expect(text("area-overtime")).toContain(
      "measured against 4.5% of paybill from the 2008/09 baseline"
    );
    expect(text("area-supportServices")).toContain("under 8% of the workforce by 2013/14");
    expect(text("area-overtime")).not.toContain("against 4% of paybill");
  });
});
