/**
 * Browser test harness: serves the preview build (dist-preview) on a loopback port and drives
 * Debian's Chromium with playwright-core. Every request to anything but loopback is blocked and
 * recorded, and so is every page error and console error; tests assert there were none.
 */
import { createServer, Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { AddressInfo } from "node:net";
import { Browser, BrowserContext, Locator, Page, chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";

export const DIST = join(__dirname, "..", "..", "dist-preview");
export const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".json": "application/json",
};

/** A static server over dist-preview, sending the same CSP header as the dev server does. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(DIST, path === "/" ? "index.html" : path));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end("Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function isLoopback(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  if (url.startsWith("data:") || url.startsWith("blob:")) return true;
  return (
    host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests to anything but loopback (all blocked). */
  blocked: string[];
  /** Page errors and console errors. */
  errors: string[];
}

export async function openBrowser(): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console error: ${m.text()}`);
  });
  return { browser, context, page, blocked, errors };
}

/**
 * WCAG 2.1 AA violations on the page, as one line each ("rule: help (count) targets").
 * Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, which Fluent's tab
 * lists and dialogs add) are left out: they exist only to pass focus on at once, and are a known
 * false positive of aria-hidden-focus (microsoft/tabster#288; Accessibility Insights excludes them too).
 * `include` limits the check to part of the page (e.g. the task pane, not the preview's grid).
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // Colours are read once every finite animation or transition (a panel fading in) has
  // finished: mid-fade, text is paler than it will be, and axe would report its contrast.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined))
    ).then(() => undefined)
  );
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude("[data-tabster-dummy]")
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`
  );
}

/** The preview served, a browser on it at 1280x900, and the pane's steps shown. */
export async function openPane(query = ""): Promise<{
  server: { url: string; close: () => Promise<void> };
  session: Session;
  page: Page;
}> {
  const server = await serveDist();
  const session = await openBrowser();
  const page = session.page;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}${query}`);
  await page.getByRole("tablist", { name: "Steps" }).waitFor({ timeout: 60_000 });
  return { server, session, page };
}

/** Clicks the step's tab. */
export async function clickStep(page: Page, label: string): Promise<void> {
  await page
    .getByRole("tablist", { name: "Steps" })
    .getByRole("tab", { name: label, exact: true })
    .click();
}

/**
 * Clicks the step's tab and waits until its panel shows with the parts it fetches on showing:
 * the later steps' chunk (the panel's "Opening the … step" placeholder gone) and, on the Data
 * step, the corrections and the input sheets (the data-tools chunk, whose Suspense shows nothing
 * until its last section, "Start from nothing" (#data-template), is in). A step read before then
 * reads short of what it shows a moment later.
 */
export async function showStep(page: Page, label: string): Promise<Locator> {
  await clickStep(page, label);
  // Only the shown panel is in the accessibility tree: the one this tab labels.
  const panel = page.getByRole("tabpanel", { name: label, exact: true });
  await panel.waitFor();
  await panel.getByText(`Opening the ${label} step`).waitFor({ state: "detached" });
  if (label === "Data") await panel.locator("#data-template").waitFor();
  return panel;
}
