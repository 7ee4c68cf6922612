/**
 * The Benchmarks step's most similar group (GroupPicker), rendered as the pane renders it: a
 * group named in the workbook's Settings sheet ("Most similar forces") is said, with its cell,
 * and its forces start ticked by their official names; a group chosen in the pane takes its
 * place; with neither, the pane says none is chosen.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { sheetFromRows } from "../../src/core/sample/gridBuilder";
import { WorkbookGrid } from "../../src/core/grid";
import { StoredSettings } from "../../src/core/gateway";
import { GroupPicker } from "../../src/taskpane/components/NationalComparison";
import { PaneApi, PaneContext } from "../../src/taskpane/PaneContext";

function shown(workbook: WorkbookGrid, settings: StoredSettings = {}): string {
  const api = {
    result: runVfm(workbook),
    settings,
    applySettings: async () => undefined,
  } as unknown as PaneApi;
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={api}>
        <GroupPicker />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/\s+/g, " ");

/** The names of the ticked boxes. */
function ticked(html: string): string[] {
  return [...html.matchAll(/<input type="checkbox"[^>]*>/g)]
    .filter((m) => m[0].includes('checked=""'))
    .map((m) => {
      const id = /id="([^"]+)"/.exec(m[0])?.[1] ?? "";
      return new RegExp(`<label for="${id}"[^>]*>([^<]+)<`).exec(html)?.[1] ?? id;
    });
}

function withSheetGroup(value: string): WorkbookGrid {
  const w = exampleshireFreeForm();
  return {
    ...w,
    sheets: [
      ...w.sheets,
      sheetFromRows("Settings", [
        ["Setting", "Value"],
        ["Most similar forces", value],
      ]),
    ],
  };
}

test("the Settings sheet's group is said with its cell, its forces ticked by their official names", () => {
  const html = shown(withSheetGroup("Dyfed-Powys; North Wales; Gwent"));
  expect(text(html)).toContain(
    "Most similar forces: Dyfed-Powys Police, North Wales Police and Gwent Police, from the Settings sheet (Settings!B2); forces chosen here take their place."
  );
  expect(ticked(html).sort()).toEqual(["Dyfed-Powys Police", "Gwent Police", "North Wales Police"]);
});

test("a group chosen in the pane takes the Settings sheet's place", () => {
  const html = shown(withSheetGroup("Dyfed-Powys; North Wales"), {
    mostSimilarGroup: ["Cumbria Constabulary", "Durham Constabulary"],
  });
  expect(text(html)).toContain(
    "Most similar forces: Cumbria Constabulary and Durham Constabulary. No published file"
  );
  expect(text(html)).not.toContain("from the Settings sheet");
  expect(ticked(html).sort()).toEqual(["Cumbria Constabulary", "Durham Constabulary"]);
});

test("with neither, none is chosen and nothing is ticked", () => {
  const html = shown(exampleshireFreeForm());
  expect(text(html)).toContain("Most similar forces: none chosen. No published file");
  expect(ticked(html)).toEqual([]);
});
