/**
 * Statement model -> HTML, for the task pane's preview and for a standalone page. Layout only:
 * every figure and word comes from the model. Everything from the model is escaped; the output
 * has no scripts, no event attributes and no inline styles (a page's CSP can forbid them), only
 * classes, which STATEMENT_CSS (or the task pane's own stylesheet) styles.
 *
 * Accessibility: real headings in order, tables with captions and th scope, RAG always in
 * words (the class adds colour only), charts drawn as SVG with role="img" and a text
 * alternative, followed by the same figures as a table.
 */
import {
  Block,
  ChartBlock,
  DisplayFigure,
  NotesBlock,
  ParagraphBlock,
  RagBlock,
  Section,
  SourcesBlock,
  Statement,
  TableBlock,
  TableCell,
  TextRun,
} from "../core/statement/model";
import { refsText } from "../core/statement/format";

/** Escapes text for an element's content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A class name made only of safe characters (ids in the model are already, this makes sure). */
function cls(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, "-");
}

export interface HtmlOptions {
  /** The heading level of the statement's title (default 1); sections go one and two below. */
  readonly titleLevel?: 1 | 2 | 3 | 4;
}

function sourcesAttrs(sources: DisplayFigure["sources"] | undefined): string {
  if (!sources || sources.length === 0) return "";
  const where = refsText(sources);
  return ` data-sources="${escapeHtml(where)}" title="${escapeHtml("From " + where)}"`;
}

function runHtml(run: TextRun): string {
  let inner = escapeHtml(run.text);
  if (run.emphasis === "strong") inner = `<strong>${inner}</strong>`;
  if (run.emphasis === "em") inner = `<em>${inner}</em>`;
  if (run.sources && run.sources.length > 0)
    inner = `<span class="vfm-figure"${sourcesAttrs(run.sources)}>${inner}</span>`;
  return inner;
}

function paragraphHtml(p: ParagraphBlock): string {
  const role = p.role ?? "normal";
  const body = p.runs.map(runHtml).join("");
  if (role === "userNarrative")
    return `<blockquote class="vfm-user-narrative"><p>${body}</p></blockquote>`;
  return `<p class="vfm-p vfm-p-${cls(role)}">${body}</p>`;
}

function isNumeric(kind: DisplayFigure["kind"]): boolean {
  return kind === "money" || kind === "percent" || kind === "fte" || kind === "number";
}

function cellHtml(c: TableCell, tag: "td" | "th"): string {
  const classes = c.rag ? [] : [`vfm-${cls(c.kind)}`];
  if (isNumeric(c.kind)) classes.push("vfm-num");
  if (c.value === null) classes.push("vfm-missing");
  if (c.rag) classes.push("vfm-rag", `vfm-rag-${cls(c.rag)}`);
  let inner = escapeHtml(c.text);
  if (c.emphasis === "strong") inner = `<strong>${inner}</strong>`;
  const scope = tag === "th" ? ' scope="row"' : "";
  return `<${tag}${scope} class="${classes.join(" ")}"${sourcesAttrs(c.sources)}>${inner}</${tag}>`;
}

function tableHtml(t: TableBlock): string {
  const head = t.headerRows
    .map((row, i) => {
      const last = i === t.headerRows.length - 1;
      const cells = row.map((h, j) => {
        const span = h.span > 1 ? ` colspan="${h.span}"` : "";
        const scope = last || h.span === 1 ? "col" : "colgroup";
        const numeric =
          last && t.columns[j] && isNumeric(t.columns[j].kind) ? ' class="vfm-num"' : "";
        return `<th scope="${scope}"${span}${numeric}>${escapeHtml(h.text)}</th>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  const body = t.rows
    .map((r) => {
      const role = r.role ?? "body";
      const cells = r.cells.map((c, j) => cellHtml(c, j === 0 ? "th" : "td")).join("");
      return `<tr class="vfm-row-${cls(role)}">${cells}</tr>`;
    })
    .join("");
  const note = t.note ? `<p class="vfm-table-note">${escapeHtml(t.note)}</p>` : "";
  return (
    `<div class="vfm-table-wrap"><table class="vfm-table" id="vfm-${cls(t.id)}">` +
    `<caption>${escapeHtml(t.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>${note}</div>`
  );
}

function ragHtml(r: RagBlock): string {
  const basis = r.basis ? ` <span class="vfm-rag-basis">${escapeHtml(r.basis)}</span>` : "";
  return (
    `<p class="vfm-rag-line"><span class="vfm-rag vfm-rag-${cls(r.status)}">Status: ${escapeHtml(r.words)}</span> ` +
    `<span class="vfm-rag-rule">${escapeHtml(r.rule)}</span>${basis}</p>`
  );
}

function notesHtml(n: NotesBlock): string {
  const items = n.items
    .map((i) => {
      const place = i.place ? ` <span class="vfm-place">(${escapeHtml(i.place)})</span>` : "";
      const fix = i.fix ? ` <span class="vfm-fix">${escapeHtml(i.fix)}</span>` : "";
      const sev = i.severity === "error" ? "Error" : i.severity === "warning" ? "Warning" : "Note";
      return `<li class="vfm-note vfm-note-${cls(i.severity)}"><strong>${sev}:</strong> ${escapeHtml(i.text)}${place}${fix}</li>`;
    })
    .join("");
  return `<div class="vfm-notes"><p class="vfm-notes-title">${escapeHtml(n.title)}</p><ul>${items}</ul></div>`;
}

function sourcesHtml(s: SourcesBlock): string {
  const rows = s.items
    .map(
      (i) =>
        `<tr><th scope="row">${escapeHtml(i.figure)}</th><td class="vfm-num">${escapeHtml(i.text)}</td>` +
        `<td>${escapeHtml(i.cells || "policy setting")}</td><td>${escapeHtml(i.how ?? "")}</td></tr>`
    )
    .join("");
  return (
    `<div class="vfm-table-wrap"><table class="vfm-table vfm-sources"><caption>${escapeHtml(s.title)}</caption>` +
    `<thead><tr><th scope="col">Figure</th><th scope="col" class="vfm-num">Value</th><th scope="col">Cells</th><th scope="col">How it was found or worked out</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div>`
  );
}

// ---------------------------------------------------------------------------------------------
// Charts: a small SVG drawn from the model's figures (scaled to pixels: layout, not arithmetic
// on the figures themselves), then the same figures as a table for screen readers and print.

const W = 560;
const BASE_H = 260;
const PAD = { left: 56, right: 16, top: 16, bottom: 44 };
const PALETTE = ["#2F5597", "#C55A11", "#548235", "#7030A0"];

function num(v: DisplayFigure | null): number | null {
  return v && typeof v.value === "number" ? v.value : null;
}

/** Over this many categories (a column per force), every label is drawn upright, in full. */
const MANY_CATEGORIES = 12;
/** Room under the plot for upright force names. */
const UPRIGHT_LABELS = 200;

function chartSvg(c: ChartBlock): string {
  const values: number[] = [];
  for (const s of c.series) for (const p of s.points) if (num(p) !== null) values.push(num(p)!);
  if (values.length === 0) return "";
  // Where the model stops the scale (an outlier runs off the top), columns are cut at the top.
  const max = c.axisMaximum ?? Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const n = c.categories.length;
  const upright = n > MANY_CATEGORIES;
  const H = upright ? BASE_H + UPRIGHT_LABELS : BASE_H;
  const bottom = upright ? PAD.bottom + UPRIGHT_LABELS : PAD.bottom;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - bottom;
  const y = (v: number): number => PAD.top + plotH - ((Math.min(v, max) - min) / span) * plotH;
  const band = plotW / Math.max(1, n);
  const bars = c.series.filter((s) => s.role === "data");
  const lines = c.series.filter((s) => s.role !== "data");
  const drawBars = c.chartType !== "line";
  const parts: string[] = [];
  parts.push(
    `<line class="vfm-axis" x1="${PAD.left}" y1="${y(0).toFixed(1)}" x2="${W - PAD.right}" y2="${y(0).toFixed(1)}" />`
  );
  const barW = (band * 0.7) / Math.max(1, bars.length);
  bars.forEach((s, si) => {
    const colour = PALETTE[si % PALETTE.length];
    if (drawBars) {
      s.points.forEach((p, i) => {
        const v = num(p);
        if (v === null) return;
        const x = PAD.left + i * band + band * 0.15 + si * barW;
        const top = Math.min(y(v), y(0));
        const h = Math.abs(y(v) - y(0));
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"><title>${escapeHtml(`${s.name}, ${c.categories[i]}: ${p!.text}`)}</title></rect>`
        );
      });
    } else {
      parts.push(polyline(s.points, colour, false));
    }
  });
  lines.forEach((s) => parts.push(polyline(s.points, "#C00000", true)));
  // Few categories: across, about 6.5 pixels a character, longer names cut with an ellipsis.
  // Many (a column per force): every name upright and whole, so every force is labelled.
  const labelChars = Math.max(3, Math.floor(band / 6.5));
  c.categories.forEach((cat, i) => {
    const x = PAD.left + i * band + band / 2;
    const top = H - bottom + 8;
    parts.push(
      upright
        ? `<text class="vfm-cat vfm-cat-upright" x="${x.toFixed(1)}" y="${top}" text-anchor="end" transform="rotate(-90 ${x.toFixed(1)} ${top})">${escapeHtml(cat)}</text>`
        : `<text class="vfm-cat" x="${x.toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${escapeHtml(shorten(cat, labelChars))}</text>`
    );
  });
  parts.push(
    `<text class="vfm-tick" x="${PAD.left - 6}" y="${(y(max) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(maxLabel(c, max))}</text>`
  );
  const legendStep = (W - PAD.left) / Math.max(1, c.series.length);
  const legend = c.series
    .map((s, i) => {
      const colour = s.role === "data" ? PALETTE[i % PALETTE.length] : "#C00000";
      const x = PAD.left + i * legendStep;
      return `<rect x="${x.toFixed(1)}" y="${H - 14}" width="10" height="10" fill="${colour}" /><text class="vfm-legend" x="${(x + 14).toFixed(1)}" y="${H - 5}">${escapeHtml(shorten(s.name, Math.floor((legendStep - 18) / 6)))}</text>`;
    })
    .join("");
  return (
    `<svg class="vfm-chart-svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(c.altText)}" xmlns="http://www.w3.org/2000/svg">` +
    parts.join("") +
    legend +
    `</svg>`
  );

  function polyline(
    points: readonly (DisplayFigure | null)[],
    colour: string,
    dashed: boolean
  ): string {
    const pts = points
      .map((p, i) => {
        const v = num(p);
        return v === null
          ? null
          : `${(PAD.left + i * band + band / 2).toFixed(1)},${y(v).toFixed(1)}`;
      })
      .filter((p): p is string => p !== null);
    const dash = dashed ? ' stroke-dasharray="6 4"' : "";
    return `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${pts.join(" ")}" />`;
  }
}

/**
 * The top of the axis, for its one label: the largest point's own text, or, where the model
 * stops the scale below an outlier, that figure in the chart's format.
 */
function maxLabel(c: ChartBlock, max: number): string {
  for (const s of c.series) for (const p of s.points) if (p && p.value === max) return p.text;
  if (c.axisMaximum === max) {
    if (c.valueKind === "percent") return `${(max * 100).toFixed(1)}%`;
    return String(max);
  }
  return "";
}

function shorten(text: string, max = 14): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

function chartHtml(c: ChartBlock): string {
  const head =
    `<tr><th scope="col">${escapeHtml(c.categoryTitle)}</th>` +
    c.series.map((s) => `<th scope="col" class="vfm-num">${escapeHtml(s.name)}</th>`).join("") +
    `</tr>`;
  const rows = c.categories
    .map((cat, i) => {
      const cells = c.series
        .map((s) => {
          const p = s.points[i];
          return `<td class="vfm-num"${sourcesAttrs(p?.sources)}>${escapeHtml(p ? p.text : "")}</td>`;
        })
        .join("");
      return `<tr><th scope="row">${escapeHtml(cat)}</th>${cells}</tr>`;
    })
    .join("");
  return (
    `<figure class="vfm-chart" id="vfm-${cls(c.id)}"><figcaption>${escapeHtml(c.title)}</figcaption>` +
    chartSvg(c) +
    (c.note ? `<p class="vfm-chart-note">${escapeHtml(c.note)}</p>` : "") +
    `<table class="vfm-table vfm-chart-data"><caption>Figures in the chart: ${escapeHtml(c.title)}</caption>` +
    `<thead>${head}</thead><tbody>${rows}</tbody></table></figure>`
  );
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case "paragraph":
      return paragraphHtml(b);
    case "table":
      return tableHtml(b);
    case "chart":
      return chartHtml(b);
    case "rag":
      return ragHtml(b);
    case "notes":
      return notesHtml(b);
    case "sources":
      return sourcesHtml(b);
  }
}

function sectionHtml(s: Section, titleLevel: number): string {
  const level = Math.min(6, titleLevel + s.level);
  return (
    `<section class="vfm-section vfm-level-${s.level}" id="vfm-section-${cls(s.id)}" aria-labelledby="vfm-h-${cls(s.id)}">` +
    `<h${level} id="vfm-h-${cls(s.id)}">${escapeHtml(s.heading)}</h${level}>` +
    s.blocks.map(blockHtml).join("") +
    `</section>`
  );
}

export interface DocumentHtmlOptions extends HtmlOptions {
  /** Which of the two documents: the statement for publication (default) or the working papers. */
  readonly document?: "statement" | "papers";
}

function contentsHtml(statement: Statement): string {
  const items = statement.contents
    .map((c) => `<li><a href="#vfm-section-${cls(c.sectionId)}">${escapeHtml(c.heading)}</a></li>`)
    .join("");
  return `<nav class="vfm-contents" aria-label="Contents"><p class="vfm-contents-title">Contents</p><ol>${items}</ol></nav>`;
}

/**
 * The statement (or, with document "papers", its working papers) as an HTML fragment (an
 * <article>), for the task pane's preview.
 */
export function renderStatementHtml(
  statement: Statement,
  options: DocumentHtmlOptions = {}
): string {
  const t = options.titleLevel ?? 1;
  const papers = options.document === "papers";
  const banner = statement.illustrative
    ? `<p class="vfm-illustrative">Illustrative: drafted from sample figures, not a real force's data.</p>`
    : "";
  const draft = statement.approval.approved
    ? ""
    : `<p class="vfm-draft">Draft: not yet approved by the Authority.</p>`;
  const header = papers
    ? `<header><h${t}>${escapeHtml(statement.papersTitle)}</h${t}>` +
      `<p class="vfm-meta">${escapeHtml(statement.authority.text)}. ${escapeHtml(statement.force)}. Drafted on ${escapeHtml(statement.generatedText)}. Working papers, not for publication.</p>` +
      `</header>`
    : `<header><p class="vfm-authority">${escapeHtml(statement.authority.text)}</p>` +
      `<h${t}>${escapeHtml(statement.title)}</h${t}>` +
      `<p class="vfm-meta">${escapeHtml(statement.planText)}. ${escapeHtml(statement.force)}.</p>` +
      draft +
      banner +
      `</header>` +
      contentsHtml(statement);
  const sections = papers ? statement.papers : statement.sections;
  return (
    `<article class="vfm-statement${papers ? " vfm-papers" : ""}" lang="en-GB">` +
    header +
    sections.map((s) => sectionHtml(s, t)).join("") +
    `</article>`
  );
}

/** Styles for the classes above; the task pane bundles them in its own stylesheet. */
export const STATEMENT_CSS = `
.vfm-statement{font-family:"Segoe UI",system-ui,sans-serif;line-height:1.45;color:#1b1b1b;max-width:60rem}
.vfm-table{border-collapse:collapse;margin:0.5rem 0 1rem;font-size:0.9rem}
.vfm-table caption{text-align:left;font-weight:600;padding:0.25rem 0}
.vfm-table th,.vfm-table td{border:1px solid #8a8a8a;padding:0.2rem 0.45rem;vertical-align:top}
.vfm-table thead th{background:#dde4f0}
.vfm-table tbody th{text-align:left;font-weight:normal}
.vfm-num{text-align:right;font-variant-numeric:tabular-nums}
.vfm-row-total th,.vfm-row-total td{font-weight:700;border-top:2px solid #1b1b1b}
.vfm-missing{font-style:italic}
.vfm-rag{font-weight:700;padding:0.05rem 0.35rem;border:1px solid #1b1b1b}
.vfm-rag-onTrack{background:#c6efce;color:#0b3d17}
.vfm-rag-atRisk{background:#ffeb9c;color:#4d3800}
.vfm-rag-offTrack{background:#ffc7ce;color:#5c0008}
.vfm-rag-noData{background:#e7e6e6;color:#1b1b1b}
.vfm-user-narrative{border-left:4px solid #8a8a8a;margin:0.5rem 0;padding-left:0.75rem;font-style:italic}
.vfm-p-missing{font-weight:600}
.vfm-illustrative{border:2px solid #c55a11;padding:0.25rem 0.5rem;font-weight:600}
.vfm-draft{border:2px solid #1b1b1b;padding:0.25rem 0.5rem;font-weight:700;text-transform:uppercase}
.vfm-authority{font-weight:700;font-size:1.1rem;margin:0}
.vfm-contents ol{margin:0.25rem 0 1rem;padding-left:1.5rem}
.vfm-contents-title{font-weight:700;margin:0.5rem 0 0}
.vfm-p-placeholder{border:1px dashed #595959;padding:0.5rem;font-style:italic}
.vfm-p-caveat{font-style:italic}
.vfm-chart-svg{max-width:100%;height:auto}
.vfm-chart-svg text{font-size:11px;fill:#1b1b1b}
.vfm-chart-svg text.vfm-cat-upright{font-size:8px}
.vfm-chart-note{font-size:0.85rem;font-style:italic}
.vfm-axis{stroke:#1b1b1b}
.vfm-table-note{font-size:0.85rem;margin-top:-0.5rem}
`;

/** A complete page with the statement (or its working papers) and its styles, for saving or printing. */
export function renderStatementHtmlDocument(
  statement: Statement,
  document: "statement" | "papers" = "statement"
): string {
  const title = document === "papers" ? statement.papersTitle : statement.title;
  return (
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(title)}</title><style>${STATEMENT_CSS}</style></head>` +
    `<body>${renderStatementHtml(statement, { document })}</body></html>`
  );
}
