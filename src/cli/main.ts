import { BOUNDS_USAGE, BoundedRunner, parseBounds } from "./bounds";
import { CliIo, Command, EXIT, processIo } from "./io";
import { runJob } from "./jobs";

/** Each subcommand lives in its own module under ./commands and is loaded only when used. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};

export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  commands[name] = { summary, load };
}

function usage(): string {
  const lines = Object.entries(commands).map(
    ([name, c]) => `  vfm ${name.padEnd(10)} ${c.summary}`
  );
  return [
    "Usage:",
    ...lines,
    "",
    "Run `vfm COMMAND --help` for a command's options.",
    "",
    BOUNDS_USAGE,
  ].join("\n");
}

/** Commands that read one workbook: the whole command runs bounded in a worker. */
const SINGLE_WORKBOOK = new Set(["analyse", "statement", "peers"]);

export async function main(argv: readonly string[], baseIo: CliIo = processIo()): Promise<number> {
  const [name, ...given] = argv;
  if (!name || name === "--help" || name === "-h") {
    baseIo.stdout(usage());
    return name ? EXIT.ok : EXIT.unreadable;
  }
  if (!commands[name]) {
    baseIo.stderr(`vfm: unknown command "${name}".\n${usage()}`);
    return EXIT.unreadable;
  }
  const parsed = parseBounds(given);
  if ("error" in parsed) {
    baseIo.stderr(`vfm ${name}: ${parsed.error}\n`);
    return EXIT.unreadable;
  }
  const io: CliIo = { ...baseIo, bounds: parsed.bounds };
  const rest = parsed.rest;
  const help = rest.includes("--help") || rest.includes("-h");
  if (SINGLE_WORKBOOK.has(name) && !help) {
    const runner = new BoundedRunner(parsed.bounds, io, runJob);
    if (runner.bounded) {
      const outcome = await runner.run<number>({ kind: "command", name, args: rest });
      await runner.close();
      if (outcome.ok) return outcome.value;
      const file = rest.find((a) => !a.startsWith("-"));
      io.stderr(`vfm ${name}: ${file ? `${file}: ` : ""}${outcome.message}\n`);
      return EXIT.unreadable;
    }
  }
  return runCommand(name, rest, io);
}

/** Runs one command in this thread. */
export async function runCommand(
  name: string,
  args: readonly string[],
  io: CliIo
): Promise<number> {
  const command = commands[name];
  if (!command) {
    io.stderr(`vfm: unknown command "${name}".\n${usage()}`);
    return EXIT.unreadable;
  }
  try {
    return await (
      await command.load()
    )(args, io);
  } catch (e) {
    // No stack trace reaches the user: one line on stderr.
    io.stderr(`vfm ${name}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    return EXIT.unreadable;
  }
}

// Subcommands register here, one line each.
registerCommand(
  "peers",
  "benchmark against most similar forces and all forces",
  async () => (await import("./commands/peers")).peersCommand
);
registerCommand(
  "profiles",
  "read HMIC's Value for Money profile data into the national table of the 43 forces",
  async () => (await import("./commands/profiles")).profilesCommand
);
registerCommand(
  "analyse",
  "benchmark a workbook against the overtime, business-support and procurement rules",
  async () => (await import("./commands/analyse")).analyse
);
registerCommand(
  "check",
  "check workbooks and their statements as an inspector would",
  async () => (await import("./commands/check")).check
);
registerCommand(
  "statement",
  "draft the Value for Money Statement (Word, and optionally a new workbook)",
  async () => (await import("./commands/statement")).statement
);
registerCommand(
  "model",
  "model savings scenarios: overtime cuts, business-support posts, contract moves",
  async () => (await import("./commands/model")).model
);
