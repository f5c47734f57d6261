import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A manufacturer or dealer whose records passed to the State when it closed (ITI 13): no record names it as
 * custodian afterwards. Keyed by its name in lower case without surrounding spaces (computed in SQL).
 */
@Entity({ name: 'closed_custodians' })
export class ClosedCustodianEntity {
  @PrimaryColumn({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @PrimaryColumn({ type: 'varchar', length: 200, name: 'name_key' })
  nameKey: string;

  /** The name as the first transfer of its records gave it. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'date', name: 'closed_on' })
  closedOn: string;

  /** Who holds its records now: the national registry. */
  @Column({ type: 'varchar', length: 200, name: 'records_custodian' })
  recordsCustodian: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;
}
