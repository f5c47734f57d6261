"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DataKeysRepository = exports.SEALED_TABLES = void 0;
const common_1 = require("@nestjs/common");
const db_1 = require("../../database/db");
/**
 * Every table with wrapped data keys (DataKeyColumns): the row id its ciphertexts are bound to, and the
 * condition that finds a row by that id ($4) through the table's primary key.
 */
exports.SEALED_TABLES = {
    cases: { rowId: 'id::text', byRowId: 'id = $4::uuid' },
    traces: { rowId: 'id::text', byRowId: 'id = $4::uuid' },
    outbox_messages: { rowId: 'id::text', byRowId: 'id = $4::uuid' },
    // A user id is 36 characters: the key follows the slash at 37.
    idempotency_keys: { rowId: `user_id::text || '/' || key`, byRowId: `user_id = left($4, 36)::uuid AND key = substr($4, 38)` },
    users: { rowId: 'id::text', byRowId: 'id = $4::uuid' },
};
/** The wrapped data keys of all sealed tables, for key rotation. */
let DataKeysRepository = class DataKeysRepository {
    constructor(db) {
        this.db = db;
    }
    /**
     * Up to `limit` records of the State whose data key is wrapped by another KEK than `activeKekId`, in the
     * order of their ids: a batch then locks rows in the order requests do (users by id), and never deadlocks with them.
     */
    async wrappedUnder(table, stateCode, activeKekId, limit) {
        const rows = await this.db.manager.query(`SELECT ${exports.SEALED_TABLES[table].rowId} AS row_id, kek_id, data_key FROM ${table}
        WHERE state_code = $1 AND data_key IS NOT NULL AND kek_id <> $2 AND kek_id <> 'none' ORDER BY 1 LIMIT $3`, [stateCode, activeKekId, limit]);
        return rows.map((r) => ({ rowId: r.row_id, wrapped: { kekId: r.kek_id, wrapped: r.data_key } }));
    }
    /** How many records of the State still have their data key wrapped by another KEK than `activeKekId`. */
    async countNotUnder(table, stateCode, activeKekId) {
        const rows = await this.db.manager.query(`SELECT count(*) AS n FROM ${table} WHERE state_code = $1 AND data_key IS NOT NULL AND kek_id <> $2 AND kek_id <> 'none'`, [stateCode, activeKekId]);
        return Number(rows[0].n);
    }
    /** Swaps the wrapped key of one record, only if it is still the one read (compare and swap). */
    async replace(table, stateCode, rowId, previous, next) {
        await this.db.manager.query(`UPDATE ${table} SET kek_id = $1, data_key = $2 WHERE state_code = $3 AND ${exports.SEALED_TABLES[table].byRowId} AND data_key = $5`, [next.kekId, next.wrapped, stateCode, rowId, previous]);
    }
};
exports.DataKeysRepository = DataKeysRepository;
exports.DataKeysRepository = DataKeysRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], DataKeysRepository);
//# sourceMappingURL=data-keys.repository.js.map