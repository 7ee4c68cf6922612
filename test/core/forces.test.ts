import fc from "fast-check";
import {
  FORCES,
  describeUnknownForce,
  forceById,
  matchForce,
  normaliseForceName,
  suggestForce,
} from "../../src/core/forces";

describe("the 43 territorial forces of England and Wales", () => {
  test("there are exactly 43, with distinct ids and names: 39 in England and 4 in Wales", () => {
    expect(FORCES).toHaveLength(43);
    expect(new Set(FORCES.map((f) => f.id)).size).toBe(43);
    expect(new Set(FORCES.map((f) => normaliseForceName(f.name))).size).toBe(43);
    expect(FORCES.filter((f) => f.country === "England")).toHaveLength(39);
    expect(FORCES.filter((f) => f.country === "Wales").map((f) => f.name)).toEqual([
      "Dyfed-Powys Police",
      "Gwent Police",
      "North Wales Police",
      "South Wales Police",
    ]);
  });

  test("official names as published, in alphabetical order", () => {
    const names = FORCES.map((f) => f.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en-GB")));
    for (const n of [
      "Avon and Somerset Constabulary",
      "Metropolitan Police Service",
      "City of London Police",
      "Devon and Cornwall Police",
      "Dyfed-Powys Police",
      "Greater Manchester Police",
      "Thames Valley Police",
      "West Midlands Police",
      "Hampshire Constabulary",
      "West Mercia Police",
    ])
      expect(names).toContain(n);
  });

  test("the national special forces are not among them", () => {
    for (const n of [
      "British Transport Police",
      "Civil Nuclear Constabulary",
      "Ministry of Defence Police",
    ]) {
      expect(FORCES.map((f) => f.name)).not.toContain(n);
      expect(matchForce(n)).toBeUndefined();
    }
  });

  test("every official name resolves to itself as an exact match, whatever the case and spacing", () => {
    for (const f of FORCES) {
      expect(matchForce(f.name)).toEqual({ force: f, exact: true });
      expect(matchForce(`  ${f.name.toUpperCase()}  `)?.force.id).toBe(f.id);
    }
  });

  test("every short name and variant resolves to its own force (no two forces share one)", () => {
    for (const f of FORCES)
      for (const v of [f.shortName, ...f.variants]) {
        const m = matchForce(v);
        expect({ v, id: m?.force.id }).toEqual({ v, id: f.id });
      }
  });

  test.each([
    ["Devon & Cornwall", "devon-and-cornwall", false],
    ["Devon & Cornwall Police", "devon-and-cornwall", true],
    ["devon and cornwall police.", "devon-and-cornwall", true],
    ["Met", "metropolitan", false],
    ["the Met", "metropolitan", false],
    ["MPS", "metropolitan", false],
    ["Metropolitan Police", "metropolitan", false],
    ["Avon & Somerset", "avon-and-somerset", false],
    ["Avon & Somerset Constabulary", "avon-and-somerset", true],
    ["GMP", "greater-manchester", false],
    ["West Mids", "west-midlands", false],
    ["Thames Valley", "thames-valley", false],
    ["Dyfed Powys", "dyfed-powys", false],
    ["Dyfed-Powys Police", "dyfed-powys", true],
    ["Durham Police", "durham", false],
    ["Kent", "kent", false],
    ["Notts", "nottinghamshire", false],
    ["Wiltshire Constabulary", "wiltshire", false],
    ["Hampshire and Isle of Wight Constabulary", "hampshire", false],
    ["City of London", "city-of-london", false],
    ["North Yorks", "north-yorkshire", false],
    ["Heddlu Gwent", "gwent", false],
  ])("%s is %s (exact: %s)", (text, id, exact) => {
    expect(matchForce(text)).toEqual({ force: forceById(id), exact });
  });

  test("case, punctuation and '&' versus 'and' never change the force", () => {
    const spellings = fc.tuple(
      fc.constantFrom(...FORCES),
      fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      fc.constantFrom("", ".", " ", "  ", ",")
    );
    fc.assert(
      fc.property(spellings, ([f, flips, tail]) => {
        const mixed = [...f.name.replace(/ and /g, " & ")]
          .map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase()))
          .join("");
        return matchForce(mixed + tail)?.force.id === f.id;
      })
    );
  });

  test("names that are not one of the 43 are not matched, and say why", () => {
    expect(matchForce("Exampleshire Constabulary")).toBeUndefined();
    expect(matchForce("London")).toBeUndefined(); // Met or City? ambiguous, so neither
    expect(matchForce("Yorkshire")).toBeUndefined();
    expect(matchForce("")).toBeUndefined();
    expect(describeUnknownForce("British Transport Police")).toMatch(/railways/);
    expect(describeUnknownForce("BTP")).toMatch(/railways/);
    expect(describeUnknownForce("Police Scotland")).toMatch(/Scotland/);
    expect(describeUnknownForce("Exampleshire Constabulary")).toBe(
      "it is not one of the 43 territorial forces of England and Wales"
    );
  });

  test("a misspelt name gets a suggestion, an unrelated one none", () => {
    expect(matchForce("Lancashre Constabulary")).toBeUndefined();
    expect(suggestForce("Lancashre Constabulary")?.name).toBe("Lancashire Constabulary");
    expect(describeUnknownForce("Northumbira Police")).toMatch(/did you mean Northumbria Police\?/);
    expect(suggestForce("Exampleshire Constabulary")).toBeUndefined();
  });
});
