import { execFileSync } from "child_process";
import { readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";

const FILE = join(__dirname, "..", "..", "src", "taskpane", "oldWebview.js");
const source = readFileSync(FILE, "utf8");

/** Runs the script in a page with the given user agent; returns what #root then says. */
function pageWith(userAgent: string): { text: string; role?: string; flag?: unknown } {
  const children: { text: string; role?: string }[] = [
    { text: "Loading the Value for Money pane…" },
  ];
  const root = {
    get firstChild() {
      return children[0];
    },
    removeChild: () => children.shift(),
    appendChild: (c: { text: string; role?: string }) => children.push(c),
  };
  const document = {
    readyState: "interactive",
    getElementById: (id: string) => (id === "root" ? root : null),
    createElement: () => {
      const el = { text: "", role: undefined as string | undefined, className: "" };
      return {
        ...el,
        setAttribute(name: string, v: string) {
          if (name === "role") this.role = v;
        },
        appendChild(t: { text: string }) {
          this.text += t.text;
        },
      };
    },
    createTextNode: (text: string) => ({ text }),
    addEventListener() {},
  };
  const window: Record<string, unknown> = { navigator: { userAgent } };
  runInNewContext(source, { window, document });
  return {
    text: children.map((c) => c.text).join(""),
    role: children[0]?.role,
    flag: window.vfmUnsupportedWebview,
  };
}

const AGENTS = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
  macWebview:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  firefox: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
};

describe("the old-webview script (before the bundle)", () => {
  test.each([
    ["Internet Explorer 11 (Trident)", AGENTS.ie11],
    ["the old Edge (EdgeHTML 18)", AGENTS.edgeHtml],
  ])("%s gets a plain message naming what to update, announced to screen readers", (_name, ua) => {
    const shown = pageWith(ua);
    expect(shown.text).toMatch(/cannot run the Value for Money pane/);
    expect(shown.text).toMatch(/Microsoft 365 \(Version 2101 or later\)/);
    expect(shown.text).toMatch(/WebView2/);
    expect(shown.text).toMatch(/Excel on the web/);
    expect(shown.role).toBe("alert");
    expect(shown.flag).toBe(shown.text);
  });

  test.each([
    ["Edge WebView2 (Chromium)", AGENTS.webView2],
    ["Excel for Mac's WKWebView", AGENTS.macWebview],
    ["Firefox (Excel on the web)", AGENTS.firefox],
  ])("%s is left alone: the pane loads as usual", (_name, ua) => {
    expect(pageWith(ua)).toEqual({
      text: "Loading the Value for Money pane…",
      role: undefined,
      flag: undefined,
    });
  });

  test("is ES5, so Internet Explorer can run it (es-check)", () => {
    const bin = join(__dirname, "..", "..", "node_modules", "es-check", "lib", "cli", "index.js");
    const out = execFileSync(process.execPath, [bin, "es5", FILE], { encoding: "utf8" });
    expect(out).toMatch(/passed/i);
  });

  test("no source file uses regex lookbehind (Safari before 16.4 cannot load a script with one)", () => {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|js)$/.test(name) && /\(\?<[=!]/.test(readFileSync(path, "utf8")))
          found.push(path);
      }
    };
    walk(join(__dirname, "..", "..", "src"));
    expect(found).toEqual([]);
  });
});
