"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Registry1795420683634 = void 0;
class Registry1795420683634 {
    constructor() {
        this.name = 'Registry1795420683634';
    }
    async up(queryRunner) {
        await queryRunner.query("CREATE TABLE \"weapons\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"category\" character varying(16) NOT NULL, \"type_code\" character varying(64) NOT NULL, \"manufacturer_code\" character varying(64), \"manufacturer_text\" character varying(200), \"model\" character varying(120), \"calibre_code\" character varying(64), \"calibre_text\" character varying(120), \"serial_as_marked\" character varying(64), \"serial_normalised\" character varying(64), \"country_of_manufacture\" character(3), \"year_of_manufacture\" smallint, \"status\" character varying(24) NOT NULL, \"holder\" character varying(200), \"custodian\" character varying(200), \"craft_or_3d_printed\" boolean NOT NULL DEFAULT false, \"modular\" boolean NOT NULL DEFAULT false, \"serial_obliterated\" boolean NOT NULL DEFAULT false, \"incomplete\" character varying(48) array NOT NULL DEFAULT '{}', \"unknown_references\" character varying(32) array NOT NULL DEFAULT '{}', \"legal_hold\" text, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a102f55ffbab023a922ac10ab76\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_weapons_state_custodian\" ON \"weapons\"  (\"state_code\", \"custodian\") ");
        await queryRunner.query("CREATE INDEX \"IDX_weapons_state_status\" ON \"weapons\"  (\"state_code\", \"status\") ");
        await queryRunner.query("CREATE TABLE \"record_events\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"weapon_id\" uuid NOT NULL, \"type\" character varying(32) NOT NULL, \"occurred_on\" date NOT NULL, \"parties\" jsonb NOT NULL DEFAULT '[]', \"licence_ref\" character varying(120), \"authorisation_ref\" character varying(120), \"counterpart_state\" character(3), \"corrects_event_id\" uuid, \"status_after\" character varying(24) NOT NULL, \"record_class\" character varying(16) NOT NULL, \"retain_until\" date NOT NULL, \"notes\" text, \"recorded_by\" uuid, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_997d0e92c3efd8268cf5b1f7e51\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_record_events_weapon\" ON \"record_events\"  (\"weapon_id\", \"occurred_on\") ");
        await queryRunner.query("CREATE TABLE \"reference_weapon_types\" (\"code\" character varying(64) NOT NULL, \"name\" character varying(120) NOT NULL, \"category\" character varying(16) NOT NULL, \"aliases\" character varying(120) array NOT NULL DEFAULT '{}', CONSTRAINT \"PK_2fd5da4b8945e3a0b6140c92189\" PRIMARY KEY (\"code\"))");
        await queryRunner.query("CREATE TABLE \"reference_calibres\" (\"code\" character varying(64) NOT NULL, \"name\" character varying(120) NOT NULL, \"aliases\" character varying(120) array NOT NULL DEFAULT '{}', \"diameter_mm\" numeric(6,2), \"kind\" character varying(16), CONSTRAINT \"PK_0104af2484efab6b535eb79d546\" PRIMARY KEY (\"code\"))");
        await queryRunner.query("CREATE TABLE \"reference_manufacturers\" (\"code\" character varying(64) NOT NULL, \"name\" character varying(200) NOT NULL, \"country\" character(3) NOT NULL, \"aliases\" character varying(200) array NOT NULL DEFAULT '{}', \"former_names\" character varying(200) array NOT NULL DEFAULT '{}', CONSTRAINT \"PK_990eaefebbcd76ed392d31e160a\" PRIMARY KEY (\"code\"))");
        await queryRunner.query("CREATE TABLE \"reference_additions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"kind\" character varying(16) NOT NULL, \"code\" character varying(64) NOT NULL, \"name\" character varying(200) NOT NULL, \"country\" character(3), \"aliases\" character varying(200) array NOT NULL DEFAULT '{}', \"added_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_eb01c765231d7f4977e0770726d\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"UQ_reference_additions_code\" ON \"reference_additions\"  (\"state_code\", \"kind\", \"code\") ");
        await queryRunner.query("CREATE TABLE \"markings\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"state_code\" character(3) NOT NULL, \"weapon_id\" uuid NOT NULL, \"kind\" character varying(24) NOT NULL, \"component\" character varying(16) NOT NULL, \"text\" character varying(500) NOT NULL, \"manufacturer\" character varying(200), \"country\" character(3), \"serial\" character varying(64), \"year\" smallint, \"symbol_code\" character varying(64), \"method\" character varying(32), \"photo_refs\" character varying(500) array NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_abf72e4a78a89d1363fcb71ff3f\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"IDX_markings_weapon\" ON \"markings\"  (\"weapon_id\") ");
        await queryRunner.query("CREATE TABLE \"registry_settings\" (\"state_code\" character(3) NOT NULL, \"rule_policies\" jsonb NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5037ee74bba7a8b13afa93ec151\" PRIMARY KEY (\"state_code\"))");
        await queryRunner.query("ALTER TABLE \"weapons\" ADD CONSTRAINT \"FK_a1050b8d6889ca32dfa27ea69f4\" FOREIGN KEY (\"state_code\") REFERENCES \"states\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
        await queryRunner.query("ALTER TABLE \"record_events\" ADD CONSTRAINT \"FK_dd7aec4a4b46bd6e4843da76e38\" FOREIGN KEY (\"weapon_id\") REFERENCES \"weapons\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
        await queryRunner.query("ALTER TABLE \"markings\" ADD CONSTRAINT \"FK_85d1d348e2c59d0f990d4e90e93\" FOREIGN KEY (\"weapon_id\") REFERENCES \"weapons\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    }
    async down(queryRunner) {
        await queryRunner.query("ALTER TABLE \"markings\" DROP CONSTRAINT \"FK_85d1d348e2c59d0f990d4e90e93\"");
        await queryRunner.query("ALTER TABLE \"record_events\" DROP CONSTRAINT \"FK_dd7aec4a4b46bd6e4843da76e38\"");
        await queryRunner.query("ALTER TABLE \"weapons\" DROP CONSTRAINT \"FK_a1050b8d6889ca32dfa27ea69f4\"");
        await queryRunner.query("DROP TABLE \"registry_settings\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_markings_weapon\"");
        await queryRunner.query("DROP TABLE \"markings\"");
        await queryRunner.query("DROP INDEX \"public\".\"UQ_reference_additions_code\"");
        await queryRunner.query("DROP TABLE \"reference_additions\"");
        await queryRunner.query("DROP TABLE \"reference_manufacturers\"");
        await queryRunner.query("DROP TABLE \"reference_calibres\"");
        await queryRunner.query("DROP TABLE \"reference_weapon_types\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_record_events_weapon\"");
        await queryRunner.query("DROP TABLE \"record_events\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_weapons_state_status\"");
        await queryRunner.query("DROP INDEX \"public\".\"IDX_weapons_state_custodian\"");
        await queryRunner.query("DROP TABLE \"weapons\"");
    }
}
exports.Registry1795420683634 = Registry1795420683634;
//# sourceMappingURL=1795420683634-Registry.js.map