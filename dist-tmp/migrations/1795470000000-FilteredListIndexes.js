"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FilteredListIndexes1795470000000 = void 0;
/**
 * Indexes for the filters that pick a few rows out of many, so that a page reads its own rows instead of
 * walking a State's whole audit trail, or a user's whole inbox, to find them: the audit trail by action
 * ("who read this kind of record") and its refusals and failures (few among years of events, in a partial
 * index), and a user's unread notifications (few among all those read). Each index is in the list's order.
 */
class FilteredListIndexes1795470000000 {
    constructor() {
        this.name = 'FilteredListIndexes1795470000000';
    }
    async up(queryRunner) {
        await queryRunner.query('CREATE INDEX "IDX_audit_events_action" ON "audit_events" ("state_code", "action", "seq")');
        await queryRunner.query(`CREATE INDEX "IDX_audit_events_unsuccessful" ON "audit_events" ("state_code", "outcome", "seq") WHERE outcome <> 'success'`);
        await queryRunner.query('CREATE INDEX "IDX_notifications_unread" ON "notifications" ("state_code", "user_id", "created_at", "id") WHERE read_at IS NULL');
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."IDX_notifications_unread"');
        await queryRunner.query('DROP INDEX "public"."IDX_audit_events_unsuccessful"');
        await queryRunner.query('DROP INDEX "public"."IDX_audit_events_action"');
    }
}
exports.FilteredListIndexes1795470000000 = FilteredListIndexes1795470000000;
//# sourceMappingURL=1795470000000-FilteredListIndexes.js.map