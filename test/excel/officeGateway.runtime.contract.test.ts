import { OfficeGateway } from "../../src/excel/officeGateway";
import { runGatewayContract } from "../gateway/contractSuite";
import { ExcelRuntimeHost } from "../fakes/excelHost";

// The Office.js gateway through Microsoft's own Excel client runtime (excel-web-16.00), answered
// by the test host with Excel on the web's limits: the same contract as the fake and the preview.
const hosts: ExcelRuntimeHost[] = [];

runGatewayContract(
  "OfficeGateway (Excel's client runtime, Excel on the web limits)",
  async (initial) => {
    const host = ExcelRuntimeHost.fromGrid(initial);
    hosts.push(host);
    return new OfficeGateway(host.run);
  }
);

afterEach(() => {
  // Every call the gateway made is one the host knows: nothing fell through as "not found".
  for (const h of hosts.splice(0)) expect(h.unsupported).toEqual([]);
});
