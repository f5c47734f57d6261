import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { outsideRequest } from '../common/http/request-context';
import { PeriodicJob } from '../common/periodic-job';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import { StatesService } from '../states/states.service';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { OUTBOX_MAX_ATTEMPTS } from './tracing.constants';
import { TracesRepository } from './traces.repository';
import { TracingService } from './tracing.service';

const BATCH = 200;
/** Deliveries in flight at once (each holds a pooled connection while it runs). */
const LANES = 4;

/**
 * Delivers messages between State mailboxes. Each message is claimed (FOR UPDATE SKIP LOCKED), applied
 * to the target State's copy and marked delivered in one transaction: a crash before the commit leaves
 * it pending, after the commit it is done, so it is applied exactly once, by one replica.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  private again = false;
  /** Set on shutdown: the run in progress ends after the deliveries in flight, the rest waits for the next start. */
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly traces: TracesRepository,
    private readonly tracing: TracingService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  private readonly onWritten = () => this.kick();

  onApplicationBootstrap(): void {
    this.stopping = false;
    if (!this.config.BACKGROUND_WORK) return;
    this.tracing.outbox.on('written', this.onWritten);
    if (this.config.OUTBOX_POLL_MS > 0) this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS).unref();
    // What waited at the last shutdown goes now, poll or no poll.
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.tracing.outbox.off('written', this.onWritten);
    this.stopping = true;
    await this.running;
  }

  /** Asks for a delivery run soon (after a commit that wrote messages). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    // A run asked for at a request's commit delivers for every State: none of its events is that request's.
    void outsideRequest(() => this.drain()).catch((error: unknown) => this.logger.error(`outbox delivery failed: ${String(error)}`));
  }

  /** Delivers every deliverable message; resolves with how many were delivered. */
  async drain(): Promise<number> {
    // Runs one at a time: the run awaited may end by starting another (a kick while it ran), awaited too,
    // so that a message that run is delivering is delivered when this resolves.
    while (this.running) await this.running.catch(() => 0);
    this.running = this.deliverAll();
    try {
      return await this.running;
    } finally {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    }
  }

  /** Rounds of deliveries until one ends with nothing skipped or left; resolves with how many were delivered. */
  private async deliverAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const { delivered, skipped } = await this.deliverRound();
      total += delivered;
      if (!skipped || this.stopping) return total;
    }
  }

  /**
   * Several deliveries at once, each in its own transaction: SKIP LOCKED shares the messages out, and
   * outbox_claim() never hands out a message while an older one of its exchange is pending. A round starts
   * with one lane and opens another (up to LANES) after each message delivered; the first claim that finds
   * nothing ends every lane, a transaction that failed only its own. When that claim ran while another lane
   * was delivering, it may have skipped a message (locked by that lane, or waiting for an older one of its
   * exchange): `skipped` asks for a round more, as does a round that used its whole budget (BATCH) before a
   * claim found nothing.
   */
  private async deliverRound(): Promise<{ delivered: number; skipped: boolean }> {
    let delivered = 0;
    let budget = BATCH;
    let empty = false;
    let skipped = false;
    let inFlight = 0;
    const lanes: Promise<void>[] = [];
    const lane = async (): Promise<void> => {
      while (!empty && !this.stopping && budget-- > 0) {
        const othersBusy = inFlight > 0;
        inFlight++;
        const outcome = await this.deliverOne();
        inFlight--;
        // A transaction that failed ends only its own lane (the message stays pending for a later run).
        if (outcome === 'error') return;
        if (outcome === 'none') {
          empty = true;
          if (othersBusy || inFlight > 0) skipped = true;
          return;
        }
        if (outcome === 'delivered') delivered++;
        if (lanes.length < LANES) lanes.push(lane());
      }
    };
    lanes.push(lane());
    for (let i = 0; i < lanes.length; i++) await lanes[i];
    return { delivered, skipped: skipped || (!empty && budget <= 0) };
  }

  /**
   * One message: claimed, applied in a savepoint as the target State, marked delivered. When applying
   * fails, the savepoint is undone and the failure recorded while the claim's lock is still held, so no
   * other lane or replica retries it before its back-off.
   */
  private async deliverOne(): Promise<'delivered' | 'failed' | 'none' | 'error'> {
    // A failure of the transaction itself (connection lost, commit refused) undoes everything, the claim
    // included: the message stays pending for the next run, and this lane stops.
    return this.deliverInTransaction().catch((error: unknown) => {
      this.logger.error(`outbox delivery interrupted: ${error instanceof Error ? error.message : String(error)}`);
      return 'error' as const;
    });
  }

  private async deliverInTransaction(): Promise<'delivered' | 'failed' | 'none'> {
    return this.traces.withClaimedMessage(async (message) => {
      if (!message) return 'none';
      try {
        await this.db.savepointAsState(message.targetState, () => this.tracing.applyMessage(message));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.error(`message ${message.id} (${message.kind} from ${message.stateCode} to ${message.targetState}) not delivered: ${reason}`);
        await this.traces.markFailed(message.id, reason);
        if (message.attempts + 1 >= OUTBOX_MAX_ATTEMPTS) await this.stopped(message);
        return 'failed';
      }
      await this.traces.markDelivered(message.id);
      return 'delivered';
    });
  }

  /** The last try failed: the message waits for an operator, and the sending State is told (best effort: the failure stays recorded). */
  private async stopped(message: OutboxMessageEntity): Promise<void> {
    this.logger.error(`message ${message.id} (${message.kind} from ${message.stateCode} to ${message.targetState}) left for an operator after ${OUTBOX_MAX_ATTEMPTS} tries`);
    await this.db
      .savepointAsState(message.stateCode, () => this.tracing.deliveryStopped(message))
      .catch((error: unknown) => this.logger.error(`the sending State of message ${message.id} could not be notified: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** Marks overdue traces of every hosted State and reminds their users, every TRACE_DEADLINE_JOB_SECONDS. */
@Injectable()
export class DeadlineJob extends PeriodicJob {
  protected readonly logger = new Logger(DeadlineJob.name);

  constructor(
    db: Db,
    states: StatesService,
    private readonly tracing: TracingService,
    @Inject(AppConfig) config: AppConfig,
  ) {
    super(db, states, config);
  }

  protected intervalSeconds(): number {
    return this.config.TRACE_DEADLINE_JOB_SECONDS;
  }

  /** The State's traces newly overdue, marked and reminded. */
  protected runFor(code: string): Promise<number> {
    return this.db.inState(code, () => this.tracing.remindOverdue(code));
  }
}
