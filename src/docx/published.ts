/**
 * A published Word statement made ready for the inspector's check (core/check/document.ts): the
 * statement is drafted again from the workbook, written by the add-in's Word renderer and read
 * back by the same reader as the document, in the money unit that matches the document best
 * (a statement drafted in £000 is compared in £000), with the Authority and the approval date the
 * document gives (they are the Authority's to give, not the workbook's).
 */
import {
  DocBlock,
  MoneyUnit,
  PublishedStatement,
  VfmResult,
  documentClaims,
  documentDifferenceCount,
  draftStatement,
} from "../core";
import { renderPapersDocx, renderStatementDocx } from "../render/docx";
import { readDocxBlocks } from "./read";

/** Any fixed date: the "Drafted on" lines match whatever date they hold. */
const DRAFTED_AT = "2000-01-01T00:00:00Z";
const UNITS: readonly MoneyUnit[] = ["£", "£000", "£m"];
/** A handful of differences means the unit fits; more, and the other units are tried. */
const FEW = 10;

export async function publishedStatementOf(
  result: VfmResult,
  found: readonly DocBlock[],
  names: { readonly document: string; readonly workbook?: string }
): Promise<PublishedStatement> {
  const usual = result.analysis.unit ?? result.data.budget.unit ?? "£";
  const claims = documentClaims(found);
  // The working papers open with their own title; the statement with the Authority's name.
  const firstHeading = found.find((b) => b.kind === "heading");
  const papers = firstHeading?.kind === "heading" && /^Working papers\b/i.test(firstHeading.text);
  let best: { doc: PublishedStatement; misses: number } | undefined;
  for (const unit of [usual, ...UNITS.filter((u) => u !== usual)]) {
    const options = {
      generatedAt: DRAFTED_AT,
      unit,
      ...(names.workbook ? { workbookName: names.workbook } : {}),
      ...(claims.approved ? { approved: claims.approved } : {}),
    };
    let statement = draftStatement(result, options);
    // The Authority's name comes from the workbook where it gives one; else from the document.
    if (statement.authority.from === "none" && claims.authority)
      statement = draftStatement(result, { ...options, authority: claims.authority });
    const expected = await readDocxBlocks(
      await (papers ? renderPapersDocx(statement) : renderStatementDocx(statement))
    );
    const doc: PublishedStatement = {
      name: names.document,
      found,
      expected,
      statement,
      ...(papers ? { document: "papers" as const } : {}),
    };
    const misses = documentDifferenceCount(doc);
    if (!best || misses < best.misses) best = { doc, misses };
    if (misses <= FEW) break;
  }
  // The loop runs at least once.
  return (best as { doc: PublishedStatement }).doc;
}
