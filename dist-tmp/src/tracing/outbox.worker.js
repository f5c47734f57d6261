"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var OutboxWorker_1, DeadlineJob_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeadlineJob = exports.OutboxWorker = void 0;
const common_1 = require("@nestjs/common");
const periodic_job_1 = require("../common/periodic-job");
const app_config_1 = require("../config/app-config");
const db_1 = require("../database/db");
const states_service_1 = require("../states/states.service");
const traces_repository_1 = require("./traces.repository");
const tracing_service_1 = require("./tracing.service");
const BATCH = 200;
/** Deliveries in flight at once (each holds a pooled connection while it runs). */
const LANES = 4;
/**
 * Delivers messages between State mailboxes. Each message is claimed (FOR UPDATE SKIP LOCKED), applied
 * to the target State's copy and marked delivered in one transaction: a crash before the commit leaves
 * it pending, after the commit it is done, so it is applied exactly once, by one replica.
 */
let OutboxWorker = OutboxWorker_1 = class OutboxWorker {
    constructor(db, traces, tracing, config) {
        this.db = db;
        this.traces = traces;
        this.tracing = tracing;
        this.config = config;
        this.logger = new common_1.Logger(OutboxWorker_1.name);
        this.running = null;
        this.again = false;
        /** Set on shutdown: the run in progress ends after the deliveries in flight, the rest waits for the next start. */
        this.stopping = false;
        this.onWritten = () => this.kick();
    }
    onApplicationBootstrap() {
        this.stopping = false;
        this.tracing.outbox.on('written', this.onWritten);
        if (this.config.OUTBOX_POLL_MS > 0)
            this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS).unref();
    }
    async onApplicationShutdown() {
        clearInterval(this.timer);
        this.tracing.outbox.off('written', this.onWritten);
        this.stopping = true;
        await this.running;
    }
    /** Asks for a delivery run soon (after a commit that wrote messages). */
    kick() {
        if (this.running) {
            this.again = true;
            return;
        }
        void this.drain().catch((error) => this.logger.error(`outbox delivery failed: ${String(error)}`));
    }
    /** Delivers every deliverable message; resolves with how many were delivered. */
    async drain() {
        // Runs one at a time: the run awaited may end by starting another (a kick while it ran), awaited too,
        // so that a message that run is delivering is delivered when this resolves.
        while (this.running)
            await this.running.catch(() => 0);
        this.running = this.deliverAll();
        try {
            return await this.running;
        }
        finally {
            this.running = null;
            if (this.again) {
                this.again = false;
                this.kick();
            }
        }
    }
    /** Rounds of deliveries until one ends with nothing skipped or left; resolves with how many were delivered. */
    async deliverAll() {
        let total = 0;
        for (;;) {
            const { delivered, skipped } = await this.deliverRound();
            total += delivered;
            if (!skipped || this.stopping)
                return total;
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
    async deliverRound() {
        let delivered = 0;
        let budget = BATCH;
        let empty = false;
        let skipped = false;
        let inFlight = 0;
        const lanes = [];
        const lane = async () => {
            while (!empty && !this.stopping && budget-- > 0) {
                const othersBusy = inFlight > 0;
                inFlight++;
                const outcome = await this.deliverOne();
                inFlight--;
                // A transaction that failed ends only its own lane (the message stays pending for a later run).
                if (outcome === 'error')
                    return;
                if (outcome === 'none') {
                    empty = true;
                    if (othersBusy || inFlight > 0)
                        skipped = true;
                    return;
                }
                if (outcome === 'delivered')
                    delivered++;
                if (lanes.length < LANES)
                    lanes.push(lane());
            }
        };
        lanes.push(lane());
        for (let i = 0; i < lanes.length; i++)
            await lanes[i];
        return { delivered, skipped: skipped || (!empty && budget <= 0) };
    }
    /**
     * One message: claimed, applied in a savepoint as the target State, marked delivered. When applying
     * fails, the savepoint is undone and the failure recorded while the claim's lock is still held, so no
     * other lane or replica retries it before its back-off.
     */
    async deliverOne() {
        // A failure of the transaction itself (connection lost, commit refused) undoes everything, the claim
        // included: the message stays pending for the next run, and this lane stops.
        return this.deliverInTransaction().catch((error) => {
            this.logger.error(`outbox delivery interrupted: ${error instanceof Error ? error.message : String(error)}`);
            return 'error';
        });
    }
    async deliverInTransaction() {
        return this.traces.withClaimedMessage(async (message) => {
            if (!message)
                return 'none';
            try {
                await this.db.savepointAsState(message.targetState, () => this.tracing.applyMessage(message));
            }
            catch (error) {
                const reason = error instanceof Error ? error.message : String(error);
                this.logger.error(`message ${message.id} (${message.kind} from ${message.stateCode} to ${message.targetState}) not delivered: ${reason}`);
                await this.traces.markFailed(message.id, reason);
                return 'failed';
            }
            await this.traces.markDelivered(message.id);
            return 'delivered';
        });
    }
};
exports.OutboxWorker = OutboxWorker;
exports.OutboxWorker = OutboxWorker = OutboxWorker_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [db_1.Db,
        traces_repository_1.TracesRepository,
        tracing_service_1.TracingService,
        app_config_1.AppConfig])
], OutboxWorker);
/** Marks overdue traces of every hosted State and reminds their users, every TRACE_DEADLINE_JOB_SECONDS. */
let DeadlineJob = DeadlineJob_1 = class DeadlineJob extends periodic_job_1.PeriodicJob {
    constructor(db, states, tracing, config) {
        super(db, states);
        this.tracing = tracing;
        this.config = config;
        this.logger = new common_1.Logger(DeadlineJob_1.name);
    }
    intervalSeconds() {
        return this.config.TRACE_DEADLINE_JOB_SECONDS;
    }
    /** The State's traces newly overdue, marked and reminded. */
    runFor(code) {
        return this.db.inState(code, () => this.tracing.remindOverdue(code));
    }
};
exports.DeadlineJob = DeadlineJob;
exports.DeadlineJob = DeadlineJob = DeadlineJob_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [db_1.Db,
        states_service_1.StatesService,
        tracing_service_1.TracingService,
        app_config_1.AppConfig])
], DeadlineJob);
//# sourceMappingURL=outbox.worker.js.map