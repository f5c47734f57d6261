import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataKeyColumns } from '../../common/encryption/data-key.columns';

/**
 * A confidential criminal-investigation file. Every content column holds a ciphertext sealed with the
 * record's own data key (envelope encryption); only the classification and the dates are in clear.
 */
@Entity({ name: 'cases' })
@Index('IDX_cases_state_created', ['stateCode', 'createdAt'])
export class CaseEntity {
  /** Chosen by the service before sealing: each ciphertext is bound to it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'varchar', length: 16 })
  classification: string;

  @Column(() => DataKeyColumns, { prefix: false })
  dataKey: DataKeyColumns;

  @Column({ type: 'bytea' })
  reference: Buffer;

  @Column({ type: 'bytea' })
  offence: Buffer;

  @Column({ type: 'bytea' })
  narrative: Buffer;

  @Column({ type: 'bytea' })
  persons: Buffer;

  @Column({ type: 'bytea', name: 'place_of_recovery' })
  placeOfRecovery: Buffer;

  @Column({ type: 'bytea', name: 'investigating_agency' })
  investigatingAgency: Buffer;

  @Column({ type: 'uuid', name: 'created_by' })
  createdBy: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
