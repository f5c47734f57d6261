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
exports.OutboxMessageEntity = void 0;
const typeorm_1 = require("typeorm");
const data_key_columns_1 = require("../../common/encryption/data-key.columns");
/**
 * A message from one State's mailbox to another's, written in the same transaction as the change that
 * causes it (transactional outbox) and delivered once by OutboxWorker.
 */
let OutboxMessageEntity = class OutboxMessageEntity {
};
exports.OutboxMessageEntity = OutboxMessageEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], OutboxMessageEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'state_code' }),
    __metadata("design:type", String)
], OutboxMessageEntity.prototype, "stateCode", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 3, name: 'target_state' }),
    __metadata("design:type", String)
], OutboxMessageEntity.prototype, "targetState", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40 }),
    __metadata("design:type", String)
], OutboxMessageEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', name: 'exchange_id' }),
    __metadata("design:type", String)
], OutboxMessageEntity.prototype, "exchangeId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], OutboxMessageEntity.prototype, "payload", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bytea', nullable: true }),
    __metadata("design:type", Object)
], OutboxMessageEntity.prototype, "sealed", void 0);
__decorate([
    (0, typeorm_1.Column)(() => data_key_columns_1.DataKeyColumns, { prefix: false }),
    __metadata("design:type", data_key_columns_1.DataKeyColumns)
], OutboxMessageEntity.prototype, "dataKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'created_at', default: () => 'clock_timestamp()' }),
    __metadata("design:type", Date)
], OutboxMessageEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'delivered_at', nullable: true }),
    __metadata("design:type", Object)
], OutboxMessageEntity.prototype, "deliveredAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer', default: 0 }),
    __metadata("design:type", Number)
], OutboxMessageEntity.prototype, "attempts", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', name: 'next_attempt_at', default: () => 'clock_timestamp()' }),
    __metadata("design:type", Date)
], OutboxMessageEntity.prototype, "nextAttemptAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', name: 'last_error', nullable: true }),
    __metadata("design:type", Object)
], OutboxMessageEntity.prototype, "lastError", void 0);
exports.OutboxMessageEntity = OutboxMessageEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'outbox_messages' }),
    (0, typeorm_1.Index)('IDX_outbox_exchange', ['exchangeId', 'createdAt']),
    (0, typeorm_1.Index)('IDX_outbox_deliverable', ['targetState', 'createdAt', 'id'], { where: 'delivered_at IS NULL AND attempts < 10' })
], OutboxMessageEntity);
//# sourceMappingURL=outbox-message.entity.js.map