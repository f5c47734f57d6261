import fc from 'fast-check';
import { bearer, bytes, createTestApp, createUser, login, ownerQuery, TestApp, Tokens } from './support/test-app';
import { traceRequestBody } from './support/traces';
import { IMPORT_COLUMNS } from '../src/registry/imports/import-format';
import { manufacturedWeapon, uniqueSerial } from './support/weapons';

/**
 * Well-formed requests whose free text is anything at all: any code point (lone surrogates, NUL, controls,
 * characters that NFKC turns into many), and lengths around each field's limit. Whatever the text, the
 * answer is 2xx or a 4xx naming a field, never a 500; text that is accepted comes back as it was stored,
 * and a trace's request form is drawn with it. CSV imports get such text in their fields and random edits
 * of their bytes: each lands whole or not at all, with a report of why.
 */
describe('free text of any kind in well-formed requests', () => {
  let t: TestApp;
  let registrar: Tokens;
  let officer: Tokens;

  beforeAll(async () => {
    t = await createTestApp();
    registrar = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['registrar'], mfaExempt: true }));
    officer = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['officer'], mfaExempt: true }));
    await ownerQuery(t, `INSERT INTO contact_points (state_code, name, agency, email) VALUES ('BEL', 'NPC', 'Agency', 'npc@example.org')`, [], 'BEL');
  });

  afterAll(async () => {
    await t.close();
  });

  /**
   * Any code points, short or around the limits of the fields (120, 200, 500, 4000). fast-check's code points
   * leave out half surrogate pairs: lone ones are mixed in, as JSON's "\ud800" gives them.
   */
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', '\u0000'), loneSurrogate), minLength: 1, maxLength: 10 }),
    fc.constantFrom(119, 120, 121, 199, 200, 201, 499, 500, 501, 3999, 4000, 4001).chain((length) =>
      fc.constantFrom('x', 'é', '\ufdfa', '😀', '\u0301').map((unit) => unit.repeat(length)),
    ),
  );

  const judge = (label: string, response: { status: number; body: { details?: { field: string }[] } }) => {
    expect({ label, status: response.status < 500 }).toEqual({ label, status: true });
    if (response.status === 400) expect({ label, named: (response.body.details ?? []).length > 0 }).toEqual({ label, named: true });
  };

  it('registers weapons with any model, holder, serial and marking text', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(text, text, text, text, async (model, holder, serial, marking) => {
        // Mostly a serial unique to the run; now and then only what was drawn (blank, invisible, a separator...).
        const body = manufacturedWeapon({ model, holder, serial: serial.length % 5 === 0 ? serial : `${uniqueSerial('FZ')}${serial}`, markings: [{ kind: 'manufacture', component: 'receiver', text: marking, manufacturer: 'FN Herstal', country: 'BEL', serial: 'X', year: 2019 }] });
        const response = await t.http.post('/api/v1/weapons').set(bearer(registrar)).send(body);
        judge(`POST /weapons ${JSON.stringify(body).slice(0, 200)}`, response);
        if (response.status === 201) {
          accepted++;
          const stored = (await t.http.get(`/api/v1/weapons/${response.body.id}`).set(bearer(registrar)).expect(200)).body;
          // As sent, trimmed (the only change the API makes to free text).
          expect(stored.holder ?? '').toBe(holder.trim());
          expect(stored.model).toBe(model.trim());
          expect(stored.markings[0].text).toBe(marking.trim());
        }
      }),
      { numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('searches the registry with any serial, make, model and calibre', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(text, text, text, text, async (serial, manufacturer, model, calibre) => {
        const body = { serial, manufacturer, model, calibre };
        const response = await t.http.post('/api/v1/weapons/search').set(bearer(registrar)).send(body);
        judge(`POST /weapons/search ${JSON.stringify(body).slice(0, 200)}`, response);
        if (response.status === 200) answered++;
      }),
      { numRuns: 60 },
    );
    expect(answered).toBeGreaterThan(0);
  });

  it('drafts traces with any justification, place, make and marking text', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(text, text, text, text, async (legalJustification, place, make, marking) => {
        const body = traceRequestBody({
          legalJustification,
          recovery: { date: '2026-10-02', place, context: 'Found in a vehicle' },
          weapon: { type: 'pistol', make, serial: uniqueSerial('TZ'), markings: [{ component: 'frame', text: marking }] },
        });
        const response = await t.http.post('/api/v1/traces').set(bearer(officer)).send(body);
        judge(`POST /traces ${JSON.stringify(body).slice(0, 200)}`, response);
        if (response.status === 201) {
          accepted++;
          const stored = (await t.http.get(`/api/v1/traces/${response.body.id}`).set(bearer(officer)).expect(200)).body;
          expect(stored.legalJustification).toBe(legalJustification.trim());
          expect(stored.recovery.place).toBe(place.trim());
          expect(stored.weapon.markings.map((m: { text: string }) => m.text)).toEqual([marking.trim()]);
          // The request form lays out whatever was accepted (long unbroken runs, marks without a base, emoji the font lacks).
          const form = await bytes(t.http.get(`/api/v1/traces/${response.body.id}/request.pdf`).set(bearer(officer)));
          expect({ form: form.status, start: (form.body as Buffer).subarray(0, 5).toString() }).toEqual({ form: 200, start: '%PDF-' });
        }
      }),
      { numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('imports CSV files with any field text, mangled at random: a landing or a report, never a 500, all or nothing', async () => {
    const field = (value: string) => `"${value.replaceAll('"', '""')}"`;
    const csvRow = (serial: string, model: string, holder: string) =>
      IMPORT_COLUMNS.map((column) => ({
        origin: 'manufactured', occurred_on: '2021-04-01', type: 'pistol', manufacturer: 'Glock', model: field(model), calibre: '9mm Luger', serial,
        country_of_manufacture: 'AUT', year_of_manufacture: '2021', holder: field(holder), marking_text: `GLOCK AUSTRIA ${serial}`, marking_component: 'slide',
      } as Record<string, string>)[column] ?? '').join(',');
    /** An edit of the file's bytes: a few bytes inserted, a run deleted or a run repeated, at a fraction of its length. */
    const mangle = fc.record({ kind: fc.constantFrom('insert', 'delete', 'repeat'), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 12 }),
      bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 6 }), fc.constantFrom(...['"', ',', '\n', '\r', '\r\n', '\u0000', '\ufeff', '""', ',,,'].map((x) => Buffer.from(x)))) });
    const weapons = async () => Number((await ownerQuery<{ n: string }>(t, 'SELECT count(*) AS n FROM weapons', [], 'FRA'))[0].n);
    const outcomes = { completed: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(text, text, fc.array(mangle, { maxLength: 3 }), async (model, holder, edits) => {
        let file = Buffer.from(`${IMPORT_COLUMNS.join(',')}\n${[1, 2, 3].map(() => csvRow(uniqueSerial('IM'), model, holder)).join('\n')}\n`);
        for (const edit of edits) {
          const at = Math.floor(edit.at * file.length);
          const parts = edit.kind === 'insert' ? [file.subarray(0, at), Buffer.from(edit.bytes), file.subarray(at)]
            : edit.kind === 'delete' ? [file.subarray(0, at), file.subarray(at + edit.length)]
            : [file.subarray(0, at + edit.length), file.subarray(at)];
          file = Buffer.concat(parts);
        }
        const before = await weapons();
        const response = await t.http.post('/api/v1/weapons/imports').set(bearer(registrar)).set('content-type', 'text/csv').send(file);
        const label = `import of ${JSON.stringify(file.toString('latin1').slice(0, 300))}`;
        expect({ label, status: response.status }).toEqual({ label, status: 201 });
        const report = response.body as { status: string; totalRows: number; acceptedRows: number; rejections: { items: { line: number; code: string }[] } };
        expect({ label, status: ['completed', 'rejected'].includes(report.status) }).toEqual({ label, status: true });
        outcomes[report.status as 'completed' | 'rejected']++;
        const landed = (await weapons()) - before;
        if (report.status === 'completed') {
          expect({ label, landed, accepted: report.acceptedRows }).toEqual({ label, landed: report.totalRows, accepted: report.totalRows });
        } else {
          // Nothing lands, and the report says where and why.
          expect({ label, landed }).toEqual({ label, landed: 0 });
          expect(report.rejections.items.length).toBeGreaterThan(0);
          for (const rejection of report.rejections.items) expect({ label, line: rejection.line >= 1, code: /^[A-Z0-9_]+$/.test(rejection.code) }).toEqual({ label, line: true, code: true });
        }
      }),
      { numRuns: 60 },
    );
    // Both outcomes were drawn: the property was not checked on one kind of file only.
    expect(outcomes.completed).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
