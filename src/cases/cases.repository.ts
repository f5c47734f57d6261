import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
import { CaseMemberEntity } from './entities/case-member.entity';
import { CaseEntity } from './entities/case.entity';

@Injectable()
export class CasesRepository {
  constructor(private readonly db: Db) {}

  async insert(record: CaseEntity, creator: CaseMemberEntity): Promise<void> {
    await this.db.repository(CaseEntity).insert(record);
    await this.db.repository(CaseMemberEntity).insert(creator);
  }

  findById(stateCode: string, id: string): Promise<CaseEntity | null> {
    return this.db.repository(CaseEntity).findOneBy({ stateCode, id });
  }

  members(stateCode: string, caseId: string): Promise<CaseMemberEntity[]> {
    return this.db.repository(CaseMemberEntity).find({ where: { stateCode, caseId }, order: { addedAt: 'ASC', userId: 'ASC' } });
  }

  async isMember(stateCode: string, caseId: string, userId: string): Promise<boolean> {
    return this.db.repository(CaseMemberEntity).existsBy({ stateCode, caseId, userId });
  }

  /** Adds a member; false when the user already was one. */
  async addMember(member: CaseMemberEntity): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `INSERT INTO case_members (case_id, user_id, state_code, added_by, added_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [member.caseId, member.userId, member.stateCode, member.addedBy, member.addedAt],
    );
    return rows.length > 0;
  }
}
