/**
 * `vfm check FILE... [--json]`: the inspector's check over many workbooks in one run. Each
 * workbook is read, analysed (runVfm) and checked against every rule of the catalogue
 * (core/check/rules.ts), its statement sheet compared with a fresh draft from its data.
 *
 * Without --json: one row per workbook (force, RAG in words, errors, warnings). With --json: an
 * array of {file, force, status, rag, counts, findings[]}. A progress bar goes to stderr when
 * the output is a terminal and CI is not set. A workbook that cannot be read is reported as
 * "unreadable" and the batch goes on.
 *
 * Exit codes: 0 every workbook checked and none has an error-severity finding; 1 any has one;
 * 2 any could not be read (this wins over 1), or the command line itself is wrong.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  CHECK_RAG_WORDS,
  checkOptionsFromSettings,
  CheckOptions,
  CheckReport,
  DocBlock,
  checkWorkbookWithStatement,
  countOf,
  countWord,
  formatRef,
  isIsoDate,
  parseSeverityOverrides,
  runVfm,
  withIndicatorEngine,
  SeverityOverrides,
} from "../../core";
import { renderStatementWritePlan } from "../../render/excel";
import { DocxReadError, readDocxBlocks } from "../../docx/read";
import { publishedStatementOf } from "../../docx/published";
import { CliIo, Command, EXIT } from "../io";
import { SPREADSHEET_FILE, readWorkbookFile } from "../readWorkbook";
import { NOT_A_BUDGET, hasBudgetFigures, readPolicyFile, storedSettings } from "../pipeline";
import { BoundedRunner, defaultBounds } from "../bounds";
import { runJob } from "../jobs";

export const CHECK_USAGE = `Usage: vfm check FILE... [--json] [--today DATE] [--variance-threshold N]
                 [--severity RULE=error|warning|off]... [--policy FILE]
       vfm check STATEMENT.docx... --workbook WORKBOOK.xlsx [options as above]

Checks police budget workbooks and their Value for Money Statements as an inspector would:
completeness, the overtime and business-support paths, procurement migration dates, the
arithmetic, the statement sheet against the data, and bottom-quartile peer indicators.
FILE may be a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv) or a folder (every spreadsheet
in it is checked). Each workbook is bounded on its own (--max-seconds, --max-memory,
--max-cells): one that passes a bound is reported as not read, and the others still are.

A published Word statement (.docx) is checked against the workbook it claims to come from
(--workbook): every figure, status word, year and sentence that differs from what the workbook
gives today is named by its place in the document and the cells it should match, and any of the
nine areas missing is reported. A statement edited in Word and saved again can be checked.

  --json                  print an array of {file, force, status, rag, counts, findings[]}
  --today DATE            the date to check as of (YYYY-MM-DD); years that ended before it need
                          actual savings. Without it, the years the workbook itself reports as
                          actual count as ended.
  --variance-threshold N  planned vs actual differences above this need a note (default 10%;
                          write 0.1 or 10%)
  --reconciliation-tolerance N
                          how far a plan's overtime or support saving may be from the fall
                          the budget and workforce show (default 15%; write 0.15 or 15%)
  --severity RULE=LEVEL   change a rule's severity (error, warning) or switch it off (off);
                          may be given more than once
  --policy FILE           a JSON file of policy settings, as for vfm analyse
  --workbook FILE         the workbook a .docx statement is checked against
  --help                  show this help

Exit code 0 when every workbook was checked and none has an error, 1 when any has an error,
2 when any workbook could not be read.
`;

export interface CheckArgs {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly help: boolean;
  readonly today?: string;
  readonly varianceThreshold?: number;
  readonly reconciliationTolerance?: number;
  readonly severity: readonly string[];
  readonly policy?: string;
  readonly workbook?: string;
  readonly error?: string;
}

function parseRatio(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === "%" || n > 1 ? n / 100 : n;
}

export function parseCheckArgs(args: readonly string[]): CheckArgs {
  const files: string[] = [];
  const severity: string[] = [];
  let json = false;
  let help = false;
  let today: string | undefined;
  let variance: number | undefined;
  let tolerance: number | undefined;
  let policy: string | undefined;
  let workbook: string | undefined;
  const base = () => ({ files, json, help, severity });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith("--") && eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[++i];
    if (a === "--json") json = true;
    else if (a === "--help" || a === "-h") help = true;
    else if (name === "--today") {
      const v = value();
      if (!v || !isIsoDate(v))
        return { ...base(), error: "--today needs a date written YYYY-MM-DD." };
      today = v;
    } else if (name === "--reconciliation-tolerance") {
      const v = value();
      const n = v === undefined ? undefined : parseRatio(v);
      if (n === undefined)
        return {
          ...base(),
          error: "--reconciliation-tolerance needs a share such as 0.15 or 15%.",
        };
      tolerance = n;
    } else if (name === "--variance-threshold") {
      const v = value();
      const n = v === undefined ? undefined : parseRatio(v);
      if (n === undefined)
        return { ...base(), error: "--variance-threshold needs a share such as 0.1 or 10%." };
      variance = n;
    } else if (name === "--severity") {
      const v = value();
      if (!v) return { ...base(), error: "--severity needs RULE=error, RULE=warning or RULE=off." };
      severity.push(v);
    } else if (name === "--policy") {
      policy = value();
      if (!policy) return { ...base(), error: "--policy needs a file name." };
    } else if (name === "--workbook") {
      workbook = value();
      if (!workbook) return { ...base(), error: "--workbook needs a workbook's file name." };
    } else if (a.startsWith("-")) return { ...base(), error: `unknown option ${a}.` };
    else files.push(a);
  }
  return {
    ...base(),
    ...(today ? { today } : {}),
    ...(variance !== undefined ? { varianceThreshold: variance } : {}),
    ...(tolerance !== undefined ? { reconciliationTolerance: tolerance } : {}),
    ...(policy ? { policy } : {}),
    ...(workbook ? { workbook } : {}),
  };
}

/** One workbook's line in the --json array. */
export interface CheckJsonEntry {
  readonly file: string;
  /** For a Word statement: the workbook it was checked against. */
  readonly workbook?: string;
  readonly force: string | null;
  readonly status: "pass" | "fail" | "unreadable";
  readonly rag: { readonly status: string; readonly words: string };
  readonly counts: { readonly errors: number; readonly warnings: number };
  /** Why the workbook could not be read (unreadable only). */
  readonly reason?: string;
  /** Each savings area's one status, as the statement gives it (read workbooks only). */
  readonly areas?: readonly {
    readonly area: string;
    readonly status: string;
    readonly words: string;
    readonly rule: string;
  }[];
  readonly findings: readonly {
    readonly severity: "error" | "warning";
    readonly rule: string;
    readonly area: string;
    readonly message: string;
    /** "Sheet!C7", the sheet alone where no cell applies, or null. */
    readonly cell: string | null;
    /** For a Word statement: where in the document ("2. Overtime", table "...", row "2010/11"). */
    readonly place?: string;
    readonly paragraph: string;
  }[];
}

export function reportToJson(file: string, report: CheckReport): CheckJsonEntry {
  return {
    file,
    force: report.force,
    status: report.counts.errors > 0 ? "fail" : "pass",
    rag: { status: report.rag.rag, words: report.rag.words },
    counts: { errors: report.counts.errors, warnings: report.counts.warnings },
    ...(report.areas
      ? {
          areas: report.areas.map((a) => ({
            area: a.area,
            status: a.rag,
            words: a.words,
            rule: a.rule,
          })),
        }
      : {}),
    findings: report.findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      area: f.area,
      message: f.message,
      cell: f.cell ? formatRef(f.cell) : (f.sheet ?? null),
      ...(f.place ? { place: f.place } : {}),
      paragraph: f.paragraph,
    })),
  };
}

function unreadable(file: string, reason: string, workbook?: string): CheckJsonEntry {
  return {
    file,
    ...(workbook ? { workbook } : {}),
    force: null,
    status: "unreadable",
    rag: { status: "none", words: CHECK_RAG_WORDS.none },
    counts: { errors: 0, warnings: 0 },
    reason,
    findings: [],
  };
}

/** The files to check: each argument, or every spreadsheet in it when it is a folder (sorted). */
async function expandFiles(io: CliIo, args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const full = path.resolve(io.cwd, a);
    let isDir = false;
    try {
      isDir = (await fs.stat(full)).isDirectory();
    } catch {
      isDir = false; // the reader reports a missing file
    }
    if (!isDir) {
      out.push(a);
      continue;
    }
    const names = (await fs.readdir(full))
      .filter((n) => SPREADSHEET_FILE.test(n) && !n.startsWith("~$"))
      .sort((x, y) => x.localeCompare(y, "en-GB"));
    for (const n of names) out.push(path.join(a, n));
  }
  return out;
}

/** A one-line progress bar on stderr, redrawn in place. */
function progressBar(
  io: CliIo,
  total: number
): { step: (i: number, file: string) => void; done: () => void } {
  const show = io.isTTY && !io.env.CI;
  const width = 24;
  let drawn = 0;
  return {
    step(i, file) {
      if (!show) return;
      const filled = Math.round((i / Math.max(1, total)) * width);
      const name = path.basename(file);
      const line = `Checking [${"#".repeat(filled)}${".".repeat(width - filled)}] ${i}/${total} ${name.length > 30 ? `${name.slice(0, 27)}...` : name}`;
      io.stderr(`\r${line.padEnd(drawn)}`);
      drawn = line.length;
    },
    done() {
      if (show && drawn > 0) io.stderr(`\r${" ".repeat(drawn)}\r`);
    },
  };
}

const RAG_COLOUR: Readonly<Record<string, string>> = {
  red: "Red",
  amber: "Amber",
  green: "Green",
  none: "Grey",
};

/** One row per workbook, then why any could not be read, then a count. */
function table(entries: readonly CheckJsonEntry[]): string {
  const head = ["File", "Force", "RAG", "Errors", "Warnings"];
  const rows = entries.map((e) =>
    e.status === "unreadable"
      ? [e.file, "-", "not checked: could not be read", "-", "-"]
      : [
          e.file,
          e.force ?? "-",
          `${RAG_COLOUR[e.rag.status] ?? e.rag.status}: ${e.rag.words}`,
          String(e.counts.errors),
          String(e.counts.warnings),
        ]
  );
  const widths = head.map((h, i) =>
    Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length)))
  );
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 3)}...` : s);
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        i >= 3 ? fit(c, widths[i]).padStart(widths[i]) : fit(c, widths[i]).padEnd(widths[i])
      )
      .join("  ")
      .trimEnd();
  const documents = entries
    .filter((e) => e.workbook && e.status !== "unreadable")
    .map((e) => {
      const n = e.findings.filter((f) => f.rule.startsWith("DOCUMENT_")).length;
      return `${e.file} was checked against ${e.workbook}: ${
        n === 0
          ? "it says what the workbook gives"
          : `${countOf(n, "difference")} from the statement drafted from it (run with --json for each place and cell)`
      }; the other findings are the workbook's own.`;
    });
  const reasons = entries
    .filter((e) => e.status === "unreadable")
    .map((e) => `${e.file} could not be read: ${e.reason ?? "unknown reason"}`);
  const pass = entries.filter((e) => e.status === "pass").length;
  const fail = entries.filter((e) => e.status === "fail").length;
  const bad = entries.length - pass - fail;
  const noun = entries.some((e) => e.workbook) ? "file" : "workbook";
  // Rule 3: the line starts with a word ("Checked 12 workbooks", never "12 workbooks").
  const summary = `Checked ${countOf(entries.length, noun)}: ${countWord(pass)} without errors, ${countWord(fail)} with errors and ${countWord(bad)} that could not be read. Run with --json for every finding and its cell.`;
  return [
    line(head),
    ...rows.map(line),
    ...(documents.length > 0 ? ["", ...documents] : []),
    ...(reasons.length > 0 ? ["", ...reasons] : []),
    "",
    summary,
    "",
  ].join("\n");
}

export const check: Command = async (args, io) => {
  const p = parseCheckArgs(args);
  if (p.help) {
    io.stdout(CHECK_USAGE);
    return EXIT.ok;
  }
  if (p.error || p.files.length === 0) {
    io.stderr(`vfm check: ${p.error ?? "name the workbooks to check."} Run vfm check --help.\n`);
    return EXIT.unreadable;
  }
  let severityOverrides: SeverityOverrides = {};
  if (p.severity.length > 0) {
    const parsed = parseSeverityOverrides(p.severity);
    if (parsed.problems.length > 0) {
      io.stderr(`vfm check: ${parsed.problems[0]}\n`);
      return EXIT.unreadable;
    }
    severityOverrides = parsed.overrides;
  }
  let policyFile: { name: string; overrides: Readonly<Record<string, unknown>> } | undefined;
  if (p.policy !== undefined) {
    const read = await readPolicyFile(io.cwd, p.policy);
    if (!read.ok) {
      io.stderr(`vfm check: ${read.message}\n`);
      return EXIT.unreadable;
    }
    policyFile = read.file;
  }

  const files = await expandFiles(io, p.files);
  const documents = files.filter((f) => WORD_FILE.test(f));
  if (documents.length > 0 && !p.workbook) {
    io.stderr(
      `vfm check: ${documents[0]} is a Word statement; name the workbook it should match with --workbook WORKBOOK.xlsx. Run vfm check --help.\n`
    );
    return EXIT.unreadable;
  }
  if (files.length === 0) {
    io.stderr(
      "vfm check: no spreadsheets (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv) were found in the folders given.\n"
    );
    return EXIT.unreadable;
  }
  const bar = progressBar(io, files.length);
  const entries: CheckJsonEntry[] = [];
  const options: CheckOneOptions = {
    severityOverrides,
    ...(p.today ? { today: p.today } : {}),
    ...(p.varianceThreshold !== undefined ? { varianceThreshold: p.varianceThreshold } : {}),
    ...(p.reconciliationTolerance !== undefined
      ? { reconciliationTolerance: p.reconciliationTolerance }
      : {}),
    ...(policyFile ? { policyFile } : {}),
  };
  // Each workbook in the worker, bounded on its own: one that passes a bound costs its entry only.
  const runner = new BoundedRunner(io.bounds ?? defaultBounds(), io, runJob);
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      bar.step(i, file);
      const doc = WORD_FILE.test(file) && p.workbook ? p.workbook : undefined;
      const outcome = await runner.run<CheckJsonEntry>(
        doc
          ? { kind: "checkOne", file: doc, options: { ...options, document: file } }
          : { kind: "checkOne", file, options }
      );
      entries.push(
        outcome.ok
          ? outcome.value
          : doc
            ? unreadable(file, outcome.message, doc)
            : unreadable(file, outcome.message)
      );
    }
  } finally {
    await runner.close();
  }
  bar.step(files.length, "");
  bar.done();

  if (p.json) io.stdout(JSON.stringify(entries, null, 2) + "\n");
  else io.stdout(table(entries));
  if (entries.some((e) => e.status === "unreadable")) return EXIT.unreadable;
  if (entries.some((e) => e.status === "fail")) return EXIT.findings;
  return EXIT.ok;
};

export interface CheckOneOptions {
  readonly severityOverrides: SeverityOverrides;
  /** A Word statement to check against the workbook (the entry is then the document's). */
  readonly document?: string;
  readonly today?: string;
  readonly varianceThreshold?: number;
  readonly reconciliationTolerance?: number;
  readonly policyFile?: { name: string; overrides: Readonly<Record<string, unknown>> };
}

/** Reads, analyses and checks one workbook (in the bounded worker: see ../bounds.ts). */
export async function checkOne(
  file: string,
  io: CliIo,
  options: CheckOneOptions
): Promise<CheckJsonEntry> {
  const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0];
  if (options.document) return checkDocumentOne(options.document, file, io, options);
  const full = path.resolve(io.cwd, file);
  let read: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    read = await readWorkbookFile(full);
  } catch (e) {
    // The reader's message starts with the full path; the row already names the file.
    const message = firstLine(e);
    return unreadable(
      file,
      message.startsWith(`${full}: `) ? message.slice(full.length + 2) : message
    );
  }
  try {
    // The add-in's own settings in the workbook (mapping decisions, policy and check settings)
    // apply as they do in the task pane; the command line's options win over them.
    const settings = storedSettings(read.workbook);
    // The formula engine (mathjs) is loaded only when the workbook defines indicators.
    const runOptions = await withIndicatorEngine(read.workbook, {
      ...(settings ? { settings } : {}),
      ...(options.policyFile ? { policyFile: options.policyFile } : {}),
    });
    const result = runVfm(read.workbook, runOptions);
    if (!hasBudgetFigures(result.data)) return unreadable(file, `${NOT_A_BUDGET} to check.`);
    const report = checkWorkbookWithStatement(
      result,
      renderStatementWritePlan,
      checkOptionsFor(settings, file, io, options)
    );
    return reportToJson(file, report);
  } catch (e) {
    return unreadable(file, `the check stopped on an unexpected problem: ${firstLine(e)}`);
  }
}

/** A Word statement's file name. */
export const WORD_FILE = /\.docx$/i;

function checkOptionsFor(
  settings: ReturnType<typeof storedSettings>,
  file: string,
  io: CliIo,
  options: CheckOneOptions
): Omit<CheckOptions, "expectedStatement"> {
  const stored = checkOptionsFromSettings(settings);
  for (const problem of stored.problems) io.stderr(`vfm check: ${file}: ${problem}\n`);
  const variance = options.varianceThreshold ?? stored.options.varianceThreshold;
  return {
    severityOverrides: { ...stored.options.severityOverrides, ...options.severityOverrides },
    ...(options.today ? { today: options.today } : {}),
    ...(variance !== undefined ? { varianceThreshold: variance } : {}),
    ...(options.reconciliationTolerance !== undefined
      ? { reconciliationTolerance: options.reconciliationTolerance }
      : {}),
  };
}

/**
 * Checks a Word statement against the workbook (src/docx/published.ts drafts the statement
 * again to compare it with; core/check/document.ts compares).
 */
async function checkDocumentOne(
  document: string,
  workbookFile: string,
  io: CliIo,
  options: CheckOneOptions
): Promise<CheckJsonEntry> {
  const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0];
  const gone = (reason: string) => unreadable(document, reason, workbookFile);
  let found: DocBlock[];
  try {
    found = await readDocxBlocks(await fs.readFile(path.resolve(io.cwd, document)));
  } catch (e) {
    return gone(
      e instanceof DocxReadError
        ? e.message
        : `the statement could not be read: ${firstLine(e).replace(/^.*?: /, "")}`
    );
  }
  const full = path.resolve(io.cwd, workbookFile);
  let read: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    read = await readWorkbookFile(full);
  } catch (e) {
    const message = firstLine(e);
    return gone(
      `the workbook ${workbookFile} could not be read: ${message.startsWith(`${full}: `) ? message.slice(full.length + 2) : message}`
    );
  }
  try {
    const settings = storedSettings(read.workbook);
    const runOptions = await withIndicatorEngine(read.workbook, {
      ...(settings ? { settings } : {}),
      ...(options.policyFile ? { policyFile: options.policyFile } : {}),
    });
    const result = runVfm(read.workbook, runOptions);
    if (!hasBudgetFigures(result.data))
      return gone(`the workbook ${workbookFile}: ${NOT_A_BUDGET} to check the statement against.`);
    const published = await publishedStatementOf(result, found, {
      document: path.basename(document),
      workbook: path.basename(workbookFile),
    });
    const report = checkWorkbookWithStatement(result, renderStatementWritePlan, {
      ...checkOptionsFor(settings, workbookFile, io, options),
      publishedStatement: published,
    });
    return { ...reportToJson(document, report), workbook: workbookFile };
  } catch (e) {
    return gone(`the check stopped on an unexpected problem: ${firstLine(e)}`);
  }
}
