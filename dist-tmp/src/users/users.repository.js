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
exports.UsersRepository = void 0;
const common_1 = require("@nestjs/common");
const database_errors_1 = require("../common/errors/database-errors");
const app_error_1 = require("../common/errors/app-error");
const pagination_1 = require("../common/http/pagination");
const db_1 = require("../database/db");
const user_entity_1 = require("./entities/user.entity");
let UsersRepository = class UsersRepository {
    constructor(db) {
        this.db = db;
    }
    /** Before login: the State of a user name, through the SECURITY DEFINER look-up (no State needed). */
    async findStateOfUsername(username) {
        const rows = await this.db.manager.query('SELECT auth_user_state($1) AS state', [username]);
        return rows[0]?.state ?? null;
    }
    // Every query names the State as well: isolation holds in the service even before row-level security.
    findByUsernameForUpdate(stateCode, username) {
        return this.db
            .repository(user_entity_1.UserEntity)
            .createQueryBuilder('u')
            .where('u.state_code = :stateCode AND u.username = :username', { stateCode, username })
            .setLock('pessimistic_write')
            .getOne();
    }
    findById(stateCode, id) {
        return this.db.repository(user_entity_1.UserEntity).findOneBy({ stateCode, id });
    }
    findByIdForUpdate(stateCode, id) {
        return this.db
            .repository(user_entity_1.UserEntity)
            .createQueryBuilder('u')
            .where('u.state_code = :stateCode AND u.id = :id', { stateCode, id })
            .setLock('pessimistic_write')
            .getOne();
    }
    /** Users of the State by id, locked in the order of their ids (two requests locking the same two never deadlock). */
    findManyByIdForUpdate(stateCode, ids) {
        return this.db
            .repository(user_entity_1.UserEntity)
            .createQueryBuilder('u')
            .where('u.state_code = :stateCode AND u.id IN (:...ids)', { stateCode, ids })
            .orderBy('u.id')
            .setLock('pessimistic_write')
            .getMany();
    }
    list(stateCode, page) {
        const query = this.db.repository(user_entity_1.UserEntity).createQueryBuilder('u').where('u.state_code = :stateCode', { stateCode });
        return (0, pagination_1.keysetPage)(query, [{ property: 'username', column: 'u.username' }], page);
    }
    insert(user) {
        const repository = this.db.repository(user_entity_1.UserEntity);
        return (0, database_errors_1.conflictOnUnique)(repository.save(repository.create(user)), 'UQ_users_username', () => new app_error_1.ConflictError('USERNAME_TAKEN', `The user name ${user.username} is already taken on this node`));
    }
    save(user) {
        return this.db.repository(user_entity_1.UserEntity).save(user);
    }
    /** The States that still have TOTP secrets stored in plain text, through a SECURITY DEFINER look-up (no State needed). */
    async statesWithLegacyMfaSecrets() {
        const rows = await this.db.manager.query('SELECT mfa_legacy_states() AS code');
        return rows.map((r) => r.code);
    }
    /** The State's users that still have a TOTP secret stored in plain text (from before secrets were sealed), locked. */
    withLegacyMfaSecretsForUpdate(stateCode) {
        return this.db
            .repository(user_entity_1.UserEntity)
            .createQueryBuilder('u')
            .addSelect(['u.legacyMfaSecret', 'u.legacyMfaPendingSecret'])
            .where('u.state_code = :stateCode AND (u.mfa_secret_legacy IS NOT NULL OR u.mfa_pending_secret_legacy IS NOT NULL)', { stateCode })
            .orderBy('u.id') // locked in id order, as every other statement that locks several users
            .setLock('pessimistic_write')
            .getMany();
    }
    /** Partial update of named columns, without reading the row back. */
    async update(stateCode, id, changes) {
        await this.db.repository(user_entity_1.UserEntity).update({ stateCode, id }, changes);
    }
};
exports.UsersRepository = UsersRepository;
exports.UsersRepository = UsersRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], UsersRepository);
//# sourceMappingURL=users.repository.js.map