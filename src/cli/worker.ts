/**
 * The worker thread that reads and analyses one workbook at a time for the main thread
 * (./bounds.ts): it runs each job it is sent and posts back the job's output and result.
 */
import { parentPort, workerData } from "worker_threads";
import { Bounds, WorkerJob, WorkerMessage } from "./bounds";
import { CliIo } from "./io";
import { runJob } from "./jobs";

const data = workerData as { bounds: Bounds; isTTY: boolean; cwd: string };
const port = parentPort;
if (!port) throw new Error("src/cli/worker.ts runs only as a worker thread.");

const post = (m: WorkerMessage) => port.postMessage(m);
const io: CliIo = {
  stdout: (text) => post({ type: "stdout", text }),
  stderr: (text) => post({ type: "stderr", text }),
  isTTY: data.isTTY,
  env: process.env,
  cwd: data.cwd,
  bounds: data.bounds,
};

port.on("message", (job: WorkerJob) => {
  runJob(job, io).then(
    (result) => post({ type: "done", result }),
    (e: unknown) =>
      post({ type: "failed", message: (e instanceof Error ? e.message : String(e)).split("\n")[0] })
  );
});
