import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { StatesService } from '../../states/states.service';
import { Clock } from '../clock';
import { PeriodicJob } from '../periodic-job';
import { IdempotencyRepository, keysForgottenBefore } from './idempotency.repository';

/** Keys deleted per transaction. */
const BATCH = 5_000;

/**
 * Deletes, every IDEMPOTENCY_PURGE_JOB_SECONDS, the Idempotency-Keys older than IDEMPOTENCY_KEY_HOURS,
 * with their sealed copies of responses: a copy of confidential content is kept no longer than a retry
 * needs it. Two replicas purging at once delete each key once.
 */
@Injectable()
export class IdempotencyPurgeJob extends PeriodicJob {
  protected readonly logger = new Logger(IdempotencyPurgeJob.name);

  constructor(
    db: Db,
    states: StatesService,
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
    @Inject(AppConfig) config: AppConfig,
  ) {
    super(db, states, config);
  }

  protected intervalSeconds(): number {
    return this.config.IDEMPOTENCY_PURGE_JOB_SECONDS;
  }

  /** The State's expired keys deleted. */
  protected async runFor(code: string): Promise<number> {
    const before = keysForgottenBefore(this.clock.now(), this.config.IDEMPOTENCY_KEY_HOURS);
    return this.inBatches(code, BATCH, () => this.keys.purge(code, before, BATCH));
  }
}
