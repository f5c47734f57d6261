import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/** A user of the case's State who needs to know its content (need to know). */
@Entity({ name: 'case_members' })
@Index('IDX_case_members_user', ['stateCode', 'userId'])
export class CaseMemberEntity {
  @PrimaryColumn({ type: 'uuid', name: 'case_id' })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'uuid', name: 'added_by' })
  addedBy: string;

  @Column({ type: 'timestamptz', name: 'added_at' })
  addedAt: Date;
}
