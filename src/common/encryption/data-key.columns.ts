import { Column } from 'typeorm';

/**
 * The wrapped data key of one record (envelope encryption): embedded in every table that holds
 * confidential fields. `kekId` names the key-encryption key that wraps it, so rotation finds the
 * records still wrapped under an old one.
 */
export class DataKeyColumns {
  @Column({ type: 'varchar', length: 64, name: 'kek_id', nullable: true })
  kekId: string | null;

  @Column({ type: 'bytea', name: 'data_key', nullable: true })
  wrapped: Buffer | null;
}
