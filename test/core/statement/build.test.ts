import { buildStatement } from "../../../src/core/statement/build";
import {
  Block,
  DisplayFigure,
  ParagraphBlock,
  Section,
  Statement,
  TableBlock,
  blocksOf,
  paragraphText,
} from "../../../src/core/statement/model";
import { refsText } from "../../../src/core/statement/format";
import { AREA_HEADINGS } from "../../../src/core/statement/sections/areas";
import { PeersForStatement } from "../../../src/core/statement/sections/benchmarking";
import { PeersAnalysis } from "../../../src/core/analysis/peers";
import { analysisToJson } from "../../../src/core/analysis/json";
import { analyse } from "../../../src/core/analysis/analyse";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { SAVINGS_AREAS } from "../../../src/core/forceData";
import { makeData } from "../analysis/fixtures";
import { FORMULA_NOTE, GENERATED_AT, TESTSHIRE, testshire } from "./fixture";

// The peers analysis can be handed to buildStatement as it is (checked by the type-check).
const peersFits: (p: PeersAnalysis) => PeersForStatement = (p) => p;
void peersFits;

function build(): Statement {
  const { data, analysis } = testshire();
  return buildStatement(analysis, data, { generatedAt: GENERATED_AT });
}

function section(s: Statement, id: string): Section {
  const found = [...s.sections, ...s.papers].find((x) => x.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function table(s: Statement, id: string): TableBlock {
  const t = [...blocksOf(s, "table"), ...blocksOf(s, "table", "papers")].find((b) => b.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function text(blocks: readonly Block[]): string {
  return blocks
    .filter((b): b is ParagraphBlock => b.kind === "paragraph")
    .map(paragraphText)
    .join("\n");
}

/** Every number anywhere in a JSON value. */
function numbersIn(v: unknown, out = new Set<number>()): Set<number> {
  if (typeof v === "number") out.add(v);
  else if (Array.isArray(v)) v.forEach((x) => numbersIn(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => numbersIn(x, out));
  return out;
}

describe("buildStatement on Testshire", () => {
  const s = build();
  const { analysis } = testshire();
  const json = analysisToJson(analysis);

  test("two documents: the statement (foreword, summary, the nine areas in order, benchmarking) and the working papers", () => {
    const level1 = s.sections.filter((x) => x.level === 1).map((x) => x.id);
    expect(level1).toEqual([
      "foreword",
      "summary",
      ...SAVINGS_AREAS.map((a) => `area-${a}`),
      "benchmarking",
    ]);
    expect(s.contents.map((c) => c.sectionId)).toEqual(level1);
    expect(s.papers.map((x) => x.id)).toEqual([
      "notes",
      "sources",
      "settings",
      "readings",
      "figures",
    ]);
    expect(s.papersTitle).toBe(
      "Working papers for the Value for Money Statement 2010/11 to 2011/12"
    );
    SAVINGS_AREAS.forEach((a, i) =>
      expect(section(s, `area-${a}`).heading).toBe(`${i + 1}. ${AREA_HEADINGS[a]}`)
    );
    expect(s.force).toBe("Testshire Police");
    expect(s.title).toBe("Value for Money Statement 2010/11 to 2011/12");
    expect(s.generatedText).toBe("31 March 2011");
    expect(s.unit).toBe("£000");
    // Testshire names no Authority: a marked space, a point to check, and a draft until approved
    expect(s.authority).toEqual({
      name: null,
      text: "[Name of the Police Authority]",
      from: "none",
      sources: [],
    });
    expect(s.findings.map((f) => f.code)).toContain("STATEMENT_NO_AUTHORITY");
    expect(s.approval).toEqual({ approved: false, pageMark: "Draft: not yet approved" });
    // no year is marked actual, so the plan is the first from 2010/11 (5.53)
    expect(s.planText).toBe("Local Policing Plan 2010/11");
  });

  test("the Authority named by the user, and approval, are carried into the statement", () => {
    const { data, analysis } = testshire();
    const st = buildStatement(analysis, data, {
      generatedAt: GENERATED_AT,
      authority: "  Testshire Police Authority ",
      approved: "2011-03-31",
    });
    expect(st.authority).toMatchObject({ name: "Testshire Police Authority", from: "option" });
    expect(st.approval).toEqual({
      approved: true,
      date: "2011-03-31",
      dateText: "31 March 2011",
      pageMark: "Approved 31 March 2011",
    });
    expect(st.findings.map((f) => f.code)).not.toContain("STATEMENT_NO_AUTHORITY");
    const foreword = text(section(st, "foreword").blocks);
    expect(foreword).toContain(
      "This is the Value for Money Statement of Testshire Police Authority"
    );
    expect(foreword).toContain("Approved by Testshire Police Authority on 31 March 2011.");
    expect(foreword).not.toContain("draft");
  });

  test("overtime figures are exactly the analysis JSON's, row by row", () => {
    const t = table(s, "overtime-by-year");
    const byYear = (
      json.overtime as {
        byYear: { year: string; overtime: number; paybill: number; ratio: number }[];
      }
    ).byYear;
    for (const y of byYear) {
      const row = t.rows.find((r) => r.cells[0].text === y.year)!;
      expect(row.cells[2].value).toBe(y.overtime);
      expect(row.cells[3].value).toBe(y.paybill);
      expect(row.cells[4].value).toBe(y.ratio);
    }
    // 2009/10: 5,000 / (101,000 + 5,000) = 4.717% -> "4.7%"; most allowed 95% x 5,200 = 4,940; missed.
    // Testshire's headers do not say actual, budget or plan, so the Figures column says so.
    const r2009 = t.rows.find((r) => r.cells[0].text === "2009/10")!;
    expect(r2009.cells.map((c) => c.text)).toEqual([
      "2009/10",
      "not stated",
      "5,000",
      "106,000",
      "4.7%",
      "4,940",
      "No",
      "200",
    ]);
    // the ratio cites the overtime cell and the pay cell of 2009/10 (column D)
    expect(r2009.cells[4].sources).toEqual(
      expect.arrayContaining([
        { sheet: "Budget", address: "D5" },
        { sheet: "Budget", address: "D6" },
      ])
    );
  });

  test("the overtime evidence states the required path, the missed year, the year 4% is reached and the national share", () => {
    const ev = text(section(s, "evidence-overtime").blocks);
    expect(ev).toContain("Overtime is above the most allowed in 2009/10.");
    expect(ev).toContain("The force's figures first reach 4% in 2012/13.");
    // required cuts alone from the baseline: 5,200k x 0.95^5 = 4,023.7k, 4,023.7 / 103,500 = 3.89%
    expect(ev).toContain(
      "Cutting overtime by only the required 5% a year from £5,200k in 2008/09 would leave £4,024k in 2013/14, 3.9% of that year's paybill: the required cuts alone reach 4%."
    );
    // 5,200k x 70 / 413 = 881.36k -> £881k
    expect(ev).toContain("the national reduction in officer overtime of £70m is £881k");
    expect((json.overtime as { nationalShare: number }).nationalShare).toBe(881355.93);
    const runs = section(s, "evidence-overtime").blocks.flatMap((b) =>
      b.kind === "paragraph" ? b.runs : []
    );
    expect(runs.find((r) => r.text === "£881k")?.figure?.value).toBe(881355.93);
    // 5,200 - 4,000 = 1,200 (£000) planned reduction from the baseline, more than the £881k share
    expect(ev).toContain(
      "The force plans to reduce overtime by £1,200k from 2008/09 to 2013/14, more than that share."
    );
    const chart = blocksOf(s, "chart").find((c) => c.id === "chart-overtime")!;
    expect(chart.series[1]).toMatchObject({ role: "threshold", name: "4% threshold" });
    expect(chart.series[0].points.map((p) => p?.value)).toEqual(
      (json.overtime as { byYear: { ratio: number }[] }).byYear.map((y) => y.ratio)
    );
  });

  test("support services: share by year against 7%, excess FTE and path", () => {
    const t = table(s, "support-by-year");
    // 2010/11: support = HR 60 + finance 45 + procurement 20 + administration 90 = 215 FTE;
    // workforce = 2,310 FTE (IT's 40 counts in the total, not as support): 215 / 2,310 = 9.3%
    const r = t.rows.find((x) => x.cells[0].text === "2010/11")!;
    expect(r.cells.slice(1, 6).map((c) => c.text)).toEqual([
      "not stated",
      "215.0",
      "2,310.0",
      "9.3%",
      "At or above 7%",
    ]);
    const bs = json.businessSupport as { excessFte: number; cashableSaving: number };
    const runs = section(s, "evidence-support").blocks.flatMap((b) =>
      b.kind === "paragraph" ? b.runs : []
    );
    // 7% x 2,310 = 161.7 is exactly 7%, not under it; the most under is 161.6: 215 - 161.6 = 53.4
    const excess = runs.find((x) => x.figure?.kind === "fte" && x.text === "53.4");
    expect(excess?.figure?.value).toBe(bs.excessFte);
    expect(runs.some((x) => x.figure?.value === bs.cashableSaving)).toBe(true);
  });

  test("procurement: adoption, migration schedule and expected savings", () => {
    const pr = json.procurement as {
      addressableSpend: number;
      onFrameworkShare: number;
      expectedAnnualSaving: number;
    };
    const runs = section(s, "evidence-procurement").blocks.flatMap((b) =>
      b.kind === "paragraph" ? b.runs : []
    );
    const fig = (t: string) => runs.find((r) => r.text === t)?.figure;
    // vehicles 1,200 + body armour 300 + forensic drugs 500 = 2,000 addressable; 1,200 on framework = 60%
    expect(fig("£2,000k")?.value).toBe(pr.addressableSpend);
    expect(fig("60.0%")?.value).toBe(pr.onFrameworkShare);
    // 300 x 3% + 500 x 12% = 9 + 60 = 69 (£000)
    expect(fig("£69k")?.value).toBe(pr.expectedAnnualSaving);
    const cat = table(s, "procurement-by-category");
    expect(cat.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Vehicles", "30 June 2010", "1,200", "1,200", "100.0%", "none stated", "all on a framework"],
      ["Body armour", "1 April 2010", "300", "0", "0.0%", "3.0%", "9"],
      ["Forensic analysis: drugs", "1 September 2008", "500", "0", "0.0%", "12.0%", "60"],
    ]);
    const m = table(s, "procurement-migration");
    expect(m.rows.map((r) => [r.cells[0].text, r.cells[3].text, r.cells[4].text])).toEqual([
      ["Forensic services - drugs (LabCo)", "31 December 2010", "30 June 2012 (later than due)"],
      ["Body armour (Shieldco)", "31 March 2011", "not planned"],
    ]);
  });

  test("every area has a planned/actual table matching the JSON and a RAG in words with its rule", () => {
    const areas = json.savings as {
      byArea: {
        area: string;
        lineCount: number;
        cashable: { planned: number; actual: number | null; variance: number | null };
        nonCashable: { planned: number };
      }[];
    };
    for (const a of areas.byArea) {
      const sec = section(s, `area-${a.area}`);
      const rag = sec.blocks.find((b) => b.kind === "rag");
      expect(rag).toBeDefined();
      if (rag?.kind === "rag") {
        expect(["On track", "At risk", "Off track", "Not assessed"]).toContain(rag.words);
        expect(rag.rule.length).toBeGreaterThan(10);
      }
      if (a.lineCount === 0) continue;
      const t = table(s, `area-${a.area}-savings`);
      const total = t.rows[t.rows.length - 1];
      expect(total.role).toBe("total");
      expect(total.cells[2].value).toBe(a.cashable.planned);
      // a missing actual is null in both, and says so in words
      expect(total.cells[3].value).toBe(a.cashable.actual);
      expect(total.cells[4].value).toBe(a.cashable.variance);
      if (a.cashable.actual === null) expect(total.cells[3].text).toBe("not reported");
      expect(total.cells[5].value).toBe(a.nonCashable.planned);
    }
    // support services: 400 actual against 600 planned = 33.3% short, beyond the 25% off-track line
    const support = section(s, "area-supportServices").blocks.find((b) => b.kind === "rag");
    expect(support).toMatchObject({ status: "offTrack", words: "Off track" });
    // overtime: savings on plan, but 2009/10 missed its maximum: the weaker check (off track) wins
    const ot = section(s, "area-overtime").blocks.find((b) => b.kind === "rag");
    expect(ot).toMatchObject({ status: "offTrack" });
    if (ot?.kind === "rag") {
      expect(ot.rule).toContain("above the required maximum: 2009/10");
      expect(ot.rule).toMatch(/The area's status is the weaker of the two\.$/);
    }
  });

  test("an area with no data says so plainly and raises a finding", () => {
    const sec = section(s, "area-bureaucracy");
    const missing = sec.blocks.find((b) => b.kind === "paragraph" && b.role === "missing");
    expect(missing && paragraphText(missing as ParagraphBlock)).toBe(
      "No planned or actual savings for reducing bureaucracy were found in the workbook's savings plan, so this area cannot be reported yet."
    );
    expect(sec.blocks.some((b) => b.kind === "table")).toBe(false);
    // the analysis already raised SAVINGS_AREA_MISSING for it: the statement carries that finding
    expect(s.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "SAVINGS_AREA_MISSING", sheet: "Savings" }),
      ])
    );
    const notes = blocksOf(s, "notes", "papers")[0];
    expect(notes.items.filter((i) => i.text.includes("locally imposed bureaucracy"))).toHaveLength(
      1
    );
  });

  test("without the analysis's finding, the statement raises its own", () => {
    const { data, analysis } = testshire();
    const stripped = {
      ...analysis,
      findings: analysis.findings.filter((f) => f.code !== "SAVINGS_AREA_MISSING"),
    };
    const st = buildStatement(stripped, data, { generatedAt: GENERATED_AT });
    expect(st.findings).toEqual([
      expect.objectContaining({ severity: "warning", code: "STATEMENT_NO_AUTHORITY" }),
      expect.objectContaining({
        severity: "warning",
        code: "STATEMENT_AREA_NO_DATA",
        sheet: "Savings",
      }),
    ]);
  });

  test("missing overtime, workforce and procurement data: each evidence section says so", () => {
    const data = makeData({ forceName: "Emptyshire Police", savings: TESTSHIRE.savings });
    const analysis = analyse(data, DEFAULT_POLICY);
    const st = buildStatement(analysis, data, { generatedAt: GENERATED_AT });
    for (const id of ["evidence-overtime", "evidence-support", "evidence-procurement"]) {
      const sec = section(st, id);
      expect(sec.blocks).toHaveLength(1);
      expect(sec.blocks[0]).toMatchObject({ kind: "paragraph", role: "missing" });
    }
    expect(paragraphText(section(st, "evidence-overtime").blocks[0] as ParagraphBlock)).toBe(
      "No overtime and paybill figures by year were found, so overtime cannot be measured against 4% of paybill."
    );
    expect(st.findings.length).toBeGreaterThanOrEqual(3);
    // the savings are in the tables; with no overtime or workforce figures there is no chart
    expect(blocksOf(st, "chart")).toEqual([]);
  });

  test("the user's own notes appear as their narrative, verbatim, citing their cell", () => {
    const coll = section(s, "area-collaboration");
    const quote = coll.blocks.find(
      (b) => b.kind === "paragraph" && b.role === "userNarrative"
    ) as ParagraphBlock;
    expect(quote.runs).toEqual([
      { text: FORMULA_NOTE, sources: [{ sheet: "Savings", address: "A10" }] },
    ]);
  });

  test("summary: totals by year and the national programme as context, not a target", () => {
    const t = table(s, "summary-by-year");
    const total = t.rows[t.rows.length - 1];
    const sv = json.savings as { total: { cashable: { planned: number; actual: number } } };
    // cashable planned: 500 + 300 + 250 + 200 + 400 + 600 + 150 + 80 = 2,480 (£000)
    expect(total.cells[2].value).toBe(sv.total.cashable.planned);
    expect(total.cells[2].text).toBe("2,480");
    const ctxText = text(section(s, "summary-national").blocks);
    expect(ctxText).toContain("at least £545m of savings a year by 2013/14");
    expect(ctxText).toContain("at least £100m in 2010/11");
    expect(ctxText).toContain("does not set them as targets for Testshire Police");
    const nat = table(s, "summary-national-context");
    // 2010/11 cashable planned 1,680k of the national £100m = 1.68% -> 1.7%
    expect(nat.rows[0].cells.map((c) => c.text)).toEqual([
      "All savings in 2010/11",
      "£100m",
      "5.4",
      "1,680",
      "1.7%",
    ]);
  });

  test("benchmarking has the thresholds now and a clean slot for peers", () => {
    const b = section(s, "benchmarking");
    expect(text(b.blocks)).toContain("No peer figures were found in the workbook");
    const peers: PeersForStatement = {
      group: ["Northshire Police", "Westshire Constabulary"],
      indicators: [
        {
          name: "Overtime % of paybill",
          direction: "lowerIsBetter",
          isPercent: true,
          value: 0.039,
          valueCell: { sheet: "Peers", address: "C5" },
          rank: 12,
          of: 43,
          quartile: 2,
          topQuartileValue: 0.031,
          msgAverage: 0.041,
          allAverage: 0.042,
          gapToTopQuartile: 0.008,
          gapSaving: {
            amount: 82_800_000,
            formula: "(3.9% - 3.1%) x £103,500k paybill",
            sources: [],
          },
        },
      ],
    };
    const { data, analysis } = testshire();
    const st = buildStatement(analysis, data, {
      generatedAt: GENERATED_AT,
      peers,
    });
    const pt = table(st, "benchmarking-peers");
    expect(pt.rows[0].cells.map((c) => c.text)).toEqual([
      "Overtime % of paybill",
      "Lower",
      "3.9%",
      "4.1%",
      "4.2%",
      "12 of 43",
      "2",
    ]);
    const sentence = text(section(st, "benchmarking").blocks);
    expect(sentence).toContain(
      "Overtime % of paybill (lower is better): 3.9%, 12th of 43, in the second quartile."
    );
    expect(sentence).toContain("closing a gap of 0.8 percentage points, worth an estimated £828k");
  });

  test("sources: every figure that cites cells is listed with them, and the policy settings used", () => {
    const src = blocksOf(s, "sources", "papers")[0];
    // numbered lines, the ones the statement sheet links its figures to
    expect(src.items.map((i) => i.line)).toEqual(src.items.map((_i, k) => `W${k + 1}`));
    // every figure (labels aside) that cites cells is listed once, with its text and its cells
    for (const t of blocksOf(s, "table"))
      for (const r of t.rows)
        for (const c of r.cells)
          if (c.sources.length > 0 && c.kind !== "text")
            expect(
              src.items.filter((i) => i.text === c.text && i.cells === refsText(c.sources))
            ).toHaveLength(1);
    // a figure in the text is named by the words before it
    expect(src.items.map((i) => i.figure)).toContain(
      'Summary: "...against £1,680k planned for the same lines: £265k"'
    );
    expect(src.items.map((i) => i.figure)).toContain(
      'Summary: "...planned for the same lines: £265k (15.8%"'
    );
    expect(src.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          // planned for the same lines = actual - variance, cited to both columns
          figure: 'Summary: "...reported so far come to £1,415k against £1,680k"',
          cells:
            "Savings!F2, Savings!F4, Savings!F7, Savings!F9, Savings!F11, Savings!E2, Savings!E4:E5, Savings!E7:E11",
        }),
      ])
    );
    const settings = table(s, "sources-policy");
    const ot = settings.rows.find(
      (r) => r.cells[0].text === "Overtime threshold (share of paybill)"
    )!;
    expect(ot.cells.map((c) => c.text)).toEqual([
      "Overtime threshold (share of paybill)",
      "4%",
      "5.9-5.10",
      "Default",
    ]);
    // Where the White Paper leaves a reading open, its column gives the paragraphs alone and
    // the last column says the default is the add-in's (not "add-in setting (...)" as a paragraph).
    const row = (label: string) =>
      settings.rows.find((r) => r.cells[0].text === label)!.cells.map((c) => c.text);
    expect(row("Paybill the overtime ratio is measured against").slice(2)).toEqual([
      "5.9-5.10, left open",
      "The add-in's",
    ]);
    expect(
      row("Savings are at risk when actual falls short of planned by more than").slice(2)
    ).toEqual(["None", "The add-in's (a RAG convention)"]);
    for (const r of settings.rows) expect(r.cells[2].text).toMatch(/^(\d|None$)/);
    expect(text(section(s, "sources").blocks)).toContain("Drafted on 31 March 2011");
    // the published statement itself gives no cell address or setting key
    for (const sec of s.sections)
      for (const b of sec.blocks)
        if (b.kind === "paragraph" && b.role !== "userNarrative")
          expect(paragraphText(b)).not.toMatch(/![A-Z]{1,3}\d|\b[a-z]+\.[a-z]+[A-Z]?\w*\.\w+/);
  });

  test("an override is shown with its default and the cell it was set in", () => {
    const data = makeData({ ...TESTSHIRE, overrides: { "overtime.threshold": "4.5%" } });
    const analysis = analyse(data, DEFAULT_POLICY);
    const st = buildStatement(analysis, data, { generatedAt: GENERATED_AT });
    const row = table(st, "sources-policy").rows.find((r) =>
      r.cells[0].text.startsWith("Overtime threshold")
    )!;
    expect(row.cells[1].text).toBe("4.5%");
    expect(row.cells[3].text).toBe("Changed from 4% (Settings!B11)");
    expect(section(st, "evidence-overtime").heading).toBe("Overtime against 4.5% of paybill");
  });

  test("figures are the analysis's own: every number shown is in the JSON, or derived and says how", () => {
    const jsonNumbers = numbersIn(json);
    const derivedOk = new Set<string>();
    const check = (f: DisplayFigure) => {
      if (typeof f.value !== "number") return;
      if (f.kind === "number") return; // counts of lines and ranks
      if (jsonNumbers.has(f.value)) return;
      // derived in the statement itself: it must say how, and cite cells unless it is policy
      expect(f.derivation).toBeDefined();
      derivedOk.add(f.derivation!);
    };
    for (const t of blocksOf(s, "table")) for (const r of t.rows) for (const c of r.cells) check(c);
    for (const c of blocksOf(s, "chart"))
      for (const sr of c.series) for (const p of sr.points) if (p) check(p);
    // the only figures worked out while drafting
    expect([...derivedOk].sort()).toEqual(
      [
        "force's figure / national figure",
        "policy setting",
        "straight line from the first year to under the threshold in the target year",
      ].filter((d) => derivedOk.has(d))
    );
  });

  test("the text never states an amount or percentage that is not a cited figure or a policy figure", () => {
    // policy figures (the 5% required cut among them), the unit's name, and 70/413 = 16.9% (the
    // pro-rata fraction, from policy)
    const policyTexts = new Set([
      "£70m",
      "£545m",
      "£100m",
      "£200m",
      "4%",
      "5%",
      "7%",
      "16.9%",
      "£000",
    ]);
    for (const sec of s.sections)
      for (const b of sec.blocks)
        if (b.kind === "paragraph" && b.role !== "userNarrative")
          for (const r of b.runs) {
            if (r.sources) continue;
            for (const m of r.text.match(/£[\d,.]+[km]?|\d+(?:\.\d+)?%/g) ?? [])
              expect({ token: m, ok: policyTexts.has(m) }).toEqual({ token: m, ok: true });
          }
  });

  test("deterministic: the same inputs give the same statement", () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
  });
});
