/**
 * The load-before-read discipline, checked with office-addin-mock: its objects hand back an
 * error text instead of a property that was not loaded, or loaded but not synced, so a gateway
 * that read too early would see "Error, property was not loaded" where it expects "Visible".
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock takes only the OfficeApp enum from office-addin-manifest, whose main module
// pulls in an ES-module-only dependency that jest's CommonJS runtime cannot load. Hand the mock
// the enum's own module instead.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { GatewayError } from "../../src/core/gateway";
import { ExcelRun, OfficeGateway } from "../../src/excel/officeGateway";

interface MockState {
  requested?: string;
  activated?: boolean;
  selected?: string;
}

function excelMock(visibility: string, state: MockState): OfficeMockObject {
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: "Overtime",
            visibility,
            activate: function (): void {
              state.activated = true;
            },
            getRange: function (address: string): { select: () => void } {
              return { select: () => (state.selected = address) };
            },
          },
          getItem: function (this: { sheet: unknown }, name: string): unknown {
            state.requested = name;
            return this.sheet;
          },
        },
      },
    },
    run: async function (
      this: { context: unknown },
      batch: (context: unknown) => Promise<unknown>
    ): Promise<unknown> {
      return batch(this.context);
    },
  });
}

/** The mock's run as the gateway's Excel.run. */
function runOf(mock: OfficeMockObject): ExcelRun {
  const m = mock as unknown as { run: (batch: unknown) => Promise<unknown> };
  return ((batch: unknown) => m.run(batch)) as ExcelRun;
}

describe("office-addin-mock: the gateway loads and syncs before it reads", () => {
  test("(the mock hands back an error text for a property read too early)", async () => {
    const mock = excelMock("Visible", {}) as unknown as {
      context: {
        workbook: { worksheets: { sheet: { visibility: unknown; load: (p: string) => void } } };
        sync: () => Promise<void>;
      };
    };
    const sheet = mock.context.workbook.worksheets.sheet;
    expect(sheet.visibility).toBe("Error, property was not loaded");
    sheet.load("visibility");
    expect(sheet.visibility).toBe("Error, context.sync() was not called");
    await mock.context.sync();
    expect(sheet.visibility).toBe("Visible");
  });

  test("selectCell reads the sheet's visibility only after load and sync, then selects", async () => {
    const state: MockState = {};
    const gateway = new OfficeGateway(runOf(excelMock("Visible", state)));
    await gateway.selectCell({ sheet: "Overtime", address: "$c$7" });
    expect(state).toEqual({ requested: "Overtime", activated: true, selected: "C7" });
  });

  test("activateSheet likewise", async () => {
    const state: MockState = {};
    await new OfficeGateway(runOf(excelMock("Visible", state))).activateSheet("Overtime");
    expect(state).toEqual({ requested: "Overtime", activated: true });
  });

  test("a hidden sheet is reported, not selected", async () => {
    const state: MockState = {};
    const err = await new OfficeGateway(runOf(excelMock("Hidden", state)))
      .selectCell({ sheet: "Overtime", address: "C7" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as Error).message).toBe(
      'The cell C7 is on the hidden sheet "Overtime". Unhide the sheet to see it.'
    );
    expect(state.activated).toBeUndefined();
    expect(state.selected).toBeUndefined();
  });
});
