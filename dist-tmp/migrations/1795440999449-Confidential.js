"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Confidential1795440999449 = void 0;
class Confidential1795440999449 {
    constructor() {
        this.name = 'Confidential1795440999449';
    }
    async up(queryRunner) {
        await queryRunner.query("CREATE TABLE \"audit_events\" (\"state_code\" character(3) NOT NULL, \"seq\" bigint NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"actor_id\" uuid, \"action\" character varying(120) NOT NULL, \"target_type\" character varying(40), \"target_id\" character varying(100), \"outcome\" character varying(8) NOT NULL, \"request_id\" character varying(100), \"source_ip\" character varying(64), \"details\" jsonb NOT NULL DEFAULT '{}', \"prev_hash\" bytea NOT NULL, \"hash\" bytea NOT NULL, CONSTRAINT \"PK_067bf2e83c69a0cfadba0166481\" PRIMARY KEY (\"state_code\", \"seq\"))");
        await queryRunner.query("CREATE INDEX \"IDX_audit_events_target\" ON \"audit_events\"  (\"state_code\", \"target_type\", \"target_id\") ");
        await queryRunner.query("CREATE INDEX \"IDX_audit_events_state_at\" ON \"audit_events\"  (\"state_code\", \"at\") ");
        await queryRunner.query("CREATE TABLE \"audit_heads\" (\"state_code\" character(3) NOT NULL, \"seq\" bigint NOT NULL, \"hash\" bytea NOT NULL, CONSTRAINT \"PK_fdb9afefdfb5078b4701ac9b9df\" PRIMARY KEY (\"state_code\"))");
        await queryRunner.query("CREATE TABLE \"cases\" (\"id\" uuid NOT NULL, \"state_code\" character(3) NOT NULL, \"classification\" character varying(16) NOT NULL, \"reference\" bytea NOT NULL, \"offence\" bytea NOT NULL, \"narrative\" bytea NOT NULL, \"persons\" bytea NOT NULL, \"place_of_recovery\" bytea NOT NULL, \"investigating_agency\" bytea NOT NULL, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"kek_id\" character varying(64), \"data_key\" bytea, CONSTRAINT \"PK_264acb3048c240fb89aa34626db\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_cases_state_created\" ON \"cases\"  (\"state_code\", \"created_at\") ");
        await queryRunner.query("CREATE TABLE \"case_members\" (\"case_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"state_code\" character(3) NOT NULL, \"added_by\" uuid NOT NULL, \"added_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_db3cfab6b5ecea4655df2dbe3ec\" PRIMARY KEY (\"case_id\", \"user_id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_case_members_user\" ON \"case_members\"  (\"state_code\", \"user_id\") ");
        await queryRunner.query("ALTER TABLE \"traces\" ADD \"case_id\" uuid");
        await queryRunner.query("ALTER TABLE \"traces\" ADD \"disclosed_fields\" character varying(40) array NOT NULL DEFAULT '{}'");
        await queryRunner.query("ALTER TABLE \"traces\" ADD \"disclosure\" bytea");
        await queryRunner.query("ALTER TABLE \"traces\" ADD \"kek_id\" character varying(64)");
        await queryRunner.query("ALTER TABLE \"traces\" ADD \"data_key\" bytea");
        await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"sealed\" bytea");
        await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"kek_id\" character varying(64)");
        await queryRunner.query("ALTER TABLE \"outbox_messages\" ADD \"data_key\" bytea");
        await queryRunner.query("ALTER TABLE \"idempotency_keys\" ADD \"kek_id\" character varying(64)");
        await queryRunner.query("ALTER TABLE \"idempotency_keys\" ADD \"data_key\" bytea");
        // Stored responses are sealed from now on; the stored ones (replays of retries within minutes) go.
        await queryRunner.query("TRUNCATE \"idempotency_keys\"");
        await queryRunner.query("ALTER TABLE \"idempotency_keys\" DROP COLUMN \"response\"");
        await queryRunner.query("ALTER TABLE \"idempotency_keys\" ADD \"response\" bytea");
        await queryRunner.query("ALTER TABLE \"case_members\" ADD CONSTRAINT \"FK_2f3796489448d86521a69e096df\" FOREIGN KEY (\"case_id\") REFERENCES \"cases\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    }
    async down(queryRunner) {
        await queryRunner.query("ALTER TABLE \"case_members\" DROP CONSTRAINT \"FK_2f3796489448d86521a69e096df\"");
        await queryRunner.query("ALTER TABLE \"idempotency_keys\" DROP COLUMN \"response\"");
        await queryRunner.query("ALTER TABLE \"idempotency_keys\" ADD \"response\" jsonb");
        await queryRunner.query("ALTER TABLE \"idempotency_keys\" DROP COLUMN \"data_key\"");
        await queryRunner.query("ALTER TABLE \"idempotency_keys\" DROP COLUMN \"kek_id\"");
        await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"data_key\"");
        await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"kek_id\"");
        await queryRunner.query("ALTER TABLE \"outbox_messages\" DROP COLUMN \"sealed\"");
        await queryRunner.query("ALTER TABLE \"traces\" DROP COLUMN \"data_key\"");
        await queryRunner.query("ALTER TABLE \"traces\" DROP COLUMN \"kek_id\"");
        await queryRunner.query("ALTER TABLE \"traces\" DROP COLUMN \"disclosure\"");
        await queryRunner.query("ALTER TABLE \"traces\" DROP COLUMN \"disclosed_fields\"");
        await queryRunner.query("ALTER TABLE \"traces\" DROP COLUMN \"case_id\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_case_members_user\"");
        await queryRunner.query("DROP TABLE \"case_members\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_cases_state_created\"");
        await queryRunner.query("DROP TABLE \"cases\"");
        await queryRunner.query("DROP TABLE \"audit_heads\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_audit_events_state_at\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_audit_events_target\"");
        await queryRunner.query("DROP TABLE \"audit_events\"");
    }
}
exports.Confidential1795440999449 = Confidential1795440999449;
//# sourceMappingURL=1795440999449-Confidential.js.map