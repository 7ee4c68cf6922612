/**
 * Issue 12's benchmark: HMIC's eight Value for Money profile data files (test/fixtures/hmic-vfm).
 * - profilesAllFilesMs: reading all eight into the national table as `vfm profiles` does (the
 *   add-in's reader, the profile readers, the merge), bytes already in memory;
 * - bareParseAllFilesMs: SheetJS's bare XLSX.read of the same bytes, nothing else;
 * - profilesOverBareParse: the first over the second, the figure to watch.
 * Each is the median of three runs in this process.
 */
import { promises as fs } from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { readSpreadsheet } from "../../src/xlsx/read";
import { nationalTable, PUBLISHED_PROFILE_FILES, readProfileFile } from "../../src/core/profiles";
import { FileProfile } from "../../src/core/profiles/types";

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<Record<string, number>> {
  const dir = path.join(process.cwd(), "test/fixtures/hmic-vfm");
  const files = await Promise.all(
    PUBLISHED_PROFILE_FILES.map(async (name) => ({
      name,
      bytes: new Uint8Array(await fs.readFile(path.join(dir, name))),
    }))
  );
  const profiles: number[] = [];
  const bare: number[] = [];
  let forceYears = 0;
  for (let i = 0; i < 3; i++) {
    let t = process.hrtime.bigint();
    const read: FileProfile[] = [];
    for (const f of files) {
      const { workbook } = await readSpreadsheet(f.bytes, f.name);
      const p = readProfileFile(workbook, f.name);
      if (!p) throw new Error(`${f.name} was not read as a profile file`);
      read.push(p);
    }
    forceYears = nationalTable(read).records.length;
    profiles.push(ms(t));
    t = process.hrtime.bigint();
    for (const f of files) XLSX.read(f.bytes, { type: "array", codepage: 1252 });
    bare.push(ms(t));
  }
  const p = median(profiles);
  const b = median(bare);
  return {
    profilesAllFilesMs: Math.round(p),
    bareParseAllFilesMs: Math.round(b),
    profilesOverBareParse: Math.round((p / b) * 100) / 100,
    profilesForceYears: forceYears,
  };
}
