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
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdempotencyRepository = void 0;
exports.keysForgottenBefore = keysForgottenBefore;
const common_1 = require("@nestjs/common");
const db_1 = require("../../database/db");
const idempotency_key_entity_1 = require("./idempotency-key.entity");
/** The claim time before which a key is forgotten, `hours` (IDEMPOTENCY_KEY_HOURS) before `now`. */
function keysForgottenBefore(now, hours) {
    return new Date(now.getTime() - hours * 3_600_000);
}
let IdempotencyRepository = class IdempotencyRepository {
    constructor(db) {
        this.db = db;
    }
    /**
     * Claims the key in the request's transaction, or takes it over when it was claimed before
     * `expiredBefore` (a forgotten key is a new request). A concurrent request with the same key waits on
     * the unique key until this one commits or rolls back, then finds its result (or claims it in turn).
     * A replay locks the key's row too (ON CONFLICT DO UPDATE locks it even when its WHERE is false), until
     * its transaction ends: a short wait for a second replay of the same key, never a wrong answer.
     */
    async claim(stateCode, userId, key, requestSha256, at, expiredBefore) {
        const rows = await this.db.manager.query(`INSERT INTO idempotency_keys (state_code, user_id, key, request_sha256, status_code, created_at) VALUES ($1, $2, $3, $4, 0, $5)
       ON CONFLICT (state_code, user_id, key) DO UPDATE
         SET request_sha256 = EXCLUDED.request_sha256, status_code = 0, response = NULL, kek_id = NULL, data_key = NULL, created_at = EXCLUDED.created_at
         WHERE idempotency_keys.created_at < $6
       RETURNING key`, [stateCode, userId, key, requestSha256, at, expiredBefore]);
        return rows.length > 0;
    }
    find(stateCode, userId, key) {
        return this.db.repository(idempotency_key_entity_1.IdempotencyKeyEntity).findOneBy({ stateCode, userId, key });
    }
    async complete(stateCode, userId, key, statusCode, response, dataKey) {
        await this.db.repository(idempotency_key_entity_1.IdempotencyKeyEntity).update({ stateCode, userId, key }, { statusCode, response, dataKey });
    }
    /**
     * Deletes up to `batch` of the State's keys claimed before `before`, oldest first; returns how many.
     * The age is checked again on the row itself: a key that a request takes over while this waits for it
     * (its claim renewed) is kept.
     */
    async purge(stateCode, before, batch) {
        const result = await this.db
            .repository(idempotency_key_entity_1.IdempotencyKeyEntity)
            .createQueryBuilder()
            .delete()
            .where('state_code = :stateCode AND created_at < :before', { stateCode, before })
            .andWhere('(user_id, key) IN (SELECT user_id, key FROM idempotency_keys WHERE state_code = :stateCode AND created_at < :before ORDER BY created_at LIMIT :batch)', { batch })
            .execute();
        return result.affected ?? 0;
    }
};
exports.IdempotencyRepository = IdempotencyRepository;
exports.IdempotencyRepository = IdempotencyRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], IdempotencyRepository);
//# sourceMappingURL=idempotency.repository.js.map