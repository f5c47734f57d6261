import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
import { keysetPage, Page, PageQueryDto } from '../common/http/pagination';
import { ContactPointEntity } from './entities/contact-point.entity';
import { StateEntity } from './entities/state.entity';

@Injectable()
export class StatesRepository {
  constructor(private readonly db: Db) {}

  findByCode(code: string): Promise<StateEntity | null> {
    return this.db.repository(StateEntity).findOneBy({ code });
  }

  /** Whether `code` is a State of this node, and how many contact points it has, in one query. */
  async addressing(code: string): Promise<{ known: boolean; contactPoints: number }> {
    const [row]: { known: boolean; contact_points: number }[] = await this.db.manager.query(
      `SELECT EXISTS (SELECT 1 FROM states WHERE code = $1) AS known, (SELECT count(*)::int FROM contact_points WHERE state_code = $1) AS contact_points`,
      [code],
    );
    return { known: row.known, contactPoints: row.contact_points };
  }

  /** Which of `codes` are States of this node, in one query. */
  async existingCodes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.db.repository(StateEntity).createQueryBuilder('s').select('s.code', 'code').where('s.code IN (:...codes)', { codes }).getRawMany<{ code: string }>();
    return new Set(rows.map((r) => r.code));
  }

  list(filter: { hosted?: boolean }, page: PageQueryDto): Promise<Page<StateEntity>> {
    const query = this.db.repository(StateEntity).createQueryBuilder('s');
    if (filter.hosted === true) query.where('s.hosted_since IS NOT NULL');
    if (filter.hosted === false) query.where('s.hosted_since IS NULL');
    return keysetPage(query, [{ property: 'code', column: 's.code' }], page);
  }

  /** Every State's code (`hostedOnly`: of those hosted on this node), in order. */
  async codes(hostedOnly = false): Promise<string[]> {
    const query = this.db.repository(StateEntity).createQueryBuilder('s').select('s.code', 'code').orderBy('s.code');
    if (hostedOnly) query.where('s.hosted_since IS NOT NULL');
    const rows = await query.getRawMany<{ code: string }>();
    return rows.map((r) => r.code);
  }

  /** Marks the State hosted since `since`, unless it already is: one statement, so two at once keep the first time. */
  async markHosted(code: string, since: Date): Promise<void> {
    await this.db.repository(StateEntity).createQueryBuilder().update().set({ hostedSince: since }).where('code = :code AND hosted_since IS NULL', { code }).execute();
  }
}

@Injectable()
export class ContactPointsRepository {
  constructor(private readonly db: Db) {}

  listForState(stateCode: string, page: PageQueryDto): Promise<Page<ContactPointEntity>> {
    const query = this.db.repository(ContactPointEntity).createQueryBuilder('c').where('c.state_code = :stateCode', { stateCode });
    return keysetPage(query, [{ property: 'name', column: 'c.name' }, { property: 'id', column: 'c.id' }], page);
  }

  /** Locked until the transaction ends: an edit and a removal of one contact point happen one after the other. */
  findOfStateForUpdate(stateCode: string, id: string): Promise<ContactPointEntity | null> {
    return this.db.repository(ContactPointEntity).createQueryBuilder('c').where('c.state_code = :stateCode AND c.id = :id', { stateCode, id }).setLock('pessimistic_write').getOne();
  }

  /**
   * The ids of the State's contact points, each locked until the transaction ends (in one order, so that two
   * removals wait for each other rather than deadlock): a removal counts what the others leave.
   */
  async lockAllOfState(stateCode: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query('SELECT id FROM contact_points WHERE state_code = $1 ORDER BY id FOR UPDATE', [stateCode]);
    return rows.map((row) => row.id);
  }

  /**
   * The State's directory, as a transaction-level advisory lock: its addresses are checked and written by one
   * transaction at a time, also while it has no entry to lock. Taken before any entry's row.
   */
  async lockDirectory(stateCode: string): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('iti:contact-points:' || $1, 0))`, [stateCode]);
  }

  findByEmail(stateCode: string, email: string): Promise<ContactPointEntity | null> {
    return this.db.repository(ContactPointEntity).findOneBy({ stateCode, email });
  }

  countForState(stateCode: string): Promise<number> {
    return this.db.repository(ContactPointEntity).countBy({ stateCode });
  }

  insert(contactPoint: Partial<ContactPointEntity>): Promise<ContactPointEntity> {
    const repository = this.db.repository(ContactPointEntity);
    return repository.save(repository.create(contactPoint));
  }

  save(contactPoint: ContactPointEntity): Promise<ContactPointEntity> {
    return this.db.repository(ContactPointEntity).save(contactPoint);
  }

  async delete(stateCode: string, id: string): Promise<void> {
    await this.db.repository(ContactPointEntity).delete({ stateCode, id });
  }
}
