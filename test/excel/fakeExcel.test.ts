/** The recording fake keeps Office.js's rules; if it did not, the gateway's tests would prove nothing. */
import { FakeExcel, FakeOfficeError } from "../fakes/fakeExcel";

function fake(): FakeExcel {
  return FakeExcel.fromGrid({
    sheets: [
      {
        name: "Budget",
        values: [
          ["Pay", 1000],
          ["Overtime", 50],
        ],
      },
    ],
  });
}

describe("the fake Excel", () => {
  test("a property is unreadable before load, and after load until sync", async () => {
    await fake().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Budget").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load -- reading before the sync is what this test checks
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["Pay", 1000],
        ["Overtime", 50],
      ]);
      expect(() => range.numberFormat).toThrow(/not available/);
    });
  });

  test("changes happen at sync, in order, and are counted with their bytes", async () => {
    const f = fake();
    await f.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Budget").getRange("A3:B3");
      range.values = [["Total", 1050]];
      expect(f.model.sheet("Budget")?.cell(2, 0)).toBeNull();
      await context.sync();
    });
    expect(f.model.sheet("Budget")?.cell(2, 0)).toBe("Total");
    expect(f.syncCount).toBe(1);
    // The values as JSON, [["Total",1050]], are 18 bytes of the request.
    expect(f.requests[0].requestBytes).toBeGreaterThanOrEqual(18);
  });

  test("a failing operation rejects the sync with an Office error code", async () => {
    const err = await fake()
      .run(async (context) => {
        context.workbook.worksheets.getItem("Nope").activate();
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FakeOfficeError);
    expect((err as FakeOfficeError).code).toBe("ItemNotFound");
  });

  test("requests over the configured size are refused whole", async () => {
    const f = FakeExcel.fromGrid({ sheets: [{ name: "S", values: [] }] }, { maxRequestBytes: 100 });
    const err = await f
      .run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [["x".repeat(200)]];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect((err as FakeOfficeError).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(f.model.sheet("S")?.cell(0, 0)).toBeNull();
  });

  test("reads of more than 5 million cells are refused, as Excel does", async () => {
    const err = await fake()
      .run(async (context) => {
        const all = context.workbook.worksheets.getItem("Budget").getRange("A:Z");
        all.load("values");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect((err as FakeOfficeError).code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});
