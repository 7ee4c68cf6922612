/**
 * The jobs a bounded worker runs (./bounds.ts, ./worker.ts): a whole single-workbook command
 * (`vfm analyse`, `vfm statement`, `vfm peers`), or one workbook of a `vfm check` batch. The
 * same code runs in the main thread where no worker is available.
 */
import { WorkerJob } from "./bounds";
import { CliIo } from "./io";

export async function runJob(job: WorkerJob, io: CliIo): Promise<unknown> {
  // Loaded here, not at the top: the main thread, which only starts workers, never reads a file.
  const { setReadLimits } = await import("./readWorkbook");
  if (io.bounds) setReadLimits({ maxCells: io.bounds.cells });
  switch (job.kind) {
    case "command": {
      const { runCommand } = await import("./main");
      return runCommand(job.name as string, job.args as string[], io);
    }
    case "checkOne": {
      const { checkOne } = await import("./commands/check");
      return checkOne(job.file as string, io, job.options as Parameters<typeof checkOne>[2]);
    }
    default:
      throw new Error(`unknown job ${job.kind}`);
  }
}
