/** The audit action of a read of a case file's content: through the case itself, or through a trace that discloses some of it. */
export const CONTENT_READ = 'case.content_read';

/** The confidential fields of a case file: each sealed in its own column, each disclosable on its own. */
export const CASE_FIELDS = ['reference', 'offence', 'narrative', 'persons', 'placeOfRecovery', 'investigatingAgency'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

export interface IdentityDocument {
  type: string;
  number: string;
  issuingState: string | null;
}

export interface CasePerson {
  name: string;
  dateOfBirth: string | null;
  role: string | null;
  identityDocuments: IdentityDocument[];
}

/** The content of a case file, readable only by its members (and, field by field, by what a trace disclosed). */
export interface CaseContent {
  reference: string;
  offence: string;
  narrative: string;
  persons: CasePerson[];
  placeOfRecovery: string;
  investigatingAgency: string;
}

/** The roles that may be members of a case: those who investigate or trace. Auditors see only that it exists. */
export const CASE_MEMBER_ROLES = ['officer', 'npc'] as const;
