/**
 * Sheets read without knowing their hidden rows or merged areas (SheetGrid.layoutUnknown): Excel
 * would not list them for that sheet. The figures are still read, so the user is told which
 * sheets, what that means for their figures, and what to look at.
 */
import { Finding, finding } from "../findings";
import { SheetGrid } from "../grid";
import { listWords } from "../plainEnglish";

const quoted = (sheets: readonly SheetGrid[]) => listWords(sheets.map((s) => `"${s.name}"`));
const sheetWord = (sheets: readonly SheetGrid[]) => (sheets.length === 1 ? "sheet" : "sheets");

/** One finding for the sheets whose hidden rows are unknown, one for those whose merges are. */
export function unknownLayoutFindings(sheets: readonly SheetGrid[]): Finding[] {
  const rows = sheets.filter((s) => s.layoutUnknown?.hiddenRows);
  const merges = sheets.filter((s) => s.layoutUnknown?.merges);
  const out: Finding[] = [];
  if (rows.length > 0)
    out.push(
      finding(
        "warning",
        "HIDDEN_ROWS_UNKNOWN",
        `Excel did not say which rows of ${sheetWord(rows)} ${quoted(rows)} are hidden, so every row there was read as visible: the figures of any hidden row count, and are not listed as hidden.`,
        { sheet: rows[0].name },
        "Check those sheets for hidden rows (Home > Format > Hide & Unhide) and unhide or delete any whose figures should not count; then read the workbook again."
      )
    );
  if (merges.length > 0)
    out.push(
      finding(
        "info",
        "MERGED_CELLS_UNKNOWN",
        `Excel did not list the merged cells of ${sheetWord(merges)} ${quoted(merges)}, so a heading merged across several columns was read in its first column only.`,
        { sheet: merges[0].name },
        "If a year or heading there spans merged cells, check in the Data step that each column has the year it should."
      )
    );
  return out;
}
