import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StateEntity } from '../../states/entities/state.entity';
import { LAST_ANTIQUE_YEAR } from '../registry.constants';
import type { WeaponCategory, WeaponStatus } from '../registry.constants';

/**
 * The fields a registry record must hold (ITI 12: accurate, complete records), each with the SQL that says
 * it is missing (on the row's own columns, unqualified).
 */
export const REQUIRED_FIELDS: [string, string][] = [
  ['manufacturer', 'manufacturer_code IS NULL AND manufacturer_text IS NULL'],
  ['model', 'model IS NULL'],
  ['calibre', 'calibre_code IS NULL AND calibre_text IS NULL'],
  ['serial', 'serial_as_marked IS NULL AND NOT serial_obliterated'],
  ['countryOfManufacture', 'country_of_manufacture IS NULL'],
];
/** SQL true for a record missing at least one required field: also the predicate of IDX_weapons_missing_required. */
export const MISSING_REQUIRED = REQUIRED_FIELDS.map(([, missing]) => `(${missing})`).join(' OR ');

/** A weapon in a State's marking registry (ITI 11–13). Its history is in record_events. */
@Entity({ name: 'weapons' })
@Index('IDX_weapons_missing_required', ['stateCode', 'id'], { where: MISSING_REQUIRED })
@Index('IDX_weapons_state_manufacturer', ['stateCode', 'manufacturerCode', 'createdAt', 'id'], { where: 'manufacturer_code IS NOT NULL' })
@Index('IDX_weapons_state_status', ['stateCode', 'status', 'createdAt', 'id'])
@Index('IDX_weapons_state_created', ['stateCode', 'createdAt', 'id'])
// (state_code, custodian_key(custodian)): an expression index, built by migration ClosedCustodians; TypeORM leaves it be.
@Index('IDX_weapons_state_custodian_key', { synchronize: false })
// As the migration AntiqueWeapons writes it (TypeORM compares checks by name only).
@Check('CHK_weapons_antique', `NOT "antique" OR ("year_of_manufacture" IS NOT NULL AND "year_of_manufacture" <= ${LAST_ANTIQUE_YEAR})`)
export class WeaponEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: StateEntity;

  @Column({ type: 'varchar', length: 16 })
  category: WeaponCategory;

  /** Code from reference_weapon_types (ITI para 4). */
  @Column({ type: 'varchar', length: 64, name: 'type_code' })
  typeCode: string;

  /** Matched reference manufacturer, or null when the text is unknown. */
  @Column({ type: 'varchar', length: 64, name: 'manufacturer_code', nullable: true })
  manufacturerCode: string | null;

  /** As given. */
  @Column({ type: 'varchar', length: 200, name: 'manufacturer_text', nullable: true })
  manufacturerText: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  model: string | null;

  @Column({ type: 'varchar', length: 64, name: 'calibre_code', nullable: true })
  calibreCode: string | null;

  @Column({ type: 'varchar', length: 120, name: 'calibre_text', nullable: true })
  calibreText: string | null;

  /** Serial as read on the frame or receiver (the primary component), possibly partial. */
  @Column({ type: 'varchar', length: 64, name: 'serial_as_marked', nullable: true })
  serialAsMarked: string | null;

  @Column({ type: 'varchar', length: 64, name: 'serial_normalised', nullable: true })
  serialNormalised: string | null;

  @Column({ type: 'char', length: 3, name: 'country_of_manufacture', nullable: true })
  countryOfManufacture: string | null;

  @Column({ type: 'smallint', name: 'year_of_manufacture', nullable: true })
  yearOfManufacture: number | null;

  @Column({ type: 'varchar', length: 24 })
  status: WeaponStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  holder: string | null;

  /** Whose records these are: a manufacturer or dealer, or the State after a closure (ITI 13). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  custodian: string | null;

  @Column({ type: 'boolean', name: 'craft_or_3d_printed', default: false })
  craftOr3dPrinted: boolean;

  /** An antique or a replica of one, as national law defines them, made in 1899 or before: outside the ITI (para 4). */
  @Column({ type: 'boolean', default: false })
  antique: boolean;

  @Column({ type: 'boolean', default: false })
  modular: boolean;

  @Column({ type: 'boolean', name: 'serial_obliterated', default: false })
  serialObliterated: boolean;

  /** Codes of the ITI rules this record breaches and that the State accepts with a flag. */
  @Column({ type: 'varchar', length: 48, array: true, default: () => "'{}'" })
  incomplete: string[];

  /** Fields whose values are not in the reference data (kept as given). */
  @Column({ type: 'varchar', length: 32, array: true, name: 'unknown_references', default: () => "'{}'" })
  unknownReferences: string[];

  /** Legal holds standing on the record, oldest first: any one of them blocks its purge; each is released on its own. */
  @Column({ type: 'jsonb', name: 'legal_holds', default: () => "'[]'" })
  legalHolds: LegalHold[];

  // A summary of the weapon's history, kept by a trigger on record_events (and set directly by imports):
  // what the record-keeping report counts in one pass over weapons instead of joining every event.
  /** Every type of event in the history. */
  @Column({ type: 'varchar', length: 32, array: true, name: 'event_types', default: () => "'{}'" })
  eventTypes: string[];

  /** The latest retention date of the history's records (ITI 12). */
  @Column({ type: 'date', name: 'retain_until', nullable: true })
  retainUntil: string | null;

  /** When the weapon was seized or found by the event that put it in its status: the last such written (ITI 9). */
  @Column({ type: 'date', name: 'seized_or_found_on', nullable: true })
  seizedOrFoundOn: string | null;

  /** For a deactivated weapon, its status just before the deactivation (ITI 9 goes on applying to one deactivated as seized or found). */
  @Column({ type: 'varchar', length: 24, name: 'deactivated_from', nullable: true })
  deactivatedFrom: WeaponStatus | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  // Milliseconds, as a list's cursor carries it (src/common/http/pagination.ts).
  @CreateDateColumn({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

/** One legal hold (a court order, an investigation), as stored in weapons.legal_holds. */
export interface LegalHold {
  id: string;
  reason: string;
  placedAt: string;
  /** The user who placed it; null for a hold placed before holds were listed. */
  placedBy: string | null;
}
