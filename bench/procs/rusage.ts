/**
 * Preloaded (`node -r`) into a process the bench measures: when the process exits, it writes its
 * CPU time (user + system, all threads, workers included) and peak resident memory as JSON to
 * the file named by VFM_BENCH_RUSAGE.
 */
import { writeFileSync } from "fs";
import { isMainThread } from "worker_threads";

const out = process.env.VFM_BENCH_RUSAGE;
if (out && isMainThread)
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS })
    );
  });
