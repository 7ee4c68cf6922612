/**
 * The two readings of "business support" a force's figures can be measured on (5.46-5.51 names
 * the 7% threshold but not the functions). Each is a classification of every function category
 * as business support, excluded (IT) or operational; the user can change any of them.
 *
 * - hmic2010: HMIC's Value for Money profiles of 2010 measured business support on the Home
 *   Office ADR return: the "Business support" function less its IT/Communications line, over
 *   all officers, staff and PCSOs. Training, fleet, estates and senior command sit outside it
 *   (they are separate ADR functions or lines of "Operational support").
 * - poa: from 2012 HMIC's profiles used CIPFA's Police Objective Analysis, whose "Support
 *   functions" objective also holds training, fleet, estates and force command. IT stays out of
 *   the 7% measure on both readings (5.46-5.51 excludes IT staff).
 */
import { FunctionCategory } from "../forceData";
import type { SupportClass } from "../policy";
import { SourceId } from "./sources";

export type SupportDefinition = "hmic2010" | "poa";

export const SUPPORT_DEFINITIONS: readonly SupportDefinition[] = ["hmic2010", "poa"];

export interface SupportDefinitionSpec {
  readonly id: SupportDefinition;
  /** Short name for tables and settings. */
  readonly name: string;
  /** The sentence the statement uses to say what its figure measures. */
  readonly measures: string;
  readonly source: SourceId;
  readonly classification: Readonly<Record<FunctionCategory, SupportClass>>;
}

const HMIC_2010: Readonly<Record<FunctionCategory, SupportClass>> = {
  corporateDevelopment: "businessSupport",
  hr: "businessSupport",
  finance: "businessSupport",
  procurement: "businessSupport",
  administration: "businessSupport",
  communications: "businessSupport",
  legal: "businessSupport",
  performanceReview: "businessSupport",
  professionalStandards: "businessSupport", // ADR "Complaints & discipline" is a business-support line
  staffAssociations: "businessSupport", // ADR "Staff associations" is a business-support line
  it: "excluded", // 5.46-5.51: the measure excludes IT staff (ADR "IT/Communications")
  estates: "operational",
  fleet: "operational", // ADR "Vehicle workshop/ fleet" is a line of Operational support
  training: "operational", // ADR "Training" is its own function
  forceCommand: "operational", // ADR "ACPO and directors" is a line of Operational support
  operational: "operational",
  other: "operational",
};

export const SUPPORT_DEFINITION_SPECS: Readonly<Record<SupportDefinition, SupportDefinitionSpec>> =
  {
    hmic2010: {
      id: "hmic2010",
      name: "HMIC 2010 (Home Office ADR business support, IT excluded)",
      measures:
        "HMIC's 2010 definition: the Home Office ADR business-support functions less IT/communications, as a share of all police officers, police staff and PCSOs (full-time equivalent)",
      source: "adr2010",
      classification: HMIC_2010,
    },
    poa: {
      id: "poa",
      name: "CIPFA POA support functions (from 2012), IT excluded",
      measures:
        "the CIPFA Police Objective Analysis reading HMIC used from 2012: the support-functions objective (including training, fleet, estates and force command) less ICT, as a share of all police officers, police staff and PCSOs (full-time equivalent)",
      source: "poa2012",
      classification: {
        ...HMIC_2010,
        estates: "businessSupport", // POA "Estates / Central Building Costs" is a support function
        fleet: "businessSupport", // POA "Fleet Services"
        training: "businessSupport", // POA "Training"
        forceCommand: "businessSupport", // POA "Force Command"
      },
    },
  };

/** The classification a definition gives every category. */
export function definitionClassification(
  d: SupportDefinition
): Readonly<Record<FunctionCategory, SupportClass>> {
  return SUPPORT_DEFINITION_SPECS[d].classification;
}
