"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Schema1795418535532 = void 0;
class Schema1795418535532 {
    constructor() {
        this.name = 'Schema1795418535532';
    }
    async up(queryRunner) {
        await queryRunner.query("CREATE TABLE \"states\" (\"code\" character(3) NOT NULL, \"alpha2\" character(2) NOT NULL, \"numeric_code\" character(3) NOT NULL, \"name\" character varying(120) NOT NULL, \"former\" boolean NOT NULL DEFAULT false, \"hosted_since\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_d898174c727928064ba5a2ef6e7\" UNIQUE (\"alpha2\"), CONSTRAINT \"PK_b8af4194277281dcfe08be42643\" PRIMARY KEY (\"code\"))");
        await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"username\" character varying(64) NOT NULL, \"display_name\" character varying(200) NOT NULL, \"email\" character varying(254), \"agency\" character varying(200), \"roles\" character varying(16) array NOT NULL, \"password_hash\" text NOT NULL, \"mfa_secret\" text, \"mfa_pending_secret\" text, \"mfa_enabled_at\" TIMESTAMP WITH TIME ZONE, \"mfa_last_step\" bigint, \"mfa_exempt\" boolean NOT NULL DEFAULT false, \"failed_logins\" integer NOT NULL DEFAULT '0', \"locked_until\" TIMESTAMP WITH TIME ZONE, \"disabled_at\" TIMESTAMP WITH TIME ZONE, \"last_login_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"UQ_users_username\" ON \"users\"  (\"username\") ");
        await queryRunner.query("CREATE INDEX \"IDX_users_state\" ON \"users\"  (\"state_code\") ");
        await queryRunner.query("CREATE TABLE \"auth_sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"user_id\" uuid NOT NULL, \"mfa_satisfied\" boolean NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_activity_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_reason\" character varying(32), \"client_ip\" character varying(64), CONSTRAINT \"PK_641507381f32580e8479efc36cd\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_auth_sessions_user\" ON \"auth_sessions\"  (\"user_id\") ");
        await queryRunner.query("CREATE TABLE \"refresh_tokens\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"session_id\" uuid NOT NULL, \"token_hash\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_7d8bee0204106019488c4c50ffa\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"UQ_refresh_tokens_hash\" ON \"refresh_tokens\"  (\"token_hash\") ");
        await queryRunner.query("CREATE INDEX \"IDX_refresh_tokens_session\" ON \"refresh_tokens\"  (\"session_id\") ");
        await queryRunner.query("CREATE TABLE \"contact_points\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"name\" character varying(200) NOT NULL, \"agency\" character varying(200) NOT NULL, \"email\" character varying(254) NOT NULL, \"phone\" character varying(32), \"languages\" character varying(3) array NOT NULL DEFAULT '{}', \"verified_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_4bc7017b4c818a96c7962fb9647\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_contact_points_state\" ON \"contact_points\"  (\"state_code\") ");
        await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"FK_46066e08d6defe5aa0d6eacca7a\" FOREIGN KEY (\"state_code\") REFERENCES \"states\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
        await queryRunner.query("ALTER TABLE \"auth_sessions\" ADD CONSTRAINT \"FK_50ccaa6440288a06f0ba693ccc6\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
        await queryRunner.query("ALTER TABLE \"refresh_tokens\" ADD CONSTRAINT \"FK_3bf308fa93da3966f9e76fcfba4\" FOREIGN KEY (\"session_id\") REFERENCES \"auth_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
        await queryRunner.query("ALTER TABLE \"contact_points\" ADD CONSTRAINT \"FK_87893dc5a30a7ca7e47fb5fb247\" FOREIGN KEY (\"state_code\") REFERENCES \"states\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    }
    async down(queryRunner) {
        await queryRunner.query("ALTER TABLE \"contact_points\" DROP CONSTRAINT \"FK_87893dc5a30a7ca7e47fb5fb247\"");
        await queryRunner.query("ALTER TABLE \"refresh_tokens\" DROP CONSTRAINT \"FK_3bf308fa93da3966f9e76fcfba4\"");
        await queryRunner.query("ALTER TABLE \"auth_sessions\" DROP CONSTRAINT \"FK_50ccaa6440288a06f0ba693ccc6\"");
        await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"FK_46066e08d6defe5aa0d6eacca7a\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_contact_points_state\"");
        await queryRunner.query("DROP TABLE \"contact_points\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_refresh_tokens_session\"");
        await queryRunner.query("DROP INDEX \"public\".\"UQ_refresh_tokens_hash\"");
        await queryRunner.query("DROP TABLE \"refresh_tokens\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_auth_sessions_user\"");
        await queryRunner.query("DROP TABLE \"auth_sessions\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_users_state\"");
        await queryRunner.query("DROP INDEX \"public\".\"UQ_users_username\"");
        await queryRunner.query("DROP TABLE \"users\"");
        await queryRunner.query("DROP TABLE \"states\"");
    }
}
exports.Schema1795418535532 = Schema1795418535532;
//# sourceMappingURL=1795418535532-Schema.js.map