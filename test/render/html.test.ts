import { buildStatement } from "../../src/core/statement/build";
import { Statement, blocksOf } from "../../src/core/statement/model";
import {
  escapeHtml,
  renderStatementHtml,
  renderStatementHtmlDocument,
} from "../../src/render/html";
import { makeData } from "../core/analysis/fixtures";
import { analyse } from "../../src/core/analysis/analyse";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { GENERATED_AT, TESTSHIRE, testshire } from "../core/statement/fixture";

function statement(): Statement {
  const { data, analysis } = testshire();
  return buildStatement(analysis, data, { generatedAt: GENERATED_AT });
}

const VOID = new Set(["meta", "br", "rect", "line", "polyline"]);

/** Checks that every element opened is closed in order (a well-formedness check for our output). */
function balanced(html: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    const tag = name.toLowerCase();
    if (selfClose || VOID.has(tag) || tag === "!doctype") continue;
    if (!close) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`unexpected </${tag}>`);
  }
  return [...problems, ...stack.map((t) => `unclosed <${t}>`)];
}

describe("renderStatementHtml", () => {
  const s = statement();
  const html = renderStatementHtml(s);

  test("is well formed, with no scripts, event handlers or inline styles", () => {
    expect(balanced(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  test("headings in order: the title, then each section one level below, parts two below", () => {
    expect(html).toContain(`<h1>${escapeHtml(s.title)}</h1>`);
    for (const sec of s.sections)
      expect(html).toContain(
        `<h${sec.level + 1} id="vfm-h-${sec.id}">${escapeHtml(sec.heading)}</h${sec.level + 1}>`
      );
    const nested = renderStatementHtml(s, { titleLevel: 2 });
    expect(nested).toContain(`<h2>${escapeHtml(s.title)}</h2>`);
    expect(nested).toMatch(/<h3 id="vfm-h-summary">Summary<\/h3>/);
  });

  test("tables have captions, column headers with scope, and row headers", () => {
    const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
    // the statement's tables and one table of figures under each chart (the sources table is in the papers)
    expect(tables.length).toBe(blocksOf(s, "table").length + blocksOf(s, "chart").length);
    for (const t of tables) {
      expect(t).toMatch(/<caption>[^<]+<\/caption>/);
      expect(t).toMatch(/<th scope="col"/);
      expect(t).toMatch(/<th scope="row"/);
    }
    // group headers span their columns
    expect(html).toContain('<th scope="colgroup" colspan="3">Cashable (£000)</th>');
  });

  test("RAG always in words, with a class for colour", () => {
    expect(html).toContain('<span class="vfm-rag vfm-rag-offTrack">Status: Off track</span>');
    expect(html).toContain('<td class="vfm-rag vfm-rag-onTrack">On track</td>');
  });

  test("figures cite their cells", () => {
    // overtime 2009/10 (column D of the budget sheet): ratio from pay D5 and overtime D6
    expect(html).toMatch(
      /data-sources="Budget!D6, Budget!D5"[^>]*>4\.7%<|data-sources="Budget!D5:D6"[^>]*>4\.7%</
    );
  });

  test("everything from the workbook is escaped", () => {
    // the user's note "+ travel policy <b>tightened</b>" is shown as text, not markup
    expect(html).toContain("+ travel policy &lt;b&gt;tightened&lt;/b&gt;");
    expect(html).not.toContain("<b>tightened</b>");
    const data = makeData({ ...TESTSHIRE, forceName: '<img src=x onerror="alert(1)">' });
    const analysis = analyse(data, DEFAULT_POLICY);
    const evil = renderStatementHtml(buildStatement(analysis, data, { generatedAt: GENERATED_AT }));
    expect(evil).not.toContain("<img");
    expect(evil).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(balanced(evil)).toEqual([]);
  });

  test("charts are drawn as SVG with a text alternative, and followed by their figures", () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(blocksOf(s, "chart").length);
    for (const c of blocksOf(s, "chart"))
      expect(html).toContain(`aria-label="${escapeHtml(c.altText)}"`);
    expect(html).toContain(
      "<caption>Figures in the chart: Overtime as % of paybill against the 4% threshold</caption>"
    );
  });

  test("the Authority's statement: its name, plan, Draft until approved, and a contents list", () => {
    expect(html).toContain('<p class="vfm-authority">[Name of the Police Authority]</p>');
    expect(html).toContain(
      '<p class="vfm-meta">Local Policing Plan 2010/11. Testshire Police.</p>'
    );
    expect(html).toContain('<p class="vfm-draft">Draft: not yet approved by the Authority.</p>');
    const nav = /<nav class="vfm-contents"[\s\S]*?<\/nav>/.exec(html)![0];
    for (const c of s.contents)
      expect(nav).toContain(`<a href="#vfm-section-${c.sectionId}">${escapeHtml(c.heading)}</a>`);
    // the working papers are not in the statement
    expect(html).not.toContain("Where each figure came from");
  });

  test("the working papers render on their own, with the sources and the points to check", () => {
    const papers = renderStatementHtml(s, { document: "papers" });
    expect(balanced(papers)).toEqual([]);
    expect(papers).toContain(`<h1>${escapeHtml(s.papersTitle)}</h1>`);
    for (const sec of s.papers) expect(papers).toContain(escapeHtml(sec.heading));
    expect(papers).not.toContain("vfm-contents");
    const page = renderStatementHtmlDocument(s, "papers");
    expect(page).toContain(`<title>${escapeHtml(s.papersTitle)}</title>`);
  });

  test("the standalone page has a language, a title and the styles", () => {
    const page = renderStatementHtmlDocument(s);
    expect(page.startsWith('<!DOCTYPE html><html lang="en-GB">')).toBe(true);
    expect(page).toContain(`<title>${escapeHtml(s.title)}</title>`);
    expect(page).toContain(".vfm-rag-offTrack");
  });
});
