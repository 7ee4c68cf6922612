import { analysisSummary, textTable } from "../../src/cli/analysisSummary";
import { analyse } from "../../src/core/analysis/analyse";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { fullSpec, makeData } from "../core/analysis/fixtures";

describe("the readable summary", () => {
  const text = analysisSummary(analyse(makeData(fullSpec), DEFAULT_POLICY));

  it("leads with a table giving each test's status in words", () => {
    const lines = text.split("\n");
    expect(lines[0]).toBe("Exampleshire Constabulary: value for money analysis");
    const head = lines.findIndex((l) => l.startsWith("Test"));
    expect(lines[head]).toMatch(/^Test\s+Latest figure\s+Threshold\s+Status\s+Why$/);
    // 2010/11: 5.0m / 100m = 5.0%, above its maximum of 95% x 5.2m = 4.94m: off track
    expect(lines[head + 2]).toMatch(
      /^Overtime\s+5\.0% in 2010\/11\s+4\.0% of paybill\s+OFF TRACK\s+one year above the required maximum: 2010\/11$/
    );
    // HR 230 of 3000 = 7.7% in 2010/11; the line from 8.0% (2008/09) to 7.0% (2013/14) allows
    // 8.0% - 2 x 0.2% = 7.6% x 3000 = 228 FTE: above the path, off track
    expect(lines[head + 3]).toMatch(
      /^Business support\s+7\.7% in 2010\/11\s+below 7\.0%\s+OFF TRACK\s+above the straight-line path/
    );
    expect(lines[head + 4]).toMatch(/^Procurement\s+29\.4% on frameworks/); // 500,000 / 1,700,000.50
    expect(text.includes("\u001b[")).toBe(false); // no colour codes: words only
  });

  it("shows the overtime table with required maxima and the findings with their cells", () => {
    expect(text).toMatch(
      /2009\/10\s+£5,200,000\s+£100,000,000\s+5\.2%\s+above threshold\s+£5,225,000\s+yes/
    );
    expect(text).toContain("First year at or below 4.0%: none by 2013/14.");
    // counts in words under ten, in digits from ten: "Findings: 12 errors, one warning and none ..."
    expect(text).toMatch(
      /Findings: (?:no|[a-z]+|\d{2,}) errors?, (?:no|[a-z]+|\d{2,}) warnings? and (?:none|[a-z]+|\d{2,}) for information\./
    );
    expect(text).toMatch(/warning\s+Settings!B12\s+The policy setting "overtime.thresold"/);
    // 2011/12 on are projected: 95% x 5.0m = 4.75m, then 4.5125m, then 4.286875m
    expect(text).toContain(
      "Required maximum for years without figures: 2011/12 £4,750,000, 2012/13 £4,512,500, 2013/14 £4,286,875."
    );
    expect(text).toMatch(/Economising on overheads\s+£0\s+-\s+-\s+£0\s+-\s+not assessed/);
  });
});

describe("textTable", () => {
  it("pads columns and right-aligns numbers", () => {
    expect(
      textTable(
        ["A", "Amount"],
        [
          ["x", "1"],
          ["long", "1,000"],
        ],
        [false, true]
      )
    ).toBe(["A     Amount", "----  ------", "x          1", "long   1,000"].join("\n"));
  });
});
