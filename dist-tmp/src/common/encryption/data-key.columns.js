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
exports.DataKeyColumns = void 0;
const typeorm_1 = require("typeorm");
/**
 * The wrapped data key of one record (envelope encryption): embedded in every table that holds
 * confidential fields. `kekId` names the key-encryption key that wraps it, so rotation finds the
 * records still wrapped under an old one.
 */
class DataKeyColumns {
}
exports.DataKeyColumns = DataKeyColumns;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, name: 'kek_id', nullable: true }),
    __metadata("design:type", Object)
], DataKeyColumns.prototype, "kekId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', name: 'data_key', nullable: true }),
    __metadata("design:type", Object)
], DataKeyColumns.prototype, "wrapped", void 0);
//# sourceMappingURL=data-key.columns.js.map