import { AddressInfo, connect } from 'node:net';
import { bearer, createTestApp, createUser, login, ownerQuery, TestApp } from './support/test-app';

const asOwner = (t: TestApp, sql: string) => ownerQuery(t, sql);

describe('HTTP edge: errors, logs, headers, health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await t.http.post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username": ').expect(400);
    expect(response.body).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', requestId: expect.any(String) });
  });

  it('answers a CSV or image body sent to a route that takes JSON with 415, with or without an Idempotency-Key', async () => {
    const officer = await login(t, await createUser(t, { roles: ['officer'] }));
    const unsupported = { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('send application/json'), requestId: expect.any(String) };
    expect((await t.http.post('/api/v1/auth/login').set('content-type', 'text/csv').send('username,password\na,b').expect(415)).body).toEqual(unsupported);
    expect((await t.http.post('/api/v1/traces').set(bearer(officer)).set('idempotency-key', 'csv-body-1').set('content-type', 'text/csv').send('a,b\n1,2').expect(415)).body)
      .toEqual(unsupported);
    expect((await t.http.post('/api/v1/traces').set(bearer(officer)).set('idempotency-key', 'png-body-1').set('content-type', 'image/png').send(Buffer.from('89504e47', 'hex')).expect(415)).body)
      .toEqual(unsupported);
    expect((await t.http.post('/api/v1/weapons/search').set(bearer(officer)).set('content-type', 'application/csv').send('serial\nAB12').expect(415)).body).toEqual(unsupported);
    // A request without a body is not judged by a stray Content-Type.
    await t.http.get('/api/v1/notifications').set(bearer(officer)).set('content-type', 'text/csv').expect(200);
    // A route that does not exist is still a 404, whatever the body.
    expect((await t.http.post('/api/v1/nowhere').set('content-type', 'text/csv').send('a,b').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await t.http.post('/api/v1/weapons/imports/').set(bearer(officer)).set('content-type', 'image/png').send(Buffer.from('89504e47', 'hex'))).status).not.toBe(500);
    // The service is still up and answers JSON as before.
    await t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'not-the-password' }).expect(401);
  });

  it('answers headers too large for the server with 431 in the error shape, and closes the connection', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET /health/live HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(32 * 1024)}\r\n\r\n`));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large', requestId: expect.any(String) });
  });

  it('answers an unknown route with the error shape', async () => {
    const response = await t.http.get('/api/v1/nowhere').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', requestId: expect.any(String) });
  });

  it('keeps a sane caller request id and echoes it', async () => {
    const response = await t.http.get('/health/live').set('x-request-id', 'trace-1234-abcd').expect(200);
    expect(response.headers['x-request-id']).toBe('trace-1234-abcd');
    const replaced = await t.http.get('/health/live').set('x-request-id', 'bad id with spaces').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('tells browsers and proxies to keep no copy of any answer', async () => {
    expect((await t.http.get('/health/live').expect(200)).headers['cache-control']).toBe('no-store');
    expect((await t.http.get('/api/v1/nowhere').expect(404)).headers['cache-control']).toBe('no-store');
  });

  it('answers an unexpected failure with a bare 500: no stack, no SQL; the details go to the log only', async () => {
    const user = await createUser(t, { roles: ['admin'], mfaExempt: true });
    const tokens = await login(t, user);
    await asOwner(t, 'ALTER TABLE contact_points RENAME TO contact_points_moved');
    try {
      const response = await t.http.get('/api/v1/states/FRA/contact-points').set(bearer(tokens)).expect(500);
      expect(response.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: expect.any(String) });
      expect(JSON.stringify(response.body)).not.toMatch(/contact_points|relation|at .*\.ts/);
      const logged = t.logs.lines.filter((line) => line.includes(response.body.requestId) && line.includes('Unhandled error'));
      expect(logged.join('')).toMatch(/contact_points/);
    } finally {
      await asOwner(t, 'ALTER TABLE contact_points_moved RENAME TO contact_points');
    }
  });

  it('never logs passwords, tokens or the Authorization header', async () => {
    const user = await createUser(t, { password: 'canary-password-5f1c2e' });
    const tokens = await login(t, user);
    await t.http.get('/api/v1/auth/me').set(bearer(tokens)).expect(200);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200);
    const text = t.logs.text;
    expect(text).toContain('/api/v1/auth/me'); // the requests were logged...
    expect(text).toContain('[redacted]'); // ...with the Authorization header replaced
    expect(text).not.toContain('canary-password-5f1c2e');
    expect(text).not.toContain(tokens.accessToken);
    expect(text).not.toContain(tokens.refreshToken);
  });

  it('sends helmet headers and keeps CORS closed by default', async () => {
    const response = await t.http.get('/health/live').set('origin', 'https://evil.example').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http.options('/api/v1/auth/login').set('origin', 'https://evil.example').set('access-control-request-method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/states/{code}/contact-points']));
    await t.http.get('/api/docs').expect(200);
  });

  it('is live, and ready only while every migration is applied', async () => {
    await t.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' } });
    await asOwner(t, `CREATE TABLE migrations_backup AS SELECT * FROM migrations; DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations)`);
    try {
      const notReady = await t.http.get('/health/ready').expect(503);
      expect(notReady.body.details.migrations.status).toBe('down');
    } finally {
      await asOwner(t, `DELETE FROM migrations; INSERT INTO migrations SELECT * FROM migrations_backup; DROP TABLE migrations_backup`);
    }
    await t.http.get('/health/ready').expect(200);
  });
});

describe('CORS when origins are configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://console.example.org' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('allows the configured origin only', async () => {
    const allowed = await t.http.get('/health/live').set('origin', 'https://console.example.org').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example.org');
    const other = await t.http.get('/health/live').set('origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
