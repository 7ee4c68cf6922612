import { CancelledError, GatewayError } from "../../src/core/gateway";
import { plainError } from "../../src/taskpane/model/errors";
import { copyFileName, statementFileName } from "../../src/taskpane/model/files";

describe("errors in plain English", () => {
  test("a gateway's error keeps its words and its place, with a way forward", () => {
    const e = plainError(
      new GatewayError('The sheet "Budget" is protected.', "Budget"),
      "writing the statement"
    );
    expect(e).toEqual({
      title: "There was a problem writing the statement",
      message: 'The sheet "Budget" is protected.',
      where: "Budget",
      forward:
        "Nothing of yours was changed. Make sure the workbook is not protected and no cell is being edited, then try again.",
    });
  });

  test("a cancellation is not an error", () => {
    expect(plainError(new CancelledError(), "reading").title).toBe("Reading was cancelled");
  });

  test("anything else is wrapped in a sentence, with no stack or code", () => {
    const e = plainError(new TypeError("x is undefined"), "checking");
    expect(e.message).toBe("Something unexpected happened: x is undefined.");
    expect(e.where).toBeUndefined();
    expect(plainError("odd", "reading").message).toBe("Something unexpected happened: odd.");
  });
});

describe("download file names", () => {
  test("the force, the document and the date, safe on every system", () => {
    expect(statementFileName("Exampleshire Constabulary", "2026-11-22T10:00:00Z", "docx")).toBe(
      "Exampleshire Constabulary - Value for Money Statement - 2026-11-22.docx"
    );
    expect(statementFileName('Avon/Somerset: "test"', "2010-04-01", ".docx")).toBe(
      "Avon Somerset test - Value for Money Statement - 2010-04-01.docx"
    );
    expect(statementFileName("  ", "not a date", "docx")).toBe(
      "Police force - Value for Money Statement.docx"
    );
  });
});

describe("the preview's saved copy", () => {
  test("keeps the workbook's name, marked as a copy, always .xlsx", () => {
    expect(copyFileName("exampleshire-freeform.xlsx")).toBe("exampleshire-freeform (copy).xlsx");
    expect(copyFileName("Budget 2010/11: draft.ods")).toBe("Budget 2010 11 draft (copy).xlsx");
    expect(copyFileName("")).toBe("workbook (copy).xlsx");
  });
});
