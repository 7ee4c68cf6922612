/**
 * The inspector's batch: 43 workbooks, one per territorial force, each the Exampleshire sample
 * under that force's name with faults planted (see checkFaults.ts), written to .xlsx files and
 * checked by `vfm check --json` in one run. Every planted fault must be found at its cell, and
 * nothing else may be found beyond the sample's own findings (its figures are above 4% overtime
 * and 7% support, and its procurement plan is incomplete, by design: see
 * test/core/check/sample.test.ts).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { check, CheckJsonEntry } from "../../../src/cli/commands/check";
import { FORCES } from "../../../src/core/forces";
import { formatRef } from "../../../src/core/grid";
import { runVfm } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { gridToXlsx } from "../../../src/xlsx/write";
import { baseWorkbook, Fault, FAULTS, faultsFor, plant } from "./checkFaults";
import { fakeIo } from "../fakeIo";
import { tempDir } from "../tempDir";

jest.setTimeout(240_000);

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");

interface Case {
  readonly file: string;
  readonly force: string;
  readonly faults: readonly Fault[];
  readonly expected: readonly string[];
}

const dir = tempDir("vfm-check-batch-");
let cases: Case[];
let code: number;
let entries: CheckJsonEntry[];
let stderr: string;

beforeAll(async () => {
  // The sample's own findings, by design (the force's name changes none of them).
  const byDesign = checkWorkbook(runVfm(baseWorkbook(FORCES[0].name))).findings.map(
    (f) => `${f.rule} ${f.cell ? formatRef(f.cell) : f.sheet}`
  );
  cases = [];
  for (let i = 0; i < FORCES.length; i++) {
    const force = FORCES[i].name;
    const faults = faultsFor(i);
    const p = plant(force, faults);
    const file = `${String(i + 1).padStart(2, "0")}-${slug(force)}.xlsx`;
    await fs.writeFile(path.join(dir(), file), await gridToXlsx(p.workbook, { roles: p.roles }));
    const expected = [...byDesign.filter((k) => !p.removes.includes(k)), ...p.adds].sort();
    cases.push({ file, force, faults, expected });
  }
  const io = fakeIo(dir());
  code = await check([...cases.map((c) => c.file), "--json"], io.io);
  entries = JSON.parse(io.out()) as CheckJsonEntry[];
  stderr = io.err();
});

describe("vfm check over 43 generated workbooks", () => {
  it("checks every workbook in one run, in the order given", () => {
    expect(FORCES).toHaveLength(43);
    expect(entries.map((e) => e.file)).toEqual(cases.map((c) => c.file));
    expect(entries.map((e) => e.force)).toEqual(cases.map((c) => c.force));
    expect(stderr).toBe(""); // no progress bar when the output is not a terminal
  });

  it("plants every kind of fault at least twice, some workbooks with two", () => {
    for (const f of FAULTS)
      expect([f, cases.filter((c) => c.faults.includes(f)).length >= 2]).toEqual([f, true]);
    expect(cases.filter((c) => c.faults.length === 2).length).toBeGreaterThanOrEqual(5);
  });

  it("finds every planted fault at its cell, and nothing that was not planted", () => {
    for (const [i, c] of cases.entries()) {
      const found = entries[i].findings.map((f) => `${f.rule} ${f.cell}`).sort();
      expect({ file: c.file, faults: c.faults, found }).toEqual({
        file: c.file,
        faults: c.faults,
        found: c.expected,
      });
    }
  });

  it("fails every workbook (the sample's own errors) and exits 1", () => {
    expect(entries.every((e) => e.status === "fail")).toBe(true);
    expect(
      entries.every((e) => e.rag.status === "red" && e.rag.words === "errors to put right")
    ).toBe(true);
    expect(code).toBe(1);
  });
});
