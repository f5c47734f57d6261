import { randomUUID } from 'node:crypto';
import { manufacturedWeapon } from './support/weapons';
import { bearer, createTestApp, createUser, login, TestApp, Tokens } from './support/test-app';

interface Operation {
  method: 'post' | 'patch' | 'put';
  path: string;
  /** Every field optional: a JSON null (no body) is then a valid, empty request. */
  allOptional: boolean;
}

const BAD_BODIES: unknown[] = [[], 'text', null, 42, true, { unexpected: 1 }, { username: 7, password: {}, name: [], email: 3, roles: 'admin', code: 123456 }];

/**
 * Every route that takes a body, read from the OpenAPI document so a new route is covered without
 * touching this file: malformed bodies get a 4xx with the error shape, never a 500.
 */
describe('bad bodies on every route', () => {
  let t: TestApp;
  let admin: Tokens;
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestApp();
    // Every role, so that the guard lets each request reach validation.
    admin = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['admin', 'registrar', 'officer', 'npc', 'auditor'], mfaExempt: true }));
    type Body = { content: { 'application/json'?: { schema: { $ref: string } } } };
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: Body }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        // JSON bodies; the CSV import has its own tests of bad files (test/imports.e2e-spec.ts).
        .filter(([method, operation]) => ['post', 'patch', 'put'].includes(method) && operation.requestBody?.content['application/json'])
        .map(([method, operation]) => {
          const schema = operation.requestBody!.content['application/json']!.schema.$ref.split('/').pop()!;
          return { method: method as Operation['method'], path, allOptional: !document.components.schemas[schema].required?.length };
        }),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('covers the routes with bodies', () => {
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'post /api/v1/auth/login', 'post /api/v1/users', 'patch /api/v1/users/{id}', 'post /api/v1/states/{code}/contact-points',
        'post /api/v1/traces', 'patch /api/v1/traces/{id}', 'post /api/v1/traces/{id}/answer', 'post /api/v1/traces/{id}/close',
      ]),
    );
  });

  it('answers each malformed body with 400 and the fields at fault', async () => {
    for (const operation of operations) {
      const url = operation.path.replace('{code}', 'FRA').replace('{id}', randomUUID());
      for (const body of BAD_BODIES) {
        // If-Match for the routes that take a version (traces): the body is judged before the version.
        const response = await t.http[operation.method](url).set(bearer(admin)).set('If-Match', '"1"').set('content-type', 'application/json').send(JSON.stringify(body));
        const label = `${operation.method.toUpperCase()} ${url} ${JSON.stringify(body)}`;
        if (body === null && operation.allOptional) {
          // A JSON null is "no body": valid where every field is optional (a PATCH changing nothing), or refused
          // naming what is lacking (a search needs a serial or a filter).
          if (operation.path.endsWith('/weapons/search')) expect({ label, status: response.status, field: response.body.details?.[0]?.field }).toEqual({ label, status: 400, field: 'serial' });
          else expect({ label, ok: [200, 201, 404].includes(response.status) }).toEqual({ label, ok: true });
          continue;
        }
        expect({ label, status: response.status }).toEqual({ label, status: 400 });
        expect(response.body).toMatchObject({ statusCode: response.status, code: expect.any(String), requestId: expect.any(String) });
        if (response.status === 400) {
          expect(response.body.details).toEqual(expect.arrayContaining([{ field: expect.any(String), messages: expect.any(Array) }]));
        }
      }
    }
  });

  it('refuses JSON nested deeper than any request needs with 400, however deep', async () => {
    for (const depth of [40, 5_000, 200_000]) {
      const body = `{"serial":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const response = await t.http.post('/api/v1/weapons/search').set(bearer(admin)).set('content-type', 'application/json').send(body);
      expect({ depth, status: response.status }).toEqual({ depth, status: 400 });
      expect(response.body.details[0].messages[0]).toContain('nested more than 32 levels deep');
      // With an Idempotency-Key, whose fingerprint of the body is taken before the pipes run.
      const keyed = await t.http.post('/api/v1/traces').set(bearer(admin)).set('idempotency-key', `deep-${depth}`).set('content-type', 'application/json').send(body);
      expect({ depth, status: keyed.status }).toEqual({ depth, status: 400 });
      expect(keyed.body.details[0].messages[0]).toContain('nested more than 32 levels deep');
    }
  });

  it('refuses a number too large for JSON (1e999) with 400 naming the field, with or without an Idempotency-Key', async () => {
    const body = '{"priority": 1e999, "channel": "npc"}';
    const plain = await t.http.post('/api/v1/traces').set(bearer(admin)).set('content-type', 'application/json').send(body).expect(400);
    expect(plain.body.details).toEqual(expect.arrayContaining([{ field: 'priority', messages: [expect.any(String)] }]));
    const keyed = await t.http.post('/api/v1/traces').set(bearer(admin)).set('idempotency-key', 'infinite-1').set('content-type', 'application/json').send(body).expect(400);
    expect(keyed.body.details).toEqual([{ field: 'priority', messages: ['priority must be a finite number'] }]);
  });

  it('refuses a field named as what every JavaScript object has (toString, constructor...) with 400 naming it, in a body or a query string', async () => {
    // Without this, the validation's copy of the input dropped such a field without a word.
    const weapon = await t.http.post('/api/v1/weapons').set(bearer(admin)).send({ ...manufacturedWeapon(), toString: 'x' }).expect(400);
    expect(weapon.body.details).toEqual([{ field: 'toString', messages: ['property toString should not exist'] }]);
    const marking = await t.http.post('/api/v1/weapons').set(bearer(admin)).send(manufacturedWeapon({ markings: [{ kind: 'other', component: 'frame', text: 'X', hasOwnProperty: 1 }] })).expect(400);
    expect(marking.body.details).toEqual([{ field: 'markings[0].hasOwnProperty', messages: ['property markings[0].hasOwnProperty should not exist'] }]);
    const list = await t.http.get('/api/v1/weapons').query({ constructor: 'x' }).set(bearer(admin)).expect(400);
    expect(list.body.details).toEqual([{ field: 'constructor', messages: ['property constructor should not exist'] }]);
  });

  it('counts text lengths as the database does: a variation selector is a character of its own (400, not an overflow)', async () => {
    // 101 × (A + U+FE0F): 101 characters to class-validator's MaxLength, 202 to PostgreSQL's varchar(200).
    const manufacturer = 'A\ufe0f'.repeat(101);
    const refused = await t.http.post('/api/v1/weapons').set(bearer(admin)).send(manufacturedWeapon({ manufacturer })).expect(400);
    expect(refused.body.details).toEqual([{ field: 'manufacturer', messages: ['manufacturer must be shorter than or equal to 200 characters'] }]);
    // Astral characters count one each, as in the database: 200 of them fit.
    await t.http.post('/api/v1/weapons').set(bearer(admin)).send(manufacturedWeapon({ manufacturer: '𠀋'.repeat(200) })).expect(201);
  });

  it('refuses objects with more fields and lists with more items than any request holds, before validating them, and names 50 fields at most', async () => {
    // 100,000 fields in 1 MB, sent without a token: the validation's copy of such an object is quadratic.
    const wide = `{${Array.from({ length: 100_000 }, (_, n) => `"${n.toString(36)}":0`).join(',')}}`;
    const login = await t.http.post('/api/v1/auth/login').set('content-type', 'application/json').send(wide).expect(400);
    expect(login.body.details).toEqual([{ field: 'body', messages: ['the value has more than 200 fields'] }]);
    const long = { weapon: { markings: Array.from({ length: 5000 }, () => ({})) } };
    const trace = await t.http.post('/api/v1/traces').set(bearer(admin)).send(long).expect(400);
    expect(trace.body.details).toEqual([{ field: 'weapon.markings', messages: ['weapon.markings holds more than 1000 items'] }]);
    // Within those limits, a body with many faults names the first 50 and counts the rest.
    const faulty = await t.http.post('/api/v1/traces').set(bearer(admin)).send({ weapon: { markings: Array.from({ length: 900 }, () => ({})) } }).expect(400);
    expect(faulty.body.details).toHaveLength(50);
    expect(faulty.body.message).toMatch(/ and \d+ more$/);
  });
});
