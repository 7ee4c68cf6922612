/**
 * `vfm check` on .xlsx files written in the test: the table and --json outputs, exit codes
 * (0 no errors, 1 any error, 2 any unreadable), a batch that goes on past an unreadable file,
 * the progress bar only on a terminal without CI, folders, --today and --severity.
 */
import Ajv from "ajv";
import { promises as fs } from "fs";
import * as path from "path";
import schema from "../../../schema/check.schema.json";
import { check, CheckJsonEntry, parseCheckArgs } from "../../../src/cli/commands/check";
import { CHECK_AREAS } from "../../../src/core/check/types";
import { CHECK_RULES } from "../../../src/core/check/rules";
import { main } from "../../../src/cli/main";
import { WorkbookGrid } from "../../../src/core/grid";
import { sheetFromRows, workbookOf } from "../../../src/core/sample/gridBuilder";
import { gridToXlsx } from "../../../src/xlsx/write";
import { SETTINGS_SHEET_NAME, encodeSettingsSheet } from "../../../src/core/ownership";
import { budgetOf, compliantSavings, workbook } from "../../core/check/workbooks";
import { fakeIo } from "../fakeIo";
import { tempDir } from "../tempDir";

jest.setTimeout(60_000);

const dir = tempDir("vfm-check-");
const write = async (name: string, wb: WorkbookGrid) =>
  fs.writeFile(path.join(dir(), name), await gridToXlsx(wb));

beforeAll(async () => {
  await write("clean.xlsx", workbook({ force: "Cleanshire Police" }));
  // 2010/11 misses the 5% cut: one error.
  await write(
    "faulty.xlsx",
    workbook({
      force: "Faultshire Police",
      budget: budgetOf([6e6, 5.7e6, 5.5e6, 5.2e6, 4.9e6, 3.9e6]),
    })
  );
  // A 15% shortfall with no note: one warning, no error.
  await write(
    "warning.xlsx",
    workbook({
      force: "Warnshire Police",
      savings: [
        ...compliantSavings(),
        { initiative: "Fleet", area: "Procurement", year: 2010, planned: 100000, actual: 85000 },
      ],
    })
  );
  await write(
    "rota.xlsx",
    workbookOf(
      sheetFromRows("Rota", [
        ["Name", "Shift"],
        ["A. Officer", "Early"],
      ])
    )
  );
  // The faulty workbook, with the add-in's settings sheet saying the cut rule is a warning.
  const faulty = workbook({
    force: "Faultshire Police",
    budget: budgetOf([6e6, 5.7e6, 5.5e6, 5.2e6, 4.9e6, 3.9e6]),
  });
  await write("settings.xlsx", {
    sheets: [
      ...faulty.sheets,
      {
        name: SETTINGS_SHEET_NAME,
        values: encodeSettingsSheet({ check: { severity: { OVERTIME_ANNUAL_CUT: "warning" } } }),
        visibility: "veryHidden",
        addinOwned: true,
      },
    ],
  });
  await fs.writeFile(path.join(dir(), "corrupt.xlsx"), "this is not a zip file");
  await fs.mkdir(path.join(dir(), "folder"));
  await fs.copyFile(path.join(dir(), "clean.xlsx"), path.join(dir(), "folder", "b.xlsx"));
  await fs.copyFile(path.join(dir(), "warning.xlsx"), path.join(dir(), "folder", "a.xlsx"));
  await fs.writeFile(path.join(dir(), "folder", "notes.txt"), "not a workbook");
});

const json = (s: string) => JSON.parse(s) as CheckJsonEntry[];

describe("vfm check", () => {
  it("exits 0 and prints one row per workbook when no workbook has an error", async () => {
    const io = fakeIo(dir());
    expect(await check(["clean.xlsx", "warning.xlsx"], io.io)).toBe(0);
    const lines = io.out().split("\n");
    expect(lines[0]).toMatch(/^File\s+Force\s+RAG\s+Errors\s+Warnings$/);
    expect(lines[1]).toMatch(
      /^clean\.xlsx\s+Cleanshire Police\s+Green: no problems found\s+0\s+0$/
    );
    expect(lines[2]).toMatch(
      /^warning\.xlsx\s+Warnshire Police\s+Amber: warnings to review\s+0\s+1$/
    );
    expect(io.out()).toContain(
      "Checked two workbooks: two without errors, none with errors and none that could not be read."
    );
  });

  it("exits 1 when any workbook has an error, and lists its findings with cells in --json", async () => {
    const io = fakeIo(dir());
    expect(await check(["clean.xlsx", "faulty.xlsx", "--json"], io.io)).toBe(1);
    const [clean, faulty] = json(io.out());
    expect(clean).toMatchObject({
      file: "clean.xlsx",
      force: "Cleanshire Police",
      status: "pass",
      rag: { status: "green", words: "no problems found" },
      findings: [],
    });
    expect(faulty).toMatchObject({ file: "faulty.xlsx", status: "fail", rag: { status: "red" } });
    expect(faulty.findings).toEqual([
      {
        severity: "error",
        rule: "OVERTIME_ANNUAL_CUT",
        area: "overtime",
        message: expect.stringContaining("2010/11") as string,
        cell: "Budget!D7",
        paragraph: "5.9-5.10",
      },
    ]);
  });

  it("exits 2 when a workbook cannot be read, and checks the rest of the batch", async () => {
    const io = fakeIo(dir());
    const code = await check(
      ["corrupt.xlsx", "missing.xlsx", "rota.xlsx", "faulty.xlsx", "--json"],
      io.io
    );
    expect(code).toBe(2);
    const entries = json(io.out());
    expect(entries.map((e) => [e.file, e.status])).toEqual([
      ["corrupt.xlsx", "unreadable"],
      ["missing.xlsx", "unreadable"],
      ["rota.xlsx", "unreadable"],
      ["faulty.xlsx", "fail"],
    ]);
    expect(entries[0]).toMatchObject({
      force: null,
      rag: { status: "none", words: "not checked" },
    });
    expect(entries[1].reason).toMatch(/No such file/);
    expect(entries[2].reason).toMatch(/no police budget lines were found/);
    expect(entries[3].findings).toHaveLength(1);
  });

  it("says in the table why a workbook could not be read", async () => {
    const io = fakeIo(dir());
    expect(await check(["missing.xlsx", "clean.xlsx"], io.io)).toBe(2);
    expect(io.out()).toMatch(/missing\.xlsx\s+-\s+not checked: could not be read\s+-\s+-\n/);
    expect(io.out()).toMatch(/\nmissing\.xlsx could not be read: No such file/);
    expect(io.out()).toContain("one that could not be read");
  });

  it("checks every .xlsx in a folder, in name order", async () => {
    const io = fakeIo(dir());
    expect(await check(["folder", "--json"], io.io)).toBe(0);
    expect(json(io.out()).map((e) => e.file)).toEqual([
      path.join("folder", "a.xlsx"),
      path.join("folder", "b.xlsx"),
    ]);
  });

  it("shows a progress bar on stderr on a terminal, and none under CI or when piped", async () => {
    const tty = fakeIo(dir(), { isTTY: true });
    await check(["clean.xlsx", "warning.xlsx"], tty.io);
    expect(tty.err()).toContain("Checking [");
    expect(tty.err()).toContain("1/2 warning.xlsx");
    expect(tty.out()).not.toContain("Checking [");
    const ci = fakeIo(dir(), { isTTY: true, env: { CI: "true" } });
    await check(["clean.xlsx"], ci.io);
    expect(ci.err()).toBe("");
    const piped = fakeIo(dir(), { isTTY: false });
    await check(["clean.xlsx"], piped.io);
    expect(piped.err()).toBe("");
  });

  it("changes a rule's severity with --severity, and switches it off", async () => {
    const warn = fakeIo(dir());
    expect(await check(["faulty.xlsx", "--severity", "OVERTIME_ANNUAL_CUT=warning"], warn.io)).toBe(
      0
    );
    const off = fakeIo(dir());
    expect(
      await check(["faulty.xlsx", "--severity=overtime_annual_cut=off", "--json"], off.io)
    ).toBe(0);
    expect(json(off.out())[0].findings).toEqual([]);
    const bad = fakeIo(dir());
    expect(await check(["faulty.xlsx", "--severity", "NOPE=error"], bad.io)).toBe(2);
    expect(bad.err()).toBe("vfm check: There is no rule called NOPE.\n");
  });

  it("uses --today for the years that have ended", async () => {
    // The compliant plan's 2013/14 lines have no actuals: missing once 2013/14 has ended.
    const before = fakeIo(dir());
    expect(await check(["clean.xlsx", "--today", "2012-06-30"], before.io)).toBe(0);
    const after = fakeIo(dir());
    expect(await check(["clean.xlsx", "--today=2014-06-30", "--json"], after.io)).toBe(1);
    const rules = json(after.out())[0].findings.map((f) => f.rule);
    expect(rules).toEqual(Array(9).fill("PAST_YEARS_PLANNED_AND_ACTUAL"));
  });

  it("applies the check settings the add-in keeps in the workbook; options given win", async () => {
    const stored = fakeIo(dir());
    expect(await check(["settings.xlsx", "--json"], stored.io)).toBe(0);
    expect(json(stored.out())[0].findings.map((f) => [f.rule, f.severity])).toEqual([
      ["OVERTIME_ANNUAL_CUT", "warning"],
    ]);
    const given = fakeIo(dir());
    expect(
      await check(["settings.xlsx", "--severity", "OVERTIME_ANNUAL_CUT=error"], given.io)
    ).toBe(1);
  });

  it("uses --variance-threshold", async () => {
    const io = fakeIo(dir());
    await check(["warning.xlsx", "--variance-threshold", "20%", "--json"], io.io);
    expect(json(io.out())[0].findings).toEqual([]);
  });

  it("refuses a wrong command line with exit 2 and one line on stderr", async () => {
    for (const args of [[], ["--bogus", "x.xlsx"], ["x.xlsx", "--today", "30/06/2011"]]) {
      const io = fakeIo(dir());
      expect(await check(args, io.io)).toBe(2);
      expect(io.err()).toMatch(/^vfm check: .+ Run vfm check --help\.\n$/);
    }
  });

  it("is registered as `vfm check`, with help", async () => {
    const io = fakeIo(dir());
    expect(await main(["check", "--help"], io.io)).toBe(0);
    expect(io.out()).toContain("Usage: vfm check FILE...");
    const usage = fakeIo(dir());
    await main([], usage.io);
    expect(usage.out()).toContain("vfm check");
  });
});

describe("the --json schema (schema/check.schema.json)", () => {
  it("validates the output for passing, failing and unreadable workbooks", async () => {
    const io = fakeIo(dir());
    await check(["clean.xlsx", "faulty.xlsx", "warning.xlsx", "corrupt.xlsx", "--json"], io.io);
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const ok = validate(JSON.parse(io.out()));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("lists every rule code and area of the catalogue", () => {
    const finding = schema.items.properties.findings.items.properties;
    expect(finding.rule.enum).toEqual(CHECK_RULES.map((r) => r.code));
    expect(finding.area.enum).toEqual([...CHECK_AREAS]);
  });
});

describe("parseCheckArgs", () => {
  it("reads files and options in any order", () => {
    expect(
      parseCheckArgs([
        "a.xlsx",
        "--json",
        "--variance-threshold=0.15",
        "b.xlsx",
        "--severity",
        "X=off",
        "--today",
        "2011-04-01",
      ])
    ).toEqual({
      files: ["a.xlsx", "b.xlsx"],
      json: true,
      help: false,
      severity: ["X=off"],
      today: "2011-04-01",
      varianceThreshold: 0.15,
    });
  });
});
