import { CancelledError, GatewayError } from "../../src/core/gateway";
import {
  OfficeGatewayError,
  isPayloadTooLarge,
  officeErrorMessage,
  toGatewayError,
} from "../../src/excel/errors";
import { FakeOfficeError } from "../fakes/fakeExcel";

const budgetRange = { action: "reading", sheet: "Budget 2010", range: "A1:F5000" };

describe("Office errors to plain English", () => {
  test.each([
    [
      "ItemNotFound",
      /could not find the sheet "Budget 2010" \('Budget 2010'!A1:F5000\) while reading/,
    ],
    ["InvalidArgument", /did not accept .* in 'Budget 2010'!A1:F5000/],
    ["AccessDenied", /protected, shared read-only, or opened in view mode/],
    ["RequestPayloadSizeLimitExceeded", /too large for Excel to hand over/],
    ["ResponsePayloadSizeLimitExceeded", /too large for Excel to hand over/],
    [
      "GeneralException",
      /Excel reported a problem while reading in 'Budget 2010'!A1:F5000\. Save the workbook/,
    ],
    ["InvalidOperationInCellEditMode", /Press Enter or Esc/],
    ["ItemAlreadyExists", /already exists/],
    ["MergedRangeConflict", /Merged cells/],
    ["Conflict", /Someone else changed/],
    ["ApiNotFound", /This version of Excel cannot/],
    ["SomethingNew", /Excel reported a problem/],
  ])("%s", (code, expected) => {
    const err = toGatewayError(new FakeOfficeError(code, "raw text from Excel"), budgetRange);
    expect(err).toBeInstanceOf(OfficeGatewayError);
    expect(err.message).toMatch(expected);
    expect((err as OfficeGatewayError).code).toBe(code);
    // The place the user can go to, in the form the task pane shows.
    expect((err as GatewayError).where).toBe("'Budget 2010'!A1:F5000");
    // Excel's own wording never reaches the user.
    expect(err.message).not.toMatch(/raw text/);
  });

  test("a whole sheet, several sheets, or the workbook", () => {
    expect(
      officeErrorMessage("AccessDenied", { action: "writing", sheet: "VfM Statement" })
    ).toMatch(/on the sheet "VfM Statement"/);
    expect(
      officeErrorMessage("AccessDenied", { action: "writing", sheets: ["A", "B", "C"] })
    ).toMatch(/on the sheets "A", "B" and "C"/);
    expect(officeErrorMessage("GeneralException", { action: "listing the sheets" })).toMatch(
      /while listing the sheets in this workbook/
    );
  });

  test("cancellation and our own errors pass through unchanged", () => {
    const cancelled = new CancelledError();
    expect(toGatewayError(cancelled, budgetRange)).toBe(cancelled);
    const ours = new GatewayError("The sheet is hidden.", "Budget");
    expect(toGatewayError(ours, budgetRange)).toBe(ours);
  });

  test("anything else is wrapped with the place and its message kept for support", () => {
    const err = toGatewayError(new TypeError("x is undefined"), budgetRange);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.message).toMatch(/while reading in 'Budget 2010'!A1:F5000 \(x is undefined\)/);
  });

  test("payload refusals are recognised by their code alone, in any language", () => {
    expect(isPayloadTooLarge(new FakeOfficeError("RequestPayloadSizeLimitExceeded", ""))).toBe(
      true
    );
    expect(isPayloadTooLarge(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", ""))).toBe(
      true
    );
    // Office.js maps the host's size refusal (5103, 5104) to those codes itself; the message is
    // in the user's language, so it is never read: an English message under another code is
    // not a size refusal, and a French one under the size code is.
    expect(
      isPayloadTooLarge(
        new FakeOfficeError("GeneralException", "The request payload size has exceeded the limit.")
      )
    ).toBe(false);
    expect(
      isPayloadTooLarge(
        new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          "La taille de la charge utile de la demande a dépassé la limite."
        )
      )
    ).toBe(true);
    expect(isPayloadTooLarge(new Error("payload size"))).toBe(false);
  });
});

describe("through the gateway", () => {
  // End to end: a failure Excel reports in the middle of a read names the chunk being read.
  test("a GeneralException during a chunked read names the sheet and rows", async () => {
    const { FakeExcel } = await import("../fakes/fakeExcel");
    const { OfficeGateway } = await import("../../src/excel/officeGateway");
    const { tallSheet } = await import("./fixtures");
    const fake = FakeExcel.fromGrid({ sheets: [tallSheet("Ledger", 30_000)] });
    // Sync 1 lists, sync 2 reads the first window, sync 3 is the first chunk.
    fake.failSync("GeneralException", { atSync: 3 });
    // The retry without visible cells and merges fails too.
    fake.failSync("GeneralException", { atSync: 4 });
    const err = await new OfficeGateway(fake.run).readWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeGatewayError);
    expect((err as Error).message).toMatch(
      /^Excel reported a problem while reading in Ledger!A\d+:H\d+\./
    );
  });
});
