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
exports.RegistrySettingsEntity = void 0;
const typeorm_1 = require("typeorm");
/** A State's choices for its registry: refuse or flag each ITI marking rule. */
let RegistrySettingsEntity = class RegistrySettingsEntity {
};
exports.RegistrySettingsEntity = RegistrySettingsEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], RegistrySettingsEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', name: 'rule_policies' }),
    __metadata("design:type", Object)
], RegistrySettingsEntity.prototype, "rulePolicies", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz', name: 'updated_at' }),
    __metadata("design:type", Date)
], RegistrySettingsEntity.prototype, "updatedAt", void 0);
exports.RegistrySettingsEntity = RegistrySettingsEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'registry_settings' })
], RegistrySettingsEntity);
//# sourceMappingURL=registry-settings.entity.js.map