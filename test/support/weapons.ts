import { IMPORT_COLUMNS } from '../../src/registry/imports/import-format';
import { bearer, ownerQuery, TestApp, Tokens } from './test-app';

let counter = 0;

/** A serial unique to this test run. */
export function uniqueSerial(prefix = 'SN'): string {
  counter += 1;
  return `${prefix}${process.pid.toString(36).toUpperCase()}${counter.toString().padStart(5, '0')}`;
}

/** The header of a registry import file (docs/import-format.md). */
export const IMPORT_HEADER = IMPORT_COLUMNS.join(',');

/** One line of an import file; columns left out are empty. */
export function importRow(values: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>): string {
  return IMPORT_COLUMNS.map((column) => values[column] ?? '').join(',');
}

/** A complete, ITI-compliant manufactured weapon body; override what the test is about. */
export function manufacturedWeapon(overrides: Record<string, unknown> = {}) {
  const serial = (overrides.serial as string | undefined) ?? uniqueSerial();
  return {
    origin: 'manufactured',
    occurredOn: '2019-05-02',
    type: 'assault rifle',
    manufacturer: 'FN',
    model: 'FNC',
    calibre: '5.56 NATO',
    serial,
    countryOfManufacture: 'BEL',
    yearOfManufacture: 2019,
    markings: [{ kind: 'manufacture', component: 'receiver', text: `FN HERSTAL BELGIUM ${serial}`, manufacturer: 'FN Herstal', country: 'BEL', serial, year: 2019 }],
    ...overrides,
  };
}

/** Registers a weapon through the API and returns its body. */
export async function registerWeapon(t: TestApp, tokens: Tokens, overrides: Record<string, unknown> = {}) {
  const response = await t.http.post('/api/v1/weapons').set(bearer(tokens)).send(manufacturedWeapon(overrides));
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; serial: string; status: string; [key: string]: unknown };
}

/**
 * Weapons of `stateCode` whose history summary (event_types, retain_until, seized_or_found_on, kept by a
 * trigger and set by imports) differs from what their events say, corrections applied: none, when the
 * summary is in step.
 */
export async function weaponsWithStaleSummary(t: TestApp, stateCode: string): Promise<{ id: string; total: string }[]> {
  return ownerQuery(
    t,
    `WITH last_correction AS (
       SELECT DISTINCT ON (corrects_event_id) corrects_event_id, occurred_on, annuls FROM record_events
        WHERE type = 'corrected' AND (restates OR annuls) ORDER BY corrects_event_id, date_trunc('milliseconds', recorded_at) DESC, id DESC),
     standing AS (
       -- every event, on the date of its last correction, and whether that correction annuls it
       SELECT e.weapon_id, e.id, e.recorded_at, e.type, e.retain_until, coalesce(c.occurred_on, e.occurred_on) AS occurred_on, coalesce(c.annuls, false) AS annulled
         FROM record_events e LEFT JOIN last_correction c ON c.corrects_event_id = e.id)
     SELECT w.id, count(*) OVER () AS total FROM weapons w
       LEFT JOIN (SELECT weapon_id, max(retain_until) AS retain_until,
                         ARRAY(SELECT DISTINCT t FROM unnest(array_agg(type) FILTER (WHERE NOT annulled)) t ORDER BY t)::varchar[] AS types,
                         -- the seizure or finding written last: the one that put the weapon in its status
                         (array_agg(occurred_on ORDER BY date_trunc('milliseconds', recorded_at) DESC, id DESC)
                            FILTER (WHERE NOT annulled AND type IN ('seized', 'found')))[1] AS seized_or_found_on
                    FROM standing GROUP BY weapon_id) h ON h.weapon_id = w.id
      WHERE w.state_code = $1
        AND (w.event_types IS DISTINCT FROM coalesce(h.types, '{}') OR w.retain_until IS DISTINCT FROM h.retain_until OR w.seized_or_found_on IS DISTINCT FROM h.seized_or_found_on)`,
    [stateCode],
    stateCode,
  );
}
