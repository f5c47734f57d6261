import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WeaponEntity } from '../../registry/entities/weapon.entity';
import type { EventType } from '../../registry/registry.constants';

export type RecordClass = 'manufacture' | 'other';

/** What a correction changed of the record's description: each field it corrected, from → to (as given; null: not recorded, or cleared). */
export type DescriptionChanges = Record<string, { from: string | number | boolean | null; to: string | number | boolean | null }>;

export interface EventParty {
  role: string;
  name: string;
  country?: string;
}

/** One entry of a weapon's append-only history. A correction is a new event pointing at the old one. */
@Entity({ name: 'record_events' })
@Index('IDX_record_events_weapon', ['weaponId', 'occurredOn'])
@Check('CHK_record_events_description', `"description" IS NULL OR ("type" = 'corrected' AND "restates")`)
@Check('CHK_record_events_correction', `NOT ("restates" AND "annuls") AND (NOT ("restates" OR "annuls") OR ("type" = 'corrected' AND "corrects_event_id" IS NOT NULL))`)
export class RecordEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'uuid', name: 'weapon_id' })
  weaponId: string;

  @ManyToOne(() => WeaponEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'weapon_id' })
  weapon?: WeaponEntity;

  @Column({ type: 'varchar', length: 32 })
  type: EventType;

  @Column({ type: 'date', name: 'occurred_on' })
  occurredOn: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  parties: EventParty[];

  @Column({ type: 'varchar', length: 120, name: 'licence_ref', nullable: true })
  licenceRef: string | null;

  /** End-user certificate or other authorisation. */
  @Column({ type: 'varchar', length: 120, name: 'authorisation_ref', nullable: true })
  authorisationRef: string | null;

  /** Destination of an export, origin of an import. */
  @Column({ type: 'char', length: 3, name: 'counterpart_state', nullable: true })
  counterpartState: string | null;

  @Column({ type: 'uuid', name: 'corrects_event_id', nullable: true })
  correctsEventId: string | null;

  /**
   * For corrected: this correction restates the facts of the event it corrects (date, parties, references,
   * counterpart State), which the history then reads. Corrections recorded before corrections restated
   * anything are notes: false.
   */
  @Column({ type: 'boolean', default: false })
  restates: boolean;

  /** For corrected: the corrected event did not happen (recorded in error), and the history reads without it. */
  @Column({ type: 'boolean', default: false })
  annuls: boolean;

  /** For corrected, of the record's first event: the description it corrected, each field from → to. */
  @Column({ type: 'jsonb', nullable: true })
  description: DescriptionChanges | null;

  /** Status the weapon had after this event. */
  @Column({ type: 'varchar', length: 24, name: 'status_after' })
  statusAfter: string;

  @Column({ type: 'varchar', length: 16, name: 'record_class' })
  recordClass: RecordClass;

  /** Earliest date the record may be purged (ITI 12: 30 years for manufacture, 20 for the rest). */
  @Column({ type: 'date', name: 'retain_until' })
  retainUntil: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', name: 'recorded_by', nullable: true })
  recordedBy: string | null;

  /** When the row was written (not when its transaction began): two events of one weapon, written under its lock, are in this order. */
  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at', default: () => 'clock_timestamp()' })
  recordedAt: Date;
}
