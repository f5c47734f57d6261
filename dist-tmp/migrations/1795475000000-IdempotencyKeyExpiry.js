"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdempotencyKeyExpiry1795475000000 = void 0;
/**
 * Idempotency-Keys are forgotten after IDEMPOTENCY_KEY_HOURS: IdempotencyPurgeJob deletes them, oldest
 * first, through an index by State and age, as the app role (row-level security scopes it to one State).
 */
class IdempotencyKeyExpiry1795475000000 {
    constructor() {
        this.name = 'IdempotencyKeyExpiry1795475000000';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE INDEX "IDX_idempotency_keys_created" ON "idempotency_keys" ("state_code", "created_at")');
        await queryRunner.query('GRANT DELETE ON idempotency_keys TO iti_app');
    }
    async down(queryRunner) {
        await queryRunner.query('REVOKE DELETE ON idempotency_keys FROM iti_app');
        await queryRunner.query('DROP INDEX "public"."IDX_idempotency_keys_created"');
    }
}
exports.IdempotencyKeyExpiry1795475000000 = IdempotencyKeyExpiry1795475000000;
//# sourceMappingURL=1795475000000-IdempotencyKeyExpiry.js.map