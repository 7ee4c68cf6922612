/**
 * `vfm check STATEMENT.docx --workbook WORKBOOK.xlsx` on files written in the test: the sample
 * workbook as .xlsx, its statement as the add-in writes it, and the statement re-saved as Word
 * would with one figure changed as a tracked change.
 */
import Ajv from "ajv";
import { promises as fs } from "fs";
import * as path from "path";
import schema from "../../../schema/check.schema.json";
import { check, CheckJsonEntry } from "../../../src/cli/commands/check";
import { draftStatement, runVfm } from "../../../src/core/run";
import { renderStatementDocx } from "../../../src/render/docx";
import { gridToXlsx } from "../../../src/xlsx/write";
import { sample } from "../../core/check/planted";
import { saveAsWordWould } from "../../fixtures/wordSave";
import { fakeIo } from "../fakeIo";
import { tempDir } from "../tempDir";

jest.setTimeout(180_000);

const dir = tempDir("vfm-checkdoc-");

beforeAll(async () => {
  const wb = sample();
  await fs.writeFile(path.join(dir(), "exampleshire.xlsx"), await gridToXlsx(wb));
  const statement = draftStatement(runVfm(wb), { generatedAt: "2011-05-05T10:00:00Z" });
  const docx = await renderStatementDocx(statement);
  await fs.writeFile(path.join(dir(), "statement.docx"), docx);
  await fs.writeFile(
    path.join(dir(), "edited.docx"),
    await saveAsWordWould(docx, [{ from: "5,150,000", to: "5,000,000" }])
  );
  await fs.writeFile(path.join(dir(), "broken.docx"), "not a zip");
});

const json = (s: string) => JSON.parse(s) as CheckJsonEntry[];

describe("vfm check STATEMENT.docx --workbook", () => {
  it("names the figure edited in Word, its place in the document and its cell", async () => {
    const io = fakeIo(dir());
    const code = await check(
      ["statement.docx", "edited.docx", "--workbook", "exampleshire.xlsx", "--json"],
      io.io
    );
    expect(code).toBe(1); // the sample's own errors (overtime, support, migration dates)
    const [clean, edited] = json(io.out());
    const ajv = new Ajv({ allErrors: true });
    expect(ajv.validate(schema, [clean, edited])).toBe(true);
    expect(clean.workbook).toBe("exampleshire.xlsx");
    expect(clean.findings.filter((f) => f.rule.startsWith("DOCUMENT_"))).toEqual([]);
    expect(edited.findings.filter((f) => f.rule.startsWith("DOCUMENT_"))).toEqual([
      {
        severity: "error",
        rule: "DOCUMENT_MATCHES_DATA",
        area: "consistency",
        message:
          'In "2. Overtime > Overtime against 4% of paybill", table "The force\'s overtime targets: overtime as a share of paybill by year, against 4%", row "2010/11", column "Overtime (£)" shows "5,000,000", but the workbook gives "5,150,000" (from Budget!D7).',
        cell: "Budget!D7",
        place:
          '"2. Overtime > Overtime against 4% of paybill", table "The force\'s overtime targets: overtime as a share of paybill by year, against 4%", row "2010/11", column "Overtime (£)"',
        paragraph: "5.53-5.54, 5.58",
      },
    ]);
  });

  it("says in the table whether each statement matches its workbook", async () => {
    const io = fakeIo(dir());
    await check(["statement.docx", "--workbook", "exampleshire.xlsx"], io.io);
    expect(io.out()).toContain(
      "statement.docx was checked against exampleshire.xlsx: it says what the workbook gives; the other findings are the workbook's own."
    );
  });

  it("needs --workbook for a Word statement (exit 2)", async () => {
    const io = fakeIo(dir());
    expect(await check(["statement.docx"], io.io)).toBe(2);
    expect(io.err()).toContain("name the workbook it should match with --workbook");
  });

  it("reports a file that is not a Word document as not read (exit 2)", async () => {
    const io = fakeIo(dir());
    expect(await check(["broken.docx", "--workbook", "exampleshire.xlsx", "--json"], io.io)).toBe(
      2
    );
    const [entry] = json(io.out());
    expect(entry).toMatchObject({ file: "broken.docx", status: "unreadable" });
    expect(entry.reason).toMatch(/^not a Word document that can be read/);
  });
});
