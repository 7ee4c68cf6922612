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
    levers: readDraft(draft, core.analysis.policy.businessSupport.threshold).levers,
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

  test("a business-support share other than 7%: the fewest posts to get below 6.5%", async () => {
    const page = s.page;
    await page
      .getByRole("radio", { name: "The fewest posts to get below the threshold by a year" })
      .check();
    const share = page.getByRole("textbox", { name: "Share of the workforce to get below" });
    await expect(share.inputValue()).resolves.toBe("7%");
    await share.fill("6.5%");
    const want = expected({ overtimeMode: "cut", overtimeCut: "8%", supportShare: "6.5%" });
    expect(want[1]).toMatch(/the fewest to get below 6\.5% by 2013\/14/);
    await page.getByText(/the fewest to get below 6\.5% by 2013\/14/).waitFor();
    expect(await headlineText()).toEqual(want);
    await share.fill("six");
    await page
      .getByText("This cannot be used: write a percentage such as 5% or a fraction such as 0.05.")
      .waitFor();
    await share.fill("7%");
  });

  test("each contract moves on the date chosen or stays, with local saving rates; kept and loaded back", async () => {
    const page = s.page;
    await page.getByText(/^Contracts still to move \(16\)/).click();
    const armour = core.analysis.procurement.opportunities.find(
      (o) => o.category === "bodyArmour"
    )!;
    const cell = `${/[^A-Za-z0-9_]/.test(armour.cell.sheet) ? `'${armour.cell.sheet}'` : armour.cell.sheet}!${armour.cell.address}`;
    const stays = page.getByRole("checkbox", {
      name: "Body armour (Shieldwell Protective Ltd) stays on its contract",
    });
    await stays.check();
    await page.getByText(/^Contracts still to move \(16; 1 changed\)/).waitFor();
    await page.getByText(/^Saving rates \(/).click();
    await page.getByRole("textbox", { name: "Vehicles: saving rate" }).fill("5%");
    const draft = {
      overtimeMode: "cut" as const,
      overtimeCut: "8%",
      moves: { [cell]: { date: "", stays: true } },
      rates: { vehicles: "5%" },
    };
    const want = expected(draft);
    // Body armour's £312,500 at 3% (£9,375) is lost; the vehicles' £2,620,000 at 5% (£131,000)
    // is gained: the full-year saving the headline gives moves by £121,625.
    expect(want[2]).toMatch(/^Procurement: 15 contracts move, saving /);
    await page.getByText(/^Procurement: 15 contracts move/).waitFor();
    expect(await headlineText()).toEqual(want);
    // A date of its own for a contract.
    const drugs = page.getByRole("textbox", {
      name: "Forensic analysis: drugs (Analytica Laboratories): moves on",
    });
    await drugs.fill("2011-07-01");
    await page.getByText(/^Contracts still to move \(16; 2 changed\)/).waitFor();
    // Kept, the levers are in the add-in's settings; loaded, the boxes come back.
    await page.getByRole("textbox", { name: "Name" }).fill("Armour stays");
    await page.getByRole("button", { name: "Keep this scenario" }).click();
    await page.getByText('"Armour stays" is kept in the workbook.').waitFor();
    const settings = await page.evaluate(() => window.__vfmPreview!.gateway.loadSettings());
    const kept = (settings.scenarios as { name: string; levers: { procurement?: unknown } }[])[0];
    expect(kept.levers.procurement).toEqual({
      moves: expect.arrayContaining([
        { cell, date: null },
        { cell: expect.stringMatching(/!B10$/), date: "2011-07-01" },
      ]),
      rates: { vehicles: 0.05 },
    });
    await page.getByRole("button", { name: "Start again" }).click();
    await expect(stays.isChecked()).resolves.toBe(false);
    await page.getByRole("button", { name: "Load Armour stays" }).click();
    await expect(stays.isChecked()).resolves.toBe(true);
    await expect(drugs.inputValue()).resolves.toBe("2011-07-01");
    await expect(
      page.getByRole("textbox", { name: "Vehicles: saving rate" }).inputValue()
    ).resolves.toBe("5%");
    expect(await axeViolations(s.page, "[data-testid=taskpane]")).toEqual([]);
    await page.getByRole("button", { name: "Delete Armour stays" }).click();
    await page.getByText("No scenario is kept yet.").waitFor();
  });
});
