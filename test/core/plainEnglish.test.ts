import fc from "fast-check";
import {
  countOf,
  countWord,
  goOnLower,
  lowerAfterSemicolons,
  nounFor,
  numberInWords,
  publishedTextProblems,
  sayOnce,
  sentences,
  thereAre,
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
    expect([0, 1, 9, 12].map(countWord)).toEqual(["none", "one", "nine", "12"]);
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

  it("opens a sentence about any count with a word", () => {
    expect(thereAre(29, "point")).toBe("There are 29 points");
    expect(thereAre(1, "point")).toBe("There is one point");
    expect(thereAre(0, "more line")).toBe("There are no more lines");
    expect(thereAre(3, "category", "categories")).toBe("There are three categories");
    // whatever the count, the sentence it opens passes rule 3 (and rule 2)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        expect(wordingProblems(`${thereAre(n, "contract")} still to move.`)).toEqual([]);
      })
    );
  });

  it("goes on in lower case after a colon, leaving names alone", () => {
    expect(goOnLower("Cashable savings so far 12.5% short of plan.")).toBe(
      "cashable savings so far 12.5% short of plan."
    );
    expect(goOnLower("The weaker of two tests.")).toBe("the weaker of two tests.");
    expect(goOnLower("A cut of 5%")).toBe("a cut of 5%");
    // names stay: an acronym, two capitalised words, a possessive, "A" before a capital
    for (const name of ["ISIS by 2014", "White Paper 5.53", "Exampleshire's plan", "A Team", "DNA"])
      expect(goOnLower(name)).toBe(name);
    expect(
      wordingProblems(
        "Savings plan: Cashable savings so far 12.5% short of plan. Overtime: off track, two years."
      )
    ).toEqual([{ rule: "capitalAfterColon", text: ": Cashable" }]);
    expect(
      wordingProblems(
        'Savings plan: cashable savings so far; see Forensic analysis: DNA and 5.10: "making"; ICT: ISIS.'
      )
    ).toEqual([]);
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
