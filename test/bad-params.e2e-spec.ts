import { randomUUID } from 'node:crypto';
import { bearer, createTestApp, createUser, login, TestApp, Tokens } from './support/test-app';

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: { type?: string; enum?: unknown[]; format?: string; pattern?: string };
}

/** A parameter any text is a value of (a search term, an audit action): no type beyond a string, no list, no format. */
const freeText = (parameter: Parameter) => {
  const schema = parameter.schema ?? {};
  return parameter.in === 'query' && (schema.type ?? 'string') === 'string' && !schema.enum && !schema.format && !schema.pattern;
};

interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  parameters: Parameter[];
}

/** Values no parameter of this API takes, already encoded for a URL: malformed ids, numbers and text, and bytes that are not UTF-8. */
const BAD_URL_VALUES = [
  'not-a-uuid', '-1', '0', '1e999', 'NaN', '%00', '%ED%A0%80', '%FF%FE', '%E2%80%AE', '%F0%9F%92%A3', "1'%20OR%20'1'%3D'1", '..%2F..%2Fetc',
  'x'.repeat(5000),
];
const BAD_HEADER_VALUES = ['garbage', '"999999999999999999999"', '"-1"', 'W/"1"', '*', '"1", "2"', 'x'.repeat(1000), 'é'];

/**
 * Every route's path, query and header parameters, read from the OpenAPI document so a new route is
 * covered without touching this file: each given malformed values one at a time, the others valid. The
 * answer is a 4xx with the error shape, or a 2xx only where any text is a valid value (a search term); never a 500.
 */
describe('bad parameters on every route', () => {
  let t: TestApp;
  let tokens: Tokens;
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestApp();
    // Every role, so that the guard lets each request reach validation.
    tokens = await login(t, await createUser(t, { stateCode: 'FRA', roles: ['admin', 'registrar', 'officer', 'npc', 'auditor'], mfaExempt: true }));
    const document = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method as Operation['method'], path, parameters: operation.parameters ?? [] })),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  /** The operation's URL with valid path parameters, but `bad` in place of one of them. */
  const urlOf = (operation: Operation, bad?: { name: string; value: string }) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (bad?.name === name ? bad.value : name === 'code' ? 'FRA' : randomUUID()));

  const send = (operation: Operation, url: string, headers: Record<string, string> = {}) => {
    let request = t.http[operation.method](url).set(bearer(tokens)).set('If-Match', '"1"');
    for (const [name, value] of Object.entries(headers)) request = request.set(name, value);
    // Routes with a JSON body get an empty object: a wrong parameter is judged with the body, or before it.
    return ['post', 'patch', 'put'].includes(operation.method) ? request.set('content-type', 'application/json').send('{}') : request;
  };

  /** Every request answered with a 5xx, or with a 4xx not in the error shape: the test lists them all at once. */
  let wrong: string[] = [];
  /** `accepted`: a 2xx is a right answer too (the value is one the parameter takes). */
  const expectNo500 = (label: string, response: { status: number; body: { statusCode?: unknown; code?: unknown; requestId?: unknown } }, accepted = false) => {
    if (response.status >= 500) wrong.push(`${label} → ${response.status}`);
    else if (response.status < 400 && !accepted) wrong.push(`${label} → ${response.status}, not refused`);
    else if (response.status >= 400 && (response.body.statusCode !== response.status || typeof response.body.code !== 'string' || typeof response.body.requestId !== 'string')) {
      wrong.push(`${label} → ${response.status} without the error shape`);
    }
  };
  beforeEach(() => {
    wrong = [];
  });
  afterEach(() => {
    expect(wrong).toEqual([]);
  });

  it('reads the parameters of the routes', () => {
    const named = operations.flatMap((o) => o.parameters.map((p) => `${p.in}:${p.name}`));
    expect(named).toEqual(expect.arrayContaining(['path:id', 'path:code', 'query:limit', 'query:cursor', 'header:If-Match', 'header:Idempotency-Key']));
  });

  it('answers malformed path and query parameters with a 4xx, never a 500', async () => {
    // Not the routes that end the caller's own session.
    for (const operation of operations.filter((o) => !o.path.endsWith('/auth/logout'))) {
      for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
        for (const value of BAD_URL_VALUES) {
          const url = urlOf(operation, { name: parameter.name, value });
          expectNo500(`${operation.method.toUpperCase()} ${url.slice(0, 120)}`, await send(operation, url));
        }
      }
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        for (const value of [...BAD_URL_VALUES, '', `1&${parameter.name}=2`]) {
          const url = `${urlOf(operation)}?${parameter.name}=${value}`;
          expectNo500(`${operation.method.toUpperCase()} ${url.slice(0, 120)}`, await send(operation, url), freeText(parameter));
        }
      }
    }
  });

  it('answers the router\'s own refusals in the error shape, with the request id and without echoing the path', async () => {
    const undecodable = await t.http.get('/api/v1/traces/%FF%FE').set(bearer(tokens)).expect(400);
    expect(undecodable.body).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: expect.stringContaining('does not decode'), requestId: undecodable.headers['x-request-id'] });
    const long = await t.http.get(`/api/v1/users/${'a'.repeat(150)}`).set(bearer(tokens)).expect(414);
    expect(long.body).toEqual({ statusCode: 414, code: 'URI_TOO_LONG', message: 'A part of the path is too long', requestId: long.headers['x-request-id'] });
  });

  it('refuses a NUL in a query string with 400 naming the parameter, before any query runs', async () => {
    const response = await t.http.get('/api/v1/audit/events?targetType=traces&action=%00').set(bearer(tokens)).expect(400);
    expect(response.body.details).toEqual([{ field: 'action', messages: ['action must not contain NUL (U+0000) characters'] }]);
    const notUtf8 = await t.http.get('/api/v1/audit/events?targetId=%ED%A0%80').set(bearer(tokens)).expect(200);
    expect(notUtf8.body.items).toEqual([]); // read as U+FFFD: a value like any other
  });

  it('answers malformed If-Match and Idempotency-Key headers with a 4xx, never a 500', async () => {
    for (const operation of operations) {
      for (const parameter of operation.parameters.filter((p) => p.in === 'header')) {
        for (const value of BAD_HEADER_VALUES) {
          expectNo500(`${operation.method.toUpperCase()} ${operation.path} ${parameter.name}: ${value.slice(0, 40)}`, await send(operation, urlOf(operation), { [parameter.name]: value }));
        }
      }
    }
  });
});
