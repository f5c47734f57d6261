import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { escapeLiteral, type PoolClient, type QueryResult } from 'pg';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError, Repository } from 'typeorm';
import { SNAPSHOT_SOURCE } from './data-source-options';

/** What app.state_code may hold: checked before it is written into the statement that starts a transaction. */
export const STATE_CODE = /^[A-Z]{3}$/;

/**
 * Work gathered during a transaction and written by one statement sent in the same round trip as the
 * COMMIT (the audit trail's events): whatever it locks stays locked only while it runs and commits.
 */
export interface CommitBatch<T> {
  /** One SQL statement without parameters (values inlined as safely quoted literals). */
  commitStatement(items: T[]): string;
}

/** A transaction's first statement: a call of a set-returning function, with text arguments. */
export interface OpeningCall {
  fn: string;
  args: string[];
}

function openingStatement({ fn, args }: OpeningCall): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(fn)) throw new Error(`Not a function name: ${JSON.stringify(fn)}`);
  return `SELECT * FROM ${fn}(${args.map(escapeLiteral).join(', ')})`;
}

interface Scope {
  manager: EntityManager;
  stateCode: string | null;
  /** Run once the outermost transaction has committed (never after a rollback). */
  afterCommit: (() => void)[];
  /** Run once the outermost transaction has rolled back, or failed to commit, and its connection is free. */
  afterRollback: (() => Promise<void>)[];
  /** Items staged for their batch's flush before the commit; a rolled-back savepoint drops its own. */
  staged: Map<CommitBatch<unknown>, unknown[]>;
  /** Inside savepointAsState. */
  savepoint?: true;
  /** A read-only transaction that sees the database as it was when it began (Db.snapshot). */
  snapshot?: true;
}

/**
 * The unit of work. Every query runs inside a transaction opened here; a State-scoped one sets
 * `app.state_code` with set_config(..., true), so the setting ends with the transaction and never
 * leaks to the next user of the pooled connection. Repositories reach the transaction through
 * `repository()`; outside a transaction they fail loudly instead of running unscoped.
 */
@Injectable()
export class Db {
  private readonly scope = new AsyncLocalStorage<Scope>();
  private readonly logger = new Logger(Db.name);

  constructor(
    private readonly dataSource: DataSource,
    /** The snapshots' own small pool (snapshotConnections()): see snapshot(). */
    @InjectDataSource(SNAPSHOT_SOURCE) private readonly snapshots: DataSource,
  ) {}

  /** Runs `work` in a transaction that row-level security scopes to `stateCode`. */
  inState<T>(stateCode: string, work: () => Promise<T>): Promise<T> {
    const current = this.scope.getStore();
    if (current) {
      if (current.stateCode === stateCode) return work();
      throw new Error(`Already in a transaction for ${current.stateCode ?? 'no State'}; cannot switch to ${stateCode}`);
    }
    return this.transaction(stateCode, work);
  }

  /**
   * Runs `work` in a transaction scoped to `stateCode` that starts by calling the set-returning function
   * `opening` in the same round trip as the transaction's start; `work` gets its rows. A simple query takes
   * no parameters, so the arguments are written into it as quoted literals (pg's escapeLiteral).
   */
  async inStateOpening<T>(stateCode: string, opening: OpeningCall, work: (rows: Record<string, unknown>[]) => Promise<T>): Promise<T> {
    if (this.scope.getStore()) throw new Error('inStateOpening starts a transaction: it cannot run inside one');
    return this.transaction(stateCode, work, openingStatement(opening));
  }

  /** As inStateOpening, in a transaction without a State (node-wide tables and SECURITY DEFINER functions only). */
  async withoutStateOpening<T>(opening: OpeningCall, work: (rows: Record<string, unknown>[]) => Promise<T>): Promise<T> {
    if (this.scope.getStore()) throw new Error('withoutStateOpening starts a transaction: it cannot run inside one');
    return this.transaction(null, work, openingStatement(opening));
  }

  /**
   * Inside a transaction without a State, runs `work` as `stateCode` in a savepoint, then leaves the State:
   * for the delivery of a message into another State's mailbox in the same transaction that claimed it. On
   * failure only the savepoint's own changes are undone, the setting with them, and so is what `work`
   * asked for at the commit (staged items, afterCommit callbacks): an e-mail about a delivery that was
   * undone is not sent. `work` cannot ask for afterRollback (its work may be undone while the transaction
   * commits). The savepoint and the setting go to PostgreSQL as one simple query, the setting's end and the
   * release as another.
   */
  async savepointAsState<T>(stateCode: string, work: () => Promise<T>): Promise<T> {
    const current = this.scope.getStore();
    if (!current || current.stateCode !== null) throw new Error('savepointAsState runs only inside a transaction without a State');
    if (!STATE_CODE.test(stateCode)) throw new Error(`Not a State code: ${JSON.stringify(stateCode)}`);
    const { manager, staged, afterCommit } = current;
    const marks = new Map([...staged].map(([batch, items]) => [batch, items.length]));
    const committed = afterCommit.length;
    await manager.query(`SAVEPOINT unit_of_work; SELECT set_config('app.state_code', '${stateCode}', true)`);
    try {
      const result = await this.scope.run({ ...current, stateCode, savepoint: true }, work);
      await manager.query(`SELECT set_config('app.state_code', '', true); RELEASE SAVEPOINT unit_of_work`);
      return result;
    } catch (error) {
      for (const [batch, items] of staged) items.length = marks.get(batch) ?? 0;
      afterCommit.length = committed;
      await manager.query('ROLLBACK TO SAVEPOINT unit_of_work');
      throw error;
    }
  }

  /** Stages `item` for `batch`, flushed with the others just before the current transaction commits. */
  stage<T>(batch: CommitBatch<T>, item: T): void {
    const current = this.scope.getStore();
    if (!current) throw new Error('No database transaction in scope to stage work for');
    const items = current.staged.get(batch as CommitBatch<unknown>) ?? [];
    items.push(item);
    current.staged.set(batch as CommitBatch<unknown>, items);
  }

  /**
   * Calls `callback` if the current transaction rolls back or fails to commit, once its connection is back
   * in the pool, before the failure reaches the caller: to record, in a transaction of its own, that the
   * work did not happen. A failing callback is ignored (the original failure is what the caller gets).
   */
  afterRollback(callback: () => Promise<void>): void {
    const current = this.scope.getStore();
    if (!current) throw new Error('No database transaction in scope to roll back');
    if (current.savepoint) throw new Error('afterRollback cannot be asked for inside a savepoint: its work may be undone while the transaction commits');
    current.afterRollback.push(callback);
  }

  /** Calls `callback` after the current transaction commits; outside one, at once. */
  afterCommit(callback: () => void): void {
    const current = this.scope.getStore();
    if (current) current.afterCommit.push(callback);
    else callback();
  }

  /**
   * Runs `work` in its own transaction scoped to `stateCode`, outside any transaction in progress
   * (which it cannot see): for progress that others must see before the surrounding work commits.
   */
  separately<T>(stateCode: string, work: () => Promise<T>): Promise<T> {
    return this.scope.exit(() => this.inState(stateCode, work));
  }

  /**
   * Runs `work` in a read-only transaction of its own scoped to `stateCode` (REPEATABLE READ): every query in
   * it sees the database as it was at the transaction's start, whatever commits meanwhile, so that the
   * figures of one report all count the same records. Outside any transaction in progress, as `separately`;
   * inside a snapshot, `work` joins it. Its connection comes from a pool of its own: a request that holds
   * one of the service's connections and waits for a snapshot's never waits on requests like itself (with
   * one pool, as many reports as connections would each hold one and wait for a second for ever).
   */
  snapshot<T>(stateCode: string, work: () => Promise<T>): Promise<T> {
    const current = this.scope.getStore();
    if (current?.snapshot) {
      if (current.stateCode === stateCode) return work();
      throw new Error(`Already in a snapshot of ${current.stateCode ?? 'no State'}; cannot switch to ${stateCode}`);
    }
    return this.scope.exit(() => this.transaction(stateCode, work, undefined, true));
  }

  /**
   * Runs `work` in a transaction without a State: only node-wide tables (states) and the
   * narrow SECURITY DEFINER look-ups used before login are reachable; State-owned tables raise.
   */
  withoutState<T>(work: () => Promise<T>): Promise<T> {
    const current = this.scope.getStore();
    if (current) return work();
    return this.transaction(null, work);
  }

  /**
   * One transaction on its own pooled connection. Its start and the State setting go to PostgreSQL as one
   * simple query (one round trip instead of two on every request); TypeORM is then told that its query
   * runner is in that transaction, so that commit, rollback and nested savepoints go through it as usual.
   */
  private async transaction<T>(stateCode: string | null, work: (rows: Record<string, unknown>[]) => Promise<T>, opening?: string, snapshot = false): Promise<T> {
    if (stateCode !== null && !STATE_CODE.test(stateCode)) throw new Error(`Not a State code: ${JSON.stringify(stateCode)}`);
    const runner = (snapshot ? this.snapshots : this.dataSource).createQueryRunner();
    const afterCommit: (() => void)[] = [];
    const afterRollback: (() => Promise<void>)[] = [];
    const staged = new Map<CommitBatch<unknown>, unknown[]>();
    let result: T;
    try {
      const begin = snapshot ? 'START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY' : 'START TRANSACTION';
      const start = stateCode === null ? begin : `${begin}; SELECT set_config('app.state_code', '${stateCode}', true)`;
      // From here a failure rolls back (a ROLLBACK after a START that did not run only draws a warning).
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      let rows: Record<string, unknown>[] = [];
      if (opening === undefined) {
        await runner.query(start);
      } else {
        // Several statements in one simple query: the driver answers with one result each (TypeORM's
        // query() keeps none of them), the opening statement's last.
        // A failure is reported as TypeORM reports the others (QueryFailedError, with the driver's error).
        const client = (await runner.connect()) as PoolClient;
        const sql = `${start}; ${opening}`;
        const results = (await client.query(sql).catch((error: Error) => Promise.reject(new QueryFailedError(sql, undefined, error)))) as unknown as QueryResult[];
        rows = results[results.length - 1].rows as Record<string, unknown>[];
      }
      result = await this.scope.run({ manager: runner.manager, stateCode, afterCommit, afterRollback, staged, ...(snapshot && { snapshot: true as const }) }, () => work(rows));
      const statements = [...staged].filter(([, items]) => items.length > 0).map(([batch, items]) => batch.commitStatement(items));
      if (statements.length === 0) {
        await runner.commitTransaction();
      } else {
        // A failing statement aborts the rest of the string, COMMIT included: the catch below rolls back.
        await runner.query(`${statements.join('; ')}; COMMIT`);
        Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
      }
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      // Outside this transaction's scope, on a connection of their own.
      await this.scope.exit(async () => {
        for (const callback of afterRollback) {
          try {
            await callback();
          } catch (callbackError) {
            // The caller gets the transaction's own failure; the callback's is not what went wrong, but the work
            // it did not record (a failed attempt counted, an import marked failed) is named in the log.
            this.logger.error(`work recorded after a rollback failed: ${callbackError instanceof Error ? callbackError.message : String(callbackError)}`);
          }
        }
      });
      throw error;
    }
    await runner.release();
    for (const callback of afterCommit) callback();
    return result;
  }

  get manager(): EntityManager {
    const current = this.scope.getStore();
    if (!current) throw new Error('No database transaction in scope: wrap the call in Db.inState or Db.withoutState');
    return current.manager;
  }

  get stateCode(): string | null {
    return this.scope.getStore()?.stateCode ?? null;
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }
}
