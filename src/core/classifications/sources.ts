/**
 * Where each classification entry comes from. The files are HMIC's published Value for Money
 * profile data (Crown copyright, Open Government Licence v3.0); the ones the tests read are kept in
 * test/fixtures/hmic-vfm/ with their attribution.
 */
export type SourceId =
  "adr2010" | "hmic2010" | "poa2012" | "poa2016" | "cipfa" | "whitePaper" | "addin";

export interface Source {
  readonly id: SourceId;
  /** Who published it and what it is. */
  readonly title: string;
  /** The published file, and the sheet or columns the names are taken from. */
  readonly where: string;
}

export const SOURCES: Readonly<Record<SourceId, Source>> = {
  adr2010: {
    id: "adr2010",
    title:
      "Home Office Annual Data Requirement: police workforce by function, FTE as at 31 March 2010, as published in HMIC's Value for Money profiles 2010/11",
    where:
      "2010-11-value-for-money-profile-data-workforce-20110511.csv: columns 'Workforce by function FTE', 'Business Support staff FTE', 'Operational Support staff FTE', 'Specialist Functions staff FTE', 'Investigation staff FTE'",
  },
  hmic2010: {
    id: "hmic2010",
    title:
      "HMIC Value for Money profiles 2010, underlying data: CIPFA Police Objective Analysis 2009-10 estimates (£000)",
    where:
      "value-for-money-2010-underlying-data-20100609.xls, sheet 'Section 1. Income & Expenditure', header row 3",
  },
  poa2012: {
    id: "poa2012",
    title:
      "CIPFA Police Objective Analysis 2012/13 estimates, as published in HMIC's Value for Money profile data 2012",
    where:
      "value-for-money-profile-data-2012.ods, sheet 'POA_data' (objectives, sub-objectives and subjective lines)",
  },
  poa2016: {
    id: "poa2016",
    title:
      "CIPFA Police Objective Analysis 2016/17 estimates, as published in HMIC's Value for Money open data 2016",
    where: "HMIC-VFM-2016-open-data-POA.ods, sheet '7_Total_workforce_FTE' (POA category column)",
  },
  cipfa: {
    id: "cipfa",
    title:
      "CIPFA subjective analysis of police employee costs: pay and allowances, employer's national insurance and pension contributions, and pensions paid",
    where:
      "the employee-cost lines behind HMIC's 2009-10 'Police officers (exc. OT)' and 'Staff salaries exc. OT' (value-for-money-2010-underlying-data-20100609.xls, Section 1, cols R, AC and AM)",
  },
  whitePaper: {
    id: "whitePaper",
    title:
      "Protecting the Public: Supporting the Police to Succeed (Home Office White Paper, December 2009)",
    where: "paragraphs 5.46-5.51 (business support below 7% of the workforce, IT excluded)",
  },
  addin: {
    id: "addin",
    title: "Wordings forces use for the same function, added by this add-in",
    where: "mapped to the published name they stand for",
  },
};

/** The attribution the Open Government Licence asks for, shown wherever these names are cited. */
export const OGL_ATTRIBUTION =
  "Contains public sector information licensed under the Open Government Licence v3.0 (HMIC / HMICFRS Value for Money profiles; CIPFA Police Objective Analysis estimates; Home Office Annual Data Requirement workforce returns).";
