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
exports.StateEntity = void 0;
const typeorm_1 = require("typeorm");
/** A State (ISO 3166-1 alpha-3 key), or a former one (ISO 3166-3) that weapons name as maker. Node-wide. */
let StateEntity = class StateEntity {
};
exports.StateEntity = StateEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'char', length: 3 }),
    __metadata("design:type", String)
], StateEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 2, unique: true }),
    __metadata("design:type", String)
], StateEntity.prototype, "alpha2", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'numeric_code' }),
    __metadata("design:type", String)
], StateEntity.prototype, "numericCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120 }),
    __metadata("design:type", String)
], StateEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], StateEntity.prototype, "former", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'hosted_since', nullable: true }),
    __metadata("design:type", Object)
], StateEntity.prototype, "hostedSince", void 0);
exports.StateEntity = StateEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'states' })
], StateEntity);
//# sourceMappingURL=state.entity.js.map