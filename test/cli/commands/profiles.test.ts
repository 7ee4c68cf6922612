/**
 * `vfm profiles` on HMIC's real files: the readable table, --json's shape, --out written as the
 * add-in's Peers sheet and read back by the peers detector, exit code 2 (one line) for a
 * file that is not a profile data file, and --json for all eight files against its schema
 * (schema/profiles.schema.json).
 */
import Ajv from "ajv";
import { promises as fs } from "fs";
import * as path from "path";
import { profilesCommand } from "../../../src/cli/commands/profiles";
import { readSpreadsheet } from "../../../src/xlsx/read";
import { detectPeersReport } from "../../../src/core/detect/peers";
import schema from "../../../schema/profiles.schema.json";
import { PROFILE_INDICATOR_KEYS, PUBLISHED_PROFILE_FILES } from "../../../src/core/profiles";
import { SUPPORT_DEFINITIONS } from "../../../src/core/classifications/definitions";
import { FIXTURES } from "../../core/profiles/profileFiles";
import { fakeIo } from "../fakeIo";
import { tempDir } from "../tempDir";

const XLS = path.join(FIXTURES, "value-for-money-2010-underlying-data-20100609.xls");
const CSV = path.join(FIXTURES, "2010-11-value-for-money-profile-data-workforce-20110511.csv");

const dir = tempDir("vfm-profiles-");

test("the readable table: 2009/10, 43 forces, 12 of 43 above 4%, 37 of 43 above 7%, definitions named", async () => {
  const f = fakeIo(dir());
  expect(await profilesCommand([XLS, CSV, "--year", "2009/10"], f.io)).toBe(0);
  const out = f.out();
  expect(out).toMatch(/^Forces with figures for 2009\/10: 43$/m);
  expect(out).toMatch(
    /officer overtime as a share of officer pay \(CIPFA 2009-10 estimates\): 1\.26% to 6\.00%, median 3\.34%.*12 of 43 above 4%/
  );
  expect(out).toMatch(
    /business support.*HMIC 2010 \(Home Office ADR business support, IT excluded\)\): 5\.54% to 9\.89%, median 7\.80%.*37 of 43 above 7%/
  );
  expect(out).toMatch(/^Avon and Somerset Constabulary\s+2\.72%\s+7\s+1\s+6\.85%/m);
  expect(out).toContain("Open Government Licence v3.0");
  expect(out).not.toMatch(/^2008\/09/m);
});

test("2012/13: the per-head spreads say they count City of London's figures, off footing (11,677 residents against 316,500 in 2009/10)", async () => {
  const f = fakeIo(dir());
  const ods = path.join(FIXTURES, "value-for-money-profile-data-2012.ods");
  expect(await profilesCommand([XLS, ods, "--year", "2012/13"], f.io)).toBe(0);
  const out = f.out();
  // The spread counts all 43 as Excel would: the highest spending per head is City of London's.
  expect(out).toMatch(
    /net revenue expenditure per head of population \(CIPFA POA 2012\/13 estimates\): £158\.68 to £7,743\.60, median £185\.51, top quartile £176\.52; this counts City of London Police \(£7,743\.60\), whose population in HMIC's data is not on the same footing/
  );
  expect(out).toMatch(
    /police officers per 1,000 population .*: 1\.53 to 75\.84, .*this counts City of London Police \(75\.84\)/
  );
  // Ratios not per head are on one footing: no note.
  expect(out).toMatch(
    /officer overtime as a share of officer pay \(CIPFA POA 2012\/13 estimates\): 1\.62% to 6\.72%, median 3\.10%, top quartile 2\.71%; 4 of 43 above 4%$/m
  );
});

test("--json: sources, years, forces with indicators, definitions, ranks and cells, findings", async () => {
  const f = fakeIo(dir());
  expect(await profilesCommand([XLS, CSV, "--json"], f.io)).toBe(0);
  const j = JSON.parse(f.out());
  expect(j.sources.map((s: { layout: string }) => s.layout)).toEqual(["vfm2010", "workforce2011"]);
  expect(j.years).toEqual(["2008/09", "2009/10"]);
  const avon = j.forces.find(
    (x: { forceId: string; year: string }) =>
      x.forceId === "avon-and-somerset" && x.year === "2009/10"
  );
  expect(avon.indicators.overtimeRatio).toBeCloseTo(4733 / 174236, 15);
  expect(avon.definitions).toEqual({ overtimeRatio: "hmic2010", businessSupportRatio: "hmic2010" });
  expect(avon.ranks.overtimeRatio).toEqual({ rank: 7, of: 43, quartile: 1 });
  expect(avon.cells.overtimeRatio.from.map((c: { cell: string }) => c.cell)).toEqual(["R4", "S4"]);
  expect(avon.cells.overtimeRatio.published).toMatchObject({
    file: path.basename(XLS),
    sheet: "Section 1. Income & Expenditure",
    cell: "X4",
  });
  expect(
    j.findings.some(
      (x: { code: string; where: string }) =>
        x.code === "PROFILE_PUBLISHED_RATIO_DIFFERS" &&
        x.where === "'Section 1. Income & Expenditure'!Q39"
    )
  ).toBe(true);
});

test("--out writes the year as the add-in's Peers sheet, which the peers detector reads back with every force", async () => {
  const f = fakeIo(dir());
  const out = path.join(dir(), "peers.xlsx");
  expect(await profilesCommand([XLS, CSV, "--year", "2009/10", "--out", out], f.io)).toBe(0);
  expect(f.err()).toMatch(/wrote 2009\/10 for 43 forces/);
  const back = await readSpreadsheet(await fs.readFile(out), "peers.xlsx");
  const report = detectPeersReport(back.workbook, {});
  expect(report.peers?.form).toBe("template");
  expect(report.peers?.rows).toHaveLength(43);
  const avon = report.peers!.rows.find((r) => r.force?.id === "avon-and-somerset")!;
  expect(avon.values.get("overtimePctPaybill")?.value).toBeCloseTo(4733 / 174236, 12);
  // 6.85% in the readable table above (Avon and Somerset, 31 March 2010).
  expect(avon.values.get("businessSupportPctWorkforce")?.value).toBeCloseTo(0.0685, 4);
  const note = back.workbook.sheets[0].values[2][0];
  expect(String(note)).toMatch(
    /HMIC Value for Money profile data, 2009\/10.*Open Government Licence/
  );
});

test("a file that is not a profile data file: one line and exit code 2", async () => {
  const notProfile = path.join(dir(), "budget.csv");
  await fs.writeFile(notProfile, "Line,2009/10\nPolice officer pay,100\n");
  const f = fakeIo(dir());
  expect(await profilesCommand([XLS, notProfile], f.io)).toBe(2);
  expect(f.err()).toMatch(
    /^vfm profiles: .*budget\.csv is not an HMIC Value for Money profile data file .*\n$/
  );
  expect(f.err().split("\n").filter(Boolean)).toHaveLength(1);
  expect(f.out()).toBe("");
});

describe("the --json schema (schema/profiles.schema.json)", () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  let all: { forces: { indicators: Record<string, unknown>; year: string }[] };

  beforeAll(async () => {
    const f = fakeIo(dir());
    const files = PUBLISHED_PROFILE_FILES.map((n) => path.join(FIXTURES, n));
    expect(await profilesCommand([...files, "--json"], f.io)).toBe(0);
    all = JSON.parse(f.out());
  }, 120_000);

  test("the output for all eight of HMIC's files validates: 344 force-years in eight years", () => {
    const ok = validate(all);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(all.forces).toHaveLength(344);
    // Every indicator the table carries appears somewhere in the real output.
    const seen = new Set(all.forces.flatMap((r) => Object.keys(r.indicators)));
    expect([...seen].sort()).toEqual([...PROFILE_INDICATOR_KEYS].sort());
  });

  test("it rejects what the table never prints: a ratio as text, an indicator it does not know", () => {
    const first = all.forces[0];
    const asText = {
      ...all,
      forces: [{ ...first, indicators: { ...first.indicators, overtimeRatio: "2.72%" } }],
    };
    expect(validate(asText)).toBe(false);
    const unknown = {
      ...all,
      forces: [{ ...first, indicators: { ...first.indicators, crimePer1000: 61.2 } }],
    };
    expect(validate(unknown)).toBe(false);
    expect(validate({ ...all, years: ["2009-10"] })).toBe(false);
  });

  test("its lists are the code's: indicators, support definitions", () => {
    expect(schema.definitions.indicator.enum).toEqual([...PROFILE_INDICATOR_KEYS]);
    const defs = schema.properties.forces.items.properties.definitions.properties;
    expect(defs.businessSupportRatio.enum).toEqual([...SUPPORT_DEFINITIONS]);
  });
});
