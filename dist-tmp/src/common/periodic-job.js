"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PeriodicJob = void 0;
/**
 * A job this process runs every `intervalSeconds()` (0: never) over every State hosted on the node, one
 * run at a time, and waits for at shutdown; `run()` also runs it on demand. Every replica runs its own, so a job's work must be safe
 * when two run at once. A run goes State by State: one State's failure is logged and does not keep the
 * others from theirs. At shutdown the run under way stops after the State (or the part of it, see
 * `stopping`) it is working on.
 */
class PeriodicJob {
    constructor(db, states) {
        this.db = db;
        this.states = states;
        this.running = null;
        /** Set at shutdown: a runFor() that works in several transactions checks it between them. */
        this.stopping = false;
    }
    onApplicationBootstrap() {
        const seconds = this.intervalSeconds();
        if (seconds > 0) {
            this.timer = setInterval(() => void this.run().catch((error) => this.logger.error(`run failed: ${messageOf(error)}`)), seconds * 1000).unref();
        }
    }
    async onApplicationShutdown() {
        this.stopping = true;
        clearInterval(this.timer);
        await this.running;
    }
    /** One run over every State, or the run already under way; returns the total of runFor(). */
    async run() {
        if (this.running)
            return this.running;
        this.running = (async () => {
            let total = 0;
            for (const code of await this.db.withoutState(() => this.states.hostedCodes())) {
                if (this.stopping)
                    break;
                total += await this.runFor(code).catch((error) => {
                    this.logger.error(`run failed for ${code}: ${messageOf(error)}`);
                    return 0;
                });
            }
            return total;
        })();
        try {
            return await this.running;
        }
        finally {
            this.running = null;
        }
    }
}
exports.PeriodicJob = PeriodicJob;
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
//# sourceMappingURL=periodic-job.js.map