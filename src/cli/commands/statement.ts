/**
 * `vfm statement WORKBOOK.xlsx --out statement.docx [--papers papers.docx] [--xlsx statement.xlsx]
 * [--authority NAME] [--approved YYYY-MM-DD] [--policy FILE] [--date YYYY-MM-DD]`: drafts the
 * Police Authority's Value for Money Statement from a force's workbook and writes it as a Word
 * document for publication, the working papers (sources, settings, points to check) as a second
 * Word document, and, optionally, a NEW workbook holding only the statement, papers and charts.
 *
 * The user's workbook is only ever read: it is never rewritten, not even as a copy (an ExcelJS
 * round trip can drop charts, pivot tables and shared formulas). An output path that is the
 * workbook itself is refused. Outputs are written to a temporary file beside the target and
 * renamed into place, so a failed run leaves no half-written file.
 *
 * Exit codes as `vfm analyse`: 0 when the statement was written (findings or not); 2 when the
 * workbook cannot be read, holds no budget figures, or an output cannot be written, with the
 * reason in one line on stderr.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { draftStatement, isIsoDate, Statement, thereAre } from "../../core";
import { renderPapersDocx, renderStatementDocx } from "../../render/docx";
import { renderStatementWritePlan } from "../../render/excel";
import { writePlanToXlsx } from "../../xlsx/write";
import { Command, EXIT } from "../io";
import { loadAndAnalyse } from "../pipeline";

export const STATEMENT_USAGE = `Usage: vfm statement WORKBOOK.xlsx --out STATEMENT.docx [--papers PAPERS.docx]

Drafts the Police Authority's Value for Money Statement from a police force's workbook: planned
and actual savings in the nine areas by year, the overtime, business-support and procurement
targets, and benchmarking. The working papers hold the cells every figure came from, the
settings used and the points to check before publishing.

  --out FILE.docx          write the statement for publication as a Word document
  --papers FILE.docx       write the working papers as a second Word document
  --xlsx FILE.xlsx         also write a new workbook holding only the statement, papers and
                           chart sheets (your workbook is never rewritten or copied)
  --authority NAME         the Police Authority's name (default: the workbook's Settings or cover)
  --approved YYYY-MM-DD    the date the Authority approved the statement; until given, every
                           page says "Draft"
  --policy FILE            a JSON file of policy settings, as for vfm analyse
  --date YYYY-MM-DD        the date the statement is drafted on (default: today)
  --help                   show this help

Exit code 0 when the statement was written, 2 when the workbook cannot be read or holds no
budget figures, or an output cannot be written.
`;

interface Args {
  file?: string;
  out?: string;
  papers?: string;
  authority?: string;
  approved?: string;
  xlsx?: string;
  policy?: string;
  date?: string;
  help: boolean;
  error?: string;
}

const VALUE_OPTIONS = [
  "--out",
  "--papers",
  "--xlsx",
  "--authority",
  "--approved",
  "--policy",
  "--date",
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

export function parseStatementArgs(args: readonly string[]): Args {
  const out: Args = { help: false };
  const set = (opt: ValueOption, v: string) => {
    if (opt === "--out") out.out = v;
    else if (opt === "--papers") out.papers = v;
    else if (opt === "--authority") out.authority = v;
    else if (opt === "--approved") out.approved = v;
    else if (opt === "--xlsx") out.xlsx = v;
    else if (opt === "--policy") out.policy = v;
    else out.date = v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = VALUE_OPTIONS.find((o) => a.startsWith(`${o}=`));
    if (a === "--help" || a === "-h") out.help = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith("--")) return { ...out, error: `${a} needs a value.` };
      set(a as ValueOption, v);
    } else if (eq) set(eq, a.slice(eq.length + 1));
    else if (a.startsWith("-")) return { ...out, error: `unknown option ${a}.` };
    else if (out.file === undefined) out.file = a;
    else return { ...out, error: `only one workbook at a time (got ${out.file} and ${a}).` };
  }
  if (!out.help && !out.error) {
    if (!out.file) out.error = "name the workbook to draft the statement from.";
    else if (!out.out && !out.xlsx && !out.papers)
      out.error = "say where to write the statement with --out FILE.docx.";
    else if (out.papers && !/\.docx$/i.test(out.papers))
      out.error = `--papers names a Word document, so it must end in .docx (got ${out.papers}).`;
    else if (out.approved && !isIsoDate(out.approved))
      out.error = `--approved must be a date written YYYY-MM-DD (got ${out.approved}).`;
    else if (out.authority !== undefined && out.authority.trim() === "")
      out.error = "--authority needs the Police Authority's name.";
    else if (out.out && !/\.docx$/i.test(out.out))
      out.error = `--out names a Word document, so it must end in .docx (got ${out.out}).`;
    else if (out.xlsx && !/\.xlsx$/i.test(out.xlsx))
      out.error = `--xlsx names a new workbook, so it must end in .xlsx (got ${out.xlsx}).`;
    else if (out.date && !isIsoDate(out.date))
      out.error = `--date must be a date written YYYY-MM-DD (got ${out.date}).`;
  }
  return out;
}

/** The same file, allowing for a path written differently or through a link. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase()) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Writes beside the target, then renames into place: never a half-written output. */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`
  );
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

function writeError(file: string, e: unknown): string {
  const code = (e as { code?: string }).code;
  const why =
    code === "ENOENT"
      ? "its folder does not exist"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EBUSY"
            ? "the file is open in another program"
            : (code ?? (e instanceof Error ? e.message.split("\n")[0] : String(e)));
  return `${file}: the file cannot be written (${why}).`;
}

function summaryLines(s: Statement, written: readonly string[]): string {
  const checks = s.papers.find((x) => x.id === "notes");
  const notes = checks?.blocks.find((b) => b.kind === "notes");
  const count = notes && notes.kind === "notes" ? notes.items.length : 0;
  return [
    `${s.title} of ${s.authority.name ?? "the Police Authority (not named)"} for ${s.force}${s.illustrative && !/illustrative/i.test(s.force) ? " (illustrative)" : ""}, ${s.planText}.`,
    s.approval.approved
      ? `Approved on ${s.approval.dateText}.`
      : "Draft: every page says so until an approval date is given with --approved YYYY-MM-DD.",
    ...(s.authority.name === null
      ? [
          "The workbook does not name the Police Authority: give it with --authority NAME, or add a Police authority row to the Settings sheet.",
        ]
      : []),
    ...written.map((w) => `Wrote ${w}`),
    count > 0
      ? `${thereAre(count, "point")} to check before publishing: see "Points to check before publishing" in the working papers${written.some((w) => w.includes("working papers")) ? "" : " (write them with --papers FILE.docx)"}.`
      : "No problems were found in the figures used.",
    "",
  ].join("\n");
}

export const statement: Command = async (args, io) => {
  const p = parseStatementArgs(args);
  if (p.help) {
    io.stdout(STATEMENT_USAGE);
    return EXIT.ok;
  }
  if (p.error || !p.file) {
    io.stderr(`vfm statement: ${p.error ?? "name the workbook."} Run vfm statement --help.\n`);
    return EXIT.unreadable;
  }
  const input = path.resolve(io.cwd, p.file);
  const outputs = [p.out, p.papers, p.xlsx]
    .filter((o): o is string => !!o)
    .map((o) => path.resolve(io.cwd, o));
  for (const o of outputs)
    if (await sameFile(o, input)) {
      io.stderr(
        `vfm statement: ${path.relative(io.cwd, o) || o} is the workbook itself; the add-in never writes over your workbook. Choose another output file.\n`
      );
      return EXIT.unreadable;
    }
  for (let i = 0; i < outputs.length; i++)
    for (let j = i + 1; j < outputs.length; j++)
      if (await sameFile(outputs[i], outputs[j])) {
        io.stderr("vfm statement: two outputs name the same file; give each its own.\n");
        return EXIT.unreadable;
      }

  // With no peers sheet, the statement compares the force with all 43 in HMIC's profile data.
  const loaded = await loadAndAnalyse(p.file, io.cwd, {
    ...(p.policy ? { policy: p.policy } : {}),
    national: true,
  });
  if (!loaded.ok) {
    io.stderr(`vfm statement: ${loaded.message}\n`);
    return EXIT.unreadable;
  }
  const { result } = loaded.loaded;
  // The clock is read here, at the edge; the core takes the timestamp as data.
  const generatedAt = p.date ? `${p.date}T00:00:00Z` : new Date().toISOString();
  let drafted: Statement;
  try {
    drafted = draftStatement(result, {
      generatedAt,
      workbookName: path.basename(input),
      ...(p.authority ? { authority: p.authority.trim() } : {}),
      ...(p.approved ? { approved: p.approved } : {}),
    });
  } catch (e) {
    io.stderr(
      `vfm statement: ${p.file}: the statement could not be drafted (${e instanceof Error ? e.message.split("\n")[0] : String(e)}).\n`
    );
    return EXIT.unreadable;
  }

  const written: string[] = [];
  const targets: { file: string; render: () => Promise<Uint8Array>; what: string }[] = [];
  if (p.out)
    targets.push({
      file: path.resolve(io.cwd, p.out),
      render: () => renderStatementDocx(drafted),
      what: "the Word statement",
    });
  if (p.papers)
    targets.push({
      file: path.resolve(io.cwd, p.papers),
      render: () => renderPapersDocx(drafted),
      what: "the working papers",
    });
  if (p.xlsx)
    targets.push({
      file: path.resolve(io.cwd, p.xlsx),
      render: () => writePlanToXlsx(renderStatementWritePlan(drafted)),
      what: "a new workbook with the statement, charts and working papers sheets",
    });
  for (const t of targets) {
    let bytes: Uint8Array;
    try {
      bytes = await t.render();
    } catch (e) {
      io.stderr(
        `vfm statement: ${t.what} could not be produced (${e instanceof Error ? e.message.split("\n")[0] : String(e)}).\n`
      );
      return EXIT.unreadable;
    }
    try {
      await writeAtomically(t.file, bytes);
    } catch (e) {
      io.stderr(`vfm statement: ${writeError(path.relative(io.cwd, t.file) || t.file, e)}\n`);
      return EXIT.unreadable;
    }
    written.push(`${path.relative(io.cwd, t.file) || t.file} (${t.what})`);
  }
  io.stdout(summaryLines(drafted, written));
  return EXIT.ok;
};
