/**
 * The whole guided flow on the bundled sample, in the preview (Debian's Chromium, no Excel):
 * Data shows the sample's figures with their cells and a click highlights the cell in the grid;
 * Benchmarks shows the overtime ratio and the business-support share exactly as the core
 * computes them (worked out here in Node from the same file); Generate writes the statement and
 * charts sheets and leaves the user's sheets as they were; the Word download is a .docx; the
 * Check step and the settings panel work; axe finds nothing on any step in light or dark; the
 * main path works with the keyboard alone. Screenshots of each step go to test-artifacts/.
 *
 * One browser and one page for the walk; the keyboard test reloads it for a fresh workbook.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Page } from "playwright-core";
import { formatRef } from "../../src/core/grid";
import { runVfm, VfmResult } from "../../src/core/run";
import { formatMoneyCell, formatPercent } from "../../src/core/format";
import { xlsxToGrid } from "../../src/xlsx/read";
import {
  ARTIFACTS,
  DIST,
  axeViolations,
  openBrowser,
  serveDist,
  Session,
  showStep,
} from "./harness";

jest.setTimeout(180_000);

const SAMPLE = join(DIST, "sample", "exampleshire-freeform.xlsx");
/** The task pane (axe checks it on every step; the preview's grid is checked in preview.test.ts). */
const PANE = "[data-testid=taskpane]";

let server: { url: string; close: () => Promise<void> };
let s: Session;
let page: Page;
let core: VfmResult;

/** The user's own sheets (names and cells) as the preview holds them now; `only`: these names. */
async function userSheets(p: Page, only?: readonly string[]): Promise<string> {
  return p.evaluate((names) => {
    const grid = window.__vfmPreview!.gateway.toGrid();
    return JSON.stringify(
      grid.sheets
        .filter((x) => !x.addinOwned && (!names || names.includes(x.name)))
        .map((x) => ({ name: x.name, values: x.values }))
    );
  }, only);
}

async function sheetNames(p: Page): Promise<{ name: string; owned: boolean }[]> {
  return p.evaluate(() =>
    window
      .__vfmPreview!.gateway.toGrid()
      .sheets.map((x) => ({ name: x.name, owned: !!x.addinOwned }))
  );
}

/** Waits until every animation in the element (a drawer sliding in) has finished. */
async function settled(el: ReturnType<Page["locator"]>): Promise<void> {
  await el.evaluate((node) =>
    Promise.all(node.getAnimations({ subtree: true }).map((x) => x.finished)).then(() => undefined)
  );
}

async function openStep(p: Page, label: string): Promise<void> {
  // A panel left open by an earlier failure must not hide the steps.
  if (await p.getByRole("dialog").count()) await p.keyboard.press("Escape");
  // That step's own panel, with its lazily fetched parts in (not whichever panel was showing).
  await showStep(p, label);
}

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function waitReady(p: Page): Promise<void> {
  await p.goto(server.url);
  await p.getByRole("tablist", { name: "Steps" }).waitFor({ timeout: 60_000 });
  await p.locator("[data-table=data-budget]").waitFor();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The core on the same file, in Node: what the pane must show.
  const read = await xlsxToGrid(new Uint8Array(readFileSync(SAMPLE)), "sample");
  core = runVfm(read.workbook);
  server = await serveDist();
  s = await openBrowser();
  page = s.page;
  await page.setViewportSize({ width: 1280, height: 900 });
  await waitReady(page);
});

afterAll(async () => {
  await s?.browser.close();
  await server?.close();
});

describe("the guided flow on the sample", () => {
  test("Data: the sample's figures with their cells; a figure's link highlights its cell in the grid", async () => {
    const overtime = core.data.budget.lines.find((l) => l.key === "officerOvertime" && !l.isTotal)!;
    const [, amount] = [...overtime.amounts.entries()][0];
    const cell = amount.sources[0];
    const link = page.locator(`[data-table=data-budget] [data-cell="${formatRef(cell)}"]`);
    expect(await link.textContent()).toBe(
      formatMoneyCell(amount.value, core.data.budget.unit ?? "£")
    );
    await link.click();
    const sheets = page.getByRole("tablist", { name: "Sheets" });
    await expect(
      sheets.getByRole("tab", { name: cell.sheet, exact: true }).getAttribute("aria-selected")
    ).resolves.toBe("true");
    const target = page.locator(`td[data-address="${cell.address}"][aria-current=location]`);
    await target.waitFor();
    expect(await target.count()).toBe(1);
    // Every sheet the core read is listed, and so is every finding.
    for (const used of core.data.sheetsUsed)
      await expect(
        page
          .getByRole("list", { name: "Sheets read" })
          .getByText(used.sheet, { exact: true })
          .count()
      ).resolves.toBeGreaterThan(0);
    const findings = page.getByRole("grid", { name: "Missing or doubtful" }).getByRole("row");
    expect(await findings.count()).toBe(core.findings.length);
    await shot(page, "step-1-data");
    expect(await axeViolations(page, PANE)).toEqual([]);
  });

  test("Benchmarks: the overtime ratio and the support share as the core computes them", async () => {
    await openStep(page, "Benchmarks");
    const o = core.analysis.overtime;
    const latest = [...o.byYear].reverse().find((y) => y.ratio !== null)!;
    const b = core.analysis.businessSupport;
    const assessed = b.byYear.find((y) => y.year === b.assessedYear && y.ratio !== null)!;
    await expect(page.getByTestId("bench-overtime-figure").textContent()).resolves.toBe(
      formatPercent(latest.ratio!.value)
    );
    await expect(page.getByTestId("bench-support-figure").textContent()).resolves.toBe(
      formatPercent(assessed.ratio!.value)
    );
    // Status in words, charts with a text alternative.
    await expect(
      page
        .getByTestId("bench-overtime")
        .getByText(/^(On track|At risk|Off track|Not assessed)$/)
        .count()
    ).resolves.toBe(1);
    const charts = page.locator("[data-testid=step-benchmarks] svg[role=img]");
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const label of await charts.evaluateAll((els) =>
      els.map((e) => e.getAttribute("aria-label") ?? "")
    ))
      expect(label.length).toBeGreaterThan(20);
    if (core.peers) {
      await page.locator("[data-table=benchmarking-peers]").waitFor();
      expect(await page.locator("[data-peer-chart]").count()).toBe(
        core.peers.indicators.filter((i) => i.chart.bars.length > 0).length
      );
    }
    await shot(page, "step-2-benchmarks");
    expect(await axeViolations(page, PANE)).toEqual([]);
  });

  test("Savings: planned against actual by area and by year, cashable and non-cashable apart", async () => {
    await openStep(page, "Savings");
    for (const id of [
      "savings-area-cashable",
      "savings-area-nonCashable",
      "savings-year-cashable",
      "savings-year-nonCashable",
    ])
      await page.locator(`[data-table=${id}]`).waitFor();
    // Nine areas and a total row.
    expect(await page.locator("[data-table=savings-area-cashable] tbody tr").count()).toBe(10);
    await shot(page, "step-3-savings");
    expect(await axeViolations(page, PANE)).toEqual([]);
  });

  test("Statement: generating writes the statement, chart and working-papers sheets and leaves the user's sheets alone", async () => {
    await openStep(page, "Statement");
    const before = await userSheets(page);
    const namesBefore = await sheetNames(page);
    await page.getByRole("button", { name: "Generate into the workbook" }).click();
    await page.getByText("The statement was written").waitFor({ timeout: 60_000 });
    const names = await sheetNames(page);
    const added = names.filter((n) => !namesBefore.some((b) => b.name === n.name));
    expect(added).toEqual([
      { name: "VfM Statement", owned: true },
      { name: "VfM Charts", owned: true },
      { name: "VfM Working Papers", owned: true },
    ]);
    expect(await userSheets(page)).toBe(before);
    // The grid beside the pane shows the new sheets, the statement open.
    const tabs = page.getByRole("tablist", { name: "Sheets" });
    await expect(
      tabs.getByRole("tab", { name: /VfM Statement/ }).getAttribute("aria-selected")
    ).resolves.toBe("true");
    await expect(tabs.getByRole("tab", { name: /VfM Charts/ }).count()).resolves.toBe(1);
    await expect(page.locator("td[data-address=A1]").first().textContent()).resolves.toMatch(
      /Value for Money Statement/
    );
    // Offered: go to each sheet written.
    await page.getByRole("button", { name: "Go to the sheet VfM Charts" }).click();
    await expect(
      tabs.getByRole("tab", { name: /VfM Charts/ }).getAttribute("aria-selected")
    ).resolves.toBe("true");
    await shot(page, "step-4-statement-generated");
    expect(await axeViolations(page, PANE)).toEqual([]);
  });

  test("Statement: the statement and its working papers are downloaded as .docx files", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Download the statement" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^Exampleshire Constabulary - Value for Money Statement - \d{4}-\d{2}-\d{2}\.docx$/
    );
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
    await page.getByText(/^Downloaded /).waitFor();
    const [papers] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Download the working papers" }).click(),
    ]);
    expect(papers.suggestedFilename()).toMatch(
      /^Exampleshire Constabulary - Value for Money Statement working papers - \d{4}-\d{2}-\d{2}\.docx$/
    );
    expect(
      readFileSync((await papers.path())!)
        .subarray(0, 2)
        .toString("latin1")
    ).toBe("PK");
  });

  test("Statement: the Authority and the date of approval are kept in the workbook; Draft goes once approved", async () => {
    const approval = page.getByTestId("statement-approval");
    // the sample names its (fictional) Authority on its cover
    await expect(approval.textContent()).resolves.toMatch(/^Draft: every page/);
    await page
      .getByLabel("Police Authority", { exact: true })
      .fill("Exampleshire Police Authority");
    await page.getByLabel("Date the Authority approved the statement").fill("2011-03-31");
    await page.getByRole("button", { name: "Save the statement's details" }).click();
    await page.getByText(/^Approved on 31 March 2011/).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Preview the statement" }).click();
    const preview = page.getByTestId("statement-preview");
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain(
      "Approved by Exampleshire Police Authority on 31 March 2011."
    );
    await expect(preview.locator(".vfm-draft").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Hide the preview" }).click();
    // back to a draft, with nothing kept, as the other tests expect
    await page.getByLabel("Police Authority", { exact: true }).fill("");
    await page.getByLabel("Date the Authority approved the statement").fill("");
    await page.getByRole("button", { name: "Save the statement's details" }).click();
    await page.getByText(/^Draft: every page/).waitFor({ timeout: 60_000 });
  });

  test("Statement: the preview shows the statement here", async () => {
    await page.getByRole("button", { name: "Preview the statement" }).click();
    const preview = page.getByTestId("statement-preview");
    await preview.waitFor();
    await expect(preview.locator("h3").first().textContent()).resolves.toMatch(
      /^Value for Money Statement/
    );
    await shot(page, "step-4-statement-preview");
    expect(await axeViolations(page, PANE)).toEqual([]);
    await page.getByRole("button", { name: "Hide the preview" }).click();
    await page.getByRole("button", { name: "Preview the working papers" }).click();
    await expect(preview.locator("h3").first().textContent()).resolves.toMatch(/^Working papers/);
    await page.getByRole("button", { name: "Hide the working papers" }).click();
  });

  test("Check: the overall status in words, findings by area with cell links, and the findings sheet", async () => {
    await openStep(page, "Check");
    const overall = page.getByTestId("check-overall");
    await overall.waitFor({ timeout: 60_000 });
    await expect(overall.textContent()).resolves.toMatch(/\d+ errors? and \d+ warnings?/);
    await shot(page, "step-5-check");
    expect(await axeViolations(page, PANE)).toEqual([]);
    const before = await userSheets(page);
    await page.getByRole("button", { name: "Write findings to a sheet" }).click();
    await page.getByText("The findings were written").waitFor({ timeout: 60_000 });
    expect((await sheetNames(page)).some((n) => n.name === "VfM Findings" && n.owned)).toBe(true);
    expect(await userSheets(page)).toBe(before);
  });

  test("Settings: each policy setting shows its default and paragraph; a change is saved and the figures follow", async () => {
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Policy settings" });
    await dialog.waitFor();
    await settled(dialog);
    await expect(dialog.getByText("White Paper default: 4% (5.9-5.10).").count()).resolves.toBe(1);
    // The panel is drawn above the page, outside the pane's element.
    expect(await axeViolations(page, "[role=dialog]")).toEqual([]);
    await shot(page, "settings");
    await dialog.getByRole("textbox", { name: "Overtime threshold (share of paybill)" }).fill("5%");
    await dialog.getByRole("button", { name: "Save and re-run" }).click();
    await dialog.getByText("Saved in the workbook; the figures were worked out again.").waitFor();
    await dialog.getByRole("button", { name: "Close the settings" }).click();
    await openStep(page, "Benchmarks");
    await page.getByText("At most 5% of paybill (White Paper 5.9-5.10)").waitFor();
    // Back to the White Paper's figure.
    await page.getByRole("button", { name: "Settings" }).click();
    await dialog.getByRole("button", { name: "Remove the changes made here" }).click();
    await dialog.getByText("Saved in the workbook; the figures were worked out again.").waitFor();
    await dialog.getByRole("button", { name: "Close the settings" }).click();
    await page.getByText("At most 4% of paybill (White Paper 5.9-5.10)").waitFor();
  });

  test("dark theme: axe finds nothing on any step", async () => {
    await page.getByRole("switch", { name: "Dark theme" }).check();
    for (const step of ["Data", "Benchmarks", "Savings", "Statement", "Check"]) {
      await openStep(page, step);
      expect([step, ...(await axeViolations(page, PANE))]).toEqual([step]);
    }
    await openStep(page, "Benchmarks");
    await shot(page, "step-2-benchmarks-dark");
    await page.getByRole("switch", { name: "Dark theme" }).uncheck();
  });
});

describe("corrections and input sheets", () => {
  test("Data: choosing another row for officer overtime is saved in the workbook and the figures follow", async () => {
    await openStep(page, "Data");
    const other = core.data.budget.lines.find((l) => l.key === "staffOvertime" && !l.isTotal)!;
    const select = page.getByRole("combobox", { name: "Which row is police officer overtime?" });
    await select.selectOption({ label: `${other.label} (${formatRef(other.labelCell)})` });
    await page.getByRole("button", { name: "Save and re-run" }).click();
    await page
      .getByText("Saved in the workbook. The figures above now use your choices.")
      .waitFor();
    // Stored as DetectOptions under the settings' "detect" key, keyed by the label cell.
    const settings = await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings());
    const key = `${other.labelCell.sheet}!${other.labelCell.address}`;
    expect((settings.detect as { budgetLines: Record<string, string> }).budgetLines[key]).toBe(
      "officerOvertime"
    );
    // The same settings through the core in Node give the figure the pane now shows.
    const read = await xlsxToGrid(new Uint8Array(readFileSync(SAMPLE)), "sample");
    const again = runVfm(read.workbook, { settings });
    const latest = [...again.analysis.overtime.byYear].reverse().find((y) => y.ratio !== null)!;
    await openStep(page, "Benchmarks");
    await expect(page.getByTestId("bench-overtime-figure").textContent()).resolves.toBe(
      formatPercent(latest.ratio!.value)
    );
    await openStep(page, "Data");
    await page.getByRole("button", { name: /^Forget my corrections/ }).click();
    await page
      .getByText("Saved in the workbook. The figures above now use your choices.")
      .waitFor();
    expect(await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings())).toEqual({});
  });

  test("Data: Insert input sheets creates the template's sheets and overwrites none", async () => {
    await openStep(page, "Data");
    const namesBefore = (await sheetNames(page)).map((n) => n.name);
    const before = await userSheets(page, namesBefore);
    await page.getByRole("button", { name: "Insert input sheets" }).click();
    await page.getByText("Input sheets inserted").waitFor({ timeout: 60_000 });
    // The sheets that were there are exactly as they were.
    expect(await userSheets(page, namesBefore)).toBe(before);
    const template = ["Budget", "Workforce", "Procurement", "Savings plan", "Settings", "Peers"];
    const after = await sheetNames(page);
    for (const name of template) {
      const existed = namesBefore.includes(name);
      // New input sheets are the user's to fill in, so they are not marked as the add-in's.
      expect([name, after.filter((n) => n.name === name).length]).toEqual([name, 1]);
      if (existed) await page.getByText(`Left "${name}" as it was.`).waitFor();
    }
    await shot(page, "step-1-data-input-sheets");
  });
});

/** Presses Tab until the focused element matches, or fails after `max` presses. */
async function tabTo(
  p: Page,
  matches: (el: { role: string; text: string }) => boolean,
  max = 80
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press("Tab");
    const el = await p.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        role: a?.getAttribute("role") ?? a?.tagName.toLowerCase() ?? "",
        text: (a?.textContent ?? "").trim(),
      };
    });
    if (matches(el)) return;
  }
  throw new Error("The element was not reached with the Tab key.");
}

const focusVisible = (p: Page) =>
  p.evaluate(() => !!document.activeElement?.matches(":focus-visible"));

describe("keyboard only", () => {
  test("the main path (Data, on to the Statement, generate, download) with Tab, arrow keys and Enter", async () => {
    await waitReady(page);
    await tabTo(page, (e) => e.role === "tab" && e.text === "Data");
    expect(await focusVisible(page)).toBe(true);
    // Data -> Benchmarks -> Model -> Savings -> Statement.
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const statementTab = page.getByRole("tab", { name: "Statement", exact: true });
    await expect(statementTab.getAttribute("aria-selected")).resolves.toBe("true");
    await tabTo(page, (e) => e.text === "Generate into the workbook");
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByText("The statement was written").waitFor({ timeout: 60_000 });
    expect((await sheetNames(page)).filter((n) => n.owned).map((n) => n.name)).toEqual(
      expect.arrayContaining(["VfM Statement", "VfM Charts"])
    );
    await tabTo(page, (e) => e.text === "Download the statement");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.keyboard.press("Enter"),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await shot(page, "keyboard-statement");
  });
});

describe("high contrast", () => {
  test("with Windows high contrast (forced colours) the charts keep their marks, in system colours", async () => {
    await page.emulateMedia({ forcedColors: "active" });
    try {
      await waitReady(page);
      await openStep(page, "Benchmarks");
      const bar = page.locator("[data-chart=chart-overtime] svg rect").first();
      const [fill, canvasText, background] = await bar.evaluate((el) => {
        const probe = document.createElement("span");
        probe.style.color = "CanvasText";
        document.body.append(probe);
        const text = getComputedStyle(probe).color;
        probe.remove();
        return [getComputedStyle(el).fill, text, getComputedStyle(document.body).backgroundColor];
      });
      // The other forces' bars (and the force's own years) are drawn in the system's text colour.
      expect(fill).toBe(canvasText);
      expect(fill).not.toBe(background);
      await shot(page, "step-2-benchmarks-high-contrast");
    } finally {
      await page.emulateMedia({ forcedColors: "none" });
    }
  });
});

describe("the user's own sheets", () => {
  test("a sheet of the user's called VfM Statement is kept, and the pane says where the statement went", async () => {
    await waitReady(page);
    // The user's own sheet of that name (an input-role sheet is not marked as the add-in's).
    await page.evaluate(() =>
      window.__vfmPreview!.gateway.applyWritePlan({
        sheets: [
          {
            name: "VfM Statement",
            role: "input",
            mode: "createOnly",
            blocks: [{ top: 0, left: 0, values: [["My own draft, not the add-in's"]] }],
          },
        ],
      })
    );
    const mine = await userSheets(page, ["VfM Statement"]);
    expect(mine).toContain("My own draft");
    await openStep(page, "Statement");
    await page.getByRole("button", { name: "Generate into the workbook" }).click();
    await page.getByText("The statement was written").waitFor({ timeout: 60_000 });
    await page.getByText('Wrote the sheet "VfM Statement (2)".').waitFor();
    await page
      .getByText(/already has a sheet of its own called "VfM Statement"/)
      .first()
      .waitFor();
    expect(await userSheets(page, ["VfM Statement"])).toBe(mine);
    expect((await sheetNames(page)).some((n) => n.name === "VfM Statement (2)" && n.owned)).toBe(
      true
    );
  });
});

test("nothing was requested beyond loopback, and no page or console error occurred", async () => {
  expect(s.blocked).toEqual([]);
  expect(s.errors).toEqual([]);
});
