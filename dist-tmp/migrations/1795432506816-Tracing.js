"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Tracing1795432506816 = void 0;
class Tracing1795432506816 {
    constructor() {
        this.name = 'Tracing1795432506816';
    }
    async up(queryRunner) {
        await queryRunner.query("CREATE TABLE \"traces\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"exchange_id\" uuid NOT NULL, \"direction\" character varying(8) NOT NULL, \"status\" character varying(24) NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"requesting_state\" character(3) NOT NULL, \"requested_state\" character(3) NOT NULL, \"parent_id\" uuid, \"weapon_id\" uuid, \"officer_id\" uuid, \"officer_name\" character varying(200), \"npc_id\" uuid, \"npc_name\" character varying(200), \"requesting_authority\" character varying(200) NOT NULL, \"channel\" character varying(16) NOT NULL, \"priority\" character varying(16) NOT NULL, \"urgent_justification\" text, \"illicit_basis\" character varying(40) array NOT NULL, \"legal_justification\" text NOT NULL, \"recovery\" jsonb NOT NULL, \"intended_use\" text NOT NULL, \"classification\" character varying(16) NOT NULL, \"confidentiality_requested\" boolean NOT NULL DEFAULT false, \"use_restrictions\" character varying(48) array NOT NULL DEFAULT '{}', \"weapon_observed\" jsonb NOT NULL, \"answer\" jsonb, \"notes\" jsonb NOT NULL DEFAULT '[]', \"close_reason\" character varying(32), \"acknowledge_due_at\" TIMESTAMP WITH TIME ZONE, \"answer_due_at\" TIMESTAMP WITH TIME ZONE, \"overdue_since\" TIMESTAMP WITH TIME ZONE, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, \"answered_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a28bd8d9b09a77802bb18fbc2f5\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_traces_parent\" ON \"traces\"  (\"parent_id\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"UQ_traces_exchange\" ON \"traces\"  (\"state_code\", \"exchange_id\", \"direction\") ");
        await queryRunner.query("CREATE INDEX \"IDX_traces_state_direction_status\" ON \"traces\"  (\"state_code\", \"direction\", \"status\") ");
        await queryRunner.query("CREATE TABLE \"outbox_messages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"target_state\" character(3) NOT NULL, \"kind\" character varying(40) NOT NULL, \"exchange_id\" uuid NOT NULL, \"payload\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), \"delivered_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), \"last_error\" text, CONSTRAINT \"PK_0171348f527c64b137e4d4f5b66\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_outbox_exchange\" ON \"outbox_messages\"  (\"exchange_id\", \"created_at\") ");
        await queryRunner.query("CREATE INDEX \"IDX_outbox_pending\" ON \"outbox_messages\"  (\"created_at\") WHERE delivered_at IS NULL");
        await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"user_id\" uuid NOT NULL, \"kind\" character varying(40) NOT NULL, \"trace_id\" uuid, \"message\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"read_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_notifications_user\" ON \"notifications\"  (\"state_code\", \"user_id\", \"created_at\") ");
        await queryRunner.query("CREATE TABLE \"idempotency_keys\" (\"state_code\" character(3) NOT NULL, \"user_id\" uuid NOT NULL, \"key\" character varying(200) NOT NULL, \"request_sha256\" character(64) NOT NULL, \"status_code\" integer NOT NULL, \"response\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a3e300ae051e26cd07f066724a4\" PRIMARY KEY (\"state_code\", \"user_id\", \"key\"))");
    }
    async down(queryRunner) {
        await queryRunner.query("DROP TABLE \"idempotency_keys\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_notifications_user\"");
        await queryRunner.query("DROP TABLE \"notifications\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_outbox_pending\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_outbox_exchange\"");
        await queryRunner.query("DROP TABLE \"outbox_messages\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_traces_state_direction_status\"");
        await queryRunner.query("DROP INDEX \"public\".\"UQ_traces_exchange\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_traces_parent\"");
        await queryRunner.query("DROP TABLE \"traces\"");
    }
}
exports.Tracing1795432506816 = Tracing1795432506816;
//# sourceMappingURL=1795432506816-Tracing.js.map