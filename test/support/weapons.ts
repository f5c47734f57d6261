import { bearer, ownerQuery, TestApp, Tokens } from './test-app';

let counter = 0;

/** A serial unique to this test run. */
export function uniqueSerial(prefix = 'SN'): string {
  counter += 1;
  return `${prefix}${process.pid.toString(36).toUpperCase()}${counter.toString().padStart(5, '0')}`;
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
    `SELECT w.id, count(*) OVER () AS total FROM weapons w
      CROSS JOIN LATERAL (SELECT ARRAY(SELECT DISTINCT e.type FROM record_events e WHERE e.weapon_id = w.id ORDER BY 1)::varchar[] AS types,
                                 (SELECT max(e.retain_until) FROM record_events e WHERE e.weapon_id = w.id) AS retain_until,
                                 -- each seizure or finding on the date of its last correction, if it has one
                                 (SELECT min(coalesce((SELECT c.occurred_on FROM record_events c WHERE c.type = 'corrected' AND c.corrects_event_id = e.id
                                                        ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1), e.occurred_on))
                                    FROM record_events e WHERE e.weapon_id = w.id AND e.type IN ('seized', 'found')) AS seized_or_found_on) h
      WHERE w.state_code = $1
        AND (w.event_types IS DISTINCT FROM h.types OR w.retain_until IS DISTINCT FROM h.retain_until OR w.seized_or_found_on IS DISTINCT FROM h.seized_or_found_on)`,
    [stateCode],
    stateCode,
  );
}
