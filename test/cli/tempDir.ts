/** A temporary folder for the CLI tests' files. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";

/**
 * A fresh folder in the system's temporary folder ("vfm-check-" and a random tail), made before
 * the tests of the file or describe block this is called in and removed, with all in it, after
 * them. Returns its path's getter, for the tests and for hooks declared after this call (hooks
 * run in the order declared, so a later beforeAll can write the tests' files into it).
 */
export function tempDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error(`tempDir("${prefix}") is read before its beforeAll has run`);
    return dir;
  };
}
