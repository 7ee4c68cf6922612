/**
 * The Benchmarks step's doubtful lines in the preview (Debian's Chromium, no Excel, every
 * non-loopback request blocked), on Cambridgeshire's real 31 March 2010 figures laid out as a
 * finance team might (test/core/realData/layouts.ts) with the business-support breakdown left out
 * and one budget row ("Police officer overtime allowances") that could be pay or overtime:
 * - both figures are marked unconfirmed beside the figure, with no position;
 * - each doubtful line is listed under its card with its cell and the one-click corrections,
 *   in a labelled region, and axe finds nothing in either;
 * - the corrections work from the keyboard alone (Tab to the button, Enter), are kept in the
 *   workbook's settings, and the figures then get a position.
 */
import { Page } from "playwright-core";
import { CellValue } from "../../src/core/grid";
import { workbookOf, sheetFromRows } from "../../src/core/sample/gridBuilder";
import { gridToXlsx } from "../../src/xlsx/write";
import { hmicForces } from "../core/realData/hmicData";
import { forceWorkbook } from "../core/realData/layouts";
import { axeViolations, clickStep, openPane, Session } from "./harness";

jest.setTimeout(240_000);

let server: { url: string; close: () => Promise<void> };
let s: Session;
let page: Page;

function workbook() {
  const cambs = hmicForces().find((f) => f.force === "Cambridgeshire")!;
  const full = forceWorkbook(cambs, "establishment", "ownWords");
  const sheets = full.sheets
    .filter((x) => x.name !== "Support breakdown")
    .map((x) =>
      x.name === "Budget"
        ? sheetFromRows("Budget", [
            ...(x.values as CellValue[][]).slice(0, 4),
            // Row 5: a label that fits officer pay and officer overtime equally (£120,000).
            ["Police officer overtime allowances", 120000],
            ...(x.values as CellValue[][]).slice(4),
          ])
        : x
    );
  return workbookOf(...sheets);
}

async function focusByTab(p: Page, name: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await p.keyboard.press("Tab");
    const t = await p.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText);
    if (t === name) return;
  }
  throw new Error(`no focus stop "${name}"`);
}

beforeAll(async () => {
  ({ server, session: s, page } = await openPane());
  await page.locator("input[type=file]").setInputFiles({
    name: "cambridgeshire-2010.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await gridToXlsx(workbook())),
  });
  await page.getByText("Workbook: cambridgeshire-2010.xlsx").waitFor({ timeout: 60_000 });
  await clickStep(page, "Benchmarks");
  await page.locator("[data-testid=support-doubts]").waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await s?.browser.close();
  await server?.close();
});

test("both figures are unconfirmed, each doubtful line listed with its cell and its corrections", async () => {
  const support = page.getByRole("region", {
    name: "To confirm before the 2009/10 share is assessed",
  });
  expect(await support.innerText()).toContain(
    '"Support services" at Establishment!A13 (318.0 FTE)'
  );
  expect(
    await support
      .getByRole("button", {
        name: "Count all 318.0 FTE as Administration and central support (counted as business support), IT/Communications in it too",
      })
      .count()
  ).toBe(1);
  const overtime = page.getByRole("region", {
    name: "To confirm before the overtime ratio for 2009/10 is assessed",
  });
  expect(await overtime.innerText()).toContain(
    '"Police officer overtime allowances" at Budget!A5 (£120,000 in 2009/10): its label could be police officer pay or police officer overtime'
  );
  expect(await overtime.getByRole("button").allInnerTexts()).toEqual([
    "Budget!A5", // the link to the cell
    "Count it as police officer pay",
    "Count it as police officer overtime",
    "Choose the lines in the Data step",
  ]);
  const pane = await page.locator("[data-testid=taskpane]").innerText();
  expect(pane).toContain(
    "Not given: the ratio is unconfirmed (£120,000 on budget lines not yet settled)"
  );
  expect(pane).toContain("Not given: the share is unconfirmed");
  expect(await axeViolations(page, "[data-testid=support-doubts]")).toEqual([]);
  expect(await axeViolations(page, "[data-testid=overtime-doubts]")).toEqual([]);
  expect(s.blocked).toEqual([]);
});

test("from the keyboard alone: each correction is kept in the workbook, and the figure is placed", async () => {
  await page.locator("[data-testid=taskpane]").focus();
  await focusByTab(page, "Count it as police officer overtime");
  await page.keyboard.press("Enter");
  await page
    .locator("[data-testid=overtime-doubts]")
    .waitFor({ state: "detached", timeout: 60_000 });
  let stored = await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings());
  expect((stored.detect as { budgetLines: Record<string, string> }).budgetLines).toMatchObject({
    "Budget!A5": "officerOvertime",
  });

  await page.locator("[data-testid=taskpane]").focus();
  await focusByTab(
    page,
    "Count all 318.0 FTE as Administration and central support (counted as business support), IT/Communications in it too"
  );
  await page.keyboard.press("Enter");
  await page
    .locator("[data-testid=support-doubts]")
    .waitFor({ state: "detached", timeout: 60_000 });
  stored = await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings());
  expect(
    (stored.detect as { functionCategories: Record<string, string> }).functionCategories
  ).toEqual({ "Establishment!A13": "administration" });
  const pane = await page.locator("[data-testid=taskpane]").innerText();
  expect(pane).not.toContain("unconfirmed");
  // 318 / 2,752 = 11.6%, counted whole as the user confirmed: not yet below 7%.
  expect(pane).toContain("Not yet below 7%");
  expect(s.errors).toEqual([]);
  expect(s.blocked).toEqual([]);
});
