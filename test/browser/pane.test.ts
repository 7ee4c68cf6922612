/**
 * The pane and the preview as a treasurer uses them, in Debian's Chromium (issue 16):
 * - the page itself never scrolls, at 1366x768, 1920x1080 and in a 450 px window, whatever is
 *   scrolled or followed: only the pane and the grid move, each in its own box;
 * - the grid shows cells by their number formats (a £000 statement cell holds 50,000 pounds and
 *   shows 50), keeps each sheet's scroll, keeps its header in view and shows long text in full;
 * - "Save a copy of the workbook (.xlsx)" writes the add-in's sheets, settings and corrections,
 *   and the copy opened again gives the same analysis;
 * - focus comes back to the control that started each action; tables of figures are one Tab
 *   stop with arrow keys inside; from the Data tab to "Next" takes at most 25 Tab presses;
 * - the settings panel covers the pane, not the window; axe finds nothing;
 * - the smaller points: the Data step and the Check give a problem one severity at the same
 *   cells; findings name settings as the panel words them, never keys or codes; the settings hint
 *   says where a default comes from; check rules and area tests follow a changed threshold;
 *   "Treat as today" 31/03/2011 ends 2010/11 and its missing actuals sit in 2010/11's column;
 *   the migration timeline plots every contract, named, with no mark hidden; an unreadable file
 *   gets a clear message and the open workbook keeps its name.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Page } from "playwright-core";
import { gridToXlsx } from "../../src/xlsx/write";
import { ARTIFACTS, axeViolations, openBrowser, serveDist, Session, showStep } from "./harness";

jest.setTimeout(240_000);

const PANE = "[data-testid=taskpane]";

let server: { url: string; close: () => Promise<void> };
let s: Session;
let page: Page;

async function waitReady(p: Page): Promise<void> {
  await p.goto(server.url);
  await p.getByRole("tablist", { name: "Steps" }).waitFor({ timeout: 60_000 });
  await p.locator("[data-table=data-budget]").waitFor();
}

async function openStep(p: Page, label: string): Promise<void> {
  if (await p.getByRole("dialog").count()) await p.keyboard.press("Escape");
  await showStep(p, label);
}

/** The page's own scroll: how far its content reaches below the window, and how far it moved. */
async function pageScroll(p: Page): Promise<{ overflow: number; scrolled: number }> {
  return p.evaluate(() => {
    const el = document.scrollingElement!;
    return { overflow: el.scrollHeight - innerHeight, scrolled: el.scrollTop + window.scrollY };
  });
}

/** What the focused element is: its text, or its aria-label. */
async function focused(p: Page): Promise<string> {
  return p.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return "(the page)";
    return (a.getAttribute("aria-label") || a.textContent || a.tagName).trim();
  });
}

/** The text of the pane's Data, Benchmarks and Savings steps: what the user reads. */
async function analysisText(p: Page): Promise<string> {
  const parts: string[] = [];
  for (const step of ["Data", "Benchmarks", "Savings"]) {
    await openStep(p, step);
    parts.push(
      await p.locator(`[data-testid=step-${step.toLowerCase()}]`).evaluate((el) =>
        (el as HTMLElement).innerText
          // The date the statement is drafted and the reading of the file are not the analysis.
          .replace(/\d{1,2} [A-Z][a-z]+ \d{4}/g, "<date>")
      )
    );
  }
  return parts.join("\n----\n");
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveDist();
  s = await openBrowser();
  page = s.page;
});

afterAll(async () => {
  await s?.browser.close();
  await server?.close();
});

describe("the page never scrolls; the pane and the grid do, each in its own box", () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
    [450, 800],
  ])
    test(`at ${width}x${height}`, async () => {
      await page.setViewportSize({ width, height });
      await waitReady(page);
      expect(await pageScroll(page)).toEqual({ overflow: expect.any(Number), scrolled: 0 });
      expect((await pageScroll(page)).overflow).toBeLessThanOrEqual(0);
      // Scroll the pane to its very end.
      await page
        .locator(PANE)
        .locator("main")
        .evaluate((m) => m.scrollTo(0, m.scrollHeight));
      await page.mouse.wheel(0, 2000);
      // Follow a figure's link to a low row of its sheet.
      const links = page.locator("[data-table=data-budget] [data-cell]");
      await links.last().click();
      await page.locator("td[aria-current=location]").waitFor();
      // Scroll the grid to its end too.
      await page
        .getByTestId("sheet-scroller")
        .evaluate((g) => g.scrollTo(g.scrollWidth, g.scrollHeight));
      const after = await pageScroll(page);
      expect(after.overflow).toBeLessThanOrEqual(0);
      expect(after.scrolled).toBe(0);
      // The title, the step tabs and the sheet tabs are all still in the window.
      for (const el of [
        page.getByRole("heading", { name: "Police Value for Money", exact: true }),
        page.getByRole("tablist", { name: "Steps" }),
        page.getByRole("tablist", { name: "Sheets" }),
      ]) {
        const box = (await el.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
      }
      // Statement preview: every wide table scrolls in its own box to its last column.
      await openStep(page, "Statement");
      await page.getByRole("button", { name: "Preview the statement" }).click();
      const preview = page.getByTestId("statement-preview");
      await preview.waitFor();
      const unreachable = await preview.evaluate((root) => {
        const out: string[] = [];
        const box = root.getBoundingClientRect();
        for (const table of root.querySelectorAll("table")) {
          // The nearest box that scrolls sideways, inside the preview.
          let scroller: HTMLElement | null = table.parentElement;
          while (
            scroller &&
            scroller !== root.parentElement &&
            !["auto", "scroll"].includes(getComputedStyle(scroller).overflowX)
          )
            scroller = scroller.parentElement;
          if (!scroller || scroller === root.parentElement) {
            out.push(`${table.caption?.textContent ?? "a table"}: no box scrolls it`);
            continue;
          }
          scroller.scrollLeft = scroller.scrollWidth;
          const cells = table.querySelectorAll("tr:first-child > *");
          const last = cells[cells.length - 1]?.getBoundingClientRect();
          if (last && last.right > box.right + 1)
            out.push(`${table.caption?.textContent ?? "a table"}: last column beyond the pane`);
        }
        return out;
      });
      expect(unreachable).toEqual([]);
      expect((await pageScroll(page)).overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, `layout-${width}x${height}.png`) });
      expect(await axeViolations(page, PANE)).toEqual([]);
    });

  test("at 450 px a wide table keeps its first column in view when scrolled sideways", async () => {
    await page.setViewportSize({ width: 450, height: 800 });
    await waitReady(page);
    await openStep(page, "Benchmarks");
    const table = page.locator("[data-testid=step-benchmarks] table[role=grid]:visible").first();
    await table.waitFor();
    const moved = await table.evaluate((t) => {
      const box = t.parentElement!;
      const first = t.querySelector("tbody tr > :first-child")!;
      const before = first.getBoundingClientRect().left;
      box.scrollLeft = box.scrollWidth;
      return {
        scrolls: box.scrollWidth > box.clientWidth,
        shift: first.getBoundingClientRect().left - before,
      };
    });
    if (moved.scrolls) expect(Math.abs(moved.shift)).toBeLessThan(1);
  });
});

describe("the grid shows what Excel would", () => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitReady(page);
  });

  test("a £000 statement cell holding 50,000 pounds shows 50, not 50,000", async () => {
    await openStep(page, "Statement");
    await page.getByRole("button", { name: "Generate into the workbook" }).click();
    await page.getByText("The statement was written").waitFor({ timeout: 60_000 });
    // A statement cell whose format scales by 1,000 (#,##0, : one trailing comma).
    const cell = await page.evaluate(() => {
      const grid = window.__vfmPreview!.gateway.toGrid();
      const sheet = grid.sheets.find((x) => x.addinOwned && /^VfM Statement/.test(x.name))!;
      for (let r = 0; r < sheet.values.length; r++)
        for (let c = 0; c < (sheet.values[r]?.length ?? 0); c++) {
          const v = sheet.values[r][c];
          const f = sheet.numberFormats?.[r]?.[c];
          if (typeof v === "number" && v === 50000 && f && /0,(;|$)/.test(f)) {
            let n = c + 1;
            let col = "";
            while (n > 0) {
              col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
              n = Math.floor((n - 1) / 26);
            }
            return { sheet: sheet.name, address: `${col}${r + 1}`, format: f };
          }
        }
      return undefined;
    });
    expect(cell).toBeDefined();
    const td = page.locator(`td[data-address="${cell!.address}"]`);
    await expect(td.textContent()).resolves.toBe("50");
    // The threshold and ratios read as percentages, not 0.04.
    const texts = await page.locator("td[data-address]").allTextContents();
    expect(texts.some((t) => /^\d+(\.\d+)?%$/.test(t))).toBe(true);
    expect(texts).not.toContain("50,000");
  });

  test("the column header stays in view, with nothing showing through it", async () => {
    const scroller = page.getByTestId("sheet-scroller");
    await scroller.evaluate((g) => g.scrollTo(0, 300));
    const clean = await scroller.evaluate((g) => {
      const head = g.querySelector("thead th:nth-child(2)") as HTMLElement;
      const hb = head.getBoundingClientRect();
      const gb = g.getBoundingClientRect();
      const hit = document.elementFromPoint(hb.left + hb.width / 2, hb.top + hb.height / 2);
      return { atTop: Math.abs(hb.top - gb.top) < 1, onTop: hit === head || head.contains(hit) };
    });
    expect(clean).toEqual({ atTop: true, onTop: true });
  });

  test("each sheet keeps its own scroll position", async () => {
    const tabs = page.getByRole("tablist", { name: "Sheets" });
    const scroller = page.getByTestId("sheet-scroller");
    const statementTab = tabs.getByRole("tab", { name: /^VfM Statement/ });
    await statementTab.click();
    await scroller.evaluate((g) => g.scrollTo(0, 400));
    const kept = await scroller.evaluate((g) => g.scrollTop);
    await tabs.getByRole("tab", { name: "Cover", exact: true }).click();
    await expect(scroller.evaluate((g) => g.scrollTop)).resolves.toBe(0);
    await statementTab.click();
    await expect(scroller.evaluate((g) => g.scrollTop)).resolves.toBe(kept);
  });

  test("long text can be read in full: the cell viewer shows the whole of the chosen cell", async () => {
    const cut = page
      .locator("td[data-address]")
      .filter({ hasText: /.{60,}/ })
      .first();
    const full = (await cut.textContent())!;
    const clipped = await cut.evaluate(
      (el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 2
    );
    await cut.click();
    const viewer = page.getByTestId("cell-viewer");
    await expect(viewer.textContent()).resolves.toContain(full);
    const box = await viewer.evaluate((v) => ({ w: v.scrollWidth, cw: v.clientWidth }));
    expect(box.w).toBeLessThanOrEqual(box.cw + 1);
    expect(typeof clipped).toBe("boolean");
    expect(await cut.getAttribute("title")).toBe(full);
  });
});

describe("Save a copy of the workbook", () => {
  test("the copy holds the add-in's sheets, settings and corrections; opened again it gives the same analysis", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitReady(page);
    // A setting and a written statement, both to be kept.
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Policy settings" });
    await dialog.waitFor();
    await dialog
      .getByRole("textbox", { name: "Overtime threshold (share of paybill)" })
      .fill("4.5%");
    await dialog.getByRole("button", { name: "Save and re-run" }).click();
    await dialog.getByText("Saved in the workbook; the figures were worked out again.").waitFor();
    await dialog.getByRole("button", { name: "Close the settings" }).click();
    await openStep(page, "Statement");
    await page.getByRole("button", { name: "Generate into the workbook" }).click();
    await page.getByText("The statement was written").waitFor({ timeout: 60_000 });
    const before = await analysisText(page);
    const settingsBefore = await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings());
    const sheetsBefore = await page.evaluate(() =>
      window.__vfmPreview!.gateway.toGrid().sheets.map((x) => `${x.name}:${!!x.addinOwned}`)
    );

    const save = page.getByRole("button", { name: "Save a copy of the workbook (.xlsx)" });
    const [download] = await Promise.all([page.waitForEvent("download"), save.click()]);
    expect(download.suggestedFilename()).toBe("exampleshire-freeform (copy).xlsx");
    await page.getByText(/^Saved a copy as exampleshire-freeform \(copy\)\.xlsx/).waitFor();
    expect(await focused(page)).toBe("Save a copy of the workbook (.xlsx)");
    const path = (await download.path())!;
    expect(readFileSync(path).subarray(0, 2).toString("latin1")).toBe("PK");

    // Open the copy, as a user would, in a fresh page.
    await waitReady(page);
    await page.locator("input[type=file]").setInputFiles({
      name: "exampleshire-freeform (copy).xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: readFileSync(path),
    });
    await page.getByText("Workbook: exampleshire-freeform (copy).xlsx").waitFor();
    await page.locator("[data-table=data-budget]").waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings())).toEqual(
      settingsBefore
    );
    expect(
      await page.evaluate(() =>
        window.__vfmPreview!.gateway.toGrid().sheets.map((x) => `${x.name}:${!!x.addinOwned}`)
      )
    ).toEqual(sheetsBefore);
    expect(await analysisText(page)).toBe(before);
    await openStep(page, "Benchmarks");
    await page.getByText("At most 4.5% of paybill (White Paper 5.9-5.10)").waitFor();
  });
});

describe("keyboard", () => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitReady(page);
  });

  test("from the Data tab to Next takes at most 25 Tab presses, each stop with a visible focus ring", async () => {
    await page.getByRole("tab", { name: "Data", exact: true }).focus();
    const stops: string[] = [];
    let ringless: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const now = await focused(page);
      stops.push(now);
      const ring = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const st = getComputedStyle(a);
        const after = getComputedStyle(a, "::after");
        return (
          (st.outlineStyle !== "none" && parseFloat(st.outlineWidth) >= 1) ||
          (after.content !== "none" && after.borderTopStyle !== "none") ||
          st.boxShadow !== "none"
        );
      });
      if (!ring) ringless.push(now);
      if (/^Next: /.test(now)) break;
    }
    expect(stops[stops.length - 1]).toBe("Next: Benchmarks");
    expect(stops.length).toBeLessThanOrEqual(25);
    ringless = ringless.filter((x) => x !== "(the page)");
    expect(ringless).toEqual([]);
  });

  test("a table of figures is one Tab stop: arrows move between cells, Enter goes to the cell", async () => {
    const table = page.locator("[data-table=data-budget]");
    await page.getByRole("tab", { name: "Data", exact: true }).focus();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if (await table.evaluate((t) => t.contains(document.activeElement))) break;
    }
    // From the top-left header: two rows down, then past "Read as" to the first year's figure.
    for (const key of ["ArrowDown", "ArrowDown", "ArrowRight", "ArrowRight"])
      await page.keyboard.press(key);
    const cell = await page.evaluate(() =>
      document.activeElement!.querySelector("[data-cell]")?.getAttribute("data-cell")
    );
    expect(cell).toBeTruthy();
    await page.keyboard.press("Enter");
    const address = cell!.split("!").pop()!.replace(/\$/g, "");
    await page.locator(`td[data-address="${address}"][aria-current=location]`).waitFor();
    // Focus stayed on the figure's cell in the table.
    expect(await table.evaluate((t) => t.contains(document.activeElement))).toBe(true);
    // One Tab leaves the table.
    await page.keyboard.press("Tab");
    expect(await table.evaluate((t) => t.contains(document.activeElement))).toBe(false);
  });

  test("focus comes back to the control that started each action", async () => {
    const settings = page.getByRole("button", { name: "Settings" });
    await settings.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Policy settings" });
    await dialog.waitFor();
    await dialog.getByRole("textbox", { name: "Overtime threshold (share of paybill)" }).fill("5%");
    const saveButton = dialog.getByRole("button", { name: "Save and re-run" });
    await saveButton.focus();
    await page.keyboard.press("Enter");
    await dialog.getByText("Saved in the workbook; the figures were worked out again.").waitFor();
    expect(await focused(page)).toBe("Save and re-run");
    await dialog.getByRole("button", { name: "Remove the changes made here" }).focus();
    await page.keyboard.press("Enter");
    await dialog.getByText("Saved in the workbook; the figures were worked out again.").waitFor();
    expect(await focused(page)).toBe("Remove the changes made here");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await focused(page)).toBe("Settings");
    await settings.click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Close the settings" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await focused(page)).toBe("Settings");

    await openStep(page, "Statement");
    const generate = page.getByRole("button", { name: "Generate into the workbook" });
    await generate.focus();
    await page.keyboard.press("Enter");
    await page.getByText("The statement was written").waitFor({ timeout: 60_000 });
    expect(await focused(page)).toBe("Generate into the workbook");
    const word = page.getByRole("button", { name: "Download the statement" });
    await word.focus();
    await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await page.getByText(/^Downloaded /).waitFor();
    expect(await focused(page)).toBe("Download the statement");
    await openStep(page, "Check");
    const run = page.getByRole("button", { name: /^(Run the check|Check again)/ }).first();
    if (await run.count()) {
      await run.focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("check-overall").waitFor({ timeout: 60_000 });
      expect(await focused(page)).toMatch(/^(Run the check|Check again)/);
    }
  });

  test("the settings panel covers the pane, not the window, and axe finds nothing in it", async () => {
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Policy settings" });
    await dialog.waitFor();
    await dialog.evaluate((d) =>
      Promise.all(d.getAnimations({ subtree: true }).map((x) => x.finished))
    );
    const pane = (await page.locator(PANE).boundingBox())!;
    const box = (await dialog.boundingBox())!;
    expect(Math.abs(box.x - pane.x)).toBeLessThan(2);
    expect(Math.abs(box.width - pane.width)).toBeLessThan(2);
    expect(box.height).toBeLessThanOrEqual(pane.height + 1);
    expect(await axeViolations(page, "[role=dialog]")).toEqual([]);
    await page.keyboard.press("Escape");
  });
});

describe("one status per area, and no statement without police figures", () => {
  test("Savings: an area measured twice shows one status, says it is the weaker of two tests, and shows both", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitReady(page);
    await openStep(page, "Savings");
    // The status column is the area's one status: support services is off track (business
    // support is still at or above 7%), though its savings plan alone is on track.
    const row = page
      .locator("[data-table=savings-area-cashable] tbody tr")
      .filter({ hasText: "Support services" });
    await expect(row.locator("[data-rag]").textContent()).resolves.toBe("Off track");
    await page
      .getByRole("button", { name: /^Support services (On track|At risk|Off track|Not assessed)$/ })
      .click();
    const tests = page.getByTestId("area-status-supportServices");
    await tests.waitFor();
    const text = await tests.innerText();
    expect(text).toMatch(/^Off track: the weaker of two tests\./);
    expect(text).toMatch(/Savings plan: On track/);
    expect(text).toMatch(/Business support against 7% of the workforce: Off track/);
    expect(await axeViolations(page, PANE)).toEqual([]);
  });

  test("Check: the nine areas with the same one status as the Savings step, both tests where two", async () => {
    await waitReady(page);
    await openStep(page, "Savings");
    const savingsStatus = await page
      .locator("[data-table=savings-area-cashable] tbody tr")
      .filter({ hasText: "Support services" })
      .locator("[data-rag]")
      .textContent();
    await openStep(page, "Check");
    const areas = page.getByTestId("check-areas");
    await areas.waitFor({ timeout: 60_000 });
    await expect(areas.locator("li").count()).resolves.toBe(9);
    const support = areas.locator("li").filter({ hasText: /^Support services:/ });
    await expect(support.locator("[data-rag]").textContent()).resolves.toBe(savingsStatus);
    await expect(support.innerText()).resolves.toMatch(
      /The weaker of two tests\. Savings plan: on track[\s\S]*Business support against 7% of the workforce: off track/
    );
    expect(await axeViolations(page, PANE)).toEqual([]);
  });

  test("a workbook with no police figures cannot produce a statement; the pane says why and what to open", async () => {
    await waitReady(page);
    const rota = await gridToXlsx({
      sheets: [
        {
          name: "Rota",
          values: [
            ["Name", "Monday", "Tuesday"],
            ["PC Smith", "Early", "Late"],
          ],
        },
      ],
    });
    await page.locator("input[type=file]").setInputFiles({
      name: "rota.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(rota),
    });
    await page.getByText("Workbook: rota.xlsx").waitFor();
    await page.getByRole("tablist", { name: "Steps" }).waitFor({ timeout: 60_000 });
    await openStep(page, "Statement");
    const refused = page.getByTestId("statement-refused");
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toMatch(
      /This workbook has no police figures to make a statement from[\s\S]*"Rota"[\s\S]*Open the force's budget workbook/
    );
    for (const name of [
      "Generate into the workbook",
      "Download the statement",
      "Download the working papers",
      "Preview the statement",
    ])
      await expect(page.getByRole("button", { name }).count()).resolves.toBe(0);
    expect(await axeViolations(page, PANE)).toEqual([]);
  });
});

describe("the smaller points: one severity, words not keys, thresholds in force, dates, the timeline", () => {
  test("the Data step and the Check give the overtime shortfalls one severity, at the same cells", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitReady(page);
    const data = page.getByTestId("step-data");
    // 2009/10 £5,480,000 > £5,320,000 (5% below 2008/09) and 2011/12 £4,950,000 > £4,892,500.
    const overtime = data.locator("[role=row][data-code=OVERTIME_ABOVE_REQUIRED]");
    await expect(overtime.count()).resolves.toBe(2);
    for (const row of await overtime.all())
      await expect(row.innerText()).resolves.toMatch(/^Error: Overtime in 20(09\/10|11\/12)/);
    // The Data step's errors: these two, and the 13 contract lines with no planned move to their
    // framework (MIGRATION_NOT_PLANNED, an error in the check too): 2 + 13 = 15.
    const unplanned = data.locator("[role=row][data-code=MIGRATION_NOT_PLANNED]");
    await expect(unplanned.count()).resolves.toBe(13);
    for (const row of await unplanned.all())
      await expect(row.innerText()).resolves.toMatch(/^Error: /);
    await expect(data.innerText()).resolves.toMatch(/\b15 errors, \d+ warnings/);
    await openStep(page, "Check");
    await page.getByTestId("check-overall").waitFor({ timeout: 60_000 });
    const inCheck = page
      .getByRole("list", { name: "Overtime findings" })
      .locator("li")
      .filter({ hasText: "Yearly cut while above 4%" });
    await expect(inCheck.count()).resolves.toBe(2);
    for (const li of await inCheck.all())
      await expect(li.innerText()).resolves.toMatch(/^Error: Overtime in/);
    const cells = async (where: typeof inCheck) =>
      (
        await where
          .locator("[data-cell]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-cell") ?? ""))
      ).sort();
    expect(await cells(inCheck)).toEqual(["'Budget 2010-14'!C7", "'Budget 2010-14'!E7"]);
    expect(await cells(overtime)).toEqual(await cells(inCheck));
  });

  test("findings name a setting as the settings panel words it, never its key or a code", async () => {
    await openStep(page, "Data");
    const text = await page.getByTestId("step-data").innerText();
    expect(text).toContain(
      'Enter a local estimate (for example 5%) as the policy setting "Vehicles: expected saving rate" (under Procurement frameworks).'
    );
    await openStep(page, "Check");
    await page.getByTestId("check-overall").waitFor({ timeout: 60_000 });
    const all = `${text}\n${await page.getByTestId("step-check").innerText()}`;
    expect(all).not.toMatch(
      /\b(procurement|overtime|businessSupport|years|rag)\.[a-zA-Z]+\.?[a-zA-Z.]*/
    );
    expect(all).not.toMatch(/\b[A-Z]{3,}_[A-Z_]+\b/);
  });

  test("the settings hint says where a default comes from, and check rules and area tests follow a changed threshold", async () => {
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Policy settings" });
    await dialog.waitFor();
    await dialog.evaluate((d) =>
      Promise.all(d.getAnimations({ subtree: true }).map((x) => x.finished))
    );
    await dialog
      .getByText("Add-in default: none (the White Paper, 5.9-5.10, does not set it).")
      .waitFor();
    await expect(
      dialog.getByText("In use: none, the add-in's default.").count()
    ).resolves.toBeGreaterThan(0);
    await expect(dialog.getByText("In use: 4%, the White Paper's default.").count()).resolves.toBe(
      1
    );
    await expect(dialog.innerText()).resolves.not.toMatch(/\(add-in setting \(/);
    await dialog
      .getByRole("textbox", { name: "Overtime threshold (share of paybill)" })
      .fill("4.5%");
    await dialog.getByRole("button", { name: "Save and re-run" }).click();
    await dialog.getByText("Saved in the workbook; the figures were worked out again.").waitFor();
    await dialog.getByRole("button", { name: "Close the settings" }).click();
    await openStep(page, "Check");
    await page.getByTestId("check-overall").waitFor({ timeout: 60_000 });
    await page.locator("section[aria-labelledby=check-rules] summary").click();
    const rules = await page.locator("section[aria-labelledby=check-rules] table").innerText();
    expect(rules).toContain("Yearly cut while above 4.5%");
    expect(rules).toContain("A year reaching 4.5% is planned");
    expect(rules).not.toMatch(/above 4%|reaching 4% /);
    await openStep(page, "Savings");
    await page
      .getByRole("button", { name: /^Overtime (On track|At risk|Off track|Not assessed)$/ })
      .click();
    await expect(page.getByTestId("area-status-overtime").innerText()).resolves.toContain(
      "Overtime against the 4.5% path"
    );
    // Back to the White Paper's figure.
    await page.getByRole("button", { name: "Settings" }).click();
    await dialog.getByRole("button", { name: "Remove the changes made here" }).click();
    await dialog.getByText("Saved in the workbook; the figures were worked out again.").waitFor();
    await dialog.getByRole("button", { name: "Close the settings" }).click();
  });

  test("Treat as today 31/03/2011 ends 2010/11; its missing actuals are cited in 2010/11's own column", async () => {
    await openStep(page, "Check");
    await page.getByTestId("check-overall").waitFor({ timeout: 60_000 });
    await page.getByLabel("Treat as today (optional)").fill("2011-03-31");
    await page.getByRole("button", { name: "Check again" }).click();
    const list = page.getByRole("list", { name: "Completeness findings" });
    await list.waitFor({ timeout: 60_000 });
    const missing = list
      .locator("li")
      .filter({ hasText: /planned saving for 2010\/11 but no actual figure/ });
    await expect(missing.count()).resolves.toBeGreaterThan(0);
    // The free-form plan has no actual column for 2010/11: each finding sits at the line's
    // 2010/11 planned figure (column H) and says so, never at column G (2009/10's actuals).
    for (const li of await missing.all()) {
      await expect(li.innerText()).resolves.toContain("the sheet has no actual column for 2010/11");
      await expect(li.locator("[data-cell]").first().getAttribute("data-cell")).resolves.toMatch(
        /^'Savings plan'!H\d+$/
      );
    }
    await page.getByLabel("Treat as today (optional)").fill("");
    await page.getByRole("button", { name: "Check again" }).click();
  });

  test("the migration timeline plots every contract, named, to 2014/15, with no mark hidden", async () => {
    await openStep(page, "Benchmarks");
    const t = page.getByTestId("migration-timeline");
    await t.waitFor();
    await expect(t.locator("[data-mark=due]").count()).resolves.toBe(16);
    const words = await t.locator("svg text").allTextContents();
    expect(words).toContain("2014/15");
    expect(words).toContain("1. Body armour");
    expect(words).not.toContain("12");
    // Body armour is due 30 September 2010 and planned 1 October 2010: the diamond sits inside a
    // ring, the two marks both visible.
    const row = t
      .locator("svg g")
      .filter({ has: page.locator("text", { hasText: "1. Body armour" }) });
    const ring = (await row.locator("[data-mark=due]").boundingBox())!;
    const diamond = (await row.locator("[data-mark=planned]").boundingBox())!;
    expect(ring.width).toBeGreaterThan(diamond.width);
    expect(await t.getByText("more in the migration schedule below").count()).toBe(0);
    await t.screenshot({ path: join(ARTIFACTS, "migration-timeline.png") });
  });

  test("a file that cannot be read gets a clear message; the workbook still open keeps its name", async () => {
    await waitReady(page);
    const before = await page.getByTestId("workbook-name").innerText();
    await page.locator("input[type=file]").setInputFiles({
      name: "broken.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("this is not a workbook"),
    });
    const alert = page.getByRole("alert").filter({ hasText: "broken.xlsx could not be opened" });
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain(
      `The workbook still open is ${before.replace(/^Workbook: /, "")}.`
    );
    await expect(page.getByTestId("workbook-name").innerText()).resolves.toBe(before);
    // Read as a message, not a footnote: the body text is at least the pane's own size.
    const size = await alert.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(14);
    await page.locator("[data-table=data-budget]").waitFor();
    await alert.getByRole("button", { name: "Dismiss" }).click();
  });
});

test("nothing was requested beyond loopback, and no page or console error occurred", async () => {
  expect(s.blocked).toEqual([]);
  expect(s.errors).toEqual([]);
});
