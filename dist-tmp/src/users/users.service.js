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
exports.UsersService = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const app_error_1 = require("../common/errors/app-error");
const pagination_1 = require("../common/http/pagination");
const sessions_repository_1 = require("../auth/sessions.repository");
const user_dto_1 = require("./dto/user.dto");
const password_hasher_1 = require("./password-hasher");
const users_repository_1 = require("./users.repository");
let UsersService = class UsersService {
    constructor(users, passwords, sessions, clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.clock = clock;
    }
    /**
     * An admin creates a user of their own State: the State comes from the admin's token. The admin's own row
     * is locked and read again before the insert (after the slow password hash, so the lock stays short): an
     * admin demoted or disabled meanwhile creates no one.
     */
    async create(actor, input) {
        const passwordHash = await this.passwords.hash(input.password);
        assertStillAdmin(actor, await this.users.findManyByIdForUpdate(actor.stateCode, [actor.id]));
        return this.insert({ ...input, stateCode: actor.stateCode }, passwordHash);
    }
    /** Creation without an acting admin (CLI, demo): the caller has scoped the transaction to `stateCode`. */
    async createInState(input) {
        return this.insert(input, await this.passwords.hash(input.password));
    }
    async insert(input, passwordHash) {
        const created = await this.users.insert({
            stateCode: input.stateCode,
            username: input.username,
            displayName: input.displayName,
            email: input.email?.toLowerCase() ?? null,
            agency: input.agency ?? null,
            roles: input.roles,
            passwordHash,
            mfaExempt: input.mfaExempt ?? false,
        });
        return user_dto_1.UserDto.from(created, this.clock.now());
    }
    async list(actor, page) {
        const now = this.clock.now();
        return (0, pagination_1.mapPage)(await this.users.list(actor.stateCode, page), (user) => user_dto_1.UserDto.from(user, now));
    }
    async get(actor, id) {
        const user = await this.users.findById(actor.stateCode, id);
        if (!user)
            throw new app_error_1.NotFoundError('User', 'USER_NOT_FOUND');
        return user_dto_1.UserDto.from(user, this.clock.now());
    }
    async update(actor, id, input) {
        // The admin's own row is locked too, and read again once locked: two admins removing each other's
        // role at once would otherwise both succeed and leave the State without one.
        const locked = await this.users.findManyByIdForUpdate(actor.stateCode, [...new Set([actor.id, id])]);
        assertStillAdmin(actor, locked);
        const user = locked.find((u) => u.id === id);
        if (!user)
            throw new app_error_1.NotFoundError('User', 'USER_NOT_FOUND');
        if (id === actor.id && (input.disabled === true || (input.roles && !input.roles.includes('admin')))) {
            throw new app_error_1.ConflictError('CANNOT_DEMOTE_SELF', 'An admin cannot disable their own account or remove their own admin role');
        }
        if (input.displayName !== undefined)
            user.displayName = input.displayName;
        if (input.email !== undefined)
            user.email = input.email?.toLowerCase() ?? null;
        if (input.agency !== undefined)
            user.agency = input.agency ?? null;
        if (input.roles !== undefined)
            user.roles = input.roles;
        if (input.disabled !== undefined)
            user.disabledAt = input.disabled ? (user.disabledAt ?? this.clock.now()) : null;
        const saved = await this.users.save(user);
        // Sessions end with the account; enabling it again does not bring them back.
        if (input.disabled === true)
            await this.sessions.revokeAllOfUser(user.id, 'account_disabled', this.clock.now());
        return user_dto_1.UserDto.from(saved, this.clock.now());
    }
};
exports.UsersService = UsersService;
exports.UsersService = UsersService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [users_repository_1.UsersRepository,
        password_hasher_1.PasswordHasher,
        sessions_repository_1.SessionsRepository,
        clock_1.Clock])
], UsersService);
/** The acting admin's own row, as locked by this transaction, still says admin and enabled. */
function assertStillAdmin(actor, locked) {
    const self = locked.find((u) => u.id === actor.id);
    if (!self || self.disabledAt !== null || !self.roles.includes('admin')) {
        throw new app_error_1.ForbiddenError('ROLE_REQUIRED', 'This needs one of the roles: admin (the account no longer has it)');
    }
}
//# sourceMappingURL=users.service.js.map