import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import { StatesService } from '../states/states.service';
import { PeriodicJob } from './periodic-job';

class CountingJob extends PeriodicJob {
  protected readonly logger = new Logger('CountingJob');
  readonly runs: string[] = [];

  constructor(private readonly seconds: number, backgroundWork = true) {
    // Scheduling only: a transaction that runs its work, and two States.
    super(
      { withoutState: (work: () => Promise<unknown>) => work() } as unknown as Db,
      { hostedCodes: async () => ['FRA', 'BEL'] } as unknown as StatesService,
      { BACKGROUND_WORK: backgroundWork } as AppConfig,
    );
  }

  protected intervalSeconds(): number {
    return this.seconds;
  }

  protected async runFor(stateCode: string): Promise<number> {
    this.runs.push(stateCode);
    return 1;
  }
}

describe('PeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs first a tenth to a fifth of its interval after the start, then every interval', async () => {
    const job = new CountingJob(86_400);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(86_400 * 100 - 1);
    expect(job.runs).toEqual([]);
    await jest.advanceTimersByTimeAsync(86_400 * 100 + 1);
    expect(job.runs).toEqual(['FRA', 'BEL']);
    await jest.advanceTimersByTimeAsync(86_400 * 1000 - 86_400 * 200);
    expect(job.runs).toEqual(['FRA', 'BEL', 'FRA', 'BEL']);
    await job.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(86_400 * 2000);
    expect(job.runs).toHaveLength(4);
  });

  it('never runs on its own when its interval is 0, or in a process without background work (BACKGROUND_WORK=false)', async () => {
    for (const job of [new CountingJob(0), new CountingJob(60, false)]) {
      job.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(10 * 86_400_000);
      expect(job.runs).toEqual([]);
      // Asked, it runs.
      await job.run();
      expect(job.runs).toEqual(['FRA', 'BEL']);
    }
  });
});
