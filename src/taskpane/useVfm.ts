import { useCallback, useEffect, useRef, useState } from "react";
import { CancelledError, Progress, WorkbookGateway } from "../core/gateway";
import { runVfm, VfmResult } from "../core/run";

export type VfmStatus = "reading" | "ready" | "failed" | "cancelled";

export interface VfmState {
  readonly status: VfmStatus;
  readonly progress?: Progress;
  readonly result?: VfmResult;
  readonly error?: string;
  readonly reload: () => void;
  readonly cancel: () => void;
}

/** Reads the workbook through the gateway and runs the core over it; cancellable, never throws. */
export function useVfm(gateway: WorkbookGateway): VfmState {
  const [status, setStatus] = useState<VfmStatus>("reading");
  const [progress, setProgress] = useState<Progress | undefined>();
  const [result, setResult] = useState<VfmResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const cancelRef = useRef<{ aborted: boolean }>({ aborted: false });

  useEffect(() => {
    const cancel = { aborted: false };
    cancelRef.current = cancel;
    setStatus("reading");
    setProgress(undefined);
    setError(undefined);
    (async () => {
      try {
        const workbook = await gateway.readWorkbook({ cancel, onProgress: setProgress });
        if (cancel.aborted) throw new CancelledError();
        const settings = await gateway.loadSettings();
        // Let the progress bar paint before the (synchronous) analysis runs.
        await new Promise((r) => setTimeout(r, 0));
        setResult(runVfm(workbook, { settings }));
        setStatus("ready");
      } catch (e) {
        if (e instanceof CancelledError || cancel.aborted) {
          setStatus("cancelled");
          setError("Nothing was changed. Read the workbook again when you are ready.");
        } else {
          setStatus("failed");
          setError(e instanceof Error ? e.message : String(e));
        }
      }
    })();
    return () => {
      cancel.aborted = true;
    };
  }, [gateway, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const cancel = useCallback(() => {
    cancelRef.current.aborted = true;
  }, []);
  return { status, progress, result, error, reload, cancel };
}
