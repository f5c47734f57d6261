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
var IdempotencyPurgeJob_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdempotencyPurgeJob = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../config/app-config");
const db_1 = require("../../database/db");
const states_service_1 = require("../../states/states.service");
const clock_1 = require("../clock");
const periodic_job_1 = require("../periodic-job");
const idempotency_repository_1 = require("./idempotency.repository");
/** Keys deleted per transaction: a first run on years of keys holds no lock for long. */
const BATCH = 5_000;
/**
 * Deletes, every IDEMPOTENCY_PURGE_JOB_SECONDS, the Idempotency-Keys older than IDEMPOTENCY_KEY_HOURS,
 * with their sealed copies of responses: a copy of confidential content is kept no longer than a retry
 * needs it. Two replicas purging at once delete each key once.
 */
let IdempotencyPurgeJob = IdempotencyPurgeJob_1 = class IdempotencyPurgeJob extends periodic_job_1.PeriodicJob {
    constructor(db, states, keys, clock, config) {
        super(db, states);
        this.keys = keys;
        this.clock = clock;
        this.config = config;
        this.logger = new common_1.Logger(IdempotencyPurgeJob_1.name);
    }
    intervalSeconds() {
        return this.config.IDEMPOTENCY_PURGE_JOB_SECONDS;
    }
    /** The State's expired keys deleted. */
    async runFor(code) {
        const before = (0, idempotency_repository_1.keysForgottenBefore)(this.clock.now(), this.config.IDEMPOTENCY_KEY_HOURS);
        let total = 0;
        for (;;) {
            const deleted = await this.db.inState(code, () => this.keys.purge(code, before, BATCH));
            total += deleted;
            if (deleted < BATCH || this.stopping)
                return total;
        }
    }
};
exports.IdempotencyPurgeJob = IdempotencyPurgeJob;
exports.IdempotencyPurgeJob = IdempotencyPurgeJob = IdempotencyPurgeJob_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [db_1.Db,
        states_service_1.StatesService,
        idempotency_repository_1.IdempotencyRepository,
        clock_1.Clock,
        app_config_1.AppConfig])
], IdempotencyPurgeJob);
//# sourceMappingURL=idempotency-purge.job.js.map