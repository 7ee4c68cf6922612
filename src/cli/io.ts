import type { Bounds } from "./bounds";

/** What a command needs from the outside world, so tests can run commands without a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal (progress bars are shown only then, and never when CI is set). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Per-workbook bounds (time, memory, cells) for this run; the defaults where not given. */
  readonly bounds?: Bounds;
}

export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Exit codes shared by all commands. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    cwd: process.cwd(),
  };
}
