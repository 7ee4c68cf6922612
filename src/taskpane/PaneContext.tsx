import { createContext, useContext } from "react";
import { CellRef, StoredSettings, VfmResult, WorkbookGateway } from "../core";
import { PlainError } from "./model/errors";

export type StepId = "data" | "benchmarks" | "model" | "savings" | "statement" | "check";

/**
 * What every step reads and can do: the one result, the gateway. The statement drafted from the
 * result is useStatement's (useStatement.ts), so the first step does not wait for its code.
 */
export interface PaneApi {
  readonly gateway: WorkbookGateway;
  readonly result: VfmResult;
  readonly settings: StoredSettings;
  /** Saves settings in the workbook and runs the analysis again. */
  readonly applySettings: (next: StoredSettings) => Promise<void>;
  /** Reads the workbook again (after the add-in wrote to it). */
  readonly reload: () => void;
  /** Selects a cell in Excel (highlights it in the preview); a failure is shown as a notice. */
  readonly goToCell: (ref: CellRef) => void;
  readonly goToSheet: (name: string) => void;
  readonly goToStep: (step: StepId) => void;
  /** Shows (or clears) a problem at the top of the pane. */
  readonly notify: (problem: PlainError | undefined) => void;
  readonly openSettings: () => void;
}

export const PaneContext = createContext<PaneApi | undefined>(undefined);

export function usePane(): PaneApi {
  const api = useContext(PaneContext);
  if (!api) throw new Error("usePane is used outside the task pane.");
  return api;
}
