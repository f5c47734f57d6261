"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TracingPhotos1795433418032 = void 0;
const state_isolation_1 = require("./support/state-isolation");
/** Photos of markings on trace requests (State-owned, like every copy), a UN mission's consent, ballistics. */
class TracingPhotos1795433418032 {
    constructor() {
        this.name = 'TracingPhotos1795433418032';
    }
    async up(queryRunner) {
        await queryRunner.query("CREATE TABLE \"trace_photos\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"trace_id\" uuid NOT NULL, \"position\" smallint NOT NULL, \"component\" character varying(16), \"caption\" character varying(300), \"media_type\" character varying(16) NOT NULL, \"size\" integer NOT NULL, \"sha256\" character(64) NOT NULL, \"data\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_08531b6249592c20978eb8422fe\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_trace_photos_trace\" ON \"trace_photos\"  (\"state_code\", \"trace_id\") ");
        await queryRunner.query("ALTER TABLE \"traces\" ADD \"on_behalf_of\" jsonb");
        await queryRunner.query("ALTER TABLE \"traces\" ADD \"ballistics\" jsonb");
        await (0, state_isolation_1.isolateByState)(queryRunner, 'trace_photos');
        await queryRunner.query(`GRANT SELECT, INSERT ON trace_photos TO iti_app`);
    }
    async down(queryRunner) {
        await (0, state_isolation_1.removeStateIsolation)(queryRunner, 'trace_photos');
        await queryRunner.query("ALTER TABLE \"traces\" DROP COLUMN \"ballistics\"");
        await queryRunner.query("ALTER TABLE \"traces\" DROP COLUMN \"on_behalf_of\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_trace_photos_trace\"");
        await queryRunner.query("DROP TABLE \"trace_photos\"");
    }
}
exports.TracingPhotos1795433418032 = TracingPhotos1795433418032;
//# sourceMappingURL=1795433418032-TracingPhotos.js.map