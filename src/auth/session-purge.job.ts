import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { PeriodicJob } from '../common/periodic-job';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import { StatesService } from '../states/states.service';
import { SessionsRepository } from './sessions.repository';

/** Sessions deleted per transaction. */
const BATCH = 5_000;

/**
 * Deletes, every SESSION_PURGE_JOB_SECONDS, the sessions that ended (revoked, or past their absolute end)
 * more than SESSION_RETENTION_DAYS ago, with their refresh tokens (ON DELETE CASCADE) and the address each
 * was opened from: kept as long as a misuse may be looked into, not for ever. The audit trail keeps the
 * logins, logouts and revocations. Two replicas purging at once delete each session once.
 */
@Injectable()
export class SessionPurgeJob extends PeriodicJob {
  protected readonly logger = new Logger(SessionPurgeJob.name);

  constructor(
    db: Db,
    states: StatesService,
    private readonly sessions: SessionsRepository,
    private readonly clock: Clock,
    @Inject(AppConfig) config: AppConfig,
  ) {
    super(db, states, config);
  }

  protected intervalSeconds(): number {
    return this.config.SESSION_PURGE_JOB_SECONDS;
  }

  /** The State's sessions ended before the retention, deleted. */
  protected async runFor(code: string): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.SESSION_RETENTION_DAYS * 24 * 3600 * 1000);
    return this.inBatches(code, BATCH, () => this.sessions.purgeEnded(code, before, BATCH));
  }
}
