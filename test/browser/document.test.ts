/**
 * "Check a published statement…" in the Check step of the preview (Debian's Chromium, no Excel,
 * every non-loopback request blocked): the Word statement of the open sample, written by the
 * add-in's Word renderer and re-saved as Word does (runs split, revision ids, a tracked change),
 * is read in the pane and checked against the workbook. Clean as drafted; with 2010/11's
 * overtime (5,150 in the sample's £000) changed to 5,000 in Word, the difference is named by its
 * place in the document with the cell it should match. A file that is not a Word document gets
 * one line. axe finds nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page } from "playwright-core";
import { axeViolations, clickStep, openPane, Session, DIST } from "./harness";
import { draftStatement, runVfm } from "../../src/core/run";
import { renderStatementDocx } from "../../src/render/docx";
import { readSpreadsheet } from "../../src/xlsx/read";
import { saveAsWordWould } from "../fixtures/wordSave";

jest.setTimeout(180_000);

const PANE = "[data-testid=taskpane]";
const SAMPLE = join(DIST, "sample", "exampleshire-freeform.xlsx");

let server: { url: string; close: () => Promise<void> };
let s: Session;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), "vfm-doc-"));
const clean = join(dir, "statement.docx");
const edited = join(dir, "statement-edited.docx");
const notWord = join(dir, "notes.docx");

beforeAll(async () => {
  // The statement of the workbook the preview opens, as the add-in writes it.
  const { workbook } = await readSpreadsheet(readFileSync(SAMPLE), "exampleshire-freeform.xlsx");
  const docx = await renderStatementDocx(
    draftStatement(runVfm(workbook), { generatedAt: "2011-05-05T10:00:00Z" })
  );
  writeFileSync(clean, await saveAsWordWould(docx));
  writeFileSync(edited, await saveAsWordWould(docx, [{ from: "5,150", to: "5,000" }]));
  writeFileSync(notWord, "not a Word document");
  ({ server, session: s, page } = await openPane());
  await clickStep(page, "Check");
  await page.locator("[data-testid=document-check]").waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await s?.browser.close();
  await server?.close();
});

async function checkFile(file: string): Promise<string> {
  const box = page.locator("[data-testid=document-check]");
  await box.locator("[data-testid=document-check-input]").setInputFiles(file);
  const done = box.locator("[data-testid=document-check-result], [role=alert]");
  await done.first().waitFor({ timeout: 90_000 });
  return box.innerText();
}

test("the statement as drafted, re-saved by Word, matches the workbook", async () => {
  const text = await checkFile(clean);
  expect(text).toContain(
    "statement.docx matches the workbook: every figure, status word and year is the one the workbook gives, and all nine areas are there."
  );
  expect(text).toContain("Published statement matches the workbook: Met");
  expect(await axeViolations(page, PANE)).toEqual([]);
});

test("a figure changed in Word is named by its place in the document and the cell it should match", async () => {
  const text = await checkFile(edited);
  expect(text).toMatch(/^statement-edited\.docx: 1 error and 0 warnings/m);
  expect(text).toMatch(/shows "5,000", but the workbook gives "5,150" \(from .*Budget.*!\w+\d+\)/);
  expect(text).toMatch(/In the document: ".+", table ".+", row "2010\/11"/);
  const link = page
    .locator("[data-testid=document-check-result]")
    .getByRole("button", { name: /Budget/ });
  expect(await link.count()).toBeGreaterThan(0);
  expect(await axeViolations(page, PANE)).toEqual([]);
});

test("a file that is not a Word document gets one line", async () => {
  const text = await checkFile(notWord);
  expect(text).toMatch(/notes\.docx is not a Word document that can be read/);
});
