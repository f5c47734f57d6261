"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoadStates1795418535700 = void 0;
const iso_3166_1 = require("iso-3166");
/** Former States (ISO 3166-3) that weapons still name as country of manufacture. */
const FORMER_STATES = ['SUN', 'YUG', 'CSK', 'DDR'];
/**
 * Loads every ISO 3166-1 country and the former States above from the `iso-3166` package
 * (maintained from the ISO Online Browsing Platform), not from a hand-typed list.
 */
class LoadStates1795418535700 {
    constructor() {
        this.name = 'LoadStates1795418535700';
    }
    async up(queryRunner) {
        const current = iso_3166_1.iso31661.map((c) => ({ code: c.alpha3, alpha2: c.alpha2, numeric: c.numeric, name: c.name, former: false }));
        const former = FORMER_STATES.map((code) => {
            const entry = iso_3166_1.iso31663.find((change) => change.from.alpha3 === code);
            if (!entry)
                throw new Error(`iso-3166 no longer lists the former State ${code}`);
            return { code, alpha2: entry.from.alpha2, numeric: entry.from.numeric, name: entry.from.name, former: true };
        });
        const rows = [...current, ...former];
        await queryRunner.query(`INSERT INTO states (code, alpha2, numeric_code, name, former)
       SELECT * FROM unnest($1::char(3)[], $2::char(2)[], $3::char(3)[], $4::varchar[], $5::boolean[])
       ON CONFLICT (code) DO NOTHING`, [rows.map((r) => r.code), rows.map((r) => r.alpha2), rows.map((r) => r.numeric), rows.map((r) => r.name), rows.map((r) => r.former)]);
    }
    async down(queryRunner) {
        await queryRunner.query(`DELETE FROM states`);
    }
}
exports.LoadStates1795418535700 = LoadStates1795418535700;
//# sourceMappingURL=1795418535700-LoadStates.js.map