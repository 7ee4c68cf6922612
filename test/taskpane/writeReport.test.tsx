/**
 * The pane tells the user what a write left out: the WriteResult of a real write (the Office
 * gateway through Microsoft's Excel client runtime, on a host that refuses the paper size and the
 * charts' names) rendered by the pane's WriteReport, every note shown under the sheets written.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { draftStatement, runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { WriteResult } from "../../src/core/gateway";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { renderStatementWritePlan } from "../../src/render/excel";
import { WriteReport } from "../../src/taskpane/components/WriteReport";
import { PaneApi, PaneContext } from "../../src/taskpane/PaneContext";
import { ExcelRuntimeHost } from "../fakes/excelHost";

function shown(result: WriteResult): string {
  const api = { goToSheet: () => undefined } as unknown as PaneApi;
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={api}>
        <WriteReport result={result} title="The statement was written" />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

/** The text of the page, tags dropped and entities of the quotes undone. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("what a write left out is shown in the pane", () => {
  const sample = exampleshireFreeForm();
  const plan = renderStatementWritePlan(
    draftStatement(runVfm(sample), { generatedAt: "2011-03-31T00:00:00Z" })
  );

  test("every note, under the sheets written, in a list of its own", async () => {
    const host = ExcelRuntimeHost.fromGrid(sample, {
      refuse: ["PageLayout.paperSize", "Chart.name"],
    });
    const result = await new OfficeGateway(host.run).applyWritePlan(plan);
    expect(result.notes?.length).toBeGreaterThan(1);
    const html = shown(result);
    const words = text(html);
    for (const note of result.notes ?? []) expect(words).toContain(note);
    for (const s of plan.sheets) expect(words).toContain(`Wrote the sheet "${s.name}".`);
    expect(html).toContain('aria-label="Settings left out"');
    const list = html.slice(html.indexOf('aria-label="Settings left out"'));
    expect(list.match(/<li/g)?.length).toBeGreaterThanOrEqual(result.notes?.length ?? 0);
    expect(html).not.toContain("undefined");
  });

  test("a write Excel took whole shows no notes", async () => {
    const result = await new OfficeGateway(ExcelRuntimeHost.fromGrid(sample).run).applyWritePlan(
      plan
    );
    expect(result.notes).toBeUndefined();
    const html = shown(result);
    expect(html).not.toContain("Settings left out");
    expect(text(html)).toContain(`Wrote the sheet "${plan.sheets[0].name}".`);
  });
});
