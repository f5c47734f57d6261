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
exports.CasesRepository = void 0;
const common_1 = require("@nestjs/common");
const db_1 = require("../database/db");
const case_member_entity_1 = require("./entities/case-member.entity");
const case_entity_1 = require("./entities/case.entity");
let CasesRepository = class CasesRepository {
    constructor(db) {
        this.db = db;
    }
    async insert(record, creator) {
        await this.db.repository(case_entity_1.CaseEntity).insert(record);
        await this.db.repository(case_member_entity_1.CaseMemberEntity).insert(creator);
    }
    findById(stateCode, id) {
        return this.db.repository(case_entity_1.CaseEntity).findOneBy({ stateCode, id });
    }
    members(stateCode, caseId) {
        return this.db.repository(case_member_entity_1.CaseMemberEntity).find({ where: { stateCode, caseId }, order: { addedAt: 'ASC', userId: 'ASC' } });
    }
    async isMember(stateCode, caseId, userId) {
        return this.db.repository(case_member_entity_1.CaseMemberEntity).existsBy({ stateCode, caseId, userId });
    }
    /** Adds a member; false when the user already was one. */
    async addMember(member) {
        const rows = await this.db.manager.query(`INSERT INTO case_members (case_id, user_id, state_code, added_by, added_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING user_id`, [member.caseId, member.userId, member.stateCode, member.addedBy, member.addedAt]);
        return rows.length > 0;
    }
};
exports.CasesRepository = CasesRepository;
exports.CasesRepository = CasesRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], CasesRepository);
//# sourceMappingURL=cases.repository.js.map