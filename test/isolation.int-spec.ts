import { randomUUID } from 'node:crypto';
import { Client, Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { checkAppRole, ensureAppRole, scramSha256Verifier, withClient, withCredentials } from '../src/database/database-runtime';
import { Db } from '../src/database/db';
import { bearer, createTestApp, createUser, login, ownerQuery, TestApp } from './support/test-app';

const A = 'FRA';
const B = 'BRA';

/**
 * Tables that carry state_code but are, by design, a directory every State reads (writes stay
 * isolated). Anything else with state_code must be invisible across States.
 */
const SHARED_DIRECTORIES: Record<string, string> = {
  contact_points: 'the NPC directory: a requesting State must find whom to ask',
};

/** One row per State-owned table, inserted through the app role as `state`. New tables must be added here. */
const ROW_FACTORIES: Record<string, (client: PoolClient, state: string, ids: Record<string, string>) => Promise<void>> = {
  users: async (client, state, ids) => {
    ids.user = randomUUID();
    await client.query(
      `INSERT INTO users (id, state_code, username, display_name, roles, password_hash) VALUES ($1, $2, $3, 'Isolation', '{officer}', 'x')`,
      [ids.user, state, `iso.${state.toLowerCase()}.${ids.user.slice(0, 8)}`],
    );
  },
  auth_sessions: async (client, state, ids) => {
    ids.session = randomUUID();
    await client.query(
      `INSERT INTO auth_sessions (id, state_code, user_id, mfa_satisfied, created_at, last_activity_at, expires_at) VALUES ($1, $2, $3, true, now(), now(), now() + interval '1 hour')`,
      [ids.session, state, ids.user],
    );
  },
  refresh_tokens: async (client, state, ids) => {
    await client.query(`INSERT INTO refresh_tokens (state_code, session_id, token_hash, created_at) VALUES ($1, $2, $3, now())`, [
      state,
      ids.session,
      randomUUID().replace(/-/g, '').padEnd(64, '0'),
    ]);
  },
  closed_custodians: async (client, state) => {
    await client.query(`INSERT INTO closed_custodians (state_code, name_key, name, closed_on, records_custodian) VALUES ($1, $2, 'Acme', '2026-01-01', 'Registry')`, [state, `acme ${randomUUID()}`]);
  },
  contact_points: async (client, state) => {
    await client.query(`INSERT INTO contact_points (state_code, name, agency, email) VALUES ($1, 'NPC', 'Agency', 'npc@example.org')`, [state]);
  },
  weapons: async (client, state, ids) => {
    ids.weapon = randomUUID();
    await client.query(
      `INSERT INTO weapons (id, state_code, category, type_code, serial_as_marked, serial_normalised, status) VALUES ($1, $2, 'small_arm', 'rifle', 'ISO-1', 'ISO1', 'civilian_held')`,
      [ids.weapon, state],
    );
  },
  markings: async (client, state, ids) => {
    await client.query(`INSERT INTO markings (state_code, weapon_id, kind, component, text, serial) VALUES ($1, $2, 'manufacture', 'receiver', 'X', 'M-1')`, [state, ids.weapon]);
  },
  record_events: async (client, state, ids) => {
    await client.query(
      `INSERT INTO record_events (state_code, weapon_id, type, occurred_on, status_after, record_class, retain_until) VALUES ($1, $2, 'manufactured', '2020-01-01', 'civilian_held', 'manufacture', '2050-01-01')`,
      [state, ids.weapon],
    );
  },
  registry_settings: async (client, state) => {
    await client.query(`INSERT INTO registry_settings (state_code, rule_policies) VALUES ($1, '{}') ON CONFLICT (state_code) DO NOTHING`, [state]);
  },
  reference_additions: async (client, state) => {
    await client.query(`INSERT INTO reference_additions (state_code, kind, code, name) VALUES ($1, 'calibre', $2, 'Test calibre')`, [state, `c-${randomUUID()}`]);
  },
  weapon_imports: async (client, state, ids) => {
    ids.import = randomUUID();
    await client.query(`INSERT INTO weapon_imports (id, state_code, status) VALUES ($1, $2, 'completed')`, [ids.import, state]);
  },
  weapon_import_rejections: async (client, state, ids) => {
    await client.query(`INSERT INTO weapon_import_rejections (state_code, import_id, line, "column", code, message) VALUES ($1, $2, 2, 'type', 'X', 'x')`, [state, ids.import]);
  },
  weapon_serials: async (client, state, ids) => {
    await client.query(`INSERT INTO weapon_serials (state_code, weapon_id, serial_normalised, serial_key) VALUES ($1, $2, 'ISO2', 'ISO2')`, [state, ids.weapon]);
  },
  traces: async (client, state, ids) => {
    ids.trace = randomUUID();
    await client.query(
      `INSERT INTO traces (id, state_code, exchange_id, direction, status, requesting_state, requested_state, requesting_authority, channel, priority,
                           illicit_basis, legal_justification, recovery, intended_use, classification, weapon_observed, created_at, updated_at)
       VALUES ($1, $2, $1, 'outgoing', 'draft', $2, 'AUT', 'Police', 'direct', 'routine', '{not_marked_per_iti}', 'law', '{}', 'use', 'restricted', '{}', now(), now())`,
      [ids.trace, state],
    );
  },
  trace_photos: async (client, state, ids) => {
    await client.query(`INSERT INTO trace_photos (state_code, trace_id, position, media_type, size, sha256, data, created_at) VALUES ($1, $2, 1, 'image/png', 1, $3, '\\x00', now())`, [
      state, ids.trace, 'b'.repeat(64),
    ]);
  },
  outbox_messages: async (client, state, ids) => {
    await client.query(`INSERT INTO outbox_messages (state_code, target_state, kind, exchange_id, payload) VALUES ($1, 'AUT', 'trace.sent', $2, '{}')`, [state, ids.trace]);
  },
  notifications: async (client, state, ids) => {
    await client.query(`INSERT INTO notifications (state_code, user_id, kind, message, created_at) VALUES ($1, $2, 'test', 'x', now())`, [state, ids.user]);
  },
  cases: async (client, state, ids) => {
    ids.case = randomUUID();
    await client.query(
      `INSERT INTO cases (id, state_code, classification, reference, offence, narrative, persons, place_of_recovery, investigating_agency, created_by, created_at, updated_at)
       VALUES ($1, $2, 'confidential', '\\x01', '\\x01', '\\x01', '\\x01', '\\x01', '\\x01', $3, now(), now())`,
      [ids.case, state, ids.user],
    );
  },
  case_members: async (client, state, ids) => {
    await client.query(`INSERT INTO case_members (case_id, user_id, state_code, added_by, added_at) VALUES ($1, $2, $3, $2, now())`, [ids.case, ids.user, state]);
  },
  // The chain is written only through audit_append(), which creates the head too (the app role may only read).
  audit_heads: async (client, state) => {
    await client.query(`SELECT audit_append($1::jsonb)`, [JSON.stringify([{ state_code: state, at: new Date().toISOString(), action: 'test', outcome: 'success' }])]);
  },
  audit_events: async (client, state) => {
    await client.query(`SELECT audit_append($1::jsonb)`, [JSON.stringify([{ state_code: state, at: new Date().toISOString(), action: 'test', outcome: 'success' }])]);
  },
  idempotency_keys: async (client, state, ids) => {
    await client.query(`INSERT INTO idempotency_keys (state_code, user_id, key, request_sha256, status_code, created_at) VALUES ($1, $2, $3, $4, 201, now())`, [
      state, ids.user, randomUUID(), 'a'.repeat(64),
    ]);
  },
};

/**
 * Row-level security enabled but not forced: the table's owner, which runs the SECURITY DEFINER
 * serial search, is not bound by the policy (LIKE under a policy cannot use the trigram index);
 * the app role is. The function filters by app_current_state() itself (migration RegistrySecurity).
 */
const NOT_FORCED: Record<string, string> = {
  weapon_serials: 'serial search index, read by the owner through registry_serial_exact/pattern',
  outbox_messages: 'messages between State mailboxes, delivered by the owner through outbox_claim/outbox_delivered',
  audit_events: 'the audit chains, appended by the owner through audit_append (also for a delivery acting for the receiving State)',
  audit_heads: 'the last link of each chain, locked and moved by the owner through audit_append',
};

describe('State isolation in PostgreSQL', () => {
  let t: TestApp;
  let pool: Pool;

  async function asState<T>(state: string | null, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (state) await client.query(`SELECT set_config('app.state_code', $1, true)`, [state]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async function stateOwnedTables(): Promise<string[]> {
    const { rows } = await pool.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND c.column_name = 'state_code' AND t.table_type = 'BASE TABLE'
        ORDER BY 1`,
    );
    return rows.map((r) => r.table_name);
  }

  beforeAll(async () => {
    t = await createTestApp();
    pool = new Pool({ connectionString: t.db.appUrl, max: 1 }); // one connection: every test reuses it
    for (const state of [A, B]) {
      const ids: Record<string, string> = {};
      await asState(state, async (client) => {
        for (const insert of Object.values(ROW_FACTORIES)) await insert(client, state, ids);
      });
    }
  });

  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  it('has a row factory for every table with state_code (so none escapes these checks)', async () => {
    expect(await stateOwnedTables()).toEqual(Object.keys(ROW_FACTORIES).sort());
  });

  it('enables and forces row-level security on every table with state_code', async () => {
    const tables = await stateOwnedTables();
    const { rows } = await pool.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) AND relnamespace = 'public'::regnamespace`,
      [tables],
    );
    expect(rows).toHaveLength(tables.length);
    for (const row of rows) {
      expect(row).toEqual({ relname: row.relname, relrowsecurity: true, relforcerowsecurity: !NOT_FORCED[row.relname] });
    }
  });

  it('connects as a role that is not superuser, not BYPASSRLS and owns no table', async () => {
    const { rows } = await pool.query(`SELECT current_user AS role, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({ role: 'iti_app', rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await pool.query(`SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
    expect(owned.rows).toEqual([]);
    const ddl = await asState(A, (client) => client.query('CREATE TABLE sneaky (id int)').then(() => 'created', (e: { code: string }) => e.code));
    expect(ddl).toBe('42501');
  });

  it('refuses at start an app role that row-level security would not bind: the owner, a member of it, a BYPASSRLS role', async () => {
    await expect(checkAppRole(t.db.appUrl, t.db.ownerUrl)).resolves.toBeUndefined();
    const owner = await withClient(t.db.ownerUrl, async (client) => (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0].role);
    const suffix = randomUUID().slice(0, 8);
    const member = `iti_member_${suffix}`;
    const bypass = `iti_bypass_${suffix}`;
    const refusal = (url: string) => checkAppRole(url, t.db.ownerUrl).then(() => 'accepted', (error: Error) => error.message);
    await withClient(t.db.adminUrl, async (admin) => {
      await admin.query(`CREATE ROLE ${member} LOGIN PASSWORD 'member-password' NOBYPASSRLS`);
      await admin.query(`GRANT ${owner} TO ${member}`);
      await admin.query(`CREATE ROLE ${bypass} LOGIN PASSWORD 'bypass-password' BYPASSRLS`);
    });
    try {
      expect(await refusal(t.db.ownerUrl)).toBe(`The app's database role ${owner} is the tables' owner (${owner}): row-level security would not apply to it. Connect the app as a role of its own (see docs/operations.md).`);
      expect(await refusal(withCredentials(t.db.ownerUrl, member, 'member-password'))).toContain(`${member} is a member of the tables' owner ${owner}`);
      expect(await refusal(withCredentials(t.db.ownerUrl, bypass, 'bypass-password'))).toContain(`${bypass} has BYPASSRLS`);
    } finally {
      await withClient(t.db.adminUrl, async (admin) => {
        await admin.query(`DROP ROLE ${member}`);
        await admin.query(`DROP ROLE ${bypass}`);
      });
    }
  });

  it('changes a marking only by withdrawing it, and deletes none (a marking is kept as read, with its record)', async () => {
    const outcome = await asState(A, async (client) => {
      const attempt = async (sql: string) => {
        await client.query('SAVEPOINT attempt');
        const result = await client.query(sql).then((r) => r.rowCount, (error: { code: string }) => error.code);
        await client.query('ROLLBACK TO SAVEPOINT attempt');
        return result;
      };
      return {
        text: await attempt(`UPDATE markings SET text = 'rewritten'`),
        deleted: await attempt(`DELETE FROM markings`),
        withdrawn: await attempt(`UPDATE markings SET withdrawn_by = gen_random_uuid()`),
      };
    });
    expect(outcome.text).toBe('42501');
    expect(outcome.deleted).toBe('42501'); // a marking goes only with its record, past its retention
    expect(outcome.withdrawn).toBeGreaterThan(0);
  });

  it.each(Object.keys(ROW_FACTORIES))('%s: State A sees none of B\'s rows (or all of a shared directory)', async (table) => {
    const counts = await asState(A, async (client) => {
      const own = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE state_code = $1`, [A]);
      const other = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE state_code = $1`, [B]);
      return { own: own.rows[0].n, other: other.rows[0].n };
    });
    expect(counts.own).toBeGreaterThan(0);
    if (SHARED_DIRECTORIES[table]) expect(counts.other).toBeGreaterThan(0);
    else expect(counts.other).toBe(0);
  });

  it.each(Object.keys(ROW_FACTORIES))('%s: State A cannot insert a row of B', async (table) => {
    const ids: Record<string, string> = {};
    // The parents a row needs, in A (the only State A can write); then the row itself claiming B.
    const failure = await asState(A, async (client) => {
      const order = Object.keys(ROW_FACTORIES);
      for (const parent of order.slice(0, order.indexOf(table))) await ROW_FACTORIES[parent](client, A, ids);
      await client.query('SAVEPOINT attempt');
      return ROW_FACTORIES[table](client, B, ids).then(
        () => 'inserted',
        async (error: { code: string; message: string }) => {
          await client.query('ROLLBACK TO SAVEPOINT attempt');
          return `${error.code} ${error.message}`;
        },
      );
    });
    expect(failure).toMatch(/^42501 new row violates row-level security policy/);
  });

  it.each(Object.keys(ROW_FACTORIES))('%s: State A can neither move its rows to B nor change or delete B\'s', async (table) => {
    const outcome = await asState(A, async (client) => {
      // Each attempt is either a no-op (row-level security hides B's rows) or refused (42501: policy or missing right).
      const attempt = async (sql: string, params: unknown[]) => {
        await client.query('SAVEPOINT attempt');
        return client.query(sql, params).then(
          (result) => result.rowCount,
          async (error: { code: string }) => {
            await client.query('ROLLBACK TO SAVEPOINT attempt');
            return error.code;
          },
        );
      };
      return {
        updated: await attempt(`UPDATE ${table} SET state_code = state_code WHERE state_code = $1`, [B]),
        deleted: await attempt(`DELETE FROM ${table} WHERE state_code = $1`, [B]),
        moved: await attempt(`UPDATE ${table} SET state_code = $1 WHERE state_code = $2`, [B, A]),
      };
    });
    expect([0, '42501']).toContain(outcome.updated);
    expect([0, '42501']).toContain(outcome.deleted);
    expect(outcome.moved).toBe('42501');
    const bRows = await asState(B, async (client) => (await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE state_code = $1`, [B])).rows[0].n);
    expect(bRows).toBeGreaterThan(0);
  });

  it('raises when no State is set, also on a connection whose earlier transaction set one', async () => {
    const client = new Client({ connectionString: t.db.appUrl });
    await client.connect();
    try {
      await expect(client.query('SELECT count(*) FROM users')).rejects.toThrow(/app.state_code is not set/);
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.state_code', $1, true)`, [A]);
      const inside = await client.query('SELECT count(*)::int AS n FROM users');
      expect(inside.rows[0].n).toBeGreaterThan(0);
      await client.query('COMMIT');
      // The setting ended with the transaction: the next statement is refused, not given all rows.
      await expect(client.query('SELECT count(*) FROM users')).rejects.toThrow(/app.state_code is not set/);
      await expect(client.query('SELECT count(*) FROM auth_sessions')).rejects.toThrow(/app.state_code is not set/);
    } finally {
      await client.end();
    }
  });

  it('lets the pre-login look-ups return a State, and nothing else, without a State set', async () => {
    const { rows } = await pool.query(`SELECT auth_user_state(username) AS state FROM (SELECT 'nobody' AS username) x`);
    expect(rows[0].state).toBeNull();
    const privileges = await pool.query(`SELECT has_table_privilege('iti_app', 'states', 'UPDATE') AS update_states`);
    expect(privileges.rows[0].update_states).toBe(false);
  });
});

describe('State isolation through the API', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A pool of two connections, so that interleaved requests of A and B reuse each other's connections.
    t = await createTestApp({ DATABASE_POOL_SIZE: '2' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('never shows B\'s users to A under interleaved concurrent requests on a small pool', async () => {
    const adminA = await createUser(t, { stateCode: A, roles: ['admin'], mfaExempt: true });
    const adminB = await createUser(t, { stateCode: B, roles: ['admin'], mfaExempt: true });
    for (let i = 0; i < 3; i++) {
      await createUser(t, { stateCode: A });
      await createUser(t, { stateCode: B });
    }
    const tokens = { [A]: await login(t, adminA), [B]: await login(t, adminB) };
    const requests = Array.from({ length: 40 }, (_, i) => {
      const state = i % 2 === 0 ? A : B;
      return t.http
        .get('/api/v1/users')
        .set(bearer(tokens[state]))
        .then((response) => ({ state, status: response.status, states: (response.body.items as { stateCode: string }[]).map((u) => u.stateCode) }));
    });
    const results = await Promise.all(requests);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.states.length).toBeGreaterThanOrEqual(4);
      expect(new Set(result.states)).toEqual(new Set([result.state]));
    }
  });

  it('writes the arguments of a transaction\'s opening call as quoted literals, and takes only a plain function name', async () => {
    const db = t.app.get(Db);
    const hostile = "x'); SELECT set_config('app.state_code', 'BEL', false); --\\";
    const rows = await db.inStateOpening(A, { fn: 'upper', args: [hostile] }, async (r) => ({ r, state: await db.manager.query(`SELECT current_setting('app.state_code') AS s`) }));
    expect(rows.r).toEqual([{ upper: hostile.toUpperCase() }]);
    expect(rows.state).toEqual([{ s: A }]);
    await expect(db.withoutStateOpening({ fn: 'upper(1); SELECT 1 --', args: [] }, async () => 0)).rejects.toThrow('Not a function name');
  });

  it('undoes with a failed savepoint what its work asked for at commit, and keeps what a savepoint that succeeded asked for', async () => {
    const db = t.app.get(Db);
    const ran: string[] = [];
    const work = (name: string, fail: boolean) => async () => {
      await db.manager.query(`UPDATE contact_points SET name = $1 WHERE false`, [name]);
      db.afterCommit(() => ran.push(`${name} committed`));
      if (fail) throw new Error(`${name} failed`);
    };
    await db.withoutState(async () => {
      db.afterCommit(() => ran.push('outer committed'));
      await expect(db.savepointAsState(B, work('undone', true))).rejects.toThrow('undone failed');
      await db.savepointAsState(A, work('kept', false));
      // The transaction goes on after the failed savepoint, as itself.
      expect(await db.manager.query(`SELECT current_setting('app.state_code') AS s`)).toEqual([{ s: '' }]);
      // Work that can be undone while the transaction commits cannot ask to be told of a rollback.
      await expect(db.savepointAsState(A, async () => db.afterRollback(async () => undefined))).rejects.toThrow('inside a savepoint');
    });
    expect(ran).toEqual(['outer committed', 'kept committed']);
  });
});

describe('the database roles the service creates', () => {
  it('sets their passwords as SCRAM-SHA-256 verifiers computed here, the ones the server computes for passwords SASLprep allows', async () => {
    const adminUrl = process.env.ITI_TEST_ADMIN_URL!;
    const role = `iti_scram_probe_${process.pid}`;
    // ASCII, letters of other scripts, and what SASLprep changes: a no-break space, a soft hyphen, a ligature.
    const passwords = ['plain-ascii-password', 'mot de passe épée Пароль', 'no\u00a0break soft\u00adhyphen \ufb01ne'];
    await withClient(adminUrl, async (client) => {
      await client.query(`SET password_encryption = 'scram-sha-256'`);
      await client.query(`CREATE ROLE ${role}`);
      try {
        for (const password of passwords) {
          // The server's own verifier of the password, then ours with its salt and iteration count.
          await client.query(`ALTER ROLE ${role} PASSWORD ${client.escapeLiteral(password)}`);
          const { rows } = await client.query<{ stored: string }>('SELECT rolpassword AS stored FROM pg_authid WHERE rolname = $1', [role]);
          const [, iterations, salt] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(rows[0].stored) ?? [];
          expect({ password, verifier: scramSha256Verifier(password, Buffer.from(salt, 'base64'), Number(iterations)) }).toEqual({ password, verifier: rows[0].stored });
        }
      } finally {
        await client.query(`DROP ROLE ${role}`);
      }
    });
  });

  it('never sends the password itself, and uses the server\'s iteration count', async () => {
    const statements: string[] = [];
    const client = {
      escapeLiteral: (text: string) => `'${text.replaceAll("'", "''")}'`,
      query: async (sql: string) => {
        statements.push(sql);
        if (sql.startsWith('SELECT rolsuper')) return { rows: [{ rolsuper: false, rolbypassrls: false }] };
        return sql.includes('scram_iterations') ? { rows: [{ iterations: '10000' }] } : { rows: [{}], rowCount: 1 };
      },
    } as unknown as Client;
    await ensureAppRole(client, 'the-app-password-1234');
    const set = statements.filter((sql) => sql.includes('PASSWORD'));
    expect(set).toHaveLength(1);
    expect(set[0]).toMatch(/^ALTER ROLE iti_app PASSWORD 'SCRAM-SHA-256\$10000:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+'$/);
    expect(statements.join('\n')).not.toContain('the-app-password-1234');
  });
});

describe('the sessions the service opens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('run in UTC whatever the database\'s time zone, so that PostgreSQL\'s dates are the service\'s (the retention trigger uses current_date)', async () => {
    const [{ database }] = await ownerQuery<{ database: string }>(t, 'SELECT current_database() AS database');
    await ownerQuery(t, `ALTER DATABASE ${database} SET TimeZone = 'Pacific/Pago_Pago'`);
    const source = new DataSource(dataSourceOptions(t.db.appUrl, 1));
    const plain = new Client({ connectionString: t.db.appUrl });
    try {
      await source.initialize();
      await plain.connect();
      const zone = async (query: (sql: string) => Promise<{ zone: string }[]>) => (await query(`SELECT current_setting('TimeZone') AS zone`))[0].zone;
      expect(await zone((sql) => source.query(sql))).toBe('UTC');
      // Control: a session opened without the service's options takes the database's zone.
      expect(await zone(async (sql) => (await plain.query<{ zone: string }>(sql)).rows)).toBe('Pacific/Pago_Pago');
    } finally {
      await plain.end();
      await source.destroy();
      await ownerQuery(t, `ALTER DATABASE ${database} RESET TimeZone`);
    }
  });

  it('run in UTC when the database URL sets session options of its own, and keep those options', async () => {
    const url = new URL(t.db.appUrl);
    url.searchParams.set('options', '-c statement_timeout=4321 -c TimeZone=Asia/Tokyo');
    const source = new DataSource(dataSourceOptions(url.toString(), 1));
    try {
      await source.initialize();
      const [settings] = await source.query(`SELECT current_setting('TimeZone') AS zone, current_setting('statement_timeout') AS timeout`);
      expect(settings).toEqual({ zone: 'UTC', timeout: '4321ms' });
    } finally {
      await source.destroy();
    }
  });
});
