import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A photo of a marking attached to a trace request (JPEG or PNG, checked by content), with its checksum. */
@Entity({ name: 'trace_photos' })
@Index('IDX_trace_photos_trace', ['stateCode', 'traceId'])
export class TracePhotoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'uuid', name: 'trace_id' })
  traceId: string;

  /** 1, 2, 3… in the order attached: the order of the form. */
  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  component: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  caption: string | null;

  @Column({ type: 'varchar', length: 16, name: 'media_type' })
  mediaType: 'image/jpeg' | 'image/png';

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  data: Buffer;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
