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
exports.ContactPointsRepository = exports.StatesRepository = void 0;
const common_1 = require("@nestjs/common");
const db_1 = require("../database/db");
const pagination_1 = require("../common/http/pagination");
const contact_point_entity_1 = require("./entities/contact-point.entity");
const state_entity_1 = require("./entities/state.entity");
let StatesRepository = class StatesRepository {
    constructor(db) {
        this.db = db;
    }
    findByCode(code) {
        return this.db.repository(state_entity_1.StateEntity).findOneBy({ code });
    }
    /** Whether `code` is a State of this node, and how many contact points it has, in one query. */
    async addressing(code) {
        const [row] = await this.db.manager.query(`SELECT EXISTS (SELECT 1 FROM states WHERE code = $1) AS known, (SELECT count(*)::int FROM contact_points WHERE state_code = $1) AS contact_points`, [code]);
        return { known: row.known, contactPoints: row.contact_points };
    }
    /** Which of `codes` are States of this node, in one query. */
    async existingCodes(codes) {
        if (codes.length === 0)
            return new Set();
        const rows = await this.db.repository(state_entity_1.StateEntity).createQueryBuilder('s').select('s.code', 'code').where('s.code IN (:...codes)', { codes }).getRawMany();
        return new Set(rows.map((r) => r.code));
    }
    list(filter, page) {
        const query = this.db.repository(state_entity_1.StateEntity).createQueryBuilder('s');
        if (filter.hosted === true)
            query.where('s.hosted_since IS NOT NULL');
        if (filter.hosted === false)
            query.where('s.hosted_since IS NULL');
        return (0, pagination_1.keysetPage)(query, [{ property: 'code', column: 's.code' }], page);
    }
    /** Every State's code (`hostedOnly`: of those hosted on this node), in order. */
    async codes(hostedOnly = false) {
        const query = this.db.repository(state_entity_1.StateEntity).createQueryBuilder('s').select('s.code', 'code').orderBy('s.code');
        if (hostedOnly)
            query.where('s.hosted_since IS NOT NULL');
        const rows = await query.getRawMany();
        return rows.map((r) => r.code);
    }
    /** Marks the State hosted since `since`, unless it already is: one statement, so two at once keep the first time. */
    async markHosted(code, since) {
        await this.db.repository(state_entity_1.StateEntity).createQueryBuilder().update().set({ hostedSince: since }).where('code = :code AND hosted_since IS NULL', { code }).execute();
    }
};
exports.StatesRepository = StatesRepository;
exports.StatesRepository = StatesRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], StatesRepository);
let ContactPointsRepository = class ContactPointsRepository {
    constructor(db) {
        this.db = db;
    }
    listForState(stateCode, page) {
        const query = this.db.repository(contact_point_entity_1.ContactPointEntity).createQueryBuilder('c').where('c.state_code = :stateCode', { stateCode });
        return (0, pagination_1.keysetPage)(query, [{ property: 'name', column: 'c.name' }, { property: 'id', column: 'c.id' }], page);
    }
    /** Locked until the transaction ends: an edit and a removal of one contact point happen one after the other. */
    findOfStateForUpdate(stateCode, id) {
        return this.db.repository(contact_point_entity_1.ContactPointEntity).createQueryBuilder('c').where('c.state_code = :stateCode AND c.id = :id', { stateCode, id }).setLock('pessimistic_write').getOne();
    }
    countForState(stateCode) {
        return this.db.repository(contact_point_entity_1.ContactPointEntity).countBy({ stateCode });
    }
    insert(contactPoint) {
        const repository = this.db.repository(contact_point_entity_1.ContactPointEntity);
        return repository.save(repository.create(contactPoint));
    }
    save(contactPoint) {
        return this.db.repository(contact_point_entity_1.ContactPointEntity).save(contactPoint);
    }
    async delete(stateCode, id) {
        await this.db.repository(contact_point_entity_1.ContactPointEntity).delete({ stateCode, id });
    }
};
exports.ContactPointsRepository = ContactPointsRepository;
exports.ContactPointsRepository = ContactPointsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], ContactPointsRepository);
//# sourceMappingURL=states.repository.js.map