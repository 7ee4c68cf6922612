/**
 * Ranks and quartiles of the national table equal Excel's RANK.EQ and PERCENTILE.INC over the
 * same 43 values: the values and the formulas go into a workbook, LibreOffice (headless) works
 * the formulas out, and its results are read back and compared with the add-in's, for the
 * 2009/10 overtime ratios and the business-support shares at 31 March 2010.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as XLSX from "@e965/xlsx";
import { indicatorSpread, nationalTable, recordsFor } from "../../../src/core/profiles";
import { NationalTable, ProfileIndicatorKey } from "../../../src/core/profiles/types";
import { profileOf } from "./profileFiles";

let table: NationalTable;
let dir: string;
beforeAll(async () => {
  table = nationalTable([
    await profileOf("value-for-money-2010-underlying-data-20100609.xls"),
    await profileOf("2010-11-value-for-money-profile-data-workforce-20110511.csv"),
  ]);
  dir = mkdtempSync(join(tmpdir(), "vfm-rank-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** LibreOffice's results for RANK.EQ (ascending: 1 = lowest) and PERCENTILE.INC at 0.25/0.5/0.75. */
function libreOffice(values: readonly number[], name: string): { ranks: number[]; p: number[] } {
  const n = values.length;
  const ws: XLSX.WorkSheet = {};
  values.forEach((v, i) => {
    ws[`A${i + 1}`] = { t: "n", v };
    ws[`B${i + 1}`] = { t: "n", f: `_xlfn.RANK.EQ(A${i + 1},$A$1:$A$${n},1)` };
  });
  [0.25, 0.5, 0.75].forEach(
    (q, i) => (ws[`C${i + 1}`] = { t: "n", f: `_xlfn.PERCENTILE.INC($A$1:$A$${n},${q})` })
  );
  ws["!ref"] = `A1:C${n}`;
  const src = join(dir, `${name}.xlsx`);
  XLSX.writeFile({ SheetNames: ["S"], Sheets: { S: ws } }, src);
  const out = join(dir, "out");
  execFileSync(
    "soffice",
    [
      "--headless",
      `-env:UserInstallation=file://${dir}/lo`,
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      src,
    ],
    { stdio: "ignore", timeout: 120_000 }
  );
  const back = XLSX.read(readFileSync(join(out, `${name}.xlsx`)), { type: "buffer" }).Sheets.S;
  const num = (a: string) => Number(back[a]?.v);
  return { ranks: values.map((_, i) => num(`B${i + 1}`)), p: [1, 2, 3].map((i) => num(`C${i}`)) };
}

test.each([
  ["overtimeRatio", 0.0334],
  ["businessSupportRatio", 0.078],
] as const)(
  "%s 2009/10: rank and quartile of every force = RANK.EQ and PERCENTILE.INC in LibreOffice",
  (key: ProfileIndicatorKey, median) => {
    const records = recordsFor(table, 2009).filter((r) => r.indicators[key]);
    expect(records).toHaveLength(43);
    const values = records.map((r) => r.indicators[key]!.value);
    const lo = libreOffice(values, key);
    const s = indicatorSpread(table, 2009, key)!;
    expect(
      [s.percentiles.p25, s.percentiles.p50, s.percentiles.p75].map((x) => x.toPrecision(10))
    ).toEqual(lo.p.map((x) => x.toPrecision(10)));
    expect(s.percentiles.p50).toBeCloseTo(median, 4);
    records.forEach((r, i) => {
      const mine = s.ranks.get(r.forceId)!;
      expect([r.force, mine.rank]).toEqual([r.force, lo.ranks[i]]);
      const v = values[i];
      const q = v <= lo.p[0] ? 1 : v <= lo.p[1] ? 2 : v <= lo.p[2] ? 3 : 4;
      expect([r.force, mine.quartile]).toEqual([r.force, q]);
    });
  }
);
