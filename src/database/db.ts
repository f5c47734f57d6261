import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

interface Scope {
  manager: EntityManager;
  stateCode: string | null;
  /** Run once the outermost transaction has committed (never after a rollback). */
  afterCommit: (() => void)[];
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

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction that row-level security scopes to `stateCode`. */
  inState<T>(stateCode: string, work: () => Promise<T>): Promise<T> {
    const current = this.scope.getStore();
    if (current) {
      if (current.stateCode === stateCode) return work();
      throw new Error(`Already in a transaction for ${current.stateCode ?? 'no State'}; cannot switch to ${stateCode}`);
    }
    return this.transaction(stateCode, async (manager) => {
      await manager.query(`SELECT set_config('app.state_code', $1, true)`, [stateCode]);
    }, work);
  }

  /**
   * Inside a transaction without a State, runs `work` as `stateCode` and then leaves it: for the
   * delivery of a message into another State's mailbox in the same transaction that claimed it.
   */
  async asState<T>(stateCode: string, work: () => Promise<T>): Promise<T> {
    const current = this.scope.getStore();
    if (!current || current.stateCode !== null) throw new Error('asState runs only inside a transaction without a State');
    await current.manager.query(`SELECT set_config('app.state_code', $1, true)`, [stateCode]);
    const result = await this.scope.run({ ...current, stateCode }, work);
    // After a failure the transaction is aborted: the caller rolls back (to a savepoint), which undoes the setting too.
    await current.manager.query(`SELECT set_config('app.state_code', '', true)`);
    return result;
  }

  /** Runs `work` in a savepoint of the current transaction: on failure only its own changes are undone. */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const manager = this.manager;
    await manager.query('SAVEPOINT unit_of_work');
    try {
      const result = await work();
      await manager.query('RELEASE SAVEPOINT unit_of_work');
      return result;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT unit_of_work');
      throw error;
    }
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
   * Runs `work` in a transaction without a State: only node-wide tables (states) and the
   * narrow SECURITY DEFINER look-ups used before login are reachable; State-owned tables raise.
   */
  withoutState<T>(work: () => Promise<T>): Promise<T> {
    const current = this.scope.getStore();
    if (current) return work();
    return this.transaction(null, async () => undefined, work);
  }

  private async transaction<T>(stateCode: string | null, prepare: (manager: EntityManager) => Promise<void>, work: () => Promise<T>): Promise<T> {
    const afterCommit: (() => void)[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      await prepare(manager);
      return this.scope.run({ manager, stateCode, afterCommit }, work);
    });
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
