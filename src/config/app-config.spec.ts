import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1', // this machine only: a newcomer's node (demo accounts, public passwords) is not on the network
      DATA_DIR: '.data',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      SESSION_IDLE_TIMEOUT_SECONDS: 1800,
      SESSION_ABSOLUTE_TIMEOUT_SECONDS: 43200,
      MFA_REQUIRED_ROLES: ['npc', 'admin'],
      LOCKOUT_THRESHOLD: 5,
      LOCKOUT_SECONDS: 600,
      CORS_ORIGINS: [],
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBeUndefined();
  });

  it('reads the optional settings when given', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: 's'.repeat(32), PATH: '/usr/bin' });
    expect(config.DATABASE_URL).toBe('postgres://u@h/db');
    expect(config.JWT_SECRET).toBe('s'.repeat(32));
    expect(config).not.toHaveProperty('PATH');
  });

  it('parses numbers, lists and booleans', () => {
    const config = loadConfig({ PORT: '8080', CORS_ORIGINS: 'https://a.example, https://b.example', DEMO_SEED_ON_FIRST_START: 'false', MFA_REQUIRED_ROLES: 'admin' });
    expect(config.PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.DEMO_SEED_ON_FIRST_START).toBe(false);
    expect(config.MFA_REQUIRED_ROLES).toEqual(['admin']);
  });

  it('reads CORS origins with their scheme and host in lower case, as browsers send them', () => {
    expect(loadConfig({ CORS_ORIGINS: 'HTTPS://App.Example.org, http://LOCALHOST:5173' }).CORS_ORIGINS).toEqual(['https://app.example.org', 'http://localhost:5173']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://App.Example.org/path' })).toThrow(ConfigError);
  });

  it('needs two database connections at least: an import takes a second one', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(loadConfig({ DATABASE_POOL_SIZE: '2' }).DATABASE_POOL_SIZE).toBe(2);
  });

  it('names every invalid variable', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ACCESS_TOKEN_TTL_SECONDS: '3600', JWT_SECRET: 'short', MFA_REQUIRED_ROLES: 'boss' });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['PORT', 'DATABASE_URL', 'ACCESS_TOKEN_TTL_SECONDS', 'JWT_SECRET', 'MFA_REQUIRED_ROLES']) expect(message).toContain(`${name}:`);
  });

  it('refuses a deadline too far off to be one, which would make every send fail', () => {
    expect(() => loadConfig({ TRACE_ANSWER_DAYS_ROUTINE: '200000000' })).toThrow(/TRACE_ANSWER_DAYS_ROUTINE/);
    expect(() => loadConfig({ TRACE_ACKNOWLEDGE_HOURS_URGENT: '87601' })).toThrow(/TRACE_ACKNOWLEDGE_HOURS_URGENT/);
    const longest = { TRACE_ANSWER_DAYS_ROUTINE: '3650', TRACE_ANSWER_DAYS_URGENT: '3650', TRACE_ACKNOWLEDGE_HOURS_ROUTINE: '87599', TRACE_ACKNOWLEDGE_HOURS_URGENT: '87599' };
    expect(loadConfig(longest)).toMatchObject({ TRACE_ANSWER_DAYS_ROUTINE: 3650, TRACE_ACKNOWLEDGE_HOURS_URGENT: 87599 });
  });

  it('refuses tracing deadlines that contradict each other, naming them', () => {
    // Acknowledged on day 8, within its 10 days, an urgent request would be overdue for its 7-day answer at once.
    expect(() => loadConfig({ TRACE_ACKNOWLEDGE_HOURS_URGENT: '240' })).toThrow(/TRACE_ACKNOWLEDGE_HOURS_URGENT: 240 hours is not before the answer's deadline \(TRACE_ANSWER_DAYS_URGENT: 7 days, 168 hours\)/);
    expect(() => loadConfig({ TRACE_ACKNOWLEDGE_HOURS_ROUTINE: '720' })).toThrow(/TRACE_ACKNOWLEDGE_HOURS_ROUTINE: 720 hours/);
    expect(() => loadConfig({ TRACE_INFORMATION_DAYS_URGENT: '20' })).toThrow(/TRACE_INFORMATION_DAYS_URGENT: 20 is longer than TRACE_INFORMATION_DAYS_ROUTINE \(14\)/);
    expect(() => loadConfig({ TRACE_ANSWER_DAYS_URGENT: '31' })).toThrow(/TRACE_ANSWER_DAYS_URGENT: 31 is longer/);
    // The defaults, and an urgent request given as long as a routine one, are fine.
    expect(() => loadConfig({})).not.toThrow();
    expect(loadConfig({ TRACE_ANSWER_DAYS_URGENT: '30' }).TRACE_ANSWER_DAYS_URGENT).toBe(30);
  });

  it('refuses a database URL or a key set but empty, which would otherwise fall back to the embedded database or to keys generated beside the data', () => {
    for (const name of ['DATA_DIR', 'DATABASE_URL', 'DATABASE_APP_URL', 'DATABASE_APP_PASSWORD', 'JWT_SECRET', 'ENCRYPTION_KEYRING', 'ENCRYPTION_KEYRING_FILE', 'AUDIT_SIGNING_KEY']) {
      expect(() => loadConfig({ [name]: '' })).toThrow(new RegExp(`${name}: set but empty`));
      expect(() => loadConfig({ [name]: '  ' })).toThrow(new RegExp(`${name}: set but empty`));
    }
    // Other settings left empty take their default.
    expect(loadConfig({ PORT: '', CORS_ORIGINS: '' })).toMatchObject({ PORT: 3000 });
  });

  it('refuses an SMTP URL it cannot read without repeating it (it may hold a password), and caps the timeouts a date must hold', () => {
    let message = '';
    try {
      loadConfig({ SMTP_URL: 'smtp://iti:Ab3/xYz@mail.example.org:587' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SMTP_URL is not a URL that can be read');
    expect(message).not.toContain('Ab3');
    expect(loadConfig({ SMTP_URL: 'smtp://iti:Ab3%2FxYz@mail.example.org:587' }).SMTP_URL).toBe('smtp://iti:Ab3%2FxYz@mail.example.org:587');
    expect(() => loadConfig({ LOCKOUT_SECONDS: '9999999999999' })).toThrow(/LOCKOUT_SECONDS/);
    expect(() => loadConfig({ SESSION_ABSOLUTE_TIMEOUT_SECONDS: '9999999999999' })).toThrow(/SESSION_ABSOLUTE_TIMEOUT_SECONDS/);
  });

  it('refuses the app role\'s connection settings without DATABASE_URL, which they go with', () => {
    expect(() => loadConfig({ DATABASE_APP_URL: 'postgres://iti_app:x@db/iti' })).toThrow(/DATABASE_APP_URL: given without DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_APP_PASSWORD: 'a-password-of-some-length' })).toThrow(/DATABASE_APP_PASSWORD: given without DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'postgres://owner@db/iti', DATABASE_APP_PASSWORD: 'a-password-of-some-length' }).DATABASE_APP_PASSWORD).toBe('a-password-of-some-length');
  });

  it('reads yes and no, and refuses any other value of a switch by its name rather than reading it as no', () => {
    expect(loadConfig({ ENCRYPTION_AT_REST: ' TRUE ', AUDIT_TRAIL: 'on' })).toMatchObject({ ENCRYPTION_AT_REST: true, AUDIT_TRAIL: true });
    expect(loadConfig({ ENCRYPTION_AT_REST: 'off', AUDIT_TRAIL: '0' })).toMatchObject({ ENCRYPTION_AT_REST: false, AUDIT_TRAIL: false });
    for (const value of ['enabled', '"true"', 'ture']) {
      expect(() => loadConfig({ ENCRYPTION_AT_REST: value })).toThrow(/ENCRYPTION_AT_REST/);
    }
  });

  it('takes CORS origins as browsers send them, and refuses a path or a wildcard that would never match', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.org, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://app.example.org', 'http://localhost:5173']);
    for (const value of ['*', 'https://app.example.org/', 'app.example.org']) expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
  });

  it('never lets access tokens live longer than 15 minutes', () => {
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '901' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
  });

  it('keeps retention and report periods to what a date can hold, "indefinitely" included', () => {
    expect(loadConfig({ RETENTION_MANUFACTURE_YEARS: '1000', RETENTION_OTHER_YEARS: '1000' })).toMatchObject({ RETENTION_MANUFACTURE_YEARS: 1000, RETENTION_OTHER_YEARS: 1000 });
    expect(() => loadConfig({ RETENTION_MANUFACTURE_YEARS: '10000' })).toThrow(/RETENTION_MANUFACTURE_YEARS must be at most 1000/);
    expect(() => loadConfig({ RETENTION_OTHER_YEARS: '1001' })).toThrow(/RETENTION_OTHER_YEARS must be at most 1000/);
    expect(() => loadConfig({ RETENTION_OTHER_YEARS: '19' })).toThrow(/RETENTION_OTHER_YEARS must be at least 20/);
    expect(() => loadConfig({ REPORT_SEIZED_MARKING_DAYS: '100000000' })).toThrow(/REPORT_SEIZED_MARKING_DAYS/);
  });

  it('trusts the proxies TRUST_PROXY names by their addresses, never every hop', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, ::1, loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'loopback']);
    // Never a count of hops: it would trust whatever peer connects directly.
    for (const wrong of ['proxy.example', '10.0.0.0/33', '2', '1.2.3.4/8/8']) expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY must be/);
  });

  it('keeps the pauses of periodic jobs to what a timer can wait', () => {
    expect(loadConfig({ TRACE_DEADLINE_JOB_SECONDS: '86400', IDEMPOTENCY_PURGE_JOB_SECONDS: '0' })).toMatchObject({ TRACE_DEADLINE_JOB_SECONDS: 86400, IDEMPOTENCY_PURGE_JOB_SECONDS: 0 });
    for (const name of ['TRACE_DEADLINE_JOB_SECONDS', 'IDEMPOTENCY_PURGE_JOB_SECONDS']) expect(() => loadConfig({ [name]: '2592000' })).toThrow(new RegExp(name));
    expect(() => loadConfig({ OUTBOX_POLL_MS: '3600001' })).toThrow(/OUTBOX_POLL_MS/);
  });
});
