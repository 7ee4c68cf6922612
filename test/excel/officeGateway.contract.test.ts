import { OfficeGateway } from "../../src/excel/officeGateway";
import { runGatewayContract } from "../gateway/contractSuite";
import { FakeExcel } from "../fakes/fakeExcel";

// The Office.js gateway on the recording fake passes the same contract as the preview's.
runGatewayContract(
  "OfficeGateway (fake Excel)",
  async (initial) => new OfficeGateway(FakeExcel.fromGrid(initial).run)
);

// And with Excel on the web's 5 MB limits on requests and responses.
runGatewayContract("OfficeGateway (fake Excel on the web, 5 MB limits)", async (initial) => {
  const limit = 5 * 1024 * 1024;
  return new OfficeGateway(
    FakeExcel.fromGrid(initial, { maxRequestBytes: limit, maxResponseBytes: limit }).run
  );
});
