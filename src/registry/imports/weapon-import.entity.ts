import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const IMPORT_STATUSES = ['receiving', 'validating', 'merging', 'completed', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One CSV import into a State's registry: all rows land, or none do. */
@Entity({ name: 'weapon_imports' })
@Index('UQ_weapon_imports_content', ['stateCode', 'contentSha256'], { unique: true, where: "status = 'completed'" })
@Index('IDX_weapon_imports_state_created', ['stateCode', 'createdAt', 'id'])
export class WeaponImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  /**
   * SHA-256 of the file: the same file twice is the same import once it has landed (one completed import per
   * content). Null while it is being received.
   */
  @Column({ type: 'char', length: 64, name: 'content_sha256', nullable: true })
  contentSha256: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ImportStatus;

  @Column({ type: 'bigint', name: 'bytes_received', default: 0 })
  bytesReceived: string;

  @Column({ type: 'int', name: 'total_rows', default: 0 })
  totalRows: number;

  @Column({ type: 'int', name: 'accepted_rows', default: 0 })
  acceptedRows: number;

  @Column({ type: 'int', name: 'rejected_rows', default: 0 })
  rejectedRows: number;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  /** To the millisecond: the list's cursor carries it. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}

/** Why a row (line of the file) was refused. */
@Entity({ name: 'weapon_import_rejections' })
@Index('IDX_weapon_import_rejections_import', ['importId', 'line'])
export class ImportRejectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'uuid', name: 'import_id' })
  importId: string;

  /** Line of the file (the header is line 1); 0 for the file as a whole. */
  @Column({ type: 'int' })
  line: number;

  @Column({ type: 'varchar', length: 64 })
  column: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  message: string;
}
