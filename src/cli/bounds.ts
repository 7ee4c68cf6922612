/**
 * Per-workbook bounds: each workbook is read and analysed in a worker thread with its own heap
 * limit and a deadline, so a file that would take too long or too much memory stops with one
 * line saying so, and in a batch (`vfm check`) costs only its own entry. The main thread only
 * starts workers, relays their output and keeps the results.
 *
 * The bounds (defaults below) can be changed for a run with --max-seconds, --max-memory (MB)
 * and --max-cells, given before or after the command's own arguments.
 *
 * Where the compiled worker script is not available (the TypeScript sources run under the test
 * runner), jobs run in this thread: same results, no time or memory bound.
 */
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";
import { Worker } from "worker_threads";
import { CliIo } from "./io";

export interface Bounds {
  /** Wall-clock seconds one workbook may take to read and analyse. */
  readonly seconds: number;
  /** Heap one workbook's worker may use, in MB. */
  readonly memoryMb: number;
  /** Cells (with a value) one workbook may hold. */
  readonly cells: number;
}

/** Two minutes: a 200,000-line ledger takes about 10 s here; the slowest real file met, 1 s. */
export const DEFAULT_SECONDS = 120;
/** 20 million cells (as BOUNDS_USAGE says): see DEFAULT_MAX_CELLS in src/xlsx/read.ts. */
export const DEFAULT_CELLS = 20_000_000;

/** The heap this process was given (NODE_OPTIONS=--max-old-space-size raises it), in MB. */
export function defaultMemoryMb(): number {
  return Math.round(v8.getHeapStatistics().heap_size_limit / (1024 * 1024));
}

export function defaultBounds(): Bounds {
  return { seconds: DEFAULT_SECONDS, memoryMb: defaultMemoryMb(), cells: DEFAULT_CELLS };
}

const OPTIONS: Readonly<Record<string, keyof Bounds>> = {
  "--max-seconds": "seconds",
  "--max-memory": "memoryMb",
  "--max-cells": "cells",
};

export const BOUNDS_USAGE = `Bounds for each workbook (any command):
  --max-seconds N   stop a workbook that takes longer than N seconds (default ${DEFAULT_SECONDS})
  --max-memory MB   stop a workbook that needs more than MB of memory (default: Node's heap)
  --max-cells N     refuse a workbook holding more than N cells (default 20 million)
`;

/** Takes the bound options out of the arguments; an invalid value is one line for stderr. */
export function parseBounds(
  args: readonly string[]
): { bounds: Bounds; rest: string[] } | { error: string } {
  const bounds: { -readonly [K in keyof Bounds]: Bounds[K] } = { ...defaultBounds() };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    const key = OPTIONS[name];
    if (!key) {
      rest.push(a);
      continue;
    }
    const text = eq > 0 ? a.slice(eq + 1) : args[++i];
    const n = text === undefined ? NaN : Number(text.replace(/[,_]/g, ""));
    if (!Number.isFinite(n) || n <= 0) return { error: `${name} needs a positive number.` };
    bounds[key] = key === "seconds" ? n : Math.floor(n);
  }
  return { bounds, rest };
}

/** What a job sends back besides its result: output for the terminal. */
export type WorkerMessage =
  | { readonly type: "stdout" | "stderr"; readonly text: string }
  | { readonly type: "done"; readonly result: unknown }
  | { readonly type: "failed"; readonly message: string };

export interface WorkerJob {
  readonly kind: string;
  readonly [key: string]: unknown;
}

/** Why a bounded job stopped instead of finishing. */
export type Stopped = {
  readonly stopped: "tooSlow" | "tooLarge" | "crashed";
  readonly message: string;
};

export type JobOutcome<T> =
  { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Stopped);

/** The compiled worker script beside this file, when there is one. */
function workerScript(): string | undefined {
  if (!__filename.endsWith(".js")) return undefined;
  const file = path.join(__dirname, "worker.js");
  return fs.existsSync(file) ? file : undefined;
}

/** Runs a job in this thread (no bounds): the worker's own code, for the test runner. */
type InThread = (job: WorkerJob, io: CliIo) => Promise<unknown>;

/**
 * One worker, reused from job to job until a job is stopped (then the next job gets a fresh
 * one). Each job has its own deadline; the heap limit applies to the worker, and a job's
 * garbage is collected before the next, so each workbook has the whole limit to itself.
 */
export class BoundedRunner {
  private worker: Worker | undefined;
  private readonly script = workerScript();

  constructor(
    private readonly bounds: Bounds,
    private readonly io: CliIo,
    private readonly inThread: InThread
  ) {}

  /** True when jobs really run bounded (in a worker). */
  get bounded(): boolean {
    return this.script !== undefined;
  }

  async run<T>(job: WorkerJob): Promise<JobOutcome<T>> {
    if (!this.script) {
      try {
        return { ok: true, value: (await this.inThread(job, this.io)) as T };
      } catch (e) {
        return { ok: false, stopped: "crashed", message: firstLine(e) };
      }
    }
    const worker = this.start(this.script);
    return new Promise<JobOutcome<T>>((resolve) => {
      let settled = false;
      const finish = (outcome: JobOutcome<T>, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (kill) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const timer = setTimeout(
        () =>
          finish(
            {
              ok: false,
              stopped: "tooSlow",
              message: `it was stopped after ${this.bounds.seconds} second${this.bounds.seconds === 1 ? "" : "s"}, the time one workbook may take (--max-seconds to change it).`,
            },
            true
          ),
        this.bounds.seconds * 1000
      );
      const onMessage = (m: WorkerMessage) => {
        if (m.type === "stdout") this.io.stdout(m.text);
        else if (m.type === "stderr") this.io.stderr(m.text);
        else if (m.type === "done") finish({ ok: true, value: m.result as T }, false);
        else if (m.type === "failed")
          finish({ ok: false, stopped: "crashed", message: m.message }, true);
      };
      const onError = (e: Error) => {
        const oom =
          (e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ||
          /out of memory|heap/i.test(e.message);
        finish(
          oom
            ? {
                ok: false,
                stopped: "tooLarge",
                message: `it needs more than ${this.bounds.memoryMb} MB of memory, the most one workbook may use (--max-memory to change it, or split the workbook).`,
              }
            : { ok: false, stopped: "crashed", message: `the reader stopped: ${firstLine(e)}` },
          true
        );
      };
      const onExit = (code: number) =>
        finish(
          {
            ok: false,
            stopped: "crashed",
            message: `the reader stopped unexpectedly (code ${code}).`,
          },
          true
        );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    });
  }

  private start(script: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(script, {
      workerData: { bounds: this.bounds, isTTY: this.io.isTTY, cwd: this.io.cwd },
      env: { ...this.io.env },
      resourceLimits: { maxOldGenerationSizeMb: this.bounds.memoryMb },
      stdout: false,
      stderr: false,
    });
    // An idle worker does not keep the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Ends the worker (call when the batch is done). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}
