/** A CliIo that keeps what a command writes, for the CLI tests. */
import { CliIo } from "../../src/cli/io";

export function fakeIo(cwd: string, opts: { isTTY?: boolean; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    isTTY: opts.isTTY ?? false,
    env: opts.env ?? {},
    cwd,
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}
