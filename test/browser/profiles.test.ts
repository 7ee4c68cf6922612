/**
 * The Benchmarks step's national comparison in the preview (Debian's Chromium, no Excel, every
 * non-loopback request blocked): the searchable list of the 43 forces for the most similar
 * group (kept in the workbook's settings, seven at most), and "Compare with HMIC profile data…"
 * opening HMIC's real 2010 file in the pane, which says which data, year and definition each
 * comparison uses and draws the ranked charts of its forces; a file that is not a profile file
 * gets one line. axe finds nothing.
 */
import { join } from "node:path";
import { Page } from "playwright-core";
import { axeViolations, clickStep, openPane, Session, DIST } from "./harness";

jest.setTimeout(180_000);

const PANE = "[data-testid=taskpane]";
const XLS = join(
  __dirname,
  "..",
  "fixtures",
  "hmic-vfm",
  "value-for-money-2010-underlying-data-20100609.xls"
);
const SAMPLE = join(DIST, "sample", "exampleshire-freeform.xlsx");

let server: { url: string; close: () => Promise<void> };
let s: Session;
let page: Page;

beforeAll(async () => {
  ({ server, session: s, page } = await openPane());
  await clickStep(page, "Benchmarks");
  await page.locator("[data-testid=group-picker]").waitFor();
});

afterAll(async () => {
  await s?.browser.close();
  await server?.close();
});

test("the most similar group: search the 43, choose, and the choice is kept with the settings", async () => {
  const picker = page.locator("[data-testid=group-picker]");
  await picker.getByRole("searchbox", { name: "Search the 43 forces" }).fill("yorks");
  const boxes = picker.getByRole("checkbox");
  expect(await boxes.count()).toBe(3);
  await picker.getByRole("checkbox", { name: "North Yorkshire Police" }).check();
  await picker.getByRole("checkbox", { name: "West Yorkshire Police" }).check();
  await picker.getByRole("button", { name: /Use these 2 as the most similar forces/ }).click();
  await picker
    .getByText("Most similar forces: North Yorkshire Police and West Yorkshire Police.")
    .waitFor();
  const stored = await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings());
  expect(stored.mostSimilarGroup).toEqual(["North Yorkshire Police", "West Yorkshire Police"]);
  expect(await axeViolations(page, PANE)).toEqual([]);
});

test("Compare with HMIC profile data…: HMIC's 2010 file read in the pane, its year and data said", async () => {
  const builtIn = await page.locator("[data-peer-chart]").count();
  const box = page.locator("[data-testid=profile-file]");
  await box.locator("[data-testid=profile-file-input]").setInputFiles(XLS);
  const done = box.locator("[data-testid=profile-file-result]");
  await done.waitFor({ timeout: 60_000 });
  const text = await done.innerText();
  expect(text).toMatch(/From value-for-money-2010-underlying-data-20100609\.xls/);
  expect(text).toMatch(
    /Overtime % of paybill: compared with 43 forces in HMIC's Value for Money profile data for 2009\/10 \(CIPFA 2009-10 estimates\)/
  );
  expect(text).toMatch(/Open Government Licence v3\.0/);
  expect(await done.locator("table[data-table=benchmarking-peers]").count()).toBe(1);
  // The ranked ("ski-slope") charts of the file's forces, as the built-in comparison draws them:
  // one per indicator the file gives, the first open, every force a bar and this force marked.
  const charts = done.locator("[data-file-chart]");
  expect(await charts.count()).toBeGreaterThanOrEqual(2);
  const first = charts.first();
  expect(await first.getByRole("heading").innerText()).toMatch(/^Overtime % of paybill/);
  const svg = first.locator("svg[role=img]");
  await svg.waitFor();
  // The file's 43 forces and the sample's Exampleshire, which is not one of them: 44 bars.
  expect(await svg.getAttribute("aria-label")).toMatch(
    /^Column chart ranking 44 forces on Overtime % of paybill, best \(lowest\) on the left\. Exampleshire Constabulary is \d+\w\w of 44/
  );
  expect(await svg.locator("rect").count()).toBe(44);
  expect(await svg.locator("text", { hasText: "this force" }).count()).toBe(1);
  // The workbook's own comparison keeps its charts, apart from the file's.
  expect(await page.locator("[data-peer-chart]").count()).toBe(builtIn);
  expect(await axeViolations(page, PANE)).toEqual([]);
});

test("a file that is not a profile data file gets one line", async () => {
  const box = page.locator("[data-testid=profile-file]");
  await box.locator("[data-testid=profile-file-input]").setInputFiles(SAMPLE);
  await box.getByRole("alert").waitFor({ timeout: 60_000 });
  expect(await box.getByRole("alert").innerText()).toMatch(
    /^exampleshire-freeform\.xlsx is not an HMIC Value for Money profile data file/
  );
});
