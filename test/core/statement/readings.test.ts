/**
 * The working papers' section on the readings the White Paper leaves open, on the Exampleshire
 * sample: every reading, every way of reading it, the one in use, and the verdict each gives
 * (worked examples in test/core/analysis/readings.test.ts).
 */
import { TableBlock, blocksOf, paragraphText } from "../../../src/core/statement/model";
import { wordingProblems } from "../../../src/core/plainEnglish";
import { draftStatement, runVfm } from "../../../src/core/run";
import { applyOverrides, DEFAULT_POLICY } from "../../../src/core/policy";
import { exampleshireTemplate } from "../../../src/core/sample/exampleshire";

const AT = "2011-03-31T12:00:00Z";

function papersOf(overrides: Record<string, string> = {}) {
  const policy = applyOverrides(DEFAULT_POLICY, overrides).policy;
  return draftStatement(runVfm(exampleshireTemplate(), { policy }), { generatedAt: AT });
}

describe("the working papers' readings", () => {
  const s = papersOf();
  const section = s.papers.find((x) => x.id === "readings")!;
  const table = section.blocks.find((b): b is TableBlock => b.kind === "table")!;

  it("follow the settings used, and are not in the statement for publication", () => {
    const ids = s.papers.map((x) => x.id);
    expect(ids.indexOf("readings")).toBe(ids.indexOf("settings") + 1);
    expect(s.sections.some((x) => x.id === "readings")).toBe(false);
  });

  it("list each reading with the White Paper's words, each option, the one in use and its verdict", () => {
    const rows = table.rows.map((r) => r.cells.map((c) => c.text));
    // 3 + 2 + 2 + 2 + 2 options.
    expect(rows).toHaveLength(11);
    expect(rows[0][0]).toBe(
      'Paybill the overtime ratio is measured against (5.10: "Total spending on officer overtime" and forces "at or below 4% of their paybill")'
    );
    expect(rows[0].slice(1)).toEqual([
      "Police officers only",
      "In use",
      "5.50% in 2008/09 and 3.98% in 2013/14; two years above the required maximum (2009/10 and 2011/12); off track",
    ]);
    expect(rows[1]).toEqual([
      "",
      "Officer overtime against the whole paybill (officers, staff and PCSOs)",
      "",
      "3.69% in 2008/09 and 2.71% in 2013/14; every year within its required maximum; on track",
    ]);
    expect(rows.filter((r) => r[2] === "In use")).toHaveLength(5);
    const para = paragraphText(section.blocks[0] as Parameters<typeof paragraphText>[0]);
    expect(para).toContain("The White Paper does not settle five questions the figures depend on.");
    expect(para).toContain("the verdict turns on four of them");
    expect(wordingProblems(para)).toEqual([]);
  });

  it("mark the reading the settings chose", () => {
    const t = papersOf({ "overtime.cutFrom": "baseline" })
      .papers.find((x) => x.id === "readings")!
      .blocks.find((b): b is TableBlock => b.kind === "table")!;
    const baseline = t.rows.find((r) => r.cells[1].text === "The baseline year, compounded")!;
    expect(baseline.cells[2].text).toBe("In use");
    expect(baseline.cells[3].text).toContain("four years above the required maximum");
  });

  it("appear in the blocks the renderers walk", () => {
    expect(blocksOf(s, "table", "papers").some((b) => b.id === "papers-readings")).toBe(true);
  });
});
