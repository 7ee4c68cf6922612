import fc from "fast-check";
import {
  countOf,
  lowerAfterSemicolons,
  nounFor,
  numberInWords,
  publishedTextProblems,
  sayOnce,
  sentences,
  wordSmallCountAtStart,
  wordingProblems,
} from "../../src/core/plainEnglish";

describe("plain English: counts", () => {
  it("chooses singular or plural by count", () => {
    expect(nounFor(1, "line")).toBe("line");
    expect(nounFor(0, "line")).toBe("lines");
    expect(nounFor(2, "line")).toBe("lines");
    expect(nounFor(2, "category", "categories")).toBe("categories");
  });

  it("writes whole numbers under ten in words, larger ones in digits", () => {
    expect([0, 1, 2, 9, 10, 14, 1234].map(numberInWords)).toEqual([
      "zero",
      "one",
      "two",
      "nine",
      "10",
      "14",
      "1,234",
    ]);
    expect(countOf(9, "line")).toBe("nine lines");
    expect(countOf(1, "contract")).toBe("one contract");
    expect(countOf(0, "contract")).toBe("no contracts");
    expect(countOf(14, "line")).toBe("14 lines");
    expect(countOf(3, "point", "points", { capital: true })).toBe("Three points");
  });

  it("property: a count never reads with brackets or a digit under ten", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const t = countOf(n, "line");
        expect(t).not.toMatch(/\(s\)/);
        expect(wordingProblems(`The plan has ${t} in it.`)).toEqual([]);
        expect(t.endsWith(n === 1 ? "line" : "lines")).toBe(true);
      })
    );
  });
});

describe("plain English: sentences", () => {
  it("never starts a sentence with a small numeral", () => {
    expect(wordSmallCountAtStart("3 contracts are still to move.")).toBe(
      "Three contracts are still to move."
    );
    expect(wordSmallCountAtStart("2013/14 is the target year.")).toBe(
      "2013/14 is the target year."
    );
    expect(wordingProblems("Done. 17 points to check.").map((p) => p.rule)).toEqual([
      "numeralStartsSentence",
    ]);
    expect(wordingProblems("Done. 2013/14 is the target.").map((p) => p.rule)).toEqual([
      "numeralStartsSentence",
    ]);
  });

  it("goes on in lower case after a semicolon, leaving names alone", () => {
    expect(lowerAfterSemicolons("Off track; The area takes the weaker; Savings plan: x")).toBe(
      "Off track; the area takes the weaker; savings plan: x"
    );
    expect(lowerAfterSemicolons("As planned; White Paper 5.4; ISIS later; A cut")).toBe(
      "As planned; White Paper 5.4; ISIS later; a cut"
    );
    expect(wordingProblems("Off track; Savings plan: on track.").map((p) => p.rule)).toEqual([
      "capitalAfterSemicolon",
    ]);
  });

  it("splits sentences at full stops followed by a capital, a digit or a pound sign", () => {
    expect(sentences("One. Two is 5.5%. £3m more. 2013/14 last.")).toEqual([
      "One.",
      "Two is 5.5%.",
      "£3m more.",
      "2013/14 last.",
    ]);
  });

  it("says a repeated sentence once", () => {
    const same =
      "No actual figures have been reported yet for 2010/11, so that year shows the plan.";
    expect(sayOnce([`Deployment. ${same}`, same, `Overtime. ${same} More.`])).toEqual([
      `Deployment. ${same}`,
      "",
      "Overtime. More.",
    ]);
  });
});

describe("plain English: what the published text must not hold", () => {
  it("finds setting keys, cell addresses, ISO dates, (s) and small counts in digits", () => {
    const text =
      "See procurement.frameworks.vehicles.rate and Budget!C7 or 'Savings plan'!$B$4; moved on 2011-03-31; 2 year(s); it lists 9 lines.";
    expect(wordingProblems(text).map((p) => [p.rule, p.text])).toEqual([
      ["pluralBrackets", "r(s)"],
      ["isoDate", "2011-03-31"],
      ["settingKey", "procurement.frameworks.vehicles.rate"],
      ["cellAddress", "Budget!C7"],
      ["cellAddress", "'Savings plan'!$B$4"],
      ["smallNumberAsDigits", "2"],
      ["smallNumberAsDigits", "9"],
    ]);
  });

  it("leaves figures, percentages, years and dates in words alone", () => {
    expect(
      wordingProblems(
        "Overtime of £4,250,000 is 4.0% of paybill in 2013/14, 0.5 points down; the move is due by 31 March 2012, e.g. at 5% a year."
      )
    ).toEqual([]);
    expect(publishedTextProblems("1,840,000")).toEqual([]);
  });
});
