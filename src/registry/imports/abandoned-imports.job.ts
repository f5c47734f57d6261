import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { PeriodicJob } from '../../common/periodic-job';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { StatesService } from '../../states/states.service';
import { ImportsRepository } from './imports.repository';

/** An import takes its lock a moment after its row is written: one younger than this is left alone. */
const GRACE_SECONDS = 60;

/**
 * Every IMPORT_ABANDONED_JOB_SECONDS, marks failed the imports a process that ended mid-import (a crash, a kill) left said to be receiving,
 * validating or merging: nothing of them landed (their transaction ended with the process), and the
 * registrar who reads the list is told so rather than shown an import under way for ever. An import a
 * process still runs holds a lock that keeps it out of reach, on whichever replica it runs.
 */
@Injectable()
export class AbandonedImportsJob extends PeriodicJob {
  protected readonly logger = new Logger(AbandonedImportsJob.name);

  constructor(
    db: Db,
    states: StatesService,
    private readonly imports: ImportsRepository,
    private readonly clock: Clock,
    @Inject(AppConfig) config: AppConfig,
  ) {
    super(db, states, config);
  }

  protected intervalSeconds(): number {
    return this.config.IMPORT_ABANDONED_JOB_SECONDS;
  }

  protected async runFor(code: string): Promise<number> {
    const failed = await this.db.inState(code, () => this.imports.failAbandoned(code, GRACE_SECONDS, this.clock.now()));
    if (failed > 0) this.logger.warn(`${failed} import(s) of ${code} left under way by a process that ended marked failed`);
    return failed;
  }
}
