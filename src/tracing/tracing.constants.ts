/** Trace states (DESIGN.md §3). */
export const TRACE_STATUSES = ['draft', 'submitted', 'returned', 'sent', 'acknowledged', 'information_requested', 'answered', 'closed'] as const;
export type TraceStatus = (typeof TRACE_STATUSES)[number];
/** A request another State holds, not closed: the registry record it was made from is kept meanwhile. */
export const EXCHANGED_STATUSES: TraceStatus[] = ['sent', 'acknowledged', 'information_requested', 'answered'];

/** Tries of an outbox message before it is left for an operator (outbox_claim(), migration OutboxClaimHostedStates). */
export const OUTBOX_MAX_ATTEMPTS = 10;

/** What each kind of outbox message carries to the other State, as a notification names it. */
export const MESSAGE_CONTENTS: Record<string, string> = {
  'trace.sent': 'the trace request',
  'trace.acknowledged': 'the acknowledgement',
  'trace.information_requested': 'the request for information',
  'trace.information_provided': 'the information provided',
  'trace.answered': 'the answer',
  'trace.closed': 'the closing of the trace',
};

/** Each State keeps its own copy: the requester's outgoing one, the requested State's incoming one. */
export const TRACE_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type TraceDirection = (typeof TRACE_DIRECTIONS)[number];

/** ITI para 6: what makes a weapon illicit. */
export const ILLICIT_BASES = [
  'illicit_under_national_law',
  'transferred_against_embargo',
  'not_marked_per_iti',
  'manufactured_without_licence',
  'transferred_without_licence',
] as const;
export type IllicitBasis = (typeof ILLICIT_BASES)[number];

export const CHANNELS = ['direct', 'interpol', 'diplomatic'] as const;
export const PRIORITIES = ['routine', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How a request or an answer may be handled by whoever receives it. */
export const CLASSIFICATIONS = ['unclassified', 'restricted', 'confidential'] as const;
export const HANDLING_CODES = [
  'law_enforcement_only',
  'no_onward_disclosure',
  'not_for_use_in_court_without_consent',
  'no_publication',
  'destroy_after_use',
] as const;

export const OUTCOMES = ['full', 'partial', 'delayed', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The grounds on which ITI para 22 lets a requested State delay, restrict or refuse an answer, plus "no record". */
export const REASON_CODES = [
  'ongoing_criminal_investigation',
  'national_law',
  'confidentiality_not_guaranteed',
  'national_security',
  'no_record',
  'other',
] as const;

export const CLOSE_REASONS = ['diversion_point_identified', 'chain_broken', 'no_record', 'withdrawn'] as const;
