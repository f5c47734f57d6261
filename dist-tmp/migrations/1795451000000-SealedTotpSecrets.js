"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SealedTotpSecrets1795451000000 = void 0;
/**
 * TOTP secrets sealed at rest like case content (AES-256-GCM, a data key per user row wrapped by the
 * keyring's key): `mfa_secret` and `mfa_pending_secret` become sealed bytea. A secret stored in plain text
 * before this migration moves to `*_legacy`; the service seals it when it starts (MfaSecrets), with the
 * keyring that SQL does not have, and empties the legacy column.
 */
class SealedTotpSecrets1795451000000 {
    constructor() {
        this.name = 'SealedTotpSecrets1795451000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`ALTER TABLE "users" RENAME COLUMN "mfa_secret" TO "mfa_secret_legacy"`);
        await queryRunner.query(`ALTER TABLE "users" RENAME COLUMN "mfa_pending_secret" TO "mfa_pending_secret_legacy"`);
        await queryRunner.query(`ALTER TABLE "users" ADD "mfa_secret" bytea`);
        await queryRunner.query(`ALTER TABLE "users" ADD "mfa_pending_secret" bytea`);
        await queryRunner.query(`ALTER TABLE "users" ADD "kek_id" character varying(64)`);
        await queryRunner.query(`ALTER TABLE "users" ADD "data_key" bytea`);
        // Which States still have secrets to seal: a look-up across States, as the owner (see owner_auth_lookup).
        await queryRunner.query(`
      CREATE FUNCTION mfa_legacy_states() RETURNS SETOF char(3)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT DISTINCT state_code FROM users WHERE mfa_secret_legacy IS NOT NULL OR mfa_pending_secret_legacy IS NOT NULL
      $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION mfa_legacy_states() FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION mfa_legacy_states() TO iti_app`);
    }
    async down(queryRunner) {
        // Sealed secrets cannot be turned back into text here (no keyring in SQL): enrolled users enrol again.
        await queryRunner.query(`DROP FUNCTION mfa_legacy_states()`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "data_key"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "kek_id"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mfa_pending_secret"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "mfa_secret"`);
        await queryRunner.query(`ALTER TABLE "users" RENAME COLUMN "mfa_pending_secret_legacy" TO "mfa_pending_secret"`);
        await queryRunner.query(`ALTER TABLE "users" RENAME COLUMN "mfa_secret_legacy" TO "mfa_secret"`);
    }
}
exports.SealedTotpSecrets1795451000000 = SealedTotpSecrets1795451000000;
//# sourceMappingURL=1795451000000-SealedTotpSecrets.js.map