import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import { StatesService } from '../states/states.service';

/**
 * A job this process runs every `intervalSeconds()` (0: never), the first time soon after it starts, over every State hosted on the node, one
 * run at a time, and waits for at shutdown; `run()` also runs it on demand. Every replica runs its own, so a job's work must be safe
 * when two run at once. A run goes State by State: one State's failure is logged and does not keep the
 * others from theirs. At shutdown the run under way stops after the State (or the part of it, see
 * `stopping`) it is working on.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private first: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  /** Set at shutdown: a runFor() that works in several transactions checks it between them. */
  protected stopping = false;

  /** Seconds between runs; 0 turns the job off (as BACKGROUND_WORK=false turns every job off). */
  protected abstract intervalSeconds(): number;

  constructor(
    protected readonly db: Db,
    private readonly states: StatesService,
    protected readonly config: AppConfig,
  ) {}

  /** One State's share of a run; returns how many things it did. */
  protected abstract runFor(stateCode: string): Promise<number>;

  /**
   * `work` (one transaction in the State's scope, doing up to `batch` things) again and again, until it does
   * fewer or the process stops: a first run on years of rows holds no lock for long. Returns the total.
   */
  protected async inBatches(stateCode: string, batch: number, work: () => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.db.inState(stateCode, work);
      total += done;
      if (done < batch || this.stopping) return total;
    }
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.BACKGROUND_WORK ? this.intervalSeconds() : 0;
    if (seconds <= 0) return;
    const tick = () => void this.run().catch((error: unknown) => this.logger.error(`run failed: ${messageOf(error)}`));
    // A first run soon after the start (a tenth to a fifth of the interval, so that replicas started together
    // spread out), not a whole interval later: a node restarted more often than that still runs the job.
    this.first = setTimeout(tick, seconds * 1000 * (0.1 + 0.1 * Math.random())).unref();
    this.timer = setInterval(tick, seconds * 1000).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.first);
    clearInterval(this.timer);
    await this.running;
  }

  /** One run over every State, or the run already under way; returns the total of runFor(). */
  async run(): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      let total = 0;
      for (const code of await this.db.withoutState(() => this.states.hostedCodes())) {
        if (this.stopping) break;
        total += await this.runFor(code).catch((error: unknown) => {
          this.logger.error(`run failed for ${code}: ${messageOf(error)}`);
          return 0;
        });
      }
      return total;
    })();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
