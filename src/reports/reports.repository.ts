import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, invalidCursor, Page, PageQueryDto } from '../common/http/pagination';
import { UUID } from '../common/uuid';
import type { MissingFieldsRecord } from './dto/report.dto';
import { Db } from '../database/db';
import { MISSING_REQUIRED, REQUIRED_FIELDS } from '../registry/entities/weapon.entity';
import { EXCHANGED_STATUSES } from '../tracing/tracing.constants';

export const REQUIRED_FIELD_NAMES = REQUIRED_FIELDS.map(([name]) => name);
const MISSING_LIST = `array_remove(ARRAY[${REQUIRED_FIELDS.map(([name, missing]) => `CASE WHEN ${missing} THEN '${name}' END`).join(', ')}], NULL)`;

/** Counts per category and type of weapon, each computed by PostgreSQL in one pass over the State's registry. */
export interface RecordKeepingRow {
  category: string;
  type: string;
  weapons: number;
  a8Applicable: number; a8Met: number;
  b8Applicable: number; b8Met: number;
  c8Applicable: number; c8Met: number;
  d8Applicable: number; d8Met: number;
  seizedOrFound: number; seizedMarked: number; seizedOverdue: number;
  missingRequired: number;
  withinRetention: number; onLegalHold: number; eligibleForPurge: number;
}

export interface TracingRow {
  direction: string;
  /** null on the row of a direction's totals. */
  counterpart: string | null;
  traces: number;
  acknowledged: number;
  answered: number;
  acknowledgeHoursP50: number | null; acknowledgeHoursP90: number | null;
  answerHoursP50: number | null; answerHoursP90: number | null;
  full: number; partial: number; delayed: number; refused: number;
  closed: number; diversionPointIdentified: number;
}

/** The auditors' reports: aggregations in SQL over the State's own rows (row-level security applies). */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  /** The time of the transaction's snapshot: what the figures are "as of". */
  async asOf(): Promise<Date> {
    const [row]: { now: Date }[] = await this.db.manager.query('SELECT now() AS now');
    return row.now;
  }

  /**
   * One pass over the State's weapons: each record's history is summarised on its row (event_types,
   * retain_until, seized_or_found_on, kept by a trigger on record_events), and the rules' breaches the
   * State accepted are in `incomplete`.
   */
  async recordKeeping(stateCode: string, today: string, seizedBefore: string): Promise<RecordKeepingRow[]> {
    const rows: Record<string, string | number>[] = await this.db.manager.query(
      `WITH judged AS (
         SELECT w.category, w.type_code, w.incomplete, w.retain_until,
                w.legal_holds <> '[]'::jsonb AS held,
                traced.weapon_id IS NOT NULL AS traced,
                -- MarkingRule 8a's applies(); no rule applies to an antique (ITI 4, breaches()).
                NOT w.antique AND NOT w.craft_or_3d_printed AND w.status NOT IN ('seized', 'found')
                  AND NOT (w.event_types && ARRAY['seized', 'found']::varchar[]
                           AND (w.status IN ('destroyed', 'deactivated', 'in_service', 'government_stock')
                                OR NOT w.event_types && ARRAY['manufactured', 'imported', 'imported_temporarily']::varchar[])) AS a8,
                -- A temporary import is exempt (MarkingRule 8b's applies()).
                NOT w.antique AND 'imported' = ANY (w.event_types) AS b8,
                NOT w.antique AND 'transferred_to_civilian' = ANY (w.event_types) AS c8,
                NOT w.antique AND w.status IN ('in_service', 'government_stock') AS d8,
                NOT w.antique AND (w.status IN ('seized', 'found') OR (w.status = 'deactivated' AND w.deactivated_from IN ('seized', 'found'))) AS r9,
                coalesce(w.seized_or_found_on, w.created_at::date) AS seized_on,
                (${MISSING_REQUIRED}) AS missing
           FROM weapons w
           -- The records a trace sent and not closed was made from (the purge refuses them: TRACE_OPEN), hashed once.
           LEFT JOIN (SELECT DISTINCT t.weapon_id FROM traces t WHERE t.state_code = $1 AND t.weapon_id IS NOT NULL AND t.status = ANY ($4::varchar[])) traced
             ON traced.weapon_id = w.id
          WHERE w.state_code = $1)
       SELECT category, type_code AS type, count(*)::int AS weapons,
              count(*) FILTER (WHERE a8)::int AS "a8Applicable",
              count(*) FILTER (WHERE a8 AND NOT 'ITI_8A_MANUFACTURE_MARKING' = ANY (incomplete))::int AS "a8Met",
              count(*) FILTER (WHERE b8)::int AS "b8Applicable",
              count(*) FILTER (WHERE b8 AND NOT 'ITI_8B_IMPORT_MARKING' = ANY (incomplete))::int AS "b8Met",
              count(*) FILTER (WHERE c8)::int AS "c8Applicable",
              count(*) FILTER (WHERE c8 AND NOT 'ITI_8C_TRANSFER_MARKING' = ANY (incomplete))::int AS "c8Met",
              count(*) FILTER (WHERE d8)::int AS "d8Applicable",
              count(*) FILTER (WHERE d8 AND NOT 'ITI_8D_GOVERNMENT_MARKING' = ANY (incomplete))::int AS "d8Met",
              count(*) FILTER (WHERE r9)::int AS "seizedOrFound",
              count(*) FILTER (WHERE r9 AND NOT 'ITI_9_SEIZED_OR_FOUND_MARKING' = ANY (incomplete))::int AS "seizedMarked",
              count(*) FILTER (WHERE r9 AND 'ITI_9_SEIZED_OR_FOUND_MARKING' = ANY (incomplete) AND seized_on < $3::date)::int AS "seizedOverdue",
              count(*) FILTER (WHERE missing)::int AS "missingRequired",
              -- A record may be purged on its retention date (WeaponsService.purge).
              count(*) FILTER (WHERE retain_until > $2::date)::int AS "withinRetention",
              count(*) FILTER (WHERE held)::int AS "onLegalHold",
              count(*) FILTER (WHERE retain_until <= $2::date AND NOT held AND NOT traced)::int AS "eligibleForPurge"
         FROM judged GROUP BY category, type_code ORDER BY category, type_code`,
      [stateCode, today, seizedBefore, EXCHANGED_STATUSES],
    );
    return rows as unknown as RecordKeepingRow[];
  }

  /** Records missing a required field, with the fields they miss, paged in id order (IDX_weapons_missing_required holds only them). */
  async missingRequired(stateCode: string, page: PageQueryDto): Promise<Page<MissingFieldsRecord>> {
    const afterId = page.cursor ? decodeCursor(page.cursor, 1)[0] : null;
    if (afterId !== null && !UUID.test(afterId)) throw invalidCursor();
    const rows: MissingFieldsRecord[] = await this.db.manager.query(
      `SELECT w.id, w.category, w.type_code AS type, w.serial_as_marked AS serial, ${MISSING_LIST} AS missing
         FROM weapons w
        WHERE w.state_code = $1 AND (${MISSING_REQUIRED}) AND ($2::uuid IS NULL OR w.id > $2::uuid)
        ORDER BY w.id LIMIT $3`,
      [stateCode, afterId, page.limit + 1],
    );
    const items = rows.slice(0, page.limit);
    return { items, nextCursor: rows.length > page.limit ? encodeCursor([items[items.length - 1].id]) : null };
  }

  /**
   * Groups of weapons with the same normalised serial and manufacturer: suspected duplicate records. The
   * serial index (weapon_serials, look-alike folded keys) gives the candidates in one ordered index-only
   * pass; only their weapons are then compared exactly.
   */
  async duplicates(stateCode: string, limit: number, idsShown: number): Promise<{ groups: number; weapons: number; examples: { serial: string; manufacturer: string | null; records: number; weaponIds: string[] }[] }> {
    const rows: { serial: string; manufacturer: string | null; records: number; weapon_ids: string[]; groups: string; weapons: string }[] = await this.db.manager.query(
      `WITH candidates AS MATERIALIZED (
         SELECT s.serial_key FROM weapon_serials s WHERE s.state_code = $1 GROUP BY s.serial_key HAVING count(*) > 1),
       groups AS (
         SELECT w.serial_normalised AS serial, coalesce(w.manufacturer_code, lower(w.manufacturer_text)) AS manufacturer,
                count(DISTINCT w.id)::int AS records, (array_agg(DISTINCT w.id ORDER BY w.id))[1:$3] AS weapon_ids
           FROM candidates c
           JOIN weapon_serials s ON s.state_code = $1 AND s.serial_key = c.serial_key AND s.marking_id IS NULL
           JOIN weapons w ON w.id = s.weapon_id AND w.state_code = $1
          WHERE w.serial_normalised IS NOT NULL AND w.serial_normalised <> ''
          GROUP BY 1, 2 HAVING count(DISTINCT w.id) > 1)
       SELECT g.*, count(*) OVER () AS groups, sum(g.records) OVER () AS weapons
         FROM groups g ORDER BY g.serial, g.manufacturer LIMIT $2`,
      [stateCode, limit, idsShown],
    );
    return {
      groups: Number(rows[0]?.groups ?? 0),
      weapons: Number(rows[0]?.weapons ?? 0),
      examples: rows.map((r) => ({ serial: r.serial, manufacturer: r.manufacturer, records: r.records, weaponIds: r.weapon_ids })),
    };
  }

  /** Per direction and counterpart State (and per direction, counterpart null), traces sent in [from, to). */
  async tracing(stateCode: string, from: Date, to: Date): Promise<TracingRow[]> {
    const hours = (end: string) => `extract(epoch FROM ${end} - sent_at) / 3600`;
    const percentile = (p: number, end: string) => `round((percentile_cont(${p}) WITHIN GROUP (ORDER BY ${hours(end)}) FILTER (WHERE ${end} IS NOT NULL))::numeric, 1)::float8`;
    return this.db.manager.query(
      `SELECT direction, CASE direction WHEN 'outgoing' THEN requested_state ELSE requesting_state END AS counterpart,
              count(*)::int AS traces,
              count(acknowledged_at)::int AS acknowledged,
              count(answered_at)::int AS answered,
              ${percentile(0.5, 'acknowledged_at')} AS "acknowledgeHoursP50", ${percentile(0.9, 'acknowledged_at')} AS "acknowledgeHoursP90",
              ${percentile(0.5, 'answered_at')} AS "answerHoursP50", ${percentile(0.9, 'answered_at')} AS "answerHoursP90",
              count(*) FILTER (WHERE answer->>'outcome' = 'full')::int AS full,
              count(*) FILTER (WHERE answer->>'outcome' = 'partial')::int AS partial,
              count(*) FILTER (WHERE answer->>'outcome' = 'delayed')::int AS delayed,
              count(*) FILTER (WHERE answer->>'outcome' = 'refused')::int AS refused,
              count(closed_at)::int AS closed,
              count(*) FILTER (WHERE close_reason = 'diversion_point_identified')::int AS "diversionPointIdentified"
         FROM traces
        WHERE state_code = $1 AND sent_at >= $2 AND sent_at < $3
        GROUP BY GROUPING SETS ((direction, CASE direction WHEN 'outgoing' THEN requested_state ELSE requesting_state END), (direction))
        ORDER BY direction, counterpart NULLS FIRST`,
      [stateCode, from, to],
    );
  }

  /** Why answers were not full, per direction: the reason codes of partial, delayed and refused answers. */
  async failureReasons(stateCode: string, from: Date, to: Date): Promise<{ direction: string; reason: string; traces: number }[]> {
    return this.db.manager.query(
      `SELECT direction, answer->>'reasonCode' AS reason, count(*)::int AS traces
         FROM traces
        WHERE state_code = $1 AND sent_at >= $2 AND sent_at < $3 AND answer->>'outcome' <> 'full' AND answer->>'reasonCode' IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`,
      [stateCode, from, to],
    );
  }

  /** Median hours to answer, per direction and month of sending: the line of the report's chart. */
  async answerTimeByMonth(stateCode: string, from: Date, to: Date): Promise<{ direction: string; month: string; answered: number; answerHoursP50: number }[]> {
    return this.db.manager.query(
      `SELECT direction, to_char(date_trunc('month', sent_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, count(*)::int AS answered,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - sent_at) / 3600))::numeric, 1)::float8 AS "answerHoursP50"
         FROM traces
        WHERE state_code = $1 AND sent_at >= $2 AND sent_at < $3 AND answered_at IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [stateCode, from, to],
    );
  }

  /**
   * Traces waiting past the other State's deadline now, per direction (whenever they were sent): not the
   * requests whose requester is late giving the information asked for (its own deadline, reminded in its inbox).
   */
  async overdueNow(stateCode: string): Promise<{ direction: string; traces: number }[]> {
    return this.db.manager.query(
      `SELECT direction, count(*)::int AS traces FROM traces
        WHERE state_code = $1 AND overdue_since IS NOT NULL AND status NOT IN ('closed', 'information_requested')
        GROUP BY 1 ORDER BY 1`,
      [stateCode],
    );
  }
}
