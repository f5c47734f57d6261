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
exports.StatesService = void 0;
const common_1 = require("@nestjs/common");
const app_error_1 = require("../common/errors/app-error");
const pagination_1 = require("../common/http/pagination");
const contact_point_dto_1 = require("./dto/contact-point.dto");
const state_dto_1 = require("./dto/state.dto");
const states_repository_1 = require("./states.repository");
let StatesService = class StatesService {
    constructor(states, contactPoints) {
        this.states = states;
        this.contactPoints = contactPoints;
    }
    async list(filter, page) {
        return (0, pagination_1.mapPage)(await this.states.list(filter, page), state_dto_1.StateDto.from);
    }
    async get(code) {
        const state = await this.states.findByCode(code);
        if (!state)
            throw new app_error_1.NotFoundError(`State ${code}`, 'STATE_NOT_FOUND');
        return state_dto_1.StateDto.from(state);
    }
    /** Whether a request can be addressed to `code`: a State of this node, with its number of contact points. */
    addressing(code) {
        return this.states.addressing(code);
    }
    /** 400 naming each field whose code (when given) names no State of this node. */
    async assertKnown(checks) {
        const given = checks.filter((check) => Boolean(check[1]));
        const unknown = await this.unknownCodes(given.map(([, code]) => code));
        const errors = given.filter(([, code]) => unknown.has(code)).map(([field, code]) => ({ field, messages: [`${code} is not an ISO 3166 State known to this node`] }));
        if (errors.length)
            throw new app_error_1.ValidationFailedError(errors);
    }
    /** The codes among `codes` that name no State of this node. */
    async unknownCodes(codes) {
        const known = await this.states.existingCodes([...new Set(codes)]);
        return new Set(codes.filter((code) => !known.has(code)));
    }
    /** The States whose users and registry live on this node. */
    hostedCodes() {
        return this.states.codes(true);
    }
    /** Every State this node knows, hosted or not: what a node-wide pass over sealed records must visit. */
    allCodes() {
        return this.states.codes();
    }
    /** Marks a State as hosted on this node (its users and registry live here). */
    async host(code, now) {
        const state = await this.states.findByCode(code);
        if (!state)
            throw new app_error_1.NotFoundError(`State ${code}`, 'STATE_NOT_FOUND');
        if (!state.hostedSince)
            await this.states.markHosted(code, now);
        return this.get(code);
    }
    async countContactPoints(code) {
        return this.contactPoints.countForState(code);
    }
    async listContactPoints(code, page) {
        await this.get(code);
        return (0, pagination_1.mapPage)(await this.contactPoints.listForState(code, page), contact_point_dto_1.ContactPointDto.from);
    }
    async addContactPoint(actor, code, input) {
        await this.assertOwnState(actor, code);
        return this.createContactPoint(actor.stateCode, input);
    }
    /** Adds an entry to the directory of `stateCode`; the transaction must be scoped to that State. */
    async createContactPoint(stateCode, input) {
        const created = await this.contactPoints.insert({
            stateCode,
            name: input.name,
            agency: input.agency,
            email: input.email,
            phone: input.phone ?? null,
            languages: input.languages ?? [],
            verifiedAt: input.verifiedAt ? new Date(input.verifiedAt) : null,
        });
        return contact_point_dto_1.ContactPointDto.from(created);
    }
    async updateContactPoint(actor, code, id, input) {
        await this.assertOwnState(actor, code);
        const existing = await this.contactPoints.findOfStateForUpdate(actor.stateCode, id);
        if (!existing)
            throw new app_error_1.NotFoundError('Contact point', 'CONTACT_POINT_NOT_FOUND');
        if (input.name !== undefined)
            existing.name = input.name;
        if (input.agency !== undefined)
            existing.agency = input.agency;
        if (input.email !== undefined)
            existing.email = input.email;
        if (input.phone !== undefined)
            existing.phone = input.phone ?? null;
        if (input.languages !== undefined)
            existing.languages = input.languages;
        if (input.verifiedAt !== undefined)
            existing.verifiedAt = input.verifiedAt ? new Date(input.verifiedAt) : null;
        return contact_point_dto_1.ContactPointDto.from(await this.contactPoints.save(existing));
    }
    async removeContactPoint(actor, code, id) {
        await this.assertOwnState(actor, code);
        const existing = await this.contactPoints.findOfStateForUpdate(actor.stateCode, id);
        if (!existing)
            throw new app_error_1.NotFoundError('Contact point', 'CONTACT_POINT_NOT_FOUND');
        await this.contactPoints.delete(actor.stateCode, id);
    }
    /**
     * Only a State's own admins manage its entries. The directory is read by every State, so a 403 tells
     * nothing that a read would not (and it is audited); an id that is not of the caller's State is a 404.
     */
    async assertOwnState(actor, code) {
        if (actor.stateCode === code)
            return;
        await this.get(code); // a State the node does not know: 404, as for a read
        throw new app_error_1.ForbiddenError('OTHER_STATE_DIRECTORY', `Only ${code}'s administrators manage ${code}'s contact points; yours are under /states/${actor.stateCode}/contact-points`);
    }
};
exports.StatesService = StatesService;
exports.StatesService = StatesService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [states_repository_1.StatesRepository,
        states_repository_1.ContactPointsRepository])
], StatesService);
//# sourceMappingURL=states.service.js.map