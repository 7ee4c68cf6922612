import { promises as fs } from "fs";
import * as path from "path";
import * as crypto from "crypto";
import JSZip from "jszip";
import * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { CliIo } from "../../src/cli/io";
import { parseStatementArgs } from "../../src/cli/commands/statement";
import { inputTemplate, templateSettingsRows, templateSheetGrid } from "../../src/core/template";
import { gridToXlsx } from "../../src/xlsx/write";
import { WorkbookGrid } from "../../src/core/grid";
import { AREA_HEADINGS } from "../../src/core/statement/sections/areas";
import { SAVINGS_AREAS } from "../../src/core/forceData";
import { tempDir } from "./tempDir";

// Rendering Word and Excel files takes a second or two, more on a busy machine.
jest.setTimeout(30_000);

/** A small force in the add-in's input template, amounts in £000 (the Settings sheet says so). */
function templateWorkbook(forceName = "Testshire Police"): WorkbookGrid {
  const t = inputTemplate();
  const sheet = (kind: string) => t.find((x) => x.kind === kind)!;
  const settings = templateSettingsRows().map((r) =>
    r[0] === "Force name"
      ? [r[0], forceName, r[2]]
      : r[0] === "Money unit"
        ? [r[0], "£000", r[2]]
        : r
  );
  return {
    sheets: [
      templateSheetGrid(sheet("budget"), [
        ["Police officer pay", 100000, 101000, 101500, 100800, 100000, 99500, null],
        ["Police officer overtime", 5200, 5000, 4600, 4300, 4050, 4000, null],
        ["Police staff pay", 40000, 40000, 40000, 40000, 40000, 40000, null],
      ]),
      templateSheetGrid(sheet("savingsPlan"), [
        ["Redeploy response teams", "Deployment", "Cashable", "2010/11", 500, 450, null],
        [
          "Overtime controls",
          "Overtime",
          "Cashable",
          "2010/11",
          300,
          320,
          "=SUM(A1) is how we totalled it",
        ],
        [
          "Shared HR service",
          "Support services",
          "Cashable",
          "2010/11",
          600,
          400,
          "With Westshire",
        ],
      ]),
      templateSheetGrid(sheet("settings"), settings),
    ],
  };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: {},
    cwd,
  };
  const code = await main(["statement", ...args], io);
  return { code, stdout, stderr };
}

const sha = async (file: string) =>
  crypto
    .createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");

describe("vfm statement", () => {
  const dir = tempDir("vfm-statement-");
  beforeAll(async () => {
    await fs.writeFile(path.join(dir(), "force.xlsx"), await gridToXlsx(templateWorkbook()));
    await fs.writeFile(
      path.join(dir(), "rota.xlsx"),
      await gridToXlsx({
        sheets: [
          {
            name: "Rota",
            values: [
              ["Name", "Shift"],
              ["A. Smith", "Early"],
            ],
          },
        ],
      })
    );
    await fs.writeFile(path.join(dir(), "broken.xlsx"), "this is not a zip file");
  });

  test("writes the Word statement, the working papers and a new workbook of only the add-in's sheets; the input is untouched", async () => {
    const input = path.join(dir(), "force.xlsx");
    const before = await sha(input);
    const statBefore = await fs.stat(input);
    const r = await run(
      [
        "force.xlsx",
        "--out",
        "statement.docx",
        "--papers",
        "papers.docx",
        "--xlsx",
        "statement.xlsx",
        "--date",
        "2011-03-31",
        "--authority",
        "Testshire Police Authority",
      ],
      dir()
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Wrote statement.docx (the Word statement)");
    expect(r.stdout).toContain("Wrote papers.docx (the working papers)");
    expect(r.stdout).toContain("of Testshire Police Authority for Testshire Police");
    expect(r.stdout).toContain(
      "Draft: every page says so until an approval date is given with --approved YYYY-MM-DD."
    );
    expect(r.stdout).toContain(
      "Wrote statement.xlsx (a new workbook with the statement, charts and working papers sheets)"
    );
    expect(await sha(input)).toBe(before);
    expect((await fs.stat(input)).mtimeMs).toBe(statBefore.mtimeMs);

    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir(), "statement.docx")));
    const doc = await zip.file("word/document.xml")!.async("string");
    for (const a of SAVINGS_AREAS) expect(doc).toContain(AREA_HEADINGS[a]);
    expect(doc).toContain("Testshire Police Authority");
    // the date of drafting and the cells are in the working papers, not in the statement
    expect(doc).not.toContain("Drafted on");
    const papers = await JSZip.loadAsync(await fs.readFile(path.join(dir(), "papers.docx")));
    const pdoc = await papers.file("word/document.xml")!.async("string");
    // (a date is written with non-breaking spaces, so that no reader breaks it across lines)
    expect(pdoc).toContain("Drafted on 31\u00a0March\u00a02011");
    expect(pdoc).toContain("Where each figure came from");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await fs.readFile(path.join(dir(), "statement.xlsx"))) as unknown as ArrayBuffer
    );
    // only the add-in's sheets: none of the user's sheets is copied
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "VfM Statement",
      "VfM Charts",
      "VfM Working Papers",
    ]);
    const texts: string[] = [];
    wb.getWorksheet("VfM Statement")!.eachRow((row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof c.value === "string") texts.push(c.value);
      })
    );
    expect(texts).toContain("“=SUM(A1) is how we totalled it”");
    // no temporary files are left behind
    expect((await fs.readdir(dir())).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  test("the same workbook and date give the same statement text", async () => {
    await run(["force.xlsx", "--out", "a.docx", "--date", "2011-03-31"], dir());
    await run(["force.xlsx", "--out", "b.docx", "--date", "2011-03-31"], dir());
    // drawing ids inside the file are random; the words are not
    const words = async (f: string) => {
      const xml = await (
        await JSZip.loadAsync(await fs.readFile(path.join(dir(), f)))
      )
        .file("word/document.xml")!
        .async("string");
      return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
    };
    const a = await words("a.docx");
    expect(a.length).toBeGreaterThan(1000);
    expect(a === (await words("b.docx"))).toBe(true);
  });

  test("refuses to write over the workbook itself", async () => {
    const before = await sha(path.join(dir(), "force.xlsx"));
    const r = await run(["force.xlsx", "--out", "x.docx", "--xlsx", "./force.xlsx"], dir());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vfm statement: force\.xlsx is the workbook itself; .*\n$/);
    expect(await sha(path.join(dir(), "force.xlsx"))).toBe(before);
  });

  test("exit 2 with one line on stderr: unreadable file, no budget figures, missing file", async () => {
    for (const [file, pattern] of [
      ["broken.xlsx", /broken\.xlsx/],
      ["rota.xlsx", /no police budget lines were found/],
      ["missing.xlsx", /missing\.xlsx: No such file/],
    ] as const) {
      const r = await run([file, "--out", "s.docx"], dir());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
      expect(r.stdout).toBe("");
    }
    await expect(fs.stat(path.join(dir(), "s.docx"))).rejects.toThrow();
  });

  test("an output that cannot be written: exit 2, one line", async () => {
    const r = await run(["force.xlsx", "--out", "no/such/folder/s.docx"], dir());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "vfm statement: no/such/folder/s.docx: the file cannot be written (its folder does not exist).\n"
    );
  });

  test("arguments", () => {
    expect(parseStatementArgs(["w.xlsx", "--out", "s.docx"])).toMatchObject({
      file: "w.xlsx",
      out: "s.docx",
    });
    expect(parseStatementArgs(["w.xlsx", "--out=s.docx", "--xlsx=s.xlsx"])).toMatchObject({
      out: "s.docx",
      xlsx: "s.xlsx",
    });
    expect(parseStatementArgs(["w.xlsx"]).error).toMatch(/--out FILE\.docx/);
    expect(parseStatementArgs(["w.xlsx", "--out", "s.xlsx"]).error).toMatch(/must end in \.docx/);
    expect(parseStatementArgs(["w.xlsx", "--out", "s.docx", "--date", "2011-02-30"]).error).toMatch(
      /--date/
    );
    expect(parseStatementArgs(["w.xlsx", "--out"]).error).toBe("--out needs a value.");
    expect(
      parseStatementArgs([
        "w.xlsx",
        "--out=s.docx",
        "--papers",
        "p.docx",
        "--authority",
        "Northshire Police Authority",
        "--approved",
        "2011-03-31",
      ])
    ).toMatchObject({
      papers: "p.docx",
      authority: "Northshire Police Authority",
      approved: "2011-03-31",
    });
    expect(parseStatementArgs(["w.xlsx", "--papers", "p.pdf"]).error).toMatch(/--papers/);
    expect(
      parseStatementArgs(["w.xlsx", "--out", "s.docx", "--approved", "31/03/2011"]).error
    ).toBe("--approved must be a date written YYYY-MM-DD (got 31/03/2011).");
    expect(parseStatementArgs(["w.xlsx", "--out", "s.docx", "--authority", " "]).error).toBe(
      "--authority needs the Police Authority's name."
    );
  });

  test("--approved: the statement is no longer marked Draft, and says when it was approved", async () => {
    const r = await run(
      ["force.xlsx", "--out", "approved.docx", "--approved", "2011-03-31", "--date", "2011-04-01"],
      dir()
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Approved on 31 March 2011.");
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir(), "approved.docx")));
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    const header = await zip.file(headers[0])!.async("string");
    expect(header).not.toContain("DRAFT");
  });

  test("--help", async () => {
    const r = await run(["--help"], dir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: vfm statement WORKBOOK.xlsx --out STATEMENT.docx");
  });
});
