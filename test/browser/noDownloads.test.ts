/**
 * Word on a host that cannot save files (issue 15 item 4): the preview stands in for Excel for
 * Mac (?platform=Mac, as Office.context.platform names it), whose webview has no downloads. The
 * Statement step then offers no download button that would seem to work and save nothing: it
 * says why, and what works there (the statement written into the workbook, to print or save as
 * PDF); that works, and the preview of the statement still shows. axe finds nothing.
 */
import { Page } from "playwright-core";
import { axeViolations, clickStep, openPane, Session } from "./harness";

jest.setTimeout(180_000);

const PANE = "[data-testid=taskpane]";

let server: { url: string; close: () => Promise<void> };
let s: Session;
let page: Page;

beforeAll(async () => {
  ({ server, session: s, page } = await openPane("?platform=Mac"));
  await clickStep(page, "Statement");
  await page.locator(`[role=tabpanel][aria-labelledby^="step-tab-"]:not([hidden])`).waitFor();
});

afterAll(async () => {
  await s?.browser.close();
  await server?.close();
});

test("Excel for Mac: no download buttons; the pane says why and what to do instead", async () => {
  await page.locator("[data-testid=no-downloads]").waitFor();
  const note = (await page.locator("[data-testid=no-downloads]").textContent()) ?? "";
  expect(note).toMatch(/^This version of Excel does not let add-ins save files/);
  expect(note).toContain("Use Generate into the workbook above");
  expect(note).toContain("Excel on the web or Excel for Windows");
  await expect(
    page.getByRole("button", { name: /^Download the (statement|working papers)$/ }).count()
  ).resolves.toBe(0);
  expect(await page.evaluate(() => window.__vfmPreview!.gateway.canSaveFiles)).toBe(false);
  expect(await axeViolations(page, PANE)).toEqual([]);
});

test("what the note offers works there: the statement is written into the workbook, no file is saved", async () => {
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByRole("button", { name: "Generate into the workbook" }).click();
  await page.getByText("The statement was written").waitFor({ timeout: 60_000 });
  const owned = await page.evaluate(() =>
    window
      .__vfmPreview!.gateway.toGrid()
      .sheets.filter((x) => x.addinOwned)
      .map((x) => x.name)
  );
  expect(owned).toEqual(expect.arrayContaining(["VfM Statement", "VfM Working Papers"]));
  expect(downloads).toBe(0);
  expect(await axeViolations(page, PANE)).toEqual([]);
});

test("nothing was requested beyond loopback, and no page or console error occurred", async () => {
  expect(s.blocked).toEqual([]);
  expect(s.errors).toEqual([]);
});
