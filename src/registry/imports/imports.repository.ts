import { Injectable } from '@nestjs/common';
import { finished, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { keysetPage, Page, PageQueryDto } from '../../common/http/pagination';
import { Db } from '../../database/db';
import { COMPONENTS, EARLIEST_MANUFACTURE_YEAR, EARLIEST_YEAR, IMPORT_EVENTS, ORIGIN_EVENTS } from '../registry.constants';
import { retainUntilSql } from '../../records/retention';
import { MARKING_RULES, RuleId } from '../marking-rules';
import { SERIAL_HAS_CHARACTER } from '../serial';
import { IMPORT_COLUMNS, IMPORT_MAX_LENGTHS, RecordLines } from './import-format';
import { ImportRejectionEntity, ImportStatus, WeaponImportEntity } from './weapon-import.entity';

export interface ImportContext {
  stateCode: string;
  importId: string;
  userId: string | null;
  today: string;
  thisYear: number;
  refuse: Record<RuleId, boolean>;
  retentionYears: { manufacture: number; other: number };
}

/**
 * What String.prototype.trim() removes (the API trims every text field so): the white space and line
 * terminators of ECMAScript, as a PostgreSQL escape string. btrim() alone removes only spaces, and a field
 * of a tab or a no-break space would then count as given, and a serial keep a U+FEFF that hides it.
 */
const TRIMMED = `E' \\t\\n\\r\\f\\u000b\\u00a0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'`;
/** A staging column trimmed as the API trims it (TRIMMED), null when nothing is left. */
const text = (column: string, table = 's.') => `nullif(btrim(${table}${column}, ${TRIMMED}), '')`;
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
/** A row whose first event is an import, for good or temporary. */
const IMPORT_ROW = `r.origin IN (${list(IMPORT_EVENTS)})`;

/**
 * A breach of each ITI rule, as SQL over import_rows (the twin of marking-rules.ts for a whole file;
 * test/imports.e2e-spec.ts checks that the two agree). `marked` = a manufacture marking with a serial.
 * `excused`: where the State is not answerable for the breach (MarkingRule.answerable), which is then
 * flagged whatever its policy.
 */
/** The row's serial read whole (legibleSerial): one with `?` or `*` once normalised tells no weapon apart for 8(b), 8(d) and 9. */
const LEGIBLE_SERIAL = `(r.serial IS NOT NULL AND r.serial_normalised !~ '[?*]')`;

/** A column a check names that depends on the row (SQL over import_rows), where most checks name one column. */
interface ColumnSql {
  sql: string;
}

/**
 * The column a breach names: the first of the rule's missing parts in the row (SQL over import_rows), so that
 * the report points at what to fill in. Each rule's `column` is one of these.
 */
const firstMissing = (parts: [condition: string, column: string][], otherwise: string): ColumnSql => ({
  sql: `CASE ${parts.map(([condition, column]) => `WHEN ${condition} THEN '${column}'`).join(' ')} ELSE '${otherwise}' END`,
});
const MARKED_BY_ANY = `(r.marking_text IS NOT NULL OR r.import_marking_text IS NOT NULL)`;

const BREACHES: Record<RuleId, { column: ColumnSql; sql: string; excused?: string }> = {
  '8a': {
    column: firstMissing([['r.marking_text IS NULL', 'marking_text'], ['r.serial IS NULL', 'serial'], ['r.manufacturer IS NULL', 'manufacturer']], 'country_of_manufacture'),
    sql: `r.origin NOT IN ('seized', 'found') AND NOT r.craft AND NOT (r.marking_text IS NOT NULL AND r.serial IS NOT NULL AND r.manufacturer IS NOT NULL AND coalesce(r.country_of_manufacture, r.manufacturer_country) IS NOT NULL)`,
    // Imported (a file's row is the weapon's first event: it was not made here).
    excused: IMPORT_ROW,
  },
  '8b': {
    column: firstMissing([['r.import_marking_text IS NULL', 'import_marking_text']], 'serial'),
    sql: `r.origin = 'imported' AND (r.import_marking_text IS NULL OR NOT ${LEGIBLE_SERIAL})`,
  },
  '8c': { column: { sql: `'origin'` }, sql: 'false' },
  '8d': {
    column: firstMissing([[`NOT ${LEGIBLE_SERIAL}`, 'serial']], 'marking_text'),
    sql: `r.status_after IN ('in_service', 'government_stock') AND NOT (${LEGIBLE_SERIAL} AND ${MARKED_BY_ANY})`,
  },
  '9': {
    column: firstMissing([[`NOT ${LEGIBLE_SERIAL}`, 'serial']], 'marking_text'),
    sql: `r.origin IN ('seized', 'found') AND NOT (${LEGIBLE_SERIAL} AND ${MARKED_BY_ANY})`,
  },
};

/** A breach of the rule that refuses the row under a `refuse` policy, and one that flags it (the rest of its breaches). */
const refusing = (rule: RuleId) => {
  const { sql, excused } = BREACHES[rule];
  return excused ? `(${sql}) AND NOT coalesce(${excused}, false)` : sql;
};
const flagging = (rule: RuleId, refuse: boolean) => {
  const { sql, excused } = BREACHES[rule];
  if (!refuse) return sql;
  return excused ? `(${sql}) AND coalesce(${excused}, false)` : null;
};

const RULE_CODES: Record<RuleId, string> = {
  '8a': 'ITI_8A_MANUFACTURE_MARKING',
  '8b': 'ITI_8B_IMPORT_MARKING',
  '8c': 'ITI_8C_TRANSFER_MARKING',
  '8d': 'ITI_8D_GOVERNMENT_MARKING',
  '9': 'ITI_9_SEIZED_OR_FOUND_MARKING',
};

/**
 * The memory of an import's sorts and hashes, and of each batch of serials the trigram index's pending list
 * merges (PostgreSQL's default: 4 MB). The pending list's own limit stays the index's: it is shared, and
 * while a larger one filled, every other session's insert would merge all of it and every search scan it.
 */
const IMPORT_WORK_MEM = '64MB';

/** ITI 12: an imported row's retention date, from its first event ($3: years for manufacture records, $4: for the others). */
const RETAIN_UNTIL = retainUntilSql('r.occurred_on::date', `r.origin = 'manufactured'`, '$3', '$4');

@Injectable()
export class ImportsRepository {
  constructor(private readonly db: Db) {}

  async create(stateCode: string, userId: string | null): Promise<WeaponImportEntity> {
    const repository = this.db.repository(WeaponImportEntity);
    return repository.save(repository.create({ stateCode, status: 'receiving', createdBy: userId }));
  }

  async update(stateCode: string, id: string, changes: Partial<WeaponImportEntity>): Promise<void> {
    await this.db.repository(WeaponImportEntity).update({ stateCode, id }, changes);
  }

  /**
   * Marks the import as running for as long as the current transaction (the one its rows land in) lasts: an
   * advisory lock that a crash, which ends the transaction, releases. failAbandoned() tells them apart so.
   */
  async holdWhileRunning(id: string): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('iti:import:' || $1, 0))`, [id]);
  }

  /**
   * The State's imports still said to be under way (receiving, validating, merging) that no process runs any
   * more (their lock free: the process that ran them ended without saying how they ended), created more than
   * `graceSeconds` ago on the database's clock, which wrote created_at (an import takes its lock just after its
   * row is written), marked failed at `at`.
   */
  async failAbandoned(stateCode: string, graceSeconds: number, at: Date): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = await this.db.manager.query<[unknown[], number]>(
      `UPDATE weapon_imports SET status = 'failed', finished_at = $3
        WHERE state_code = $1 AND status IN ('receiving', 'validating', 'merging') AND created_at < statement_timestamp() - make_interval(secs => $2)
          AND pg_try_advisory_xact_lock(hashtextextended('iti:import:' || id::text, 0))`,
      [stateCode, graceSeconds, at],
    );
    return affected;
  }

  /** Marks an import failed from outside its transaction, without waiting long on a row that transaction holds. */
  async markFailed(stateCode: string, id: string, at: Date): Promise<void> {
    await this.db.manager.query(`SET LOCAL lock_timeout = '2s'`);
    await this.update(stateCode, id, { status: 'failed', finishedAt: at });
  }

  async delete(stateCode: string, id: string): Promise<void> {
    await this.db.repository(WeaponImportEntity).delete({ stateCode, id });
  }

  find(stateCode: string, id: string): Promise<WeaponImportEntity | null> {
    return this.db.repository(WeaponImportEntity).findOneBy({ stateCode, id });
  }

  /** The State's imports, newest first, of one status if given. */
  list(stateCode: string, status: ImportStatus | null, page: PageQueryDto): Promise<Page<WeaponImportEntity>> {
    const query = this.db.repository(WeaponImportEntity).createQueryBuilder('i').where('i.state_code = :stateCode', { stateCode });
    if (status) query.andWhere('i.status = :status', { status });
    return keysetPage(query, [{ property: 'createdAt', column: 'i.created_at' }, { property: 'id', column: 'i.id' }], page, 'DESC');
  }

  /** The import that landed this file's content, if one did. */
  findCompletedByContent(stateCode: string, contentSha256: string): Promise<WeaponImportEntity | null> {
    return this.db.repository(WeaponImportEntity).findOneBy({ stateCode, contentSha256, status: 'completed' });
  }

  rejections(stateCode: string, importId: string, page: PageQueryDto): Promise<Page<ImportRejectionEntity>> {
    const query = this.db
      .repository(ImportRejectionEntity)
      .createQueryBuilder('r')
      .where('r.state_code = :stateCode AND r.import_id = :importId', { stateCode, importId });
    return keysetPage(query, [{ property: 'line', column: 'r.line' }, { property: 'column', column: 'r."column"' }, { property: 'id', column: 'r.id' }], page);
  }

  async reject(stateCode: string, importId: string, line: number, column: string, code: string, message: string): Promise<void> {
    await this.db.repository(ImportRejectionEntity).insert({ stateCode, importId, line, column, code, message });
  }

  /**
   * Streams the CSV into a temporary staging table with COPY; returns its rows. Memory stays flat. The source
   * (an HTTP request, a file) is piped into the first transform rather than given to pipeline(): when COPY
   * refuses the file part-way, pipeline() destroys what it holds, and a request destroyed before it is read
   * whole takes its connection with it; the caller reads the rest of the file and answers with its report.
   */
  async copyIntoStaging(source: Readable, through: [Transform, ...Transform[]]): Promise<number> {
    const columns = IMPORT_COLUMNS.map((c) => `${c} text`).join(', ');
    await this.db.manager.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
    await this.db.manager.query(`CREATE TEMP TABLE import_staging (line bigserial, ${columns}) ON COMMIT DROP`);
    const client = await this.client();
    await this.db.manager.query('SAVEPOINT import_copy');
    const [head] = through;
    // pipe() passes on neither a failure of the source nor its end before the whole file (the client gone,
    // even before this was called: finished() reports a stream closed already).
    const stopWatching = finished(source, { writable: false }, (error) => {
      if (error) head.destroy(error);
    });
    try {
      const copy = client.query(copyFrom(`COPY import_staging (${IMPORT_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER MATCH, ENCODING 'UTF8')`));
      source.pipe(head);
      await pipeline([...through, copy]);
      await this.db.manager.query('RELEASE SAVEPOINT import_copy');
      return Number(copy.rowCount ?? 0);
    } catch (error) {
      await this.db.manager.query('ROLLBACK TO SAVEPOINT import_copy');
      throw error;
    } finally {
      source.unpipe(head);
      stopWatching();
    }
  }

  /** Whether a row of the file names a custodian (ITI 13). */
  async namesCustodian(): Promise<boolean> {
    const [{ names }]: { names: boolean }[] = await this.db.manager.query(`SELECT EXISTS (SELECT 1 FROM import_staging WHERE ${text('custodian', '')} IS NOT NULL) AS names`);
    return names;
  }

  /**
   * Matches every row to the reference data (the State's additions included) into import_rows, each with
   * the line of the file it begins on: its record's number (the header is record 1), moved down by the line
   * feeds the quoted fields of the records before it hold, which COPY keeps in the values (counted only when
   * `lines` saw some).
   */
  async prepareRows(lines: Pick<RecordLines, 'quotedBreaks'>): Promise<void> {
    let line = 's.line + 1';
    if (lines.quotedBreaks) {
      // Each record that holds line feeds, and how many the records up to it hold in all.
      const text = `concat(${IMPORT_COLUMNS.join(', ')})`;
      await this.db.manager.query(`CREATE TEMP TABLE import_line_shifts ON COMMIT DROP AS
        SELECT after, sum(breaks) OVER (ORDER BY after)::int AS shift
          FROM (SELECT line + 1 AS after, length(${text}) - length(replace(${text}, chr(10), '')) AS breaks FROM import_staging) b
         WHERE breaks > 0`);
      await this.db.manager.query(`CREATE UNIQUE INDEX ON import_line_shifts (after)`);
      line = `s.line + 1 + coalesce((SELECT l.shift FROM import_line_shifts l WHERE l.after < s.line + 1 ORDER BY l.after DESC LIMIT 1), 0)`;
    }
    // As ReferenceMatcher matches: an addition to a shipped entry adds its aliases only (the entry keeps its
    // country); a name both shipped and added is the State's addition's.
    await this.db.manager.query(`CREATE TEMP TABLE import_ref ON COMMIT DROP AS
      SELECT DISTINCT ON (kind, key) kind, key, code, country, category FROM (
        SELECT 'type' AS kind, reference_key(x) AS key, code, NULL::char(3) AS country, category, 0 AS added
          FROM reference_weapon_types, unnest(ARRAY[code, name] || aliases) x
        UNION ALL SELECT 'calibre', reference_key(x), code, NULL, NULL, 0 FROM reference_calibres, unnest(ARRAY[code, name] || aliases) x
        UNION ALL SELECT 'manufacturer', reference_key(x), code, country, NULL, 0
          FROM reference_manufacturers, unnest(ARRAY[code, name] || aliases || former_names) x
        UNION ALL SELECT a.kind, reference_key(x), a.code, coalesce(m.country, a.country), NULL, 1
          FROM reference_additions a
          LEFT JOIN reference_manufacturers m ON a.kind = 'manufacturer' AND m.code = a.code, unnest(reference_addition_names(a)) x
          -- The importing State's own additions, named here as well as by row-level security (which a superuser owner skips).
          WHERE a.state_code = app_current_state()
      ) keys WHERE key <> '' ORDER BY kind, key, added DESC, code DESC`);
    await this.db.manager.query(`CREATE UNIQUE INDEX ON import_ref (kind, key)`);
    const columns = IMPORT_COLUMNS.filter((c) => c !== 'craft_or_3d_printed').map((c) => `${text(c)} AS ${c}`).join(', ');
    // Keys are computed once per distinct value (a file repeats a few makers and calibres many times).
    const lookup = (kind: string, column: string) => `
      ${kind}_map AS (SELECT v.raw, r.code, r.country, r.category
                        FROM (SELECT DISTINCT ${column} AS raw FROM import_staging) v
                        JOIN import_ref r ON r.kind = '${kind}' AND r.key = reference_key(v.raw))`;
    await this.db.manager.query(`CREATE TEMP TABLE import_rows ON COMMIT DROP AS
      WITH ${lookup('type', 'type')}, ${lookup('manufacturer', 'manufacturer')}, ${lookup('calibre', 'calibre')}
      SELECT ${line} AS line, time_ordered_uuid(statement_timestamp(), s.line + 1) AS weapon_id, ${columns},
             serial_normalise(${text('serial')}) AS serial_normalised,
             coalesce(lower(${text('craft_or_3d_printed')}) IN ('true', 'yes', '1'), false) AS craft,
             ${text('craft_or_3d_printed')} AS craft_text,
             t.code AS type_code, t.category, m.code AS manufacturer_code, m.country AS manufacturer_country, c.code AS calibre_code,
             CASE ${text('origin')}
               WHEN 'acquired_by_government' THEN 'government_stock' WHEN 'seized' THEN 'seized' WHEN 'found' THEN 'found'
               ELSE coalesce(${text('status')}, 'civilian_held') END AS status_after
        FROM import_staging s
        LEFT JOIN type_map t ON t.raw = s.type
        LEFT JOIN manufacturer_map m ON m.raw = s.manufacturer
        LEFT JOIN calibre_map c ON c.raw = s.calibre`);
  }

  /** Every check, in SQL over the whole file; each failure is one rejection (line, column, code, message). */
  async validate(context: ImportContext): Promise<number> {
    // Conditions that cast must guard the cast with CASE: SQL does not promise to evaluate AND/OR left to right.
    // Each check: the column it names (SQL: a literal, or an expression over the row), its code, its condition, its message.
    const checks: [string | ColumnSql, string, string, string][] = [
      ['origin', 'ORIGIN_INVALID', `r.origin IS NULL OR r.origin NOT IN (${list(ORIGIN_EVENTS)})`, `'origin must be one of ${ORIGIN_EVENTS.join(', ')}'`],
      ['occurred_on', 'DATE_INVALID', `NOT import_valid_date(r.occurred_on)`, `'occurred_on must be a date, YYYY-MM-DD'`],
      ['occurred_on', 'DATE_TOO_EARLY', `CASE WHEN import_valid_date(r.occurred_on) THEN r.occurred_on::date < '${EARLIEST_YEAR}-01-01'::date ELSE false END`, `'occurred_on must be in ${EARLIEST_YEAR} or later'`],
      ['occurred_on', 'DATE_IN_FUTURE', `CASE WHEN import_valid_date(r.occurred_on) THEN r.occurred_on::date > $3::date ELSE false END`, `'occurred_on cannot be in the future'`],
      ['type', 'REQUIRED', `r.type IS NULL`, `'type is required: an ITI para 4 type (see GET /reference/weapon-types)'`],
      ['type', 'UNKNOWN_WEAPON_TYPE', `r.type IS NOT NULL AND r.type_code IS NULL`, `format('unknown weapon type %L: see GET /reference/weapon-types', r.type)`],
      ['country_of_manufacture', 'STATE_UNKNOWN', `r.country_of_manufacture IS NOT NULL AND upper(r.country_of_manufacture) NOT IN (SELECT code::text FROM states)`, `format('%s is not an ISO 3166 alpha-3 code known to this node', r.country_of_manufacture)`],
      ['counterpart_state', 'STATE_UNKNOWN', `r.counterpart_state IS NOT NULL AND upper(r.counterpart_state) NOT IN (SELECT code::text FROM states)`, `format('%s is not an ISO 3166 alpha-3 code known to this node', r.counterpart_state)`],
      ['counterpart_state', 'COUNTERPART_OWN_STATE', `${IMPORT_ROW} AND upper(r.counterpart_state) = $1`, `format('an import comes from another State than %s, the one importing', $1::text)`],
      ['counterpart_state', 'REQUIRED', `${IMPORT_ROW} AND r.counterpart_state IS NULL`, `'an import names the State of origin (counterpart_state)'`],
      ['licence_ref', 'REQUIRED', `r.origin = 'imported_temporarily' AND r.licence_ref IS NULL`, `'a temporary import names the licence or permit of its lawful purpose (licence_ref)'`],
      ['year_of_manufacture', 'YEAR_INVALID', `CASE WHEN r.year_of_manufacture IS NULL THEN false WHEN r.year_of_manufacture !~ '^[0-9]{4}$' THEN true ELSE r.year_of_manufacture::int NOT BETWEEN ${EARLIEST_MANUFACTURE_YEAR} AND $4 END`, `'year_of_manufacture must be a year from ${EARLIEST_MANUFACTURE_YEAR} to this year'`],
      ['year_of_manufacture', 'YEAR_AFTER_EVENT',
        `CASE WHEN r.year_of_manufacture ~ '^[0-9]{4}$' AND import_valid_date(r.occurred_on) THEN r.year_of_manufacture::int > extract(year FROM r.occurred_on::date) ELSE false END`,
        `format('year_of_manufacture %s is after the first event (%s on %s)', r.year_of_manufacture, r.origin, r.occurred_on)`],
      ['import_marking_year', 'YEAR_INVALID', `CASE WHEN r.import_marking_year IS NULL THEN false WHEN r.import_marking_year !~ '^[0-9]{4}$' THEN true ELSE r.import_marking_year::int NOT BETWEEN ${EARLIEST_MANUFACTURE_YEAR} AND $4 END`, `'import_marking_year must be a year from ${EARLIEST_MANUFACTURE_YEAR} to this year'`],
      ['status', 'STATUS_INVALID', `r.status IS NOT NULL AND r.status NOT IN ('in_service', 'government_stock', 'civilian_held')`, `'status must be in_service, government_stock or civilian_held'`],
      ['status', 'STATUS_INVALID', `r.status IN ('in_service', 'government_stock', 'civilian_held') AND r.status <> r.status_after`,
        `format('a weapon %s is %s when registered: leave status empty, and record what followed as an event', replace(r.origin, '_', ' '), replace(r.status_after, '_', ' '))`],
      ['craft_or_3d_printed', 'BOOLEAN_INVALID', `r.craft_text IS NOT NULL AND lower(r.craft_text) NOT IN ('true', 'false', 'yes', 'no', '1', '0')`, `'craft_or_3d_printed must be true or false'`],
      ['marking_component', 'COMPONENT_INVALID', `(r.marking_component IS NOT NULL AND r.marking_component NOT IN (${list(COMPONENTS)})) OR (r.marking_text IS NOT NULL AND r.marking_component IS NULL)`, `'marking_component must be one of ${COMPONENTS.join(', ')}'`],
      ['serial', 'TOO_LONG', `length(r.serial_normalised) > 64`, `'serial is longer than 64 characters once normalised'`],
      ['serial', 'SERIAL_INVALID', `r.serial IS NOT NULL AND r.serial_normalised !~ '${SERIAL_HAS_CHARACTER}'`, `'serial holds no letter or digit: leave it empty'`],
      ['custodian', 'CUSTODIAN_CLOSED', `r.custodian IS NOT NULL AND custodian_key(r.custodian) IN (SELECT c.name_key FROM closed_custodians c WHERE c.state_code = $1)`,
        `(SELECT format('%s closed on %s: its records are kept by %s (ITI 13)', c.name, c.closed_on, c.records_custodian) FROM closed_custodians c WHERE c.state_code = $1 AND c.name_key = custodian_key(r.custodian))`],
      ...Object.entries(IMPORT_MAX_LENGTHS).map(([column, max]): [string | ColumnSql, string, string, string] => [
        column, 'TOO_LONG', `length(r.${column}) > ${max}`, `'${column} is longer than ${max} characters'`,
      ]),
      ...(Object.keys(BREACHES) as RuleId[])
        .filter((rule) => context.refuse[rule])
        .map((rule): [string | ColumnSql, string, string, string] => [BREACHES[rule].column, RULE_CODES[rule], refusing(rule), `$5::jsonb ->> '${rule}'`]),
    ];
    // One pass over the rows: each row's failed checks as an array; messages only for rows that fail.
    const failed = checks.map(([, , condition], n) => `CASE WHEN ${condition} THEN ${n} END`).join(',\n');
    const pick = (values: string[]) => `CASE c.n ${values.map((value, n) => `WHEN ${n} THEN ${value}`).join(' ')} END`;
    await this.db.manager.query(
      `INSERT INTO weapon_import_rejections (state_code, import_id, line, "column", code, message)
       SELECT $1, $2, r.line, ${pick(checks.map(([column]) => (typeof column === 'string' ? `'${column}'` : column.sql)))}, ${pick(checks.map(([, code]) => `'${code}'`))},
              ${pick(checks.map(([, , , message]) => message))}
         FROM (SELECT r.*, array_remove(ARRAY[${failed}], NULL) AS failed FROM import_rows r) r
        CROSS JOIN LATERAL unnest(r.failed) AS c (n)
        WHERE cardinality(r.failed) > 0`,
      [context.stateCode, context.importId, context.today, context.thisYear, JSON.stringify(ruleMessages())],
    );
    return this.count('SELECT count(DISTINCT line) AS n FROM weapon_import_rejections WHERE import_id = $1', [context.importId]);
  }

  /** Inserts every row: weapons (with the summary of their history), their markings and first events, set-based, keys in file order (time_ordered_uuid). */
  async merge(context: ImportContext): Promise<number> {
    const flagged = (Object.keys(BREACHES) as RuleId[]).flatMap((rule) => {
      const sql = flagging(rule, context.refuse[rule]);
      return sql ? [`CASE WHEN ${sql} THEN '${RULE_CODES[rule]}' END`] : [];
    });
    const incomplete = flagged.length ? `array_remove(ARRAY[${flagged.join(', ')}], NULL)::varchar[]` : `'{}'::varchar[]`;
    await this.db.manager.query(
      `INSERT INTO weapons (id, state_code, category, type_code, manufacturer_code, manufacturer_text, model, calibre_code, calibre_text,
                            serial_as_marked, serial_normalised, country_of_manufacture, year_of_manufacture, status, holder, custodian,
                            craft_or_3d_printed, incomplete, unknown_references, created_by, event_types, retain_until, seized_or_found_on)
       SELECT r.weapon_id, $1, r.category, r.type_code, r.manufacturer_code, r.manufacturer, r.model, r.calibre_code, r.calibre,
              r.serial, r.serial_normalised, upper(coalesce(r.country_of_manufacture, r.manufacturer_country)), r.year_of_manufacture::smallint,
              r.status_after, r.holder, r.custodian, r.craft, ${incomplete},
              array_remove(ARRAY[CASE WHEN r.manufacturer IS NOT NULL AND r.manufacturer_code IS NULL THEN 'manufacturer' END,
                                 CASE WHEN r.calibre IS NOT NULL AND r.calibre_code IS NULL THEN 'calibre' END], NULL)::varchar[],
              $2,
              -- The summary of the one event inserted below (whose trigger is told so).
              ARRAY[r.origin]::varchar[], ${RETAIN_UNTIL}, CASE WHEN r.origin IN ('seized', 'found') THEN r.occurred_on::date END
         FROM import_rows r`,
      [context.stateCode, context.userId, context.retentionYears.manufacture, context.retentionYears.other],
    );
    await this.db.manager.query(
      `INSERT INTO markings (id, state_code, weapon_id, kind, component, text, manufacturer, country, serial, year)
       SELECT time_ordered_uuid(statement_timestamp(), 2 * r.line), $1, r.weapon_id, 'manufacture', r.marking_component, r.marking_text, r.manufacturer,
              upper(coalesce(r.country_of_manufacture, r.manufacturer_country)), r.serial, r.year_of_manufacture::smallint
         FROM import_rows r WHERE r.marking_text IS NOT NULL`,
      [context.stateCode],
    );
    await this.db.manager.query(
      // ITI 8(b): without a manufacture marking, the import marking carries the unique serial.
      `INSERT INTO markings (id, state_code, weapon_id, kind, component, text, country, serial, year)
       SELECT time_ordered_uuid(statement_timestamp(), 2 * r.line + 1), $1, r.weapon_id, 'import', coalesce(r.marking_component, 'receiver'), r.import_marking_text, $1,
              CASE WHEN r.marking_text IS NULL THEN r.serial END, r.import_marking_year::smallint
         FROM import_rows r WHERE r.import_marking_text IS NOT NULL`,
      [context.stateCode],
    );
    // The weapons above carry the summary of the events below already: the summary trigger is told so.
    await this.db.manager.query(`SELECT set_config('app.events_summarised', 'on', true)`);
    await this.db.manager.query(
      `INSERT INTO record_events (id, state_code, weapon_id, type, occurred_on, counterpart_state, licence_ref, status_after, record_class, retain_until, recorded_by)
       SELECT time_ordered_uuid(statement_timestamp(), r.line), $1, r.weapon_id, r.origin, r.occurred_on::date, upper(r.counterpart_state), r.licence_ref, r.status_after,
              CASE r.origin WHEN 'manufactured' THEN 'manufacture' ELSE 'other' END,
              ${RETAIN_UNTIL},
              $2
         FROM import_rows r`,
      [context.stateCode, context.userId, context.retentionYears.manufacture, context.retentionYears.other],
    );
    await this.db.manager.query(`SELECT set_config('app.events_summarised', 'off', true)`);
    // The serials still in the trigram index's pending list go into the index itself: a search scans the whole list.
    await this.db.manager.query(`SELECT weapon_serials_merge_pending()`);
    return this.count('SELECT count(*) AS n FROM import_rows', []);
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const rows: { n: string }[] = await this.db.manager.query(sql, params);
    return Number(rows[0].n);
  }

  private async client(): Promise<PoolClient> {
    const runner = this.db.manager.queryRunner;
    if (!runner) throw new Error('The import must run inside a transaction');
    return (await runner.connect()) as PoolClient;
  }
}

function ruleMessages(): Record<string, string> {
  return Object.fromEntries(MARKING_RULES.map((rule) => [rule.id, rule.message]));
}
