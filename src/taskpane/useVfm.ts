import { useCallback, useEffect, useRef, useState } from "react";
import { CancelledError, Progress, StoredSettings, WorkbookGateway, WorkbookGrid } from "../core";
import type { VfmResult } from "../core";
import { plainError, PlainError } from "./model/errors";

export type VfmStatus = "reading" | "ready" | "failed" | "cancelled";

export interface VfmState {
  readonly status: VfmStatus;
  readonly progress?: Progress;
  readonly result?: VfmResult;
  /** The settings stored in the workbook (mapping decisions and policy overrides). */
  readonly settings: StoredSettings;
  readonly error?: PlainError;
  /** Reads the workbook again (after the add-in wrote to it, or on request). */
  readonly reload: () => void;
  readonly cancel: () => void;
  /** Stores new settings in the workbook and runs the analysis again on the same cells. */
  readonly applySettings: (next: StoredSettings) => Promise<void>;
}

/** Lets the browser paint (a progress bar, a spinner) before synchronous work. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The core's pipeline (detection, analyses) is loaded as its own chunk, at the same time as the
 * workbook is read (and the formula engine for the user's indicators only when the workbook
 * defines some), so the pane's first load stays small and it shows its progress at once. Only
 * the pipeline: the statement and the check come with the steps that use them.
 */
export function loadCore(): Promise<typeof import("./corePipeline")> {
  return import(/* webpackChunkName: "core" */ "./corePipeline");
}

/** Reads the workbook through the gateway and runs the core over it; cancellable, never throws. */
export function useVfm(gateway: WorkbookGateway): VfmState {
  const [status, setStatus] = useState<VfmStatus>("reading");
  const [progress, setProgress] = useState<Progress | undefined>();
  const [result, setResult] = useState<VfmResult | undefined>();
  const [settings, setSettings] = useState<StoredSettings>({});
  const [error, setError] = useState<PlainError | undefined>();
  const [generation, setGeneration] = useState(0);
  const cancelRef = useRef<{ aborted: boolean }>({ aborted: false });
  const workbookRef = useRef<WorkbookGrid | undefined>(undefined);
  // The workbook has no peers sheet, so its results compare it with HMIC's national data.
  const nationalRef = useRef(false);

  useEffect(() => {
    const cancel = { aborted: false };
    cancelRef.current = cancel;
    setStatus("reading");
    setProgress(undefined);
    setError(undefined);
    (async () => {
      try {
        const core = loadCore();
        // Awaited below; a failure before then must not go unheard.
        core.catch(() => undefined);
        const workbook = await gateway.readWorkbook({ cancel, onProgress: setProgress });
        if (cancel.aborted) throw new CancelledError();
        const stored = await gateway.loadSettings();
        setProgress({ phase: "reading", done: 1, total: 1, label: "Finding the figures" });
        // Let the progress bar paint before the (synchronous) analysis runs.
        await nextFrame();
        if (cancel.aborted) throw new CancelledError();
        const { runPipeline, loadNationalModel } = await core;
        // The formula engine (mathjs) is fetched only for a workbook that defines indicators,
        // the scenario model only for one that stores targets.
        const pipeline = await runPipeline(workbook, { settings: stored });
        if (cancel.aborted) throw new CancelledError();
        const next = pipeline.run();
        if (cancel.aborted) throw new CancelledError();
        workbookRef.current = workbook;
        nationalRef.current = !next.peers;
        setSettings(stored);
        setResult(next);
        setStatus("ready");
        if (!next.peers) {
          // No peers sheet: the force is compared with the 43 in HMIC's national data, its own
          // chunk, fetched once the first step shows; the figures are then worked out with it.
          const national = await loadNationalModel().catch(() => undefined);
          await nextFrame();
          if (national && !cancel.aborted) setResult(pipeline.run(national));
        }
      } catch (e) {
        if (e instanceof CancelledError || cancel.aborted) {
          setStatus("cancelled");
          setError(plainError(new CancelledError(), "reading"));
        } else {
          setStatus("failed");
          setError(plainError(e, "reading"));
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
  const applySettings = useCallback(
    async (next: StoredSettings) => {
      await gateway.saveSettings(next);
      setSettings(next);
      const workbook = workbookRef.current;
      if (!workbook) return;
      const { runPipeline, loadNationalModel } = await loadCore();
      const pipeline = await runPipeline(workbook, { settings: next });
      const national = nationalRef.current ? await loadNationalModel() : undefined;
      await nextFrame();
      setResult(pipeline.run(national));
    },
    [gateway]
  );
  return { status, progress, result, settings, error, reload, cancel, applySettings };
}
