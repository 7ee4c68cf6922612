/**
 * `npm run bench`: every figure an issue names, measured in one run on this machine. Prints a
 * table, then as its last line one JSON object of all the figures. Ratios of times taken in the
 * same run are what count; absolute times on shared machines are noise.
 */
export type BenchPart = () => Promise<Record<string, number>>;

const parts: { name: string; load: () => Promise<BenchPart> }[] = [
  // One line per part: { name, load: async () => (await import("./parts/NAME")).run },
  { name: "statement", load: async () => (await import("./parts/statement")).run },
  { name: "analysis", load: async () => (await import("./parts/analysis")).run },
  { name: "check", load: async () => (await import("./parts/check")).run },
  { name: "office", load: async () => (await import("./parts/office")).run },
  { name: "taskpane", load: async () => (await import("./parts/taskpane")).run },
  { name: "model", load: async () => (await import("./parts/model")).run },
  { name: "profiles", load: async () => (await import("./parts/profiles")).run },
  { name: "reader", load: async () => (await import("./parts/reader")).run },
];

async function main(): Promise<void> {
  const figures: Record<string, number> = {};
  for (const part of parts) {
    process.stderr.write(`bench: ${part.name}...\n`);
    Object.assign(figures, await (await part.load())());
  }
  const width = Math.max(10, ...Object.keys(figures).map((k) => k.length));
  process.stdout.write(`${"figure".padEnd(width)}  value\n`);
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  process.stdout.write(JSON.stringify(figures) + "\n");
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
