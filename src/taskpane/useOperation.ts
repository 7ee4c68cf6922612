import { useCallback, useEffect, useRef, useState } from "react";
import { Cancellation, Progress } from "../core";
import { Action, isCancelled, plainError, PlainError } from "./model/errors";

export interface OperationControl {
  readonly cancel: Cancellation;
  readonly onProgress: (p: Progress) => void;
}

export interface OperationState {
  readonly running: boolean;
  /** What is being done, for the status line. */
  readonly label?: string;
  readonly progress?: Progress;
  readonly error?: PlainError;
  /** Set when the last run was cancelled. */
  readonly cancelled: boolean;
  /** Runs `work`; resolves to its value, or undefined when it failed or was cancelled. */
  readonly run: <T>(
    action: Action,
    label: string,
    work: (control: OperationControl) => Promise<T>
  ) => Promise<T | undefined>;
  readonly cancel: () => void;
  readonly clear: () => void;
}

/** A long operation (a write, a download) with progress, cancel and a plain-English error. */
export function useOperation(): OperationState {
  const [running, setRunning] = useState(false);
  const [label, setLabel] = useState<string | undefined>();
  const [progress, setProgress] = useState<Progress | undefined>();
  const [error, setError] = useState<PlainError | undefined>();
  const [cancelled, setCancelled] = useState(false);
  const current = useRef<{ aborted: boolean } | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (current.current) current.current.aborted = true;
    };
  }, []);

  const run = useCallback(
    async <T>(
      action: Action,
      what: string,
      work: (control: OperationControl) => Promise<T>
    ): Promise<T | undefined> => {
      const cancel = { aborted: false };
      current.current = cancel;
      setRunning(true);
      setLabel(what);
      setProgress(undefined);
      setError(undefined);
      setCancelled(false);
      try {
        // Let the status line paint before any work starts.
        await new Promise((r) => setTimeout(r, 0));
        const value = await work({
          cancel,
          onProgress: (p) => {
            if (mounted.current) setProgress(p);
          },
        });
        // A write that finished is reported as done, even if Cancel came too late to stop it.
        return value;
      } catch (e) {
        if (!mounted.current) return undefined;
        if (isCancelled(e) || cancel.aborted) setCancelled(true);
        else setError(plainError(e, action));
        return undefined;
      } finally {
        if (current.current === cancel) current.current = undefined;
        if (mounted.current) {
          setRunning(false);
          setProgress(undefined);
        }
      }
    },
    []
  );
  const cancel = useCallback(() => {
    if (current.current) current.current.aborted = true;
  }, []);
  const clear = useCallback(() => {
    setError(undefined);
    setCancelled(false);
  }, []);
  return { running, label, progress, error, cancelled, run, cancel, clear };
}
