import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A State (ISO 3166-1 alpha-3 key), or a former one (ISO 3166-3) that weapons name as maker. Node-wide. */
@Entity({ name: 'states' })
export class StateEntity {
  @PrimaryColumn({ type: 'char', length: 3 })
  code: string;

  @Column({ type: 'char', length: 2, unique: true })
  alpha2: string;

  @Column({ type: 'char', length: 3, name: 'numeric_code' })
  numericCode: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Former State of ISO 3166-3 (USSR, Yugoslavia, Czechoslovakia, GDR). */
  @Column({ type: 'boolean', default: false })
  former: boolean;

  /** Its users and registry live on this node. */
  @Column({ type: 'timestamptz', name: 'hosted_since', nullable: true })
  hostedSince: Date | null;
}
