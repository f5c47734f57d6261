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
exports.IdempotencyKeyEntity = void 0;
const typeorm_1 = require("typeorm");
const data_key_columns_1 = require("../encryption/data-key.columns");
/**
 * The first result of a POST sent with an Idempotency-Key, replayed for the same key and body for
 * IDEMPOTENCY_KEY_HOURS, then deleted by IdempotencyPurgeJob (through the index by age).
 */
let IdempotencyKeyEntity = class IdempotencyKeyEntity {
};
exports.IdempotencyKeyEntity = IdempotencyKeyEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'uuid', name: 'user_id' }),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "key", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 64, name: 'request_sha256' }),
    __metadata("design:type", String)
], IdempotencyKeyEntity.prototype, "requestSha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer', name: 'status_code' }),
    __metadata("design:type", Number)
], IdempotencyKeyEntity.prototype, "statusCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', nullable: true }),
    __metadata("design:type", Object)
], IdempotencyKeyEntity.prototype, "response", void 0);
__decorate([
    (0, typeorm_1.Column)(() => data_key_columns_1.DataKeyColumns, { prefix: false }),
    __metadata("design:type", data_key_columns_1.DataKeyColumns)
], IdempotencyKeyEntity.prototype, "dataKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'created_at' }),
    __metadata("design:type", Date)
], IdempotencyKeyEntity.prototype, "createdAt", void 0);
exports.IdempotencyKeyEntity = IdempotencyKeyEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'idempotency_keys' }),
    (0, typeorm_1.Index)('IDX_idempotency_keys_created', ['stateCode', 'createdAt'])
], IdempotencyKeyEntity);
//# sourceMappingURL=idempotency-key.entity.js.map