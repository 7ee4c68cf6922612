import { NO_DOWNLOADS_TEXT } from "../../src/taskpane/steps/StatementStep";

// Where the host cannot save files the pane offers no download button (StatementStep renders
// this note instead); the note names a way that works there, and never says "downloaded".
test("the note for hosts without downloads offers what works there", () => {
  expect(NO_DOWNLOADS_TEXT).toMatch(/cannot be downloaded here/);
  expect(NO_DOWNLOADS_TEXT).toMatch(/Generate into the workbook/);
  expect(NO_DOWNLOADS_TEXT).toMatch(/Excel on the web or Excel for Windows/);
  expect(NO_DOWNLOADS_TEXT).not.toMatch(/\bDownloaded\b/);
});
