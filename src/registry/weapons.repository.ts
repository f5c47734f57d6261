import { Injectable } from '@nestjs/common';
import { Brackets, In, IsNull, SelectQueryBuilder } from 'typeorm';
import { keysetPage, Page, PageQueryDto } from '../common/http/pagination';
import { Db } from '../database/db';
import { ClosedCustodianEntity } from './entities/closed-custodian.entity';
import { MarkingEntity } from './entities/marking.entity';
import { RegistrySettingsEntity } from './entities/registry-settings.entity';
import { WeaponEntity } from './entities/weapon.entity';
import type { RuleId, RulePolicy } from './marking-rules';
import { EventParty } from '../records/entities/record-event.entity';
import { nextWriteTimeSql } from '../records/record-events.repository';
import { WeaponStatus } from './registry.constants';
import { TraceEntity } from '../tracing/entities/trace.entity';
import { EXCHANGED_STATUSES } from '../tracing/tracing.constants';

/** A serial searched for: `key` folded (look-alikes), `normalised` the exact reading when `kind` is exact. */
export interface SerialMatch {
  kind: 'exact' | 'pattern';
  key: string;
  normalised: string | null;
}

export interface SerialCandidate {
  weaponId: string;
  serialNormalised: string;
}

export interface WeaponFilters {
  manufacturerCode?: string;
  manufacturerText?: string;
  model?: string;
  calibreCode?: string;
  calibreText?: string;
  country?: string;
  yearFrom?: number;
  yearTo?: number;
  statuses?: WeaponStatus[];
}

/**
 * Entries of the serial index a search reads at most, before the filters: a serial shared by many weapons
 * (short serials, restarted by each maker) is still found with its make or model among them.
 */
const SERIAL_SCAN = 5_000;

/** The advisory lock key of a State's custody (ITI 13), for the State code as $1. */
export const CUSTODY_LOCK_KEY = `hashtextextended('iti:custody:' || $1, 0)`;

@Injectable()
export class WeaponsRepository {
  constructor(private readonly db: Db) {}

  async insert(weapon: Partial<WeaponEntity>): Promise<WeaponEntity> {
    const repository = this.db.repository(WeaponEntity);
    return repository.save(repository.create(weapon));
  }

  async update(stateCode: string, id: string, changes: Partial<WeaponEntity>): Promise<void> {
    await this.db.repository(WeaponEntity).update({ stateCode, id }, changes);
  }

  findById(stateCode: string, id: string): Promise<WeaponEntity | null> {
    return this.db.repository(WeaponEntity).findOneBy({ stateCode, id });
  }

  findByIdForUpdate(stateCode: string, id: string): Promise<WeaponEntity | null> {
    return this.db
      .repository(WeaponEntity)
      .createQueryBuilder('w')
      .where('w.state_code = :stateCode AND w.id = :id', { stateCode, id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * Locks the weapon against its purge (FOR KEY SHARE, which a purge's FOR UPDATE waits for, as do
   * changes to the record) until the transaction ends; false when the State has no such weapon.
   */
  async lockAgainstPurge(stateCode: string, id: string): Promise<boolean> {
    const found = await this.db
      .repository(WeaponEntity)
      .createQueryBuilder('w')
      .select('w.id')
      .where('w.state_code = :stateCode AND w.id = :id', { stateCode, id })
      .setLock('for_key_share')
      .getOne();
    return found !== null;
  }

  /**
   * A trace of the State made from this record that another State holds and that is not closed, if there
   * is one. Drafts and requests not yet sent (which cannot be closed) do not count: they keep their own
   * copy of the weapon as observed.
   */
  async openTraceOf(stateCode: string, id: string): Promise<string | null> {
    const trace = await this.db
      .repository(TraceEntity)
      .createQueryBuilder('t')
      .select('t.id')
      .where('t.state_code = :stateCode AND t.weapon_id = :id AND t.status IN (:...exchanged)', { stateCode, id, exchanged: EXCHANGED_STATUSES })
      .orderBy('t.id')
      .limit(1)
      .getOne();
    return trace?.id ?? null;
  }

  list(stateCode: string, filters: WeaponFilters, page: PageQueryDto): Promise<Page<WeaponEntity>> {
    const query = this.db.repository(WeaponEntity).createQueryBuilder('w').where('w.state_code = :stateCode', { stateCode });
    return keysetPage(filtered(query, filters), [{ property: 'createdAt', column: 'w.created_at' }, { property: 'id', column: 'w.id' }], page);
  }

  async insertMarkings(markings: Partial<MarkingEntity>[]): Promise<void> {
    if (markings.length > 0) await this.db.repository(MarkingEntity).insert(markings);
  }

  /** Marks markings recorded in error as withdrawn by a correction (a trigger takes them out of the serial index). */
  async withdrawMarkings(stateCode: string, weaponId: string, ids: string[], correctionId: string): Promise<void> {
    await this.db.repository(MarkingEntity).update({ stateCode, weaponId, id: In(ids), withdrawnBy: IsNull() }, { withdrawnBy: correctionId });
  }

  markingsOf(stateCode: string, weaponId: string): Promise<MarkingEntity[]> {
    return this.db.repository(MarkingEntity).find({ where: { stateCode, weaponId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findByIds(stateCode: string, ids: string[]): Promise<WeaponEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.repository(WeaponEntity).findBy({ stateCode, id: In(ids) });
  }

  /** The markings of several weapons in one query, each in the order of markingsOf. */
  markingsOfMany(stateCode: string, weaponIds: string[]): Promise<MarkingEntity[]> {
    if (weaponIds.length === 0) return Promise.resolve([]);
    return this.db.repository(MarkingEntity).find({ where: { stateCode, weaponId: In(weaponIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async delete(stateCode: string, id: string): Promise<void> {
    await this.db.repository(WeaponEntity).delete({ stateCode, id });
  }

  settings(stateCode: string): Promise<RegistrySettingsEntity | null> {
    return this.db.repository(RegistrySettingsEntity).findOneBy({ stateCode });
  }

  /**
   * Sets the policies of the rules in `changes` and keeps the others as stored, in one statement: two
   * registrars changing different rules at once both keep their change. Returns the policies stored.
   */
  async mergeRulePolicies(stateCode: string, changes: Partial<Record<RuleId, RulePolicy>>): Promise<Partial<Record<RuleId, RulePolicy>>> {
    const [row]: { rule_policies: Partial<Record<RuleId, RulePolicy>> }[] = await this.db.manager.query(
      `INSERT INTO registry_settings (state_code, rule_policies, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (state_code) DO UPDATE SET rule_policies = registry_settings.rule_policies || EXCLUDED.rule_policies, updated_at = now()
       RETURNING rule_policies`,
      [stateCode, JSON.stringify(changes)],
    );
    return row.rule_policies;
  }

  /**
   * The records `custodian` holds that came into its custody after `date`, and the latest such day: a record
   * comes into the custody of the company it names with its last custody transfer, or, without one, with its
   * first event (each as corrected).
   */
  async custodyBeginningAfter(stateCode: string, custodian: string, date: string): Promise<{ records: number; latest: string | null }> {
    const [row]: { records: number; latest: string | null }[] = await this.db.manager.query(
      `SELECT count(*)::int AS records, max(f.since)::text AS latest FROM (
         SELECT coalesce(
                  (array_agg(coalesce(c.occurred_on, e.occurred_on) ORDER BY date_trunc('milliseconds', e.recorded_at) DESC, e.id DESC)
                     FILTER (WHERE e.type = 'custody_transferred'))[1],
                  (array_agg(coalesce(c.occurred_on, e.occurred_on) ORDER BY date_trunc('milliseconds', e.recorded_at), e.id))[1]) AS since
           FROM weapons w
           JOIN record_events e ON e.weapon_id = w.id AND e.state_code = w.state_code AND e.type <> 'corrected'
           LEFT JOIN LATERAL (SELECT c.occurred_on FROM record_events c
                               WHERE c.weapon_id = e.weapon_id AND c.corrects_event_id = e.id AND c.type = 'corrected' AND c.restates
                               ORDER BY date_trunc('milliseconds', c.recorded_at) DESC, c.id DESC LIMIT 1) c ON true
          WHERE w.state_code = $1 AND w.custodian IS NOT NULL AND custodian_key(w.custodian) = custodian_key($2)
          GROUP BY w.id) f
        WHERE f.since > $3::date`,
      [stateCode, custodian, date],
    );
    return row;
  }

  /** Whether two names are the same custodian, as the registry compares them (custodian_key: case and surrounding space ignored). */
  async sameCustodian(a: string, b: string): Promise<boolean> {
    const [{ same }]: { same: boolean }[] = await this.db.manager.query('SELECT custodian_key($1) = custodian_key($2) AS same', [a, b]);
    return same;
  }

  /**
   * ITI 13: every record of a closing company passes to the State: its weapons are locked first, then one
   * statement, whose snapshot (taken once they are locked) sees every event written before, sets the new
   * custodian on each and writes a custody_transferred event for each weapon moved, at least a millisecond
   * after the weapon's latest event, as every other write of an event is (nextWriteTimeSql): the history is
   * ordered by that time. No record naming the company is written meanwhile (lockCustody). Returns how many moved.
   */
  async transferCustody(
    stateCode: string, from: string, to: string,
    event: { occurredOn: string; parties: EventParty[]; retainUntil: string; notes: string | null; recordedBy: string },
  ): Promise<number> {
    const company = 'state_code = $1 AND custodian IS NOT NULL AND custodian_key(custodian) = custodian_key($2)';
    await this.db.manager.query(`SELECT count(*) FROM (SELECT 1 FROM weapons WHERE ${company} FOR UPDATE) locked`, [stateCode, from]);
    const [{ n }]: { n: number }[] = await this.db.manager.query(
      `WITH moved AS (
         UPDATE weapons SET custodian = $3, updated_at = now() WHERE ${company} RETURNING state_code, id, status),
       added AS (
         INSERT INTO record_events (state_code, weapon_id, type, occurred_on, parties, status_after, record_class, retain_until, notes, recorded_by, recorded_at)
         SELECT state_code, id, 'custody_transferred', $4, $5::jsonb, status, 'other', $6, $7, $8, ${nextWriteTimeSql('moved.state_code', 'moved.id')} FROM moved
         RETURNING 1)
       SELECT count(*)::int AS n FROM added`,
      [stateCode, from, to, event.occurredOn, JSON.stringify(event.parties), event.retainUntil, event.notes, event.recordedBy],
    );
    return n;
  }

  /**
   * Custody of the State's records (ITI 13), as a transaction-level advisory lock: a transfer holds it alone,
   * a registration, event or import that names a custodian shares it. A record naming a company is then
   * either written before the company closes (and its transfer moves it) or after (and refused), never
   * between the transfer's look at the registry and its closing the company. A transfer waits at most
   * `waitMs` (then false), so that it does not stand for long in front of the writes queued behind it.
   */
  async lockCustody(stateCode: string, mode: 'shared' | 'exclusive', waitMs = 0): Promise<boolean> {
    if (mode === 'shared') {
      await this.db.manager.query(`SELECT pg_advisory_xact_lock_shared(${CUSTODY_LOCK_KEY})`, [stateCode]);
      return true;
    }
    const deadline = Date.now() + waitMs;
    for (;;) {
      const [{ locked }]: { locked: boolean }[] = await this.db.manager.query(`SELECT pg_try_advisory_xact_lock(${CUSTODY_LOCK_KEY}) AS locked`, [stateCode]);
      if (locked) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The closed company of that name (case and surrounding white space aside), if the State has closed one. */
  async closedCustodian(stateCode: string, name: string): Promise<ClosedCustodianEntity | null> {
    return this.db
      .repository(ClosedCustodianEntity)
      .createQueryBuilder('c')
      .where('c.state_code = :stateCode AND c.name_key = custodian_key(:name)', { stateCode, name })
      .getOne();
  }

  /** Takes a company off the closed list (closed in error); false when it was not on it. */
  async reopenCustodian(stateCode: string, name: string): Promise<boolean> {
    const result = await this.db
      .repository(ClosedCustodianEntity)
      .createQueryBuilder()
      .delete()
      .where('state_code = :stateCode AND name_key = custodian_key(:name)', { stateCode, name })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The State's closed companies, by name. */
  closedCustodians(stateCode: string, page: PageQueryDto): Promise<Page<ClosedCustodianEntity>> {
    const query = this.db.repository(ClosedCustodianEntity).createQueryBuilder('c').where('c.state_code = :stateCode', { stateCode });
    return keysetPage(query, [{ property: 'nameKey', column: 'c.name_key' }], page);
  }

  /** Records a company as closed; the first closing stands. */
  async closeCustodian(closed: { stateCode: string; name: string; closedOn: string; recordsCustodian: string; createdBy: string }): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO closed_custodians (state_code, name_key, name, closed_on, records_custodian, created_by)
       VALUES ($1, custodian_key($2), btrim($2), $3, $4, $5) ON CONFLICT DO NOTHING`,
      [closed.stateCode, closed.name, closed.closedOn, closed.recordsCustodian, closed.createdBy],
    );
  }

  /**
   * The weapons whose serial, or a marking's, matches, each with the serial that matched, filtered, in one
   * query: `exact` on the folded serial (readings equal to `normalised` first), `pattern` a LIKE on it
   * (`_` one character, `%` any run), through the serial index functions (see migration RegistrySecurity).
   * At most SERIAL_SCAN + 1 index entries are read, `limit` rows returned, newest first after exact readings;
   * `truncated` when the index held more than SERIAL_SCAN entries that fit: some no filter or ranking saw.
   */
  async serialMatches(
    stateCode: string,
    match: SerialMatch,
    filters: WeaponFilters,
    limit: number,
  ): Promise<{ weapons: WeaponEntity[]; matches: SerialCandidate[]; truncated: boolean }> {
    const { entities, raw } = await this.serialMatchesQuery(stateCode, match, filters, limit).getRawAndEntities<{ w_id: string; matched: string; entries: string }>();
    // No weapon passed the filters: how many entries the index gave is read again, on its own.
    const entries = raw.length > 0 ? Number(raw[0].entries) : await this.serialEntries(match);
    // One entry past SERIAL_SCAN is read, to tell "exactly as many" from "more".
    return { weapons: entities, matches: raw.map((r) => ({ weaponId: r.w_id, serialNormalised: r.matched })), truncated: entries > SERIAL_SCAN };
  }

  private async serialEntries(match: SerialMatch): Promise<number> {
    const rows: { n: string }[] = await this.db.manager.query(`SELECT count(*) AS n FROM ${serialIndexFunction(match)}($1, $2)`, [match.key, SERIAL_SCAN + 1]);
    return Number(rows[0].n);
  }

  /** The query of serialMatches(), on its own so that a test can read its plan. */
  serialMatchesQuery(stateCode: string, match: SerialMatch, filters: WeaponFilters, limit: number): SelectQueryBuilder<WeaponEntity> {
    const query = this.db
      .repository(WeaponEntity)
      .createQueryBuilder('w')
      .addCommonTableExpression(
        `SELECT weapon_id, serial_normalised, serial_normalised = :normalised AS reading_equal, count(*) OVER () AS entries FROM ${serialIndexFunction(match)}(:key, :scan)`,
        'c',
      )
      .innerJoin('c', 'c', 'c.weapon_id = w.id')
      .addSelect('c.serial_normalised', 'matched')
      .addSelect('c.entries', 'entries')
      .where('w.state_code = :stateCode', { stateCode, key: match.key, normalised: match.normalised, scan: SERIAL_SCAN + 1 });
    return filtered(query, filters).orderBy('c.reading_equal', 'DESC', 'NULLS LAST').addOrderBy('w.created_at', 'DESC').addOrderBy('w.id', 'DESC').limit(limit);
  }

  /** The State's weapons that pass the filters, newest first. */
  findFiltered(stateCode: string, filters: WeaponFilters, limit: number): Promise<WeaponEntity[]> {
    const query = this.db.repository(WeaponEntity).createQueryBuilder('w').where('w.state_code = :stateCode', { stateCode });
    // Weapons of one import share their creation time: the id decides, so that the cut is always the same.
    return filtered(query, filters).orderBy('w.created_at', 'DESC').addOrderBy('w.id', 'DESC').limit(limit).getMany();
  }
}

/** The serial index's function for a match (migration RegistrySecurity). */
function serialIndexFunction(match: SerialMatch): string {
  return match.kind === 'exact' ? 'registry_serial_exact' : 'registry_serial_pattern';
}

/**
 * A name not in the reference data compared as the registry compares names (reference_key: "ACME-ARMS" is
 * "Acme Arms"); one with no Latin letter or digit, whose key is empty, by its lower case.
 */
function sameName(column: string, parameter: string): string {
  return `CASE WHEN reference_key(${parameter}) <> '' THEN reference_key(${column}) = reference_key(${parameter}) ELSE lower(${column}) = lower(${parameter}) END`;
}

function filtered(query: SelectQueryBuilder<WeaponEntity>, filters: WeaponFilters): SelectQueryBuilder<WeaponEntity> {
  if (filters.manufacturerCode) query.andWhere('w.manufacturer_code = :manufacturerCode', { manufacturerCode: filters.manufacturerCode });
  // A name the reference data does not know is no known maker's or calibre's: only records without a code are read by name.
  else if (filters.manufacturerText) query.andWhere(`w.manufacturer_code IS NULL AND ${sameName('w.manufacturer_text', ':manufacturerText')}`, { manufacturerText: filters.manufacturerText });
  if (filters.calibreCode) query.andWhere('w.calibre_code = :calibreCode', { calibreCode: filters.calibreCode });
  else if (filters.calibreText) query.andWhere(`w.calibre_code IS NULL AND ${sameName('w.calibre_text', ':calibreText')}`, { calibreText: filters.calibreText });
  if (filters.model) query.andWhere('lower(w.model) = lower(:model)', { model: filters.model });
  if (filters.country) query.andWhere('w.country_of_manufacture = :country', { country: filters.country });
  if (filters.yearFrom !== undefined) query.andWhere('w.year_of_manufacture >= :yearFrom', { yearFrom: filters.yearFrom });
  if (filters.yearTo !== undefined) query.andWhere('w.year_of_manufacture <= :yearTo', { yearTo: filters.yearTo });
  if (filters.statuses?.length) query.andWhere(new Brackets((b) => b.where('w.status IN (:...statuses)', { statuses: filters.statuses })));
  return query;
}
