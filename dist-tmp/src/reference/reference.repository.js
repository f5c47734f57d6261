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
exports.ReferenceRepository = void 0;
const common_1 = require("@nestjs/common");
const app_error_1 = require("../common/errors/app-error");
const database_errors_1 = require("../common/errors/database-errors");
const db_1 = require("../database/db");
const reference_entities_1 = require("./entities/reference.entities");
let ReferenceRepository = class ReferenceRepository {
    constructor(db) {
        this.db = db;
    }
    weaponTypes() {
        return this.db.repository(reference_entities_1.WeaponTypeEntity).find({ order: { code: 'ASC' } });
    }
    calibres() {
        return this.db.repository(reference_entities_1.CalibreEntity).find({ order: { code: 'ASC' } });
    }
    manufacturers() {
        return this.db.repository(reference_entities_1.ManufacturerEntity).find({ order: { code: 'ASC' } });
    }
    additions(stateCode, kind) {
        return this.db.repository(reference_entities_1.ReferenceAdditionEntity).find({ where: { stateCode, kind }, order: { code: 'ASC' } });
    }
    async hasAdditions(stateCode) {
        return this.db.repository(reference_entities_1.ReferenceAdditionEntity).existsBy({ stateCode });
    }
    /**
     * The State's additions of one kind, as a transaction-level advisory lock: the names an addition takes are
     * checked against the others and inserted by one registrar at a time (two at once each saw the name free).
     */
    async lockAdditions(stateCode, kind) {
        await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('iti:reference:' || $1 || ':' || $2, 0))`, [stateCode, kind]);
    }
    insertAddition(addition) {
        const repository = this.db.repository(reference_entities_1.ReferenceAdditionEntity);
        return (0, database_errors_1.conflictOnUnique)(repository.save(repository.create(addition)), 'UQ_reference_additions_code', () => new app_error_1.ConflictError('REFERENCE_ADDITION_EXISTS', `This State already added ${addition.kind} ${addition.code}: its name and aliases are as they were added`));
    }
};
exports.ReferenceRepository = ReferenceRepository;
exports.ReferenceRepository = ReferenceRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], ReferenceRepository);
//# sourceMappingURL=reference.repository.js.map