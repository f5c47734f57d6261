"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ListOrderIndexes1795460000000 = void 0;
/**
 * Lists are paged in creation order, (created_at, id), with the last row's values in the cursor. Indexes
 * in that order, after the filters a list always has (the State; an officer's own traces; a user's
 * inbox; an actor or a target in the audit trail, paged in seq order), let a page read only its own rows instead of sorting a State's whole registry or every trace it
 * holds. Creation times are kept to the millisecond, as the cursor carries them: at the database's
 * microseconds (a weapon's default now()), a cursor fell behind its own row and the next page began again.
 * Rewrites weapons, traces and notifications.
 */
class ListOrderIndexes1795460000000 {
    constructor() {
        this.name = 'ListOrderIndexes1795460000000';
    }
    async up(queryRunner) {
        // Indexes replaced are dropped first, not rebuilt by the column's change of type.
        await queryRunner.query('DROP INDEX "public"."IDX_weapons_state_status"');
        await queryRunner.query('DROP INDEX "public"."IDX_notifications_user"');
        await queryRunner.query('ALTER TABLE "weapons" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE');
        await queryRunner.query('CREATE INDEX "IDX_weapons_state_status" ON "weapons" ("state_code", "status", "created_at", "id")');
        await queryRunner.query('CREATE INDEX "IDX_weapons_state_created" ON "weapons" ("state_code", "created_at", "id")');
        await queryRunner.query('ALTER TABLE "traces" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE');
        await queryRunner.query('CREATE INDEX "IDX_traces_state_created" ON "traces" ("state_code", "created_at", "id")');
        await queryRunner.query('CREATE INDEX "IDX_traces_state_creator" ON "traces" ("state_code", "created_by", "created_at", "id")');
        await queryRunner.query('ALTER TABLE "notifications" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE');
        await queryRunner.query('CREATE INDEX "IDX_notifications_user" ON "notifications" ("state_code", "user_id", "created_at", "id")');
        // The audit trail is paged in seq order: by actor ("what did this user do") and by target, through these.
        await queryRunner.query('CREATE INDEX "IDX_audit_events_actor" ON "audit_events" ("state_code", "actor_id", "seq")');
        await queryRunner.query('DROP INDEX "public"."IDX_audit_events_target"');
        await queryRunner.query('CREATE INDEX "IDX_audit_events_target" ON "audit_events" ("state_code", "target_type", "target_id", "seq")');
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."IDX_audit_events_target"');
        await queryRunner.query('CREATE INDEX "IDX_audit_events_target" ON "audit_events" ("state_code", "target_type", "target_id")');
        await queryRunner.query('DROP INDEX "public"."IDX_audit_events_actor"');
        await queryRunner.query('DROP INDEX "public"."IDX_notifications_user"');
        await queryRunner.query('CREATE INDEX "IDX_notifications_user" ON "notifications" ("state_code", "user_id", "created_at")');
        await queryRunner.query('ALTER TABLE "notifications" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE');
        await queryRunner.query('DROP INDEX "public"."IDX_traces_state_creator"');
        await queryRunner.query('DROP INDEX "public"."IDX_traces_state_created"');
        await queryRunner.query('ALTER TABLE "traces" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE');
        await queryRunner.query('DROP INDEX "public"."IDX_weapons_state_created"');
        await queryRunner.query('DROP INDEX "public"."IDX_weapons_state_status"');
        await queryRunner.query('CREATE INDEX "IDX_weapons_state_status" ON "weapons" ("state_code", "status")');
        await queryRunner.query('ALTER TABLE "weapons" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE');
    }
}
exports.ListOrderIndexes1795460000000 = ListOrderIndexes1795460000000;
//# sourceMappingURL=1795460000000-ListOrderIndexes.js.map