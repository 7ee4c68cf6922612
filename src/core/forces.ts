/**
 * The 43 territorial police forces of England and Wales (the White Paper's "43 different ways";
 * see vfm-policy.md, "The 43 forces"), by their official names, with the short forms and
 * abbreviations finance teams write in their sheets. Used to recognise force names in a peers
 * sheet, to report names that are not forces, and to offer the list when a user builds a most
 * similar group. Names only: no per-force figures are held here.
 *
 * The non-territorial national forces (British Transport Police, the Civil Nuclear Constabulary,
 * the Ministry of Defence Police) and the forces of Scotland and Northern Ireland are not among
 * them; they are recognised only so that a finding can say why they do not count.
 */

export interface Force {
  /** Stable identifier, e.g. "devon-and-cornwall". */
  readonly id: string;
  /** The force's official name, e.g. "Devon and Cornwall Police". */
  readonly name: string;
  /** The name without "Police" or "Constabulary", e.g. "Devon and Cornwall". */
  readonly shortName: string;
  readonly country: "England" | "Wales";
  /** Other ways the force is written (abbreviations, former names, Welsh names). */
  readonly variants: readonly string[];
}

function force(
  id: string,
  name: string,
  shortName: string,
  country: Force["country"],
  variants: readonly string[] = []
): Force {
  return { id, name, shortName, country, variants };
}

/** The 43 territorial forces, in alphabetical order of their official names. */
export const FORCES: readonly Force[] = [
  force("avon-and-somerset", "Avon and Somerset Constabulary", "Avon and Somerset", "England", [
    "ASC",
    "A&S",
  ]),
  force("bedfordshire", "Bedfordshire Police", "Bedfordshire", "England", ["Beds"]),
  force("cambridgeshire", "Cambridgeshire Constabulary", "Cambridgeshire", "England", ["Cambs"]),
  force("cheshire", "Cheshire Constabulary", "Cheshire", "England", ["Cheshire Police"]),
  force("city-of-london", "City of London Police", "City of London", "England", [
    "CoLP",
    "City Police",
    "London City Police",
  ]),
  force("cleveland", "Cleveland Police", "Cleveland", "England"),
  force("cumbria", "Cumbria Constabulary", "Cumbria", "England"),
  force("derbyshire", "Derbyshire Constabulary", "Derbyshire", "England", ["Derbys"]),
  force("devon-and-cornwall", "Devon and Cornwall Police", "Devon and Cornwall", "England", [
    "Devon and Cornwall Constabulary",
    "D&C",
    "DCP",
  ]),
  force("dorset", "Dorset Police", "Dorset", "England"),
  force("durham", "Durham Constabulary", "Durham", "England"),
  force("dyfed-powys", "Dyfed-Powys Police", "Dyfed-Powys", "Wales", ["Heddlu Dyfed-Powys"]),
  force("essex", "Essex Police", "Essex", "England"),
  force("gloucestershire", "Gloucestershire Constabulary", "Gloucestershire", "England", ["Glos"]),
  force("greater-manchester", "Greater Manchester Police", "Greater Manchester", "England", [
    "GMP",
    "Manchester",
  ]),
  force("gwent", "Gwent Police", "Gwent", "Wales", ["Heddlu Gwent"]),
  force("hampshire", "Hampshire Constabulary", "Hampshire", "England", [
    "Hants",
    "Hampshire and Isle of Wight Constabulary",
    "Hampshire and IOW",
    "Hampshire and Isle of Wight",
  ]),
  force("hertfordshire", "Hertfordshire Constabulary", "Hertfordshire", "England", ["Herts"]),
  force("humberside", "Humberside Police", "Humberside", "England"),
  force("kent", "Kent Police", "Kent", "England"),
  force("lancashire", "Lancashire Constabulary", "Lancashire", "England", ["Lancs"]),
  force("leicestershire", "Leicestershire Police", "Leicestershire", "England", [
    "Leics",
    "Leicestershire Constabulary",
  ]),
  force("lincolnshire", "Lincolnshire Police", "Lincolnshire", "England", ["Lincs"]),
  force("merseyside", "Merseyside Police", "Merseyside", "England"),
  force("metropolitan", "Metropolitan Police Service", "Metropolitan", "England", [
    "Met",
    "The Met",
    "MPS",
    "Metropolitan Police",
    "Met Police",
  ]),
  force("norfolk", "Norfolk Constabulary", "Norfolk", "England"),
  force("north-wales", "North Wales Police", "North Wales", "Wales", [
    "Heddlu Gogledd Cymru",
    "N Wales",
  ]),
  force("north-yorkshire", "North Yorkshire Police", "North Yorkshire", "England", [
    "North Yorks",
    "N Yorks",
    "NYP",
  ]),
  force("northamptonshire", "Northamptonshire Police", "Northamptonshire", "England", [
    "Northants",
  ]),
  force("northumbria", "Northumbria Police", "Northumbria", "England"),
  force("nottinghamshire", "Nottinghamshire Police", "Nottinghamshire", "England", ["Notts"]),
  force("south-wales", "South Wales Police", "South Wales", "Wales", [
    "Heddlu De Cymru",
    "S Wales",
  ]),
  force("south-yorkshire", "South Yorkshire Police", "South Yorkshire", "England", [
    "South Yorks",
    "S Yorks",
    "SYP",
  ]),
  force("staffordshire", "Staffordshire Police", "Staffordshire", "England", ["Staffs"]),
  force("suffolk", "Suffolk Constabulary", "Suffolk", "England"),
  force("surrey", "Surrey Police", "Surrey", "England"),
  force("sussex", "Sussex Police", "Sussex", "England"),
  force("thames-valley", "Thames Valley Police", "Thames Valley", "England", ["TVP"]),
  force("warwickshire", "Warwickshire Police", "Warwickshire", "England", ["Warks"]),
  force("west-mercia", "West Mercia Police", "West Mercia", "England", [
    "West Mercia Constabulary",
  ]),
  force("west-midlands", "West Midlands Police", "West Midlands", "England", [
    "West Mids",
    "W Mids",
    "WMP",
  ]),
  force("west-yorkshire", "West Yorkshire Police", "West Yorkshire", "England", [
    "West Yorks",
    "W Yorks",
    "WYP",
  ]),
  force("wiltshire", "Wiltshire Police", "Wiltshire", "England", [
    "Wilts",
    "Wiltshire Constabulary",
  ]),
];

/** Police forces that exist but are not among the 43 territorial forces of England and Wales. */
const NOT_TERRITORIAL: readonly { readonly names: readonly string[]; readonly why: string }[] = [
  {
    names: ["British Transport Police", "BTP"],
    why: "British Transport Police is a national force for the railways",
  },
  {
    names: ["Civil Nuclear Constabulary", "CNC"],
    why: "the Civil Nuclear Constabulary is a national force for civil nuclear sites",
  },
  {
    names: ["Ministry of Defence Police", "MDP", "MOD Police"],
    why: "the Ministry of Defence Police is a national force for the defence estate",
  },
  {
    names: ["Police Scotland", "Strathclyde Police", "Lothian and Borders Police"],
    why: "forces in Scotland are outside the England and Wales comparison",
  },
  {
    names: ["Police Service of Northern Ireland", "PSNI"],
    why: "the Police Service of Northern Ireland is outside the England and Wales comparison",
  },
];

/**
 * A name reduced to what identifies it: lower case, "&" read as "and", punctuation as spaces,
 * a leading "the" dropped. "Devon & Cornwall" and "devon and cornwall." both become
 * "devon and cornwall".
 */
export function normaliseForceName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "")
    .replace(/\s+/g, " ");
}

/** Words that name the kind of body rather than the force, dropped to reach the short name. */
const SUFFIXES =
  /\s(?:police force|police service|police authority|constabulary|police|force|service|pa)$/;

function core(normalised: string): string {
  let s = normalised;
  for (let prev = ""; prev !== s;) {
    prev = s;
    s = s.replace(SUFFIXES, "");
  }
  return s;
}

const exactIndex = new Map<string, Force>();
const variantIndex = new Map<string, Force>();
for (const f of FORCES) {
  exactIndex.set(normaliseForceName(f.name), f);
  const names = [f.name, f.shortName, ...f.variants];
  for (const n of names) {
    const k = normaliseForceName(n);
    variantIndex.set(k, f);
    variantIndex.set(core(k), f);
  }
}

export interface ForceMatch {
  readonly force: Force;
  /**
   * True when the text is the official name, give or take case, spacing, punctuation and "&"
   * for "and"; false when it was read from a short name or a variant ("GMP", "Devon & Cornwall").
   */
  readonly exact: boolean;
}

/**
 * Recognises a territorial force from a name as written in a sheet. Returns undefined when the
 * text is not one of the 43 (use {@link describeUnknownForce} to say why).
 */
export function matchForce(text: string): ForceMatch | undefined {
  const n = normaliseForceName(text);
  if (!n) return undefined;
  const exact = exactIndex.get(n);
  if (exact) return { force: exact, exact: true };
  const v = variantIndex.get(n) ?? variantIndex.get(core(n));
  return v ? { force: v, exact: false } : undefined;
}

/** The force with this id, e.g. "west-midlands". */
export function forceById(id: string): Force | undefined {
  return FORCES.find((f) => f.id === id);
}

/** Levenshtein distance, for "did you mean" suggestions on misspelt names. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The force a misspelt name most likely means (at most two letters wrong in its short name). */
export function suggestForce(text: string): Force | undefined {
  const c = core(normaliseForceName(text));
  if (c.length < 4) return undefined;
  let best: Force | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const f of FORCES) {
    const d = distance(c, normaliseForceName(f.shortName));
    if (d < bestD) {
      best = f;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  const allowed = c.length >= 8 ? 2 : 1;
  return best && !tie && bestD <= allowed ? best : undefined;
}

/**
 * Why a name is not one of the 43, in words that fit after "... is not one of the 43 territorial
 * forces of England and Wales": a national or non-English/Welsh force, a likely misspelling, or
 * simply unknown.
 */
export function describeUnknownForce(text: string): string {
  const n = normaliseForceName(text);
  for (const nt of NOT_TERRITORIAL)
    if (
      nt.names.some((x) => normaliseForceName(x) === n || core(normaliseForceName(x)) === core(n))
    )
      return `${nt.why}, so it is not one of the 43 territorial forces of England and Wales`;
  const s = suggestForce(text);
  if (s)
    return `it is not one of the 43 territorial forces of England and Wales; did you mean ${s.name}?`;
  return "it is not one of the 43 territorial forces of England and Wales";
}
