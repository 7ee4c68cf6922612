/**
 * The Model step on the bundled sample, in the preview (Debian's Chromium, no Excel): the
 * scenario the pane shows is the one the core works out in Node from the same file and levers;
 * a lever that cannot be read says why beside its box; the results follow a change within 200 ms
 * (measured in the page: from the input event on the lever to the next animation frame after
 * the results region changed, over several changes, the slowest reported); a kept scenario goes
 * into the workbook's add-in settings, not a sheet; "Use as our targets" puts an "Our targets"
 * section in the statement; axe finds nothing on the step; the levers work with the keyboard.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runVfm, VfmResult } from "../../src/core/run";
import { runScenario } from "../../src/core/scenario/scenario";
import { xlsxToGrid } from "../../src/xlsx/read";
import { headline, initialDraft, readDraft } from "../../src/taskpane/model/modelStep";
import { ARTIFACTS, DIST, axeViolations, openBrowser, serveDist, Session } from "./harness";

jest.setTimeout(180_000);

const SAMPLE = join(DIST, "sample", "exampleshire-freeform.xlsx");

let server: { url: string; close: () => Promise<void> };
let s: Session;
let core: VfmResult;

beforeAll(async () => {
  const read = await xlsxToGrid(new Uint8Array(readFileSync(SAMPLE)), "sample");
  core = runVfm(read.workbook);
  server = await serveDist();
  s = await openBrowser();
  await s.page.goto(server.url);
  await s.page.getByRole("tablist", { name: "Steps" }).waitFor({ timeout: 60_000 });
  await s.page.locator("[data-table=data-budget]").waitFor();
  await s.page
    .getByRole("tablist", { name: "Steps" })
    .getByRole("tab", { name: "Model", exact: true })
    .click();
  await s.page.getByTestId("model-headline").waitFor();
});

afterAll(async () => {
  await s?.browser.close();
  await server?.close();
});

/** The headline the core gives in Node for the pane's draft with these changes. */
function expected(patch: Partial<ReturnType<typeof initialDraft>>): string[] {
  const draft = { ...initialDraft(core.analysis), ...patch };
  const r = runScenario(core.data, core.analysis, {
    name: "This scenario",
    levers: readDraft(draft).levers,
  });
  return headline(r, core.analysis, core.data.budget.unit ?? "£");
}

async function headlineText(): Promise<string[]> {
  return s.page.getByTestId("model-headline").locator("li").allTextContents();
}

describe("the Model step on the sample", () => {
  test("shows the scenario the core works out: the smallest cut reaching 4% by 2013/14", async () => {
    const want = expected({});
    expect(want[0]).toMatch(
      /^Overtime: the smallest yearly cut reaching 4% by 2013\/14 is 6\.05% a year/
    );
    expect(await headlineText()).toEqual(want);
    // A chart per measure, with the threshold and the required path drawn.
    for (const id of ["chart-model-overtime", "chart-model-support", "chart-model-procurement"])
      await s.page.locator(`[data-chart=${id}]`).first().waitFor();
    expect(await axeViolations(s.page, "[data-testid=taskpane]")).toEqual([]);
    await s.page.screenshot({ path: join(ARTIFACTS, "step-model.png"), fullPage: true });
  });

  test("results follow a change to a lever within 200 ms", async () => {
    const page = s.page;
    await page.getByRole("radio", { name: "A yearly cut I choose" }).check();
    const box = page.getByRole("textbox", { name: "Yearly cut" });
    await box.waitFor();
    await box.evaluate((input) => {
      const w = window as unknown as { __latency: number[] };
      w.__latency = [];
      let t0 = 0;
      input.addEventListener("input", () => (t0 = performance.now()), true);
      const live = document.querySelector("[data-testid=model-headline]")!;
      new MutationObserver(() => {
        if (!t0) return;
        const start = t0;
        t0 = 0;
        requestAnimationFrame(() => w.__latency.push(performance.now() - start));
      }).observe(live, { subtree: true, childList: true, characterData: true });
    });
    const values = ["6%", "7.5%", "9%", "£250,000", "12.25%", "5%"];
    for (const v of values) {
      await box.fill(v);
      await page.waitForFunction(
        (n) => (window as unknown as { __latency: number[] }).__latency.length >= n,
        values.indexOf(v) + 1
      );
      expect(await headlineText()).toEqual(expected({ overtimeMode: "cut", overtimeCut: v }));
    }
    const latency = await page.evaluate(
      () => (window as unknown as { __latency: number[] }).__latency
    );
    const computeMs = Number(
      await page.getByTestId("model-headline").getAttribute("data-model-ms")
    );
    console.log(
      `Model step: input to results painted, ms: ${latency.map((x) => x.toFixed(1)).join(", ")}; core run for the last change ${computeMs} ms`
    );
    expect(Math.max(...latency)).toBeLessThan(200);
  });

  test("a lever that cannot be read says why beside its box, and the rest still runs", async () => {
    const box = s.page.getByRole("textbox", { name: "Yearly cut" });
    await box.fill("five");
    await s.page
      .getByText("This cannot be used: write a percentage such as 5% or a fraction such as 0.05.")
      .waitFor();
    await s.page.getByText("1 lever cannot be read and is left out").waitFor();
    await box.fill("100%");
    // Read, but out of range: the model answers with a finding, not a number.
    await s.page.getByText(/A yearly overtime cut of 100% cannot be modelled/).waitFor();
    await box.fill("5%");
  });

  test("keeping a scenario stores it in the add-in's settings; Use as our targets puts it in the statement", async () => {
    const page = s.page;
    await page.getByRole("textbox", { name: "Name" }).fill("Cut 5%");
    await page.getByRole("button", { name: "Keep this scenario" }).click();
    await page.getByText('"Cut 5%" is kept in the workbook.').waitFor();
    const settings = await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings());
    expect(settings.scenarios).toEqual([
      expect.objectContaining({
        name: "Cut 5%",
        levers: expect.objectContaining({ overtime: { kind: "rate", rate: 0.05 } }),
      }),
    ]);
    // Never in the user's sheets.
    const sheets = await page.evaluate(() =>
      window
        .__vfmPreview!.gateway.toGrid()
        .sheets.filter((x) => !x.addinOwned)
        .map((x) => JSON.stringify(x.values))
    );
    expect(sheets.join("")).not.toContain("Cut 5%");
    await page.locator("[data-table=model-comparison]").waitFor();
    await expect(
      page.locator("[data-table=model-comparison] th").allTextContents()
    ).resolves.toEqual(expect.arrayContaining(["The workbook's plan", "Cut 5%"]));
    await page.getByRole("button", { name: "Use Cut 5% as our targets" }).click();
    await page.getByText(/"Cut 5%" is now the force's targets/).waitFor();
    await page.getByText('The force\'s targets are set from "Cut 5%".').waitFor();
    await page
      .getByRole("tablist", { name: "Steps" })
      .getByRole("tab", { name: "Statement", exact: true })
      .click();
    await page.getByRole("button", { name: "Preview the statement" }).click();
    const preview = page.getByTestId("statement-preview");
    await preview.getByText("Our targets").first().waitFor({ timeout: 60_000 });
    await preview.getByText("Targets: overtime as a share of paybill, by year").first().waitFor();
    // Tidy up: no targets, no scenarios.
    await page
      .getByRole("tablist", { name: "Steps" })
      .getByRole("tab", { name: "Model", exact: true })
      .click();
    await page.getByRole("button", { name: "Stop using as targets" }).click();
    await page.getByText("No targets are set from a scenario.").waitFor();
    await page.getByRole("button", { name: "Delete Cut 5%" }).click();
    await page.getByText("No scenario is kept yet.").waitFor();
  });

  test("the levers work with the keyboard alone", async () => {
    const page = s.page;
    await page
      .getByRole("radio", { name: "The smallest yearly cut that reaches the threshold by a year" })
      .focus();
    await page.keyboard.press("ArrowDown"); // to "A yearly cut I choose"
    await expect(
      page.getByRole("radio", { name: "A yearly cut I choose" }).isChecked()
    ).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("type"))).resolves.toBe(
      "text"
    );
    await page.keyboard.press("Control+A");
    await page.keyboard.type("8%");
    await page.getByText(/a cut of 8% a year/).waitFor();
  });
});
