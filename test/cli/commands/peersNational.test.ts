/**
 * `vfm peers` on a workbook with no peers sheet: the force (Kent, from its real 2009/10 figures)
 * compared with all 43 in HMIC's data shipped with the add-in, which data, year and definition
 * said, a group named with --group weighted by population; the ranked data in --json.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { peersCommand } from "../../../src/cli/commands/peers";
import { sheetFromRows } from "../../../src/core/sample/gridBuilder";
import { gridToXlsx } from "../../../src/xlsx/write";
import { hmicForces } from "../../core/realData/hmicData";
import { forceWorkbook } from "../../core/realData/layouts";
import { fakeIo } from "../fakeIo";
import { tempDir } from "../tempDir";

const dir = tempDir("vfm-peers-national-");
beforeAll(async () => {
  const kent = hmicForces().find((f) => f.force === "Kent")!;
  const wb = forceWorkbook(kent, "adrReturn", "published");
  await fs.writeFile(
    path.join(dir(), "kent.xlsx"),
    await gridToXlsx({
      sheets: [sheetFromRows("Settings", [["Force name", "Kent Police"]]), ...wb.sheets],
    })
  );
});

test("readable: against HMIC's data for 2009/10, Kent 37th of 43 on overtime, definitions and licence named", async () => {
  const f = fakeIo(dir());
  expect(await peersCommand(["kent.xlsx"], f.io)).toBe(0);
  const out = f.out();
  expect(out).toMatch(
    /Benchmarking Kent Police against the forces in HMIC's Value for Money profile data \(the workbook has no peers sheet\)/
  );
  expect(out).toMatch(
    /Overtime % of paybill: compared with 43 forces in HMIC's Value for Money profile data for 2009\/10 \(CIPFA 2009-10 estimates\), the year of the force's own figure\./
  );
  expect(out).toMatch(
    /Business support % of workforce: compared with 43 forces .* for 2009\/10 \(Home Office ADR, FTE at 31 March 2010; HMIC 2010/
  );
  expect(out).toMatch(
    /^Overtime % of paybill\s+lower\s+4\.3%\s+-\s+3\.5%\s+37 of 43\s+4 \(bottom\)\s+3\.1%/m
  );
  expect(out).toContain("Open Government Licence v3.0");
  expect(out).toMatch(
    /No most similar group was named for Kent Police, so it is compared with all forces only/
  );
  expect(out).not.toMatch(/HMIC Value for Money profiles'!A/);
});

test("--group: the named forces' average, weighted by population; --json carries the national comparisons", async () => {
  const f = fakeIo(dir());
  expect(
    await peersCommand(["kent.xlsx", "--json", "--group", "Essex; Hampshire; Sussex"], f.io)
  ).toBe(0);
  const j = JSON.parse(f.out());
  expect(j.group).toEqual(["Essex Police", "Hampshire Constabulary", "Sussex Police"]);
  expect(j.groupAverage.weightedBy).toBe("Population");
  expect(
    j.national.comparisons.map((c: { indicator: string; year: string }) => [c.indicator, c.year])
  ).toEqual([
    ["overtimePctPaybill", "2009/10"],
    ["businessSupportPctWorkforce", "2009/10"],
    ["nrePerHead", "2009/10"],
    ["officersPer1000", "2009/10"],
  ]);
  const ot = j.indicators.find((i: { key: string }) => i.key === "overtimePctPaybill");
  expect(ot.cell).toMatch(/^'Revenue budget'!/);
  expect(ot.rank).toBe(37);
});
