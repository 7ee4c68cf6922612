/**
 * Offline manifest check (Microsoft's online validator, `npm run validate`, is not reachable
 * from CI): the XML parses with the elements an Excel task-pane add-in needs, IDs are GUIDs,
 * every icon exists at the size it claims, and every URL shares one origin.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseStringPromise } from "xml2js";

const root = join(__dirname, "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Node = { [key: string]: Node[] | string | Node } & { $?: Record<string, string>; _?: string };
const first = (n: Node, key: string): Node => {
  const v = n[key];
  if (!Array.isArray(v) || v.length === 0) throw new Error(`manifest: <${key}> missing`);
  return v[0] as Node;
};

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("the production manifest", () => {
  test("takes every URL from one setting: the development origin is replaced everywhere", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { rewriteOrigin } = require("../scripts/manifest-origin.js");
    const out: string = rewriteOrigin(xml, "https://vfm.force.police.uk/addin/");
    expect(out).not.toMatch(/"https:\/\/localhost|>https:\/\/localhost/);
    expect(out).toContain(
      '<SourceLocation DefaultValue="https://vfm.force.police.uk/addin/taskpane.html"/>'
    );
    expect(out).toContain("<AppDomain>https://vfm.force.police.uk</AppDomain>");
  });
});

describe("manifest.xml", () => {
  let app: Node;
  beforeAll(async () => {
    app = (await parseStringPromise(xml)).OfficeApp as Node;
  });

  test("is a task-pane add-in for Excel workbooks with ReadWriteDocument permission", () => {
    expect(app.$?.["xsi:type"]).toBe("TaskPaneApp");
    expect(first(first(app, "Hosts"), "Host").$?.Name).toBe("Workbook");
    expect(first(app, "Permissions") as unknown).toBe("ReadWriteDocument");
    for (const el of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "DefaultSettings",
      "VersionOverrides",
    ]) {
      expect(app[el]).toBeDefined();
    }
  });

  test("its Id is a GUID", () => {
    expect(String(first(app, "Id"))).toMatch(GUID);
  });

  test("a button in a group on the Home tab opens the task pane", () => {
    const host = first(first(first(app, "VersionOverrides"), "Hosts"), "Host");
    expect(host.$?.["xsi:type"]).toBe("Workbook");
    const ext = first(first(host, "DesktopFormFactor"), "ExtensionPoint");
    expect(ext.$?.["xsi:type"]).toBe("PrimaryCommandSurface");
    const tab = first(ext, "OfficeTab");
    expect(tab.$?.id).toBe("TabHome");
    const control = first(first(tab, "Group"), "Control");
    expect(control.$?.["xsi:type"]).toBe("Button");
    const action = first(control, "Action");
    expect(action.$?.["xsi:type"]).toBe("ShowTaskpane");
    expect(first(action, "SourceLocation").$?.resid).toBe("Taskpane.Url");
  });

  test("every icon exists in assets/ at the size it claims: 16, 32, 64 and 80 px", () => {
    const images = [...xml.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
    const sizes = new Set(images.map((m) => Number(m[2])));
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    for (const [, file, size] of images) {
      const path = join(root, "assets", file);
      expect(existsSync(path)).toBe(true);
      expect(pngSize(path)).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  test("every URL shares one origin, https://localhost:3000 for development", () => {
    const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"|>(https?:\/\/[^<]+)</g)]
      .map((m) => m[1] ?? m[2])
      .filter(
        (u) => !u.startsWith("http://schemas.microsoft.com") && !u.startsWith("http://www.w3.org")
      );
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(
      new Set(["https://localhost:3000"])
    );
  });

  test("every resid the ribbon uses is defined once in Resources", () => {
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of used) expect(defined).toContain(id);
  });
});
