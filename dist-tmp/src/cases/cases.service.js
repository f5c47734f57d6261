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
exports.CasesService = exports.CASE_READS_SHOWN = exports.CaseNotFoundError = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const audit_service_1 = require("../audit/audit.service");
const audit_trail_1 = require("../audit/audit-trail");
const clock_1 = require("../common/clock");
const record_cipher_1 = require("../common/encryption/record-cipher");
const app_error_1 = require("../common/errors/app-error");
const users_repository_1 = require("../users/users.repository");
const cases_constants_1 = require("./cases.constants");
const cases_repository_1 = require("./cases.repository");
class CaseNotFoundError extends app_error_1.NotFoundError {
    constructor() {
        super('Case', 'CASE_NOT_FOUND');
    }
}
exports.CaseNotFoundError = CaseNotFoundError;
const CONTENT_READ = 'case.content_read';
/** Reads of a case listed to an auditor with the case, the latest (the audit trail lists them all). */
exports.CASE_READS_SHOWN = 1000;
/**
 * Confidential case files (need to know). Members read the content, every read audited; auditors see that
 * a case exists, its members and who read it; everyone else gets 404, and the refusal is audited too.
 */
let CasesService = class CasesService {
    constructor(cases, users, sealing, trail, audit, clock) {
        this.cases = cases;
        this.users = users;
        this.sealing = sealing;
        this.trail = trail;
        this.audit = audit;
        this.clock = clock;
    }
    async create(actor, input) {
        const id = (0, node_crypto_1.randomUUID)();
        const now = this.clock.now();
        const { cipher, dataKey } = this.sealing.newRecord({ stateCode: actor.stateCode, table: 'cases', rowId: id });
        const content = {
            reference: input.reference,
            offence: input.offence,
            narrative: input.narrative,
            persons: input.persons.map((p) => ({
                name: p.name,
                dateOfBirth: p.dateOfBirth ?? null,
                role: p.role ?? null,
                identityDocuments: (p.identityDocuments ?? []).map((d) => ({ type: d.type, number: d.number, issuingState: d.issuingState ?? null })),
            })),
            placeOfRecovery: input.placeOfRecovery,
            investigatingAgency: input.investigatingAgency,
        };
        const sealed = Object.fromEntries(cases_constants_1.CASE_FIELDS.map((field) => [field, cipher.seal(field, content[field])]));
        const record = {
            id, stateCode: actor.stateCode, classification: input.classification ?? 'confidential', dataKey, ...sealed, createdBy: actor.id, createdAt: now, updatedAt: now,
        };
        const creator = { caseId: id, userId: actor.id, stateCode: actor.stateCode, addedBy: actor.id, addedAt: now };
        await this.cases.insert(record, creator);
        return { ...this.summary(record), members: [memberDto(creator)], content, reads: null, earlierReads: null };
    }
    async get(actor, id) {
        const record = await this.cases.findById(actor.stateCode, id);
        if (record && (await this.isReadingMember(actor, id))) {
            const content = this.open(record);
            this.trail.record(actor, { action: CONTENT_READ, targetType: 'case', targetId: id });
            return { ...this.summary(record), members: (await this.cases.members(actor.stateCode, id)).map(memberDto), content, reads: null, earlierReads: null };
        }
        if (record && actor.roles.includes('auditor')) {
            const reads = await this.audit.actionsOn(actor.stateCode, 'case', id, CONTENT_READ, exports.CASE_READS_SHOWN);
            return {
                ...this.summary(record),
                members: (await this.cases.members(actor.stateCode, id)).map(memberDto),
                content: null,
                reads: reads.actions,
                earlierReads: reads.earlier,
            };
        }
        throw this.refused(id);
    }
    /** The creator adds users of the same State who need to know. */
    async addMember(actor, id, input) {
        const record = await this.cases.findById(actor.stateCode, id);
        if (!record || !(await this.isReadingMember(actor, id)))
            throw this.refused(id);
        if (record.createdBy !== actor.id)
            throw new app_error_1.ForbiddenError('CASE_CREATOR_ONLY', 'Only the creator of a case adds its members');
        const user = await this.users.findById(actor.stateCode, input.userId);
        if (!user || user.disabledAt) {
            throw new app_error_1.ValidationFailedError([{ field: 'userId', messages: ['userId must be an active user of your State'] }]);
        }
        if (!user.roles.some((role) => cases_constants_1.CASE_MEMBER_ROLES.includes(role))) {
            throw new app_error_1.ValidationFailedError([{ field: 'userId', messages: [`a case member needs one of the roles ${cases_constants_1.CASE_MEMBER_ROLES.join(', ')}`] }]);
        }
        await this.cases.addMember({ caseId: id, userId: user.id, stateCode: actor.stateCode, addedBy: actor.id, addedAt: this.clock.now() });
        const members = await this.cases.members(actor.stateCode, id);
        return { ...this.summary(record), members: members.map(memberDto), content: null, reads: null, earlierReads: null };
    }
    /**
     * The fields of a case a member chose to disclose with a trace request (need to know: a non-member
     * gets 404). Audited as a read of the case's content.
     */
    async disclose(actor, id, fields) {
        const record = await this.cases.findById(actor.stateCode, id);
        if (!record || !(await this.isReadingMember(actor, id)))
            throw this.refused(id);
        const cipher = this.cipher(record);
        this.trail.record(actor, { action: CONTENT_READ, targetType: 'case', targetId: id, details: { disclosedFields: fields } });
        return Object.fromEntries(fields.map((field) => [field, cipher.open(field, record[field])]));
    }
    /** A case file's classification, for a member (need to know: a non-member gets 404). */
    async classificationOf(actor, id) {
        const record = await this.cases.findById(actor.stateCode, id);
        if (!record || !(await this.isReadingMember(actor, id)))
            throw this.refused(id);
        return record.classification;
    }
    open(record) {
        const cipher = this.cipher(record);
        return Object.fromEntries(cases_constants_1.CASE_FIELDS.map((field) => [field, cipher.open(field, record[field])]));
    }
    cipher(record) {
        return this.sealing.record({ stateCode: record.stateCode, table: 'cases', rowId: record.id }, record.dataKey);
    }
    /** A member who still holds a role that may be one (a member made auditor only reads no more). */
    async isReadingMember(actor, id) {
        return actor.roles.some((role) => cases_constants_1.CASE_MEMBER_ROLES.includes(role)) && this.cases.isMember(actor.stateCode, id, actor.id);
    }
    /** 404, as for a case that does not exist, and the refusal in the audit trail. */
    refused(id) {
        return (0, audit_trail_1.auditedRefusal)(new CaseNotFoundError(), { action: CONTENT_READ, targetType: 'case', targetId: id });
    }
    summary(record) {
        return { id: record.id, stateCode: record.stateCode, classification: record.classification, createdBy: record.createdBy, createdAt: record.createdAt.toISOString() };
    }
};
exports.CasesService = CasesService;
exports.CasesService = CasesService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [cases_repository_1.CasesRepository,
        users_repository_1.UsersRepository,
        record_cipher_1.RecordSealing,
        audit_trail_1.AuditTrail,
        audit_service_1.AuditService,
        clock_1.Clock])
], CasesService);
function memberDto(m) {
    return { userId: m.userId, addedBy: m.addedBy, addedAt: m.addedAt.toISOString() };
}
//# sourceMappingURL=cases.service.js.map