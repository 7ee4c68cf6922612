import { CliIo, Command, EXIT, processIo } from "./io";

/** Each subcommand lives in its own module under ./commands and is loaded only when used. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};

export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  commands[name] = { summary, load };
}

function usage(): string {
  const lines = Object.entries(commands).map(
    ([name, c]) => `  vfm ${name.padEnd(10)} ${c.summary}`
  );
  return ["Usage:", ...lines, "", "Run `vfm COMMAND --help` for a command's options.", ""].join(
    "\n"
  );
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    io.stdout(usage());
    return name ? EXIT.ok : EXIT.unreadable;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`vfm: unknown command "${name}".\n${usage()}`);
    return EXIT.unreadable;
  }
  try {
    return await (
      await command.load()
    )(rest, io);
  } catch (e) {
    // No stack trace reaches the user: one line on stderr.
    io.stderr(`vfm ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
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
