"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Imports1795421469007 = void 0;
class Imports1795421469007 {
    constructor() {
        this.name = 'Imports1795421469007';
    }
    async up(queryRunner) {
        await queryRunner.query("CREATE TABLE \"weapon_imports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"content_sha256\" character(64), \"status\" character varying(16) NOT NULL, \"bytes_received\" bigint NOT NULL DEFAULT '0', \"total_rows\" integer NOT NULL DEFAULT '0', \"accepted_rows\" integer NOT NULL DEFAULT '0', \"rejected_rows\" integer NOT NULL DEFAULT '0', \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_89f0423731b36a351884d5b7ed9\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"UQ_weapon_imports_content\" ON \"weapon_imports\"  (\"state_code\", \"content_sha256\") ");
        await queryRunner.query("CREATE TABLE \"weapon_import_rejections\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"import_id\" uuid NOT NULL, \"line\" integer NOT NULL, \"column\" character varying(64) NOT NULL, \"code\" character varying(64) NOT NULL, \"message\" text NOT NULL, CONSTRAINT \"PK_df7aed3c435098940e14e7828cf\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_weapon_import_rejections_import\" ON \"weapon_import_rejections\"  (\"import_id\", \"line\") ");
    }
    async down(queryRunner) {
        await queryRunner.query("DROP INDEX \"public\".\"IDX_weapon_import_rejections_import\"");
        await queryRunner.query("DROP TABLE \"weapon_import_rejections\"");
        await queryRunner.query("DROP INDEX \"public\".\"UQ_weapon_imports_content\"");
        await queryRunner.query("DROP TABLE \"weapon_imports\"");
    }
}
exports.Imports1795421469007 = Imports1795421469007;
//# sourceMappingURL=1795421469007-Imports.js.map