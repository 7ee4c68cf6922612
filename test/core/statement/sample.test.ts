/**
 * Golden tests on the bundled sample (Exampleshire Constabulary, illustrative): the statement has
 * all nine areas, and every figure it shows is the analysis's own, as `vfm analyse --json` gives it.
 */
import { Statement, TableBlock, blocksOf, paragraphText } from "../../../src/core/statement/model";
import { publishedTextProblems, wordingProblems } from "../../../src/core/plainEnglish";
import { AREA_HEADINGS } from "../../../src/core/statement/sections/areas";
import { draftStatement, runVfm } from "../../../src/core/run";
import { analysisToJson } from "../../../src/core/analysis/json";
import { peersToJson } from "../../../src/core/analysis/peersJson";
import { detectPeers } from "../../../src/core/detect/peers";
import {
  EXAMPLESHIRE_AUTHORITY,
  EXAMPLESHIRE_NAME,
  exampleshireFreeForm,
  exampleshireTemplate,
} from "../../../src/core/sample/exampleshire";
import { SAVINGS_AREAS } from "../../../src/core/forceData";
import { WorkbookGrid } from "../../../src/core/grid";
import { MoneyUnit } from "../../../src/core/money";
import { renderStatementWritePlan } from "../../../src/render/excel";

// Rendering Word and Excel files takes a second or two, more on a busy machine.
jest.setTimeout(30_000);

const AT = "2011-03-31T12:00:00Z";

function draft(wb: WorkbookGrid, unit?: MoneyUnit) {
  const r = runVfm(wb);
  const s = draftStatement(r, { generatedAt: AT, ...(unit ? { unit } : {}) });
  // the JSON as `vfm analyse --json` prints it, read back as plain data
  const json = JSON.parse(JSON.stringify(analysisToJson(r.analysis)));
  // ...and `vfm peers --json`, with the peers sheet's own figures (the ranked charts draw every force)
  const peersJson = r.peers ? JSON.parse(JSON.stringify(peersToJson(r.peers))) : undefined;
  const peerValues = detectPeers(wb, { forceName: r.forceName })?.rows.flatMap((row) =>
    [...row.values.values()].map((v) => v.value)
  );
  return { s, json, peersJson, peerValues, analysis: r.analysis };
}

function table(s: Statement, id: string): TableBlock {
  const t = [...blocksOf(s, "table"), ...blocksOf(s, "table", "papers")].find((b) => b.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function row(t: TableBlock, first: string) {
  const r = t.rows.find((x) => x.cells[0].text === first);
  if (!r) throw new Error(`no row ${first} in ${t.id}`);
  return r;
}

function numbersIn(v: unknown, out = new Set<number>()): Set<number> {
  if (typeof v === "number") out.add(v);
  else if (Array.isArray(v)) v.forEach((x) => numbersIn(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => numbersIn(x, out));
  return out;
}

describe.each([
  ["free-form", exampleshireFreeForm],
  ["template", exampleshireTemplate],
])("the Exampleshire sample (%s)", (_name, make) => {
  const { s, json, peersJson, peerValues } = draft(make());

  test("is marked illustrative, names the force, has all nine areas in order", () => {
    expect(s.illustrative).toBe(true);
    expect(s.force).toBe(EXAMPLESHIRE_NAME);
    const headings = s.sections.filter((x) => x.area && x.level === 1).map((x) => x.heading);
    expect(headings).toEqual(SAVINGS_AREAS.map((a, i) => `${i + 1}. ${AREA_HEADINGS[a]}`));
    // the sample has figures for every area: no area says its data is missing
    for (const sec of s.sections.filter((x) => x.area))
      expect(sec.blocks.some((b) => b.kind === "paragraph" && b.role === "missing")).toBe(false);
  });

  test("the published text keeps the plain-English rules; the Authority is named and the statement is a draft", () => {
    expect(s.authority).toMatchObject({ name: EXAMPLESHIRE_AUTHORITY, from: "workbook" });
    expect(s.planText).toBe("Local Policing Plan 2010/11");
    expect(s.approval.approved).toBe(false);
    const problems: string[] = [];
    for (const sec of s.sections)
      for (const b of sec.blocks) {
        if (b.kind === "paragraph" && b.role !== "userNarrative")
          for (const p of wordingProblems(paragraphText(b)))
            problems.push(`${sec.id}: ${p.rule}: ${p.text}`);
        if (b.kind === "rag")
          for (const p of wordingProblems(`${b.rule} ${b.basis ?? ""}`))
            problems.push(`${sec.id} status: ${p.rule}: ${p.text}`);
        if (b.kind === "table")
          for (const r of b.rows)
            for (const c of r.cells)
              for (const p of publishedTextProblems(c.text))
                problems.push(`${b.id}: ${p.rule}: ${p.text}`);
      }
    expect(problems).toEqual([]);
  });

  test("the working papers keep the plain-English rules too, bar the cell addresses they exist for", () => {
    const problems: string[] = [];
    const add = (where: string, found: ReturnType<typeof wordingProblems>) => {
      for (const p of found)
        if (p.rule !== "cellAddress") problems.push(`${where}: ${p.rule}: ${p.text}`);
    };
    for (const sec of s.papers)
      for (const b of sec.blocks) {
        if (b.kind === "paragraph") add(sec.id, wordingProblems(paragraphText(b)));
        if (b.kind === "notes")
          for (const n of b.items) {
            add(`${sec.id} point`, wordingProblems(n.text));
            if (n.fix) add(`${sec.id} fix`, wordingProblems(n.fix));
          }
        if (b.kind === "table")
          for (const r of b.rows) for (const c of r.cells) add(b.id, publishedTextProblems(c.text));
        if (b.kind === "sources")
          for (const i of b.items)
            add(`${sec.id} ${i.line}`, publishedTextProblems(`${i.figure} ${i.how ?? ""}`));
      }
    expect(problems).toEqual([]);
    // a workforce snapshot's date, where the sheets-read table gives one, is in words
    for (const r of blocksOf(s, "table", "papers").find((t) => t.id === "sources-sheets")?.rows ??
      [])
      for (const m of r.cells[2].text.matchAll(/snapshot (\d\S* \S+ \S+)/g))
        expect(m[1]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}/);
    if (_name === "free-form")
      expect(JSON.stringify(blocksOf(s, "table", "papers"))).toContain("snapshot 31 March 2010");
  });

  test("overtime: every year's figures and the required path are the JSON's", () => {
    const t = table(s, "overtime-by-year");
    for (const y of json.overtime.byYear) {
      const r = row(t, y.year);
      // the Figures column says actual, budget or plan, as the workbook's headers do
      expect(r.cells[1].text).toBe(
        { actual: "Actual", budget: "Budget", plan: "Plan", target: "Plan" }[y.basis as string]
      );
      expect([r.cells[2].value, r.cells[3].value, r.cells[4].value]).toEqual([
        y.overtime,
        y.paybill,
        y.ratio,
      ]);
    }
    for (const q of json.overtime.requiredByYear) {
      const r = row(t, q.year);
      expect(r.cells[5].value).toBe(q.maximum);
      expect(r.cells[6].text).toBe(q.met === null ? "no figure" : q.met ? "Yes" : "No");
    }
    for (const v of json.overtime.savingsAgainstBaseline)
      expect(row(t, v.year).cells[7].value).toBe(v.saving);
    // the sample: 5.5% at the 2008/09 baseline, cuts missed in 2009/10 and 2011/12
    expect(json.overtime.yearsMissed).toEqual(["2009/10", "2011/12"]);
    const ev = s.sections.find((x) => x.id === "evidence-overtime")!;
    const runs = ev.blocks.flatMap((b) => (b.kind === "paragraph" ? b.runs : []));
    const words = runs.map((r) => r.text).join("");
    expect(words).toContain("Overtime is above the most allowed in 2009/10 and 2011/12.");
    expect(runs.some((r) => r.figure?.value === json.overtime.nationalShare)).toBe(true);
    // 5,600,000 - 4,250,000 = 1,350,000 planned by 2013/14, more than the 949,153 share
    expect(runs.some((r) => r.figure?.value === 1_350_000)).toBe(true);
    expect(words).toContain("more than that share");
    // the required cuts alone: 4,333,173 in 2013/14 (4.1%), 4% only in 2014/15
    expect(words).toContain("the required cuts alone do not reach 4% by 2013/14");
    expect(words).toContain("they reach it in 2014/15");
  });

  test("support services: share by year, excess FTE and its value are the JSON's", () => {
    const t = table(s, "support-by-year");
    for (const y of json.businessSupport.byYear) {
      const r = row(t, y.year);
      expect([r.cells[2].value, r.cells[3].value, r.cells[4].value]).toEqual([
        y.supportFte,
        y.totalFte,
        y.ratio,
      ]);
    }
    for (const p of json.businessSupport.path)
      expect(row(t, p.year).cells[6].value).toBe(p.maximumSupportFte);
    const ev = s.sections.find((x) => x.id === "evidence-support")!;
    const runs = ev.blocks.flatMap((b) => (b.kind === "paragraph" ? b.runs : []));
    expect(runs.some((r) => r.figure?.value === json.businessSupport.excessFte)).toBe(true);
    expect(runs.some((r) => r.figure?.value === json.businessSupport.cashableSaving)).toBe(true);
    // the rate at its own precision (£32,500), so 27.7 x £32,500 = £900,250 adds up
    expect(runs.map((r) => r.text).join("")).toContain("at £32,500 per FTE");
  });

  test("procurement: adoption, each migration and its expected saving are the JSON's", () => {
    const m = table(s, "procurement-migration");
    expect(m.rows).toHaveLength(json.procurement.opportunities.length);
    // the Contract column: the category as written, with the supplier in brackets
    const got = m.rows.map((r) => [r.cells[0].text, r.cells[1].value, r.cells[5].value]).sort();
    const want = json.procurement.opportunities
      .map(
        (o: {
          categoryText: string;
          supplier?: string;
          spend: number;
          annualSaving: number | null;
        }) => [`${o.categoryText} (${o.supplier ?? "supplier not given"})`, o.spend, o.annualSaving]
      )
      .sort();
    expect(got).toEqual(want);
  });

  test("procurement: the contracts still to move and those with no planned move are counted in one sentence", () => {
    // 16 contracts still to move; 13 of them have no planned move date (all but body armour,
    // forensic drugs testing and the first Vehicles contract, whose moves are planned).
    const opps: { plannedMigration: string | null }[] = json.procurement.opportunities;
    const unplanned = opps.filter((o) => o.plannedMigration === null).length;
    expect([opps.length, unplanned]).toEqual([16, 13]);
    const text = blocksOf(s, "paragraph").map(paragraphText).join("\n");
    expect(text).toContain(
      `There are ${opps.length} contracts still to move, ${unplanned} of them with no planned move date yet; the schedule below`
    );
    // no "Of these" left to point at the sentence before it (the spend with no stated rate)
    expect(text).not.toMatch(/Of these, \d+ have no planned move/);
  });

  test("benchmarking: where the peers sheet's figure differs from the force's own, the statement says so beside it", () => {
    // The peers sheet gives the force 5.8% overtime and 8.4% business support; its own sheets give
    // 5,480,000 / 103,780,000 = 5.28% overtime and 338.0 / 3,704.0 = 9.13% business support for
    // 2009/10, the latest actual year.
    const text = blocksOf(s, "paragraph").map(paragraphText).join("\n");
    expect(text).toContain(
      "Overtime % of paybill (lower is better): 5.8%, 30th of 44, in the third quartile. The force's own figures give 5.3% for 2009/10, not the 5.8% compared here; the ranking holds only once both are for the same year and basis."
    );
    expect(text).toContain(
      "The force's own figures give 9.1% for 2009/10, not the 8.4% compared here;"
    );
    // Net revenue expenditure per head has no figure of the force's own to set beside it.
    expect(text.match(/compared here; the ranking holds/g)).toHaveLength(2);
  });

  test("an area's status gives its shortfall at the precision the narrative gives it", () => {
    const seen: string[] = [];
    for (const sec of s.sections.filter((x) => x.area && x.level === 1)) {
      const rag = sec.blocks.find((b) => b.kind === "rag");
      const inStatus = rag?.kind === "rag" ? /savings so far ([\d.]+%) short/.exec(rag.rule) : null;
      if (!inStatus) continue;
      const text = sec.blocks
        .flatMap((b) => (b.kind === "paragraph" ? [paragraphText(b)] : []))
        .join(" ");
      expect(/\(([\d.]+%) of plan\) short of plan/.exec(text)?.[1]).toBe(inStatus[1]);
      seen.push(`${sec.area} ${inStatus[1]}`);
    }
    // procurement: £160,000 actual against £200,000 planned, £40,000 / £200,000 = 20.0% short
    // (once "20%" in the status and "20.0%" in the narrative); deployment 50/400 = 12.5%,
    // overtime 160/280 = 57.1%, collaboration 40/100 = 40.0%
    expect(seen).toEqual([
      "deployment 12.5%",
      "overtime 57.1%",
      "procurement 20.0%",
      "collaboration 40.0%",
    ]);
  });

  test("savings: every area's planned, actual and variance, and the totals, are the JSON's", () => {
    for (const a of json.savings.byArea) {
      const t = table(s, `area-${a.area}-savings`);
      for (const y of a.byYear) {
        const r = row(t, y.year);
        expect(r.cells.slice(2).map((c) => c.value)).toEqual([
          y.cashable.planned,
          y.cashable.actual,
          y.cashable.variance,
          y.nonCashable.planned,
          y.nonCashable.actual,
          y.nonCashable.variance,
        ]);
      }
      const total = row(t, "Total");
      expect(total.cells[2].value).toBe(a.cashable.planned);
      expect(total.cells[5].value).toBe(a.nonCashable.planned);
    }
    const all = row(table(s, "summary-by-year"), "Total");
    expect(all.cells.slice(2).map((c) => c.value)).toEqual([
      json.savings.total.cashable.planned,
      json.savings.total.cashable.actual,
      json.savings.total.cashable.variance,
      json.savings.total.nonCashable.planned,
      json.savings.total.nonCashable.actual,
      json.savings.total.nonCashable.variance,
    ]);
  });

  test("no number in a table or chart is anything but a JSON figure, a policy figure or a documented derivation", () => {
    const known = numbersIn(json);
    // Benchmarking: the force's peers figures (as `vfm peers --json`) and each force's own value.
    for (const n of numbersIn(peersJson)) known.add(n);
    for (const n of peerValues ?? []) known.add(n);
    const allowed = new Set([
      "force's figure / national figure",
      "policy setting",
      "straight line from the first year to under the threshold in the target year",
      "cashable savings planned in the year",
      "cashable support services savings planned in the year",
    ]);
    const strays: string[] = [];
    const check = (where: string, f: { kind: string; value: unknown; derivation?: string }) => {
      if (typeof f.value !== "number" || f.kind === "number" || known.has(f.value)) return;
      if (!f.derivation || !allowed.has(f.derivation))
        strays.push(`${where}: ${f.value} (${f.derivation})`);
    };
    for (const t of blocksOf(s, "table"))
      for (const r of t.rows) for (const c of r.cells) check(t.id, c);
    for (const c of blocksOf(s, "chart"))
      for (const sr of c.series) for (const p of sr.points) if (p) check(c.id, p);
    expect(strays).toEqual([]);
  });

  test("the Excel statement sheet holds the same values", () => {
    const plan = renderStatementWritePlan(s);
    const values = new Set<unknown>();
    for (const b of plan.sheets[0].blocks)
      for (const r of b.values) for (const v of r) values.add(v);
    for (const y of json.overtime.byYear) {
      expect(values.has(y.overtime)).toBe(true);
      expect(values.has(y.ratio)).toBe(true);
    }
    expect(values.has(json.savings.total.cashable.planned)).toBe(true);
  });
});

test("the template and free-form samples give the same statement, apart from where figures came from", () => {
  // Each statement shows money in its own workbook's unit (template: £; free-form: £000)
  expect(draft(exampleshireTemplate()).s.unit).toBe("£");
  expect(draft(exampleshireFreeForm()).s.unit).toBe("£000");
  const strip = (s: Statement) =>
    s.sections
      .filter((x) => x.id !== "foreword")
      .map((x) => ({
        heading: x.heading,
        blocks: x.blocks.map((b) =>
          b.kind === "table"
            ? // labels as the workbook wrote them ("Forensic services - drugs") are the layouts' own
              b.rows.map((r) =>
                r.cells.map((c) =>
                  c.kind === "text" && c.sources.length > 0 ? "label" : [c.value, c.text]
                )
              )
            : b.kind === "paragraph"
              ? b.runs.map((r) => r.text).join("")
              : b.kind === "chart"
                ? b.series.map((sr) => sr.points.map((p) => p?.value ?? null))
                : b.kind === "rag"
                  ? [b.status, b.rule, b.basis ?? ""]
                  : b.kind
        ),
      }));
  // ...so they are compared in one unit
  expect(strip(draft(exampleshireTemplate(), "£000").s)).toEqual(
    strip(draft(exampleshireFreeForm(), "£000").s)
  );
});
