/**
 * The published names of police workforce functions, as data: the Home Office ADR functions and
 * their breakdowns (FTE as at 31 March 2010) and CIPFA's Police Objective Analysis objectives and
 * sub-objectives. Each entry names its source, the category it belongs to, and how it counts on
 * each business-support reading (definitions.ts), so a reader of the ADR or POA files (detection
 * here, HMIC's profile files later) can classify it the same way.
 *
 * `role` says how a line relates to the others in a published table:
 * - "function": a line that is counted;
 * - "parent": a function the return also breaks down (its breakdown lines name it in `partOf`);
 * - "subtotal": the sum of lines above it in the return (ADR "Local policing" = the 13 functions);
 * - "total": the whole workforce.
 * `wordings` are other ways forces write the same line (matched by words, see detect/labels.ts).
 */
import { FunctionCategory } from "../forceData";
import type { SupportClass } from "../policy";
import { SupportDefinition } from "./definitions";
import { SourceId } from "./sources";

export type FunctionRole = "function" | "parent" | "subtotal" | "total";

export interface FunctionEntry {
  /** Stable id, e.g. "adr.bs.itCommunications". */
  readonly id: string;
  /** The name exactly as published. */
  readonly name: string;
  readonly source: SourceId;
  readonly category: FunctionCategory;
  readonly role: FunctionRole;
  /** For a breakdown line, the id of the function it breaks down. */
  readonly partOf?: string;
  /** How the line counts on each reading (must agree with definitions.ts; a test checks). */
  readonly readings: Readonly<Record<SupportDefinition, SupportClass>>;
  readonly wordings: readonly string[];
  readonly note?: string;
}

const BS = "businessSupport" as const;
const OP = "operational" as const;
const EX = "excluded" as const;
const both = (c: SupportClass) => ({ hmic2010: c, poa: c });
const hmicOpPoaBs = { hmic2010: OP, poa: BS } as const;

function entry(
  id: string,
  name: string,
  source: SourceId,
  category: FunctionCategory,
  readings: Readonly<Record<SupportDefinition, SupportClass>>,
  wordings: readonly string[] = [],
  extra: { role?: FunctionRole; partOf?: string; note?: string } = {}
): FunctionEntry {
  return {
    id,
    name,
    source,
    category,
    role: extra.role ?? "function",
    readings,
    wordings,
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Home Office Annual Data Requirement (ADR), workforce by function, 31 March 2010

const ADR_FUNCTIONS: readonly FunctionEntry[] = [
  entry("adr.community", "Community", "adr2010", "operational", both(OP), [
    "community policing",
    "neighbourhood policing",
    "neighbourhood",
    "response",
    "response policing",
    "patrol",
    "neighbourhood and response",
    "response and neighbourhood",
  ]),
  entry("adr.roads", "Roads policing", "adr2010", "operational", both(OP), [
    "roads",
    "traffic",
    "road policing",
    "roads and traffic",
  ]),
  entry(
    "adr.specialist",
    "Specialist functions",
    "adr2010",
    "operational",
    both(OP),
    ["specialist operations", "specialist units"],
    { role: "parent" }
  ),
  entry(
    "adr.investigation",
    "Investigation",
    "adr2010",
    "operational",
    both(OP),
    ["investigations", "criminal investigation", "cid", "crime"],
    { role: "parent" }
  ),
  entry("adr.intelligence", "Intelligence", "adr2010", "operational", both(OP)),
  entry("adr.forensics", "Forensics", "adr2010", "operational", both(OP), [
    "forensic",
    "scientific support",
    "forensic services",
  ]),
  entry(
    "adr.operationalSupport",
    "Operational support",
    "adr2010",
    "operational",
    both(OP),
    ["operations support"],
    { role: "parent" }
  ),
  entry("adr.public", "Dealing with the public", "adr2010", "operational", both(OP), [
    "contact management",
    "control room",
    "call handling",
    "communications centre",
    "contact centre",
    "front counter",
    "public contact",
  ]),
  entry("adr.criminalJustice", "Criminal justice", "adr2010", "operational", both(OP), [
    "criminal justice unit",
    "criminal justice arrangements",
  ]),
  entry("adr.custody", "Custody", "adr2010", "operational", both(OP)),
  entry(
    "adr.businessSupport",
    "Business support",
    "adr2010",
    "administration",
    both(BS),
    ["support services", "business support services"],
    {
      role: "parent",
      note: "Holds IT/Communications, which the measure excludes: without its breakdown the share would count IT staff.",
    }
  ),
  entry("adr.training", "Training", "adr2010", "training", hmicOpPoaBs, [
    "learning and development",
    "training and development",
  ]),
  entry("adr.other", "Other", "adr2010", "other", both(OP), ["other functions", "miscellaneous"]),
  entry(
    "adr.localPolicing",
    "Local Policing",
    "adr2010",
    "operational",
    both(OP),
    ["local policing total"],
    {
      role: "subtotal",
      note: "In the ADR return, the sum of the 13 functions above it; in the POA it is an objective of its own.",
    }
  ),
  entry("adr.national", "National Functions", "adr2010", "operational", both(OP), [
    "national functions and secondments",
    "national policing",
    "secondments",
  ]),
  entry(
    "adr.notAvailable",
    "Not available for duty",
    "adr2010",
    "operational",
    both(OP),
    ["not available", "unavailable for duty", "long term sick and maternity"],
    { note: "Counted in the total workforce on HMIC's 2010 definition." }
  ),
  entry(
    "adr.total",
    "Total",
    "adr2010",
    "other",
    both(OP),
    ["total workforce", "total employees", "force total", "total fte"],
    { role: "total" }
  ),
];

const bsLine = (
  id: string,
  name: string,
  category: FunctionCategory,
  readings: Readonly<Record<SupportDefinition, SupportClass>>,
  wordings: readonly string[],
  note?: string
) =>
  entry(`adr.bs.${id}`, name, "adr2010", category, readings, wordings, {
    partOf: "adr.businessSupport",
    ...(note ? { note } : {}),
  });

/** The business-support breakdown (ADR, 31 March 2010). */
const ADR_BUSINESS_SUPPORT: readonly FunctionEntry[] = [
  bsLine(
    "itCommunications",
    "IT/Communications",
    "it",
    both(EX),
    [
      "it communications",
      "ict communications",
      "ict and communications",
      "it and communications",
      "information technology",
      "ict",
      "it",
      "information systems",
      "information services",
      "information communication technology",
      "computer services",
      "it services",
      "technology",
    ],
    "Information and communications technology (radio and telecoms included), not corporate communications: excluded from the 7% measure (5.46-5.51)."
  ),
  bsLine("corporateDevelopment", "Corporate development", "corporateDevelopment", both(BS), [
    "corporate planning",
    "strategic development",
    "planning and performance",
    "change management",
    "business change",
    "strategy",
  ]),
  bsLine("hr", "Personnel/HR", "hr", both(BS), [
    "personnel hr",
    "human resources",
    "hr",
    "personnel",
    "people services",
    "workforce planning",
  ]),
  bsLine("finance", "Finance", "finance", both(BS), [
    "financial services",
    "accounts",
    "payroll",
    "treasury",
    "finance and resources",
  ]),
  bsLine("complaints", "Complaints & discipline", "professionalStandards", both(BS), [
    "complaints and discipline",
    "professional standards",
    "professional standards department",
    "complaints",
    "discipline",
    "anti corruption",
  ]),
  bsLine("press", "Press & public relations", "communications", both(BS), [
    "press and public relations",
    "corporate communications",
    "press office",
    "press",
    "public relations",
    "media",
    "press and media",
    "marketing",
  ]),
  bsLine("occupationalHealth", "Occupational health and welfare", "hr", both(BS), [
    "occupational health",
    "welfare",
    "health and welfare",
  ]),
  bsLine("staffAssociations", "Staff associations", "staffAssociations", both(BS), [
    "police federation",
    "unison",
    "trade unions",
    "staff association",
  ]),
  bsLine("otherAdmin", "Other admin/ clerical", "administration", both(BS), [
    "other admin clerical",
    "other administration",
    "admin clerical",
    "administration",
    "admin",
    "clerical",
    "central support",
    "secretarial",
    "typing",
    "registry",
    "administrative support",
  ]),
];

const opLine = (
  id: string,
  name: string,
  category: FunctionCategory,
  readings: Readonly<Record<SupportDefinition, SupportClass>>,
  wordings: readonly string[] = [],
  role: FunctionRole = "function"
) =>
  entry(`adr.os.${id}`, name, "adr2010", category, readings, wordings, {
    partOf: "adr.operationalSupport",
    role,
  });

/** The operational-support breakdown (ADR, 31 March 2010). */
const ADR_OPERATIONAL_SUPPORT: readonly FunctionEntry[] = [
  opLine("acpo", "ACPO and directors", "forceCommand", hmicOpPoaBs, [
    "chief officers",
    "chief officer team",
    "acpo",
    "force command",
  ]),
  opLine("heads", "Departmental heads", "forceCommand", hmicOpPoaBs, ["heads of department"]),
  opLine("localCommanders", "Local commanders", "operational", both(OP), [
    "bcu commanders",
    "local command team",
  ]),
  opLine(
    "seniorManagement",
    "Total senior management",
    "forceCommand",
    hmicOpPoaBs,
    [],
    "subtotal"
  ),
  opLine("crimeIncident", "Crime & incident management", "operational", both(OP), [
    "crime and incident management",
    "crime management",
    "incident management",
  ]),
  opLine("cro", "Criminal records office", "operational", both(OP), ["criminal records"]),
  opLine("fleet", "Vehicle workshop/ fleet", "fleet", hmicOpPoaBs, [
    "vehicle workshop fleet",
    "fleet",
    "fleet services",
    "vehicle workshop",
    "transport",
    "vehicles",
    "garage",
  ]),
  opLine("planning", "Operational planning", "operational", both(OP), ["operations planning"]),
  opLine("property", "Property", "operational", both(OP), ["found property", "property store"]),
  opLine("drivers", "Drivers", "operational", both(OP)),
  opLine("coroner", "Coroner's officer", "operational", both(OP), ["coroners officers"]),
  opLine("staffOfficers", "Staff officers", "forceCommand", hmicOpPoaBs),
];

const spLine = (id: string, name: string, wordings: readonly string[] = []) =>
  entry(`adr.sf.${id}`, name, "adr2010", "operational", both(OP), wordings, {
    partOf: "adr.specialist",
  });

/** The specialist-functions breakdown (ADR, 31 March 2010). */
const ADR_SPECIALIST: readonly FunctionEntry[] = [
  spLine("firearmsTactical", "Firearms - tactical", ["firearms", "armed response"]),
  spLine("dogs", "Dogs", ["dog section", "dog unit"]),
  spLine("surveillance", "Surveillance unit", ["surveillance"]),
  spLine("explosives", "Firearms/ explosives", ["explosives"]),
  spLine("technical", "Technical support unit", ["technical support"]),
  spLine("air", "Air", ["air support", "helicopter"]),
  spLine("mounted", "Mounted", ["mounted section"]),
  spLine("underwater", "Underwater", ["underwater search", "dive team"]),
  spLine("marine", "Marine", ["marine unit"]),
];

const invLine = (id: string, name: string, wordings: readonly string[] = []) =>
  entry(`adr.inv.${id}`, name, "adr2010", "operational", both(OP), wordings, {
    partOf: "adr.investigation",
  });

/** The investigation breakdown (ADR, 31 March 2010). */
const ADR_INVESTIGATION: readonly FunctionEntry[] = [
  invLine("cid", "CID (includes special crime unit)", ["cid", "special crime unit"]),
  invLine("child", "Child/sex/ domestic", [
    "child protection",
    "domestic abuse",
    "public protection",
  ]),
  invLine("fraud", "Fraud", ["economic crime"]),
  invLine("holmes", "HOLMES unit", ["holmes", "major incident room"]),
  invLine("drugs", "Drugs", ["drugs squad"]),
  invLine("asset", "Asset confiscation", ["asset recovery"]),
  invLine("vehicleCrime", "Vehicle crime"),
  invLine("vice", "Vice"),
  invLine("burglary", "Burglary"),
  invLine("hate", "Hate crime"),
];

// ---------------------------------------------------------------------------------------------
// CIPFA Police Objective Analysis (POA): objectives and the support-functions sub-objectives

const poa = (
  id: string,
  name: string,
  category: FunctionCategory,
  readings: Readonly<Record<SupportDefinition, SupportClass>>,
  wordings: readonly string[] = [],
  extra: { role?: FunctionRole; partOf?: string; note?: string; source?: SourceId } = {}
) => entry(`poa.${id}`, name, extra.source ?? "poa2012", category, readings, wordings, extra);

const POA_OBJECTIVES: readonly FunctionEntry[] = [
  poa("localPolicing", "Local Policing", "operational", both(OP), [], { role: "parent" }),
  poa("public", "Dealing with the Public", "operational", both(OP), [], { role: "parent" }),
  poa("criminalJustice", "Criminal Justice Arrangements", "operational", both(OP), [], {
    role: "parent",
  }),
  poa("roads", "Road Policing", "operational", both(OP), [], { role: "parent" }),
  poa("specialistOps", "Specialist Operations", "operational", both(OP), [], { role: "parent" }),
  poa("operationalSupport", "Operational Support", "operational", both(OP), [], {
    role: "parent",
    source: "poa2016",
  }),
  poa("intelligence", "Intelligence", "operational", both(OP), [], { role: "parent" }),
  poa("investigations", "Investigations", "operational", both(OP), [], { role: "parent" }),
  poa("publicProtection", "Public Protection", "operational", both(OP), [], {
    role: "parent",
    source: "poa2016",
  }),
  poa("investigativeSupport", "Investigative Support", "operational", both(OP), [], {
    role: "parent",
  }),
  poa("national", "National Policing", "operational", both(OP), [], { role: "parent" }),
  poa("support", "Support Functions", "administration", both(BS), ["support function"], {
    role: "parent",
    note: "Holds ICT, training, fleet, estates and force command as well: without its sub-objectives the share cannot be split on either reading.",
  }),
  poa("authority", "Police Authority", "other", both(OP), [
    "police and crime commissioner",
    "office of the police and crime commissioner",
  ]),
  poa("central", "Central Costs", "other", both(OP)),
];

const sup = (
  id: string,
  name: string,
  category: FunctionCategory,
  readings: Readonly<Record<SupportDefinition, SupportClass>>,
  wordings: readonly string[] = [],
  note?: string
) =>
  poa(`support.${id}`, name, category, readings, wordings, {
    partOf: "poa.support",
    ...(note ? { note } : {}),
  });

/** POA "Support Functions" sub-objectives (2012/13 and 2016/17 estimates). */
const POA_SUPPORT: readonly FunctionEntry[] = [
  sup("hr", "Human Resources", "hr", both(BS)),
  sup("finance", "Finance", "finance", both(BS)),
  sup("legal", "Legal", "legal", both(BS), ["legal services", "solicitor"]),
  sup("fleet", "Fleet Services", "fleet", hmicOpPoaBs),
  sup("estates", "Estates / Central Building Costs", "estates", hmicOpPoaBs, [
    "estates",
    "estate",
    "buildings",
    "facilities",
    "property services",
    "premises",
    "central building costs",
  ]),
  sup(
    "ict",
    "Information Communication Technology",
    "it",
    both(EX),
    [],
    "Excluded from the 7% measure on both readings (5.46-5.51)."
  ),
  sup("professionalStandards", "Professional Standards", "professionalStandards", both(BS)),
  sup("press", "Press & Media", "communications", both(BS)),
  sup("performance", "Performance Review / Corporate Development", "performanceReview", both(BS), [
    "performance review",
    "performance",
    "inspection",
    "audit",
    "performance and review",
  ]),
  sup("procurement", "Procurement", "procurement", both(BS), [
    "purchasing",
    "contracts management",
    "stores",
  ]),
  sup("training", "Training", "training", hmicOpPoaBs),
  sup("admin", "Administration Support", "administration", both(BS)),
  sup("forceCommand", "Force Command", "forceCommand", hmicOpPoaBs),
  sup("associations", "Support to Associations and Trade Unions", "staffAssociations", both(BS), [
    "support to associations",
  ]),
  sup("foi", "Freedom of Information", "administration", both(BS), [
    "foi",
    "information management",
    "data protection",
  ]),
  sup("socialClub", "Social Club Support & Force Band", "staffAssociations", both(BS), [
    "social club",
    "force band",
  ]),
  sup("insurance", "Insurance / Risk Management", "finance", both(BS), [
    "insurance",
    "risk management",
  ]),
  sup("catering", "Catering", "estates", hmicOpPoaBs, ["canteen"]),
];

/** POA operational sub-objectives (2016/17 estimates): operational on both readings. */
const POA_OPERATIONAL_SUBS: readonly (readonly [string, readonly string[]])[] = [
  [
    "localPolicing",
    [
      "Neighbourhood Policing",
      "Incident (response) Management",
      "Specialist Community Liaison",
      "Local Command Team and Support Overheads",
    ],
  ],
  [
    "public",
    [
      "Local Call Centres / Front Desk",
      "Front Desk",
      "Central Communications Unit",
      "Contact Management Units",
      "Dealing with the Public Command Team & Support Overheads",
    ],
  ],
  [
    "criminalJustice",
    [
      "Custody",
      "Police doctors / nurses & surgeons",
      "Criminal Justice",
      "Police National Computer",
      "Criminal Records Bureau",
      "Coroner Assistance",
      "Fixed Penalty Schemes (Central Ticket Office)",
      "Property Officer / Stores",
      "Criminal Justice Arrangements Command Team & Support Overheads",
    ],
  ],
  [
    "roads",
    [
      "Traffic Units",
      "Traffic Wardens / PCSOs - Traffic",
      "Vehicle Recovery",
      "Casualty Reduction Partnership",
      "Road Policing Command Team and Support Overheads",
    ],
  ],
  [
    "operationalSupport",
    [
      "Operational Support Command Team and Support Overheads",
      "Air Operations",
      "Mounted Police",
      "Specialist Terrain",
      "Dogs Section",
      "Advanced Public Order",
      "Airports & Ports Policing Unit",
      "Firearms Unit",
      "Civil Contingencies",
      "Event",
    ],
  ],
  [
    "intelligence",
    [
      "Intelligence Command Team and Support Overheads",
      "Intelligence Analysis / Threat Assessments",
      "Intelligence Gathering",
    ],
  ],
  [
    "publicProtection",
    ["Witness Protection (adult and child)", "Child Protection", "Adult Protection"],
  ],
  [
    "investigations",
    [
      "Investigations Command Team and Support Overheads",
      "Major Investigations Unit",
      "Economic Crime (including Regional Asset Recovery Team)",
      "Specialist Investigation Units",
      "Serious & Organised Crime Unit",
      "Local Investigation/ prisoner processing",
      "Cyber Crime",
    ],
  ],
  [
    "investigativeSupport",
    [
      "Scenes of Crime Officers",
      "External Forensic Costs",
      "Fingerprint / Internal Forensic Costs",
      "Photographic Image Recovery",
      "Other Forensic Services",
      "Investigative Support Command Team and Support Overheads",
    ],
  ],
  [
    "national",
    [
      "Secondments (out of Force)",
      "Counter Terrorism / Special Branch",
      "ACPO Projects / Initiatives",
      "Hosting National Services",
      "Other National Policing Requirements",
    ],
  ],
];

const POA_OPERATIONAL: readonly FunctionEntry[] = POA_OPERATIONAL_SUBS.flatMap(([parent, names]) =>
  names.map((name, i) =>
    poa(`${parent}.${i + 1}`, name, "operational", both(OP), [], {
      partOf: `poa.${parent}`,
      source: "poa2016",
    })
  )
);

/** Wordings forces use that name no single published line (kept from the add-in's own list). */
const FORCE_WORDINGS: readonly FunctionEntry[] = [
  entry("addin.operational", "Operational", "addin", "operational", both(OP), [
    "operations",
    "crime scene",
    "dog",
    "major crime",
    "counter terrorism",
    "special branch",
    "protective services",
    "community safety",
    "partnerships",
    "local policing unit",
    "basic command unit",
    "bcu",
    "safer neighbourhoods",
    "operational policing",
  ]),
  entry("addin.planning", "Planning", "addin", "corporateDevelopment", both(BS)),
  entry("addin.learning", "Learning", "addin", "training", hmicOpPoaBs),
  entry("addin.other", "Externally funded", "addin", "other", both(OP), ["seconded"]),
];

/** Every function entry: ADR functions and breakdowns, then POA objectives and sub-objectives. */
export const FUNCTION_ENTRIES: readonly FunctionEntry[] = [
  ...ADR_FUNCTIONS,
  ...ADR_BUSINESS_SUPPORT,
  ...ADR_OPERATIONAL_SUPPORT,
  ...ADR_SPECIALIST,
  ...ADR_INVESTIGATION,
  ...POA_OBJECTIVES,
  ...POA_OPERATIONAL,
  ...POA_SUPPORT,
  ...FORCE_WORDINGS,
];

const BY_ID = new Map(FUNCTION_ENTRIES.map((e) => [e.id, e]));

export function functionEntry(id: string): FunctionEntry | undefined {
  return BY_ID.get(id);
}

/** The breakdown lines of a function (its entries with `partOf` = id), in published order. */
export function breakdownOf(id: string): readonly FunctionEntry[] {
  return FUNCTION_ENTRIES.filter((e) => e.partOf === id);
}
