/**
 * Labels as forces write them, matched to the keys the analyses need.
 *
 * Matching is by words, not one pattern per wording: a label is normalised (lower case, "&" to
 * "and", apostrophes and punctuation dropped, plurals folded, "non-pay" and "sub-total" joined)
 * into a set of words, and each key has a few short phrases. A key scores ten points for each
 * word of its best phrase found in the label, less five for each "role" word in the label that
 * the phrase does not explain (so "Officer and staff overtime" is as much staff as officer
 * overtime). The best key wins; two keys with the same best score are ambiguous, and the caller
 * raises a finding instead of guessing. Results are cached by the label's text, so a ledger of
 * 200,000 lines with thirty distinct categories is matched thirty times.
 */
import {
  BudgetLineKey,
  FunctionCategory,
  ProcurementCategory,
  ProcurementRoute,
  SAVINGS_AREAS,
  SavingsArea,
} from "../forceData";
import { functionPhrases, subjectivePhrases } from "../classifications";

const STOP_WORDS = new Set([
  "and",
  "of",
  "the",
  "for",
  "in",
  "to",
  "a",
  "an",
  "per",
  "by",
  "with",
  "from",
  "etc",
  "inc",
  "incl",
  "including",
  "includes",
  "e.g",
  "eg",
  "ie",
  "i.e",
  "or",
]);

/** Two-word runs folded into one word, so "non pay" never reads as "pay". */
const JOIN_NEXT = new Set(["non", "sub", "e"]);

/** The word a label's "excluding overtime" becomes: the line is pay without overtime. */
export const EXCLUDES_OVERTIME = "exovertime";
/** The word a label's "including overtime" becomes: the line is pay with overtime in it. */
export const INCLUDES_OVERTIME = "inclovertime";

const PHRASES: readonly (readonly [readonly string[], string])[] = [
  [["police", "community", "support", "officer"], "pcso"],
  [["community", "support", "officer"], "pcso"],
  [["o", "t"], "overtime"],
  [["hi", "tech"], "hitech"],
  [["grand", "total"], "total"],
  // Pay stated without its overtime is pay ("excluding", "exc.", "net of", "before" overtime);
  // pay "including overtime" is pay with overtime in it. Either way the label is not overtime.
  ...overtimeQualifiers(
    [
      ["excluding"],
      ["exc"],
      ["excl"],
      ["exclude"],
      ["ex"],
      ["net", "of"],
      ["before"],
      ["less"],
      ["without"],
    ],
    EXCLUDES_OVERTIME
  ),
  ...overtimeQualifiers(
    [["including"], ["inc"], ["incl"], ["include"], ["inclusive", "of"], ["with"], ["plus"]],
    INCLUDES_OVERTIME
  ),
];

function overtimeQualifiers(
  lead: readonly (readonly string[])[],
  replacement: string
): (readonly [readonly string[], string])[] {
  return lead.flatMap((l) => [
    [[...l, "overtime"], replacement] as const,
    [[...l, "ot"], replacement] as const,
  ]);
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (
    w.length > 3 &&
    w.endsWith("s") &&
    !w.endsWith("ss") &&
    !w.endsWith("us") &&
    !w.endsWith("is")
  )
    return w.slice(0, -1);
  return w;
}

const tokenCache = new Map<string, readonly string[]>();

/**
 * The words of a label after normalisation: "Police Officers' Pay & Allowances" ->
 * ["police", "officer", "pay", "allowance"]; "Non-pay" -> ["nonpay"]; "Sub-total" -> ["subtotal"].
 */
export function labelTokens(text: string): readonly string[] {
  const hit = tokenCache.get(text);
  if (hit) return hit;
  const raw = text
    .toLowerCase()
    .replace(/[’'`‘]/g, "")
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  const joined: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    if (JOIN_NEXT.has(w) && i + 1 < raw.length && /^[a-z]/.test(raw[i + 1])) {
      joined.push(w + raw[i + 1]);
      i++;
    } else joined.push(w);
  }
  let words = joined.map(stem);
  for (const [phrase, replacement] of PHRASES) {
    if (words.length < phrase.length) continue;
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      let same = i + phrase.length <= words.length;
      for (let j = 0; same && j < phrase.length; j++) if (words[i + j] !== phrase[j]) same = false;
      if (same) {
        out.push(replacement);
        i += phrase.length - 1;
      } else out.push(words[i]);
    }
    words = out;
  }
  const result = words.filter((w) => !STOP_WORDS.has(w));
  if (tokenCache.size < 200_000) tokenCache.set(text, result);
  return result;
}

/**
 * The key under which a user's mapping of a label is stored (task pane overrides): the label's
 * words joined by spaces, so "Officers' overtime" and "officers overtime" share one mapping.
 */
export function mappingKey(text: string): string {
  return labelTokens(text).join(" ");
}

export type MatchResult<K extends string> =
  | {
      readonly kind: "match";
      readonly key: K;
      readonly score: number;
      /** The phrase that matched, as words, for the "how" text. */
      readonly phrase: string;
      /** Set when the match needed a reading the user should know about. */
      readonly note?: string;
    }
  | { readonly kind: "ambiguous"; readonly keys: readonly K[]; readonly score: number }
  | { readonly kind: "none" };

export interface MatcherSpec<K extends string> {
  /** Phrases per key, written plainly; they are normalised like labels. Listed in key order. */
  readonly phrases: readonly (readonly [K, readonly string[]])[];
  /** Words folded into another before matching: "salary" -> "pay". */
  readonly synonyms?: Readonly<Record<string, string>>;
  /** Words that cost a phrase five points when the label has them and the phrase does not. */
  readonly roles?: readonly string[];
  /** Adds implied words (returns a note to show the user when it did). */
  readonly expand?: (words: Set<string>) => string | undefined;
}

interface CompiledPhrase<K> {
  readonly key: K;
  readonly words: readonly string[];
  readonly text: string;
}

const NONE = { kind: "none" } as const;

export class Matcher<K extends string> {
  private readonly phrases: CompiledPhrase<K>[] = [];
  private readonly synonyms: ReadonlyMap<string, string>;
  private readonly roles: ReadonlySet<string>;
  private readonly cache = new Map<string, MatchResult<K>>();

  constructor(private readonly spec: MatcherSpec<K>) {
    this.synonyms = new Map(Object.entries(spec.synonyms ?? {}));
    this.roles = new Set(spec.roles ?? []);
    for (const [key, list] of spec.phrases)
      for (const p of list) {
        const words = [...new Set(this.canonical(labelTokens(p)))];
        if (words.length > 0) this.phrases.push({ key, words, text: words.join(" ") });
      }
  }

  private canonical(words: readonly string[]): string[] {
    return words.map((w) => this.synonyms.get(w) ?? w);
  }

  /** The words a label is matched on (synonyms applied), e.g. to add context from a heading. */
  words(text: string): Set<string> {
    return new Set(this.canonical(labelTokens(text)));
  }

  /** Matches a label's text; cached by text. */
  match(text: string): MatchResult<K> {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const result = this.matchWords(this.words(text));
    if (this.cache.size < 100_000) this.cache.set(text, result);
    return result;
  }

  /** Matches a set of words (already canonical). */
  matchWords(input: ReadonlySet<string>): MatchResult<K> {
    const words = new Set(input);
    const note = this.spec.expand?.(words);
    const best = new Map<K, { score: number; phrase: string }>();
    for (const p of this.phrases) {
      let all = true;
      for (const w of p.words)
        if (!words.has(w)) {
          all = false;
          break;
        }
      if (!all) continue;
      let score = 10 * p.words.length;
      for (const w of words) if (this.roles.has(w) && !p.words.includes(w)) score -= 5;
      const prev = best.get(p.key);
      if (!prev || score > prev.score) best.set(p.key, { score, phrase: p.text });
    }
    let top = 0;
    for (const b of best.values()) if (b.score > top) top = b.score;
    if (top <= 0) return NONE;
    // Keys in the spec's order, so the result never depends on Map iteration order.
    const keys: K[] = [];
    let phrase = "";
    for (const [key] of this.spec.phrases) {
      const b = best.get(key);
      if (b && b.score === top && !keys.includes(key)) {
        keys.push(key);
        phrase = phrase || b.phrase;
      }
    }
    if (keys.length > 1) return { kind: "ambiguous", keys, score: top };
    return note
      ? { kind: "match", key: keys[0], score: top, phrase, note }
      : { kind: "match", key: keys[0], score: top, phrase };
  }
}

// ---------------------------------------------------------------------------------------------
// Budget lines

const BUDGET_ROLE_WORDS = ["officer", "staff", "pcso"];

const BUDGET_PHRASES: (readonly [BudgetLineKey, readonly string[]])[] = [
  ["officerPay", ["officer pay"]],
  ["officerOvertime", ["officer overtime"]],
  ["staffPay", ["staff pay"]],
  ["staffOvertime", ["staff overtime"]],
  ["pcsoPay", ["pcso pay"]],
  ["pcsoOvertime", ["pcso overtime"]],
  ["totalPay", ["total pay"]],
  ["nonPay", ["non-pay", "total non-pay", "non-pay expenditure"]],
  ["grossExpenditure", ["gross expenditure", "gross", "total expenditure"]],
  ["income", ["income", "total income"]],
  [
    "netExpenditure",
    ["net expenditure", "net budget", "budget requirement", "net cost", "net revenue"],
  ],
];

export const budgetMatcher = new Matcher<BudgetLineKey>({
  // The short phrases above, then the CIPFA subjective lines as published (core/classifications).
  phrases: BUDGET_PHRASES.map(([key, list]) => {
    const extra = subjectivePhrases().find((p) => p[0] === key)?.[1] ?? [];
    return [key, [...list, ...extra]] as const;
  }),
  synonyms: {
    salary: "pay",
    wage: "pay",
    allowance: "pay",
    remuneration: "pay",
    emolument: "pay",
    employee: "pay",
    constable: "officer",
    sworn: "officer",
    civilian: "staff",
    subtotal: "total",
    ot: "overtime",
    spending: "expenditure",
    spend: "expenditure",
    cost: "expenditure",
    running: "nonpay",
    nonstaff: "nonpay",
    nonemployee: "nonpay",
    receipt: "income",
  },
  roles: ["officer", "staff", "pcso", "pay", "overtime", "nonpay", "income", "net", "gross"],
  // In police budgets "Police pay" and "Police overtime" are the officers' lines: staff and
  // PCSOs are always named. So "police" with no other worker type reads as police officers.
  expand: (words) => {
    const notes: string[] = [];
    if (words.has("police") && !BUDGET_ROLE_WORDS.some((w) => words.has(w))) {
      words.add("officer");
      notes.push("'police' read as police officers");
    }
    // "Police officers (exc. OT)" is officer pay: pay stated without its overtime.
    if ((words.has(EXCLUDES_OVERTIME) || words.has(INCLUDES_OVERTIME)) && !words.has("pay")) {
      words.add("pay");
      notes.push(
        words.has(EXCLUDES_OVERTIME)
          ? "pay excluding overtime"
          : "pay including overtime (the overtime line is taken out of it)"
      );
    } else if (words.has(INCLUDES_OVERTIME))
      notes.push("pay including overtime (the overtime line is taken out of it)");
    return notes.length > 0 ? notes.join("; ") : undefined;
  },
});

/** The worker-type and pay words a section heading lends to the lines under it. */
export function headingContext(heading: string): { roles: string[]; pay: boolean } {
  const words = budgetMatcher.words(heading);
  const roles = ["officer", "staff", "pcso", "police"].filter((w) => words.has(w));
  return { roles, pay: words.has("pay") };
}

/** Matches a budget label, borrowing the worker type (and "pay") of the section heading above it. */
export function matchBudgetLabel(
  label: string,
  heading?: string
): MatchResult<BudgetLineKey> & { viaHeading?: string } {
  const own = budgetMatcher.match(label);
  if (!heading) return own;
  const words = budgetMatcher.words(label);
  const hasRole = ["officer", "staff", "pcso", "police"].some((w) => words.has(w));
  const hasKind = ["pay", "overtime", "nonpay", "total", "income", "net", "gross"].some((w) =>
    words.has(w)
  );
  const ctx = headingContext(heading);
  if ((hasRole || ctx.roles.length === 0) && (hasKind || !ctx.pay)) return own;
  if (!hasRole) for (const r of ctx.roles) words.add(r);
  if (!hasKind && ctx.pay) words.add("pay");
  const withContext = budgetMatcher.matchWords(words);
  if (withContext.kind === "none") return own;
  return { ...withContext, viaHeading: heading };
}

const TOTAL_WORDS = new Set(["total", "subtotal", "totals"]);

/** True for total and sub-total rows ("Total", "Sub-total police staff", "Net expenditure"). */
export function isTotalLabel(label: string): boolean {
  const words = labelTokens(label);
  for (const w of words) if (TOTAL_WORDS.has(w)) return true;
  const m = budgetMatcher.match(label);
  return m.kind === "match" && (m.key === "grossExpenditure" || m.key === "netExpenditure");
}

// ---------------------------------------------------------------------------------------------
// Workforce functions (business-support classification; policy 5.46-5.51)

// The phrases are the published names (Home Office ADR functions and breakdowns, CIPFA POA
// objectives and sub-objectives) and the wordings forces use for them: core/classifications.
export const functionMatcher = new Matcher<FunctionCategory>({
  phrases: functionPhrases(),
});

// ---------------------------------------------------------------------------------------------
// Procurement categories (national approaches, 5.31-5.40)

export const procurementMatcher = new Matcher<ProcurementCategory>({
  phrases: [
    [
      "vehicles",
      [
        "vehicles",
        "vehicle",
        "cars",
        "vans",
        "motor vehicles",
        "beat car",
        "patrol cars",
        "fleet",
        "motorcycles",
        "vehicle purchase",
        "vehicle leasing",
      ],
    ],
    ["bodyArmour", ["body armour", "armour", "body armor", "stab vests", "ballistic vests"]],
    ["forensicDna", ["forensic dna", "dna", "dna analysis", "dna profiling"]],
    ["forensicDrugs", ["forensic drugs", "drugs analysis", "drug testing", "drugs"]],
    [
      "forensicOther",
      [
        "forensic",
        "forensic services",
        "forensic science",
        "forensic analysis",
        "toxicology",
        "forensic submissions",
      ],
    ],
    [
      "eForensics",
      [
        "e-forensics",
        "digital forensics",
        "computer forensics",
        "computer examination",
        "mobile phone examination",
        "hi-tech crime",
      ],
    ],
    ["uniform", ["uniform", "uniforms", "clothing", "workwear", "footwear", "boots"]],
    [
      "mobilePhones",
      ["mobile phones", "mobile", "blackberry", "blackberrys", "mobile telephony", "smartphones"],
    ],
    [
      "digitalEvidence",
      ["digital evidence", "evidence storage", "digital interview recording", "dems"],
    ],
    ["consultancy", ["consultancy", "consultants", "management consultancy"]],
    [
      "translators",
      ["translators", "translation", "interpreters", "interpreting", "language services"],
    ],
    ["olympics", ["olympics", "olympic games", "games"]],
    ["radio", ["radio", "airwave", "radio communications", "radio terminals"]],
    ["forensicsRefresh", ["forensics refresh", "forensic refresh"]],
    [
      "fingerprintId",
      ["fingerprint identification", "fingerprint id", "ident1", "fingerprints", "afis"],
    ],
    [
      "fingerprintScanning",
      ["fingerprint scanning", "livescan", "fingerprint scanners", "mobile fingerprint"],
    ],
    [
      "construction",
      [
        "construction",
        "building works",
        "building maintenance",
        "minor works",
        "capital works",
        "refurbishment",
        "estates maintenance",
        "new build",
      ],
    ],
    [
      "ict",
      [
        "ict",
        "it",
        "information technology",
        "computers",
        "computer equipment",
        "software",
        "hardware",
        "it managed service",
        "data centre",
        "telecommunications",
        "telephony",
        "network",
      ],
    ],
    [
      "other",
      [
        "cleaning",
        "catering",
        "energy",
        "utilities",
        "gas",
        "electricity",
        "water",
        "fuel",
        "vehicle fuel",
        "insurance",
        "stationery",
        "printing",
        "postage",
        "travel",
        "subsistence",
        "conferences",
        "legal",
        "legal fees",
        "custody healthcare",
        "healthcare",
        "forensic medical",
        "medical",
        "furniture",
        "waste",
        "security",
        "rent",
        "rates",
        "office supplies",
        "recruitment",
        "advertising",
        "audit fees",
        "bank charges",
        "subscriptions",
        "kennelling",
        "air support",
        "helicopter",
        "vehicle recovery",
        "professional fees",
        "other",
        "miscellaneous",
        "training courses",
      ],
    ],
  ],
  // A word naming a specific approach costs the general phrases points: "Forensic services - DNA"
  // is DNA, not forensic services in general.
  roles: ["dna", "drug", "eforensic", "digital", "fingerprint", "refresh", "fuel", "medical"],
});

// ---------------------------------------------------------------------------------------------
// Procurement routes

export const routeMatcher = new Matcher<ProcurementRoute>({
  phrases: [
    [
      "nationalFramework",
      [
        "national framework",
        "framework",
        "on framework",
        "nffa",
        "national forensic framework",
        "national contract",
        "national",
        "national approach",
        "yes",
        "y",
        "buying solutions",
        "ogc",
        "mps led contract",
      ],
    ],
    [
      "regional",
      [
        "regional",
        "regional framework",
        "regional contract",
        "consortium",
        "collaborative",
        "collaboration",
        "espo",
        "ypo",
      ],
    ],
    [
      "local",
      [
        "local",
        "local contract",
        "local tender",
        "legacy",
        "legacy contract",
        "spot purchase",
        "quotes",
        "quotation",
        "tender",
        "no",
        "n",
        "off framework",
        "not framework",
        "non-framework",
        "single tender",
        "waiver",
        "direct award",
        "purchase order",
        "in house",
        "own contract",
      ],
    ],
  ],
  roles: ["not", "no", "off", "regional", "local", "legacy", "nonframework"],
});

// ---------------------------------------------------------------------------------------------
// Savings areas (5.53) and types

export const savingsAreaMatcher = new Matcher<SavingsArea>({
  phrases: [
    [
      "deployment",
      [
        "deployment",
        "workforce modernisation",
        "shift patterns",
        "rota",
        "demand",
        "resourcing",
        "workforce mix",
      ],
    ],
    ["overtime", ["overtime"]],
    [
      "processImprovement",
      [
        "process improvement",
        "quest",
        "lean",
        "process",
        "business process",
        "continuous improvement",
        "productivity programme",
      ],
    ],
    ["bureaucracy", ["bureaucracy", "paperwork", "forms", "red tape", "data requirements"]],
    [
      "procurement",
      ["procurement", "national frameworks", "frameworks", "purchasing", "contracts"],
    ],
    ["it", ["it", "ict", "isis", "it convergence", "information technology", "technology"]],
    [
      "supportServices",
      [
        "support services",
        "business support",
        "back office",
        "shared services",
        "support functions",
      ],
    ],
    [
      "collaboration",
      ["collaboration", "local approaches", "partnership", "shared", "regional", "joint working"],
    ],
    [
      "overheads",
      [
        "overheads",
        "economising",
        "economies",
        "conferences",
        "meetings",
        "travel",
        "wider overheads",
        "subsistence",
      ],
    ],
  ],
});

/** The area a savings line names, also accepting the statement's numbering ("7" or "Area 7"). */
export function matchSavingsArea(text: string): MatchResult<SavingsArea> {
  const words = labelTokens(text).filter((w) => w !== "area");
  if (words.length === 1 && /^[1-9]$/.test(words[0]))
    return { kind: "match", key: SAVINGS_AREAS[Number(words[0]) - 1], score: 10, phrase: words[0] };
  return savingsAreaMatcher.match(text);
}

export const savingsTypeMatcher = new Matcher<"cashable" | "nonCashable">({
  phrases: [
    ["cashable", ["cashable", "cash", "c", "cash releasing"]],
    [
      "nonCashable",
      [
        "non-cashable",
        "non-cash",
        "noncashable",
        "productivity",
        "capacity",
        "nc",
        "time saving",
        "hours",
        "non-cash releasing",
      ],
    ],
  ],
});
