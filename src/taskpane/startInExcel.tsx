import { Root } from "react-dom/client";
import { OfficeGateway } from "../excel/officeGateway";
import { App } from "./App";

/** Inside Excel: the task pane over the live workbook, through Office.js. */
export function startInExcel(root: Root): void {
  root.render(<App gateway={new OfficeGateway()} />);
}
