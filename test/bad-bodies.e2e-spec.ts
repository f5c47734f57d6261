import { randomUUID } from 'node:crypto';
import { bearer, createTestApp, createUser, login, TestApp, Tokens } from './support/test-app';

interface Operation {
  method: 'post' | 'patch' | 'put';
  path: string;
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
    admin = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['admin'], mfaExempt: true }));
    const document = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method, operation]) => ['post', 'patch', 'put'].includes(method) && operation.requestBody)
        .map(([method]) => ({ method: method as Operation['method'], path })),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('covers the routes with bodies', () => {
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['post /api/v1/auth/login', 'post /api/v1/users', 'patch /api/v1/users/{id}', 'post /api/v1/states/{code}/contact-points']),
    );
  });

  it('answers each malformed body with 400 and the fields at fault', async () => {
    for (const operation of operations) {
      const url = operation.path.replace('{code}', 'FRA').replace('{id}', randomUUID());
      for (const body of BAD_BODIES) {
        const response = await t.http[operation.method](url).set(bearer(admin)).set('content-type', 'application/json').send(JSON.stringify(body));
        const label = `${operation.method.toUpperCase()} ${url} ${JSON.stringify(body)}`;
        // A JSON null is "no body": on a PATCH whose fields are all optional it changes nothing (here: 404, unknown id).
        const expected = body === null && operation.method === 'patch' ? 404 : 400;
        expect({ label, status: response.status }).toEqual({ label, status: expected });
        expect(response.body).toMatchObject({ statusCode: response.status, code: expect.any(String), requestId: expect.any(String) });
        if (response.status === 400) {
          expect(response.body.details).toEqual(expect.arrayContaining([{ field: expect.any(String), messages: expect.any(Array) }]));
        }
      }
    }
  });
});
