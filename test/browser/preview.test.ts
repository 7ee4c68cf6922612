/**
 * The preview in Debian's Chromium: the task pane starts on the bundled sample with no Excel,
 * shows the sample force's name and the preview banner, passes axe (WCAG 2.1 AA), and makes no
 * request beyond loopback and no page or console error.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, axeViolations, openBrowser, serveDist, Session } from "./harness";

jest.setTimeout(120_000);

let server: { url: string; close: () => Promise<void> };
let s: Session;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveDist();
  s = await openBrowser();
});

afterAll(async () => {
  await s?.browser.close();
  await server?.close();
});

test("the preview opens the sample workbook and shows the force's name beside the grid", async () => {
  await s.page.goto(server.url);
  const force = s.page.getByTestId("force-name");
  await force.waitFor();
  await s.page.waitForFunction(
    () =>
      /Exampleshire Constabulary/.test(
        document.querySelector("[data-testid=force-name]")?.textContent ?? ""
      ),
    undefined,
    { timeout: 60_000 }
  );
  expect(await force.textContent()).toContain("Exampleshire Constabulary");
  await expect(
    s.page.getByText("Not connected to Excel", { exact: false }).isVisible()
  ).resolves.toBe(true);
  // The in-memory workbook is drawn beside the pane: sheet tabs and cells.
  await expect(s.page.getByRole("tablist", { name: "Sheets" }).isVisible()).resolves.toBe(true);
  expect(await s.page.locator("td[data-address]").count()).toBeGreaterThan(10);
  await s.page.screenshot({ path: join(ARTIFACTS, "preview-taskpane.png") });
});

test("axe finds no WCAG 2.1 AA violation", async () => {
  expect(await axeViolations(s.page)).toEqual([]);
});

test("nothing was requested beyond loopback, and no page or console error occurred", async () => {
  // office.js's own logger would frame a telemetry page after 3 seconds: wait past that.
  await s.page.waitForTimeout(3_500);
  expect(s.blocked).toEqual([]);
  expect(s.errors).toEqual([]);
});
