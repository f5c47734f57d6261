import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DataKeyColumns } from '../../common/encryption/data-key.columns';
import type { Outcome, Priority, TraceDirection, TraceStatus } from '../tracing.constants';

/** A marking as observed on the weapon held (text as read, on which component). */
export interface ObservedMarking {
  component: string;
  text: string;
}

/** The weapon as the requesting officer observed it: possibly partial or obliterated. */
export interface ObservedWeapon {
  type: string | null;
  calibre: string | null;
  make: string | null;
  model: string | null;
  serial: string | null;
  serialObliterated: boolean;
  /** What could still be read of an obliterated serial, `?` for an unreadable character, `*` for a run. */
  serialReadable: string | null;
  countryOfManufacture: string | null;
  yearOfManufacture: number | null;
  markings: ObservedMarking[];
  photoRefs: string[];
}

export interface Recovery {
  date: string;
  place: string;
  context: string;
}

/**
 * A United Nations mission or a regional organisation opening the trace on behalf of the host State it
 * supports (the requesting State), with that State's consent.
 */
export interface OnBehalfOf {
  kind: 'un_mission' | 'regional_organisation';
  organisation: string;
  consentReference: string;
  consentGivenOn: string;
}

/** A ballistics record of the weapon, since ballistics exchange complements tracing. */
export interface BallisticsReference {
  database: string;
  recordNumber: string;
  exchangeable: boolean;
}

/** One step of a weapon's legal history, as an answer reports it. */
export interface ChainLink {
  event: string;
  date: string | null;
  state: string | null;
  counterpartState: string | null;
  licenceRef: string | null;
  party: string | null;
}

export interface TraceAnswer {
  outcome: Outcome;
  reasonCode: string | null;
  reasonText: string | null;
  expectedDate: string | null;
  recordFound: boolean;
  chain: ChainLink[];
  lastLegalHolder: string | null;
  nextState: string | null;
  useRestrictions: string[];
  /** The handling codes the answering State set itself (useRestrictions also carries the request's). */
  restrictionsAdded?: string[];
  answeredAt: string;
  /**
   * Its classification: at least the request's, raised by the answering State where what it reports is more
   * sensitive; absent from answers given before answers were classified (the request's, then).
   */
  classification?: string;
  /** The answers this one followed (a delayed one, or a partial or refused one it adds to), oldest first: kept as they were sent. */
  earlier?: EarlierAnswer[];
  /**
   * An answer that came outside the system, from a requested State not hosted on this node, recorded on the
   * requester's copy by its NPC: how it came, its reference, who recorded it and when (answeredAt: when it came).
   */
  received?: ReceivedOutside;
}

export interface ReceivedOutside {
  via: string;
  reference: string | null;
  recordedBy: string;
  recordedAt: string;
}

export type EarlierAnswer = Omit<TraceAnswer, 'earlier'>;

/**
 * The handling codes the answering State set itself: restrictionsAdded, or for an answer recorded before it
 * was kept, those the answer carries beyond the request's. A code the request carried too that the answering
 * State set again is its own as well: its answer does not go on to a third State if it said so.
 */
export function restrictionsAddedBy(answer: Pick<TraceAnswer, 'useRestrictions' | 'restrictionsAdded'>, requestRestrictions: string[]): string[] {
  return answer.restrictionsAdded ?? answer.useRestrictions.filter((code) => !requestRestrictions.includes(code));
}

/** A question of the requested State and the requester's reply (ITI 17: it may ask for more). */
export interface TraceNote {
  kind: 'information_requested' | 'information_provided' | 'returned' | 'closed' | 'acknowledgement_received' | 'answer_received_outside';
  text: string;
  at: string;
  byState: string;
  /** answer_received_outside: the answer as it was recorded, whole. */
  answer?: EarlierAnswer;
  /** information_provided: what the answer to the trace a follow-up follows reported, carried with it (written by followUp, again at sending). */
  carried?: boolean;
}

/**
 * One State's copy of a trace request: the requester's outgoing copy or the requested State's incoming
 * one. No State reads the other's copy; changes travel as messages (outbox_messages).
 */
@Entity({ name: 'traces' })
@Index('IDX_traces_state_direction_status', ['stateCode', 'direction', 'status'])
@Index('UQ_traces_exchange', ['stateCode', 'exchangeId', 'direction'], { unique: true })
@Index('IDX_traces_parent', ['parentId'])
@Index('IDX_traces_state_created', ['stateCode', 'createdAt', 'id'])
@Index('IDX_traces_state_creator', ['stateCode', 'createdBy', 'createdAt', 'id'])
export class TraceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The State that owns this copy. */
  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  /** Shared by both copies of one request: the id of the requester's copy. */
  @Column({ type: 'uuid', name: 'exchange_id' })
  exchangeId: string;

  @Column({ type: 'varchar', length: 8 })
  direction: TraceDirection;

  @Column({ type: 'varchar', length: 24 })
  status: TraceStatus;

  /** Incremented by every change; the ETag that transitions must send back in If-Match. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'char', length: 3, name: 'requesting_state' })
  requestingState: string;

  @Column({ type: 'char', length: 3, name: 'requested_state' })
  requestedState: string;

  /** The trace this one follows up (same State, outgoing). */
  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;

  /** The requester's registry record the request was made from, if any. */
  @Column({ type: 'uuid', name: 'weapon_id', nullable: true })
  weaponId: string | null;

  @Column({ type: 'uuid', name: 'officer_id', nullable: true })
  officerId: string | null;

  @Column({ type: 'varchar', length: 200, name: 'officer_name', nullable: true })
  officerName: string | null;

  @Column({ type: 'uuid', name: 'npc_id', nullable: true })
  npcId: string | null;

  @Column({ type: 'varchar', length: 200, name: 'npc_name', nullable: true })
  npcName: string | null;

  @Column({ type: 'varchar', length: 200, name: 'requesting_authority' })
  requestingAuthority: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 16 })
  priority: Priority;

  @Column({ type: 'text', name: 'urgent_justification', nullable: true })
  urgentJustification: string | null;

  @Column({ type: 'varchar', length: 40, array: true, name: 'illicit_basis' })
  illicitBasis: string[];

  @Column({ type: 'text', name: 'legal_justification' })
  legalJustification: string;

  @Column({ type: 'jsonb' })
  recovery: Recovery;

  @Column({ type: 'text', name: 'intended_use' })
  intendedUse: string;

  @Column({ type: 'varchar', length: 16 })
  classification: string;

  @Column({ type: 'boolean', name: 'confidentiality_requested', default: false })
  confidentialityRequested: boolean;

  @Column({ type: 'varchar', length: 48, array: true, name: 'use_restrictions', default: '{}' })
  useRestrictions: string[];

  @Column({ type: 'jsonb', name: 'weapon_observed' })
  weaponObserved: ObservedWeapon;

  @Column({ type: 'jsonb', name: 'on_behalf_of', nullable: true })
  onBehalfOf: OnBehalfOf | null;

  @Column({ type: 'jsonb', nullable: true })
  ballistics: BallisticsReference | null;

  @Column({ type: 'jsonb', nullable: true })
  answer: TraceAnswer | null;

  /** The requester's case file this request relates to (outgoing copy only: the link never travels). */
  @Column({ type: 'uuid', name: 'case_id', nullable: true })
  caseId: string | null;

  /** Which fields of the case the officer chose to disclose with the request. */
  @Column({ type: 'varchar', length: 40, array: true, name: 'disclosed_fields', default: '{}' })
  disclosedFields: string[];

  /** The disclosed values, sealed with the copy's data key (null when nothing is disclosed). */
  @Column({ type: 'bytea', nullable: true })
  disclosure: Buffer | null;

  @Column(() => DataKeyColumns, { prefix: false })
  dataKey: DataKeyColumns;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  notes: TraceNote[];

  @Column({ type: 'varchar', length: 32, name: 'close_reason', nullable: true })
  closeReason: string | null;

  @Column({ type: 'timestamptz', name: 'acknowledge_due_at', nullable: true })
  acknowledgeDueAt: Date | null;

  @Column({ type: 'timestamptz', name: 'answer_due_at', nullable: true })
  answerDueAt: Date | null;

  /** On the requester's copy, while the requested State waits for the information it asked for: when it is due. */
  @Column({ type: 'timestamptz', name: 'information_due_at', nullable: true })
  informationDueAt: Date | null;

  /** Set once by the deadline job when a deadline passed (reminders go out once). */
  @Column({ type: 'timestamptz', name: 'overdue_since', nullable: true })
  overdueSince: Date | null;

  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  // Milliseconds, as a list's cursor carries it (src/common/http/pagination.ts).
  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
