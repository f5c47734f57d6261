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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const decorators_1 = require("../common/auth/decorators");
const audit_service_1 = require("./audit.service");
const audit_dto_1 = require("./dto/audit.dto");
let AuditController = class AuditController {
    constructor(audit) {
        this.audit = audit;
    }
    events(user, query) {
        return this.audit.list(user, query);
    }
    verify(user) {
        return this.audit.verify(user);
    }
    checkpoint(user) {
        return this.audit.checkpoint(user, user.stateCode);
    }
};
exports.AuditController = AuditController;
__decorate([
    (0, common_1.Get)('events'),
    (0, swagger_1.ApiOkResponse)({ type: audit_dto_1.AuditEventPageDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, audit_dto_1.ListAuditEventsQueryDto]),
    __metadata("design:returntype", Promise)
], AuditController.prototype, "events", null);
__decorate([
    (0, common_1.Get)('verify'),
    (0, swagger_1.ApiOperation)({ summary: 'Recompute the State\'s audit chain and name the first broken link' }),
    (0, swagger_1.ApiOkResponse)({ type: audit_dto_1.AuditVerificationDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AuditController.prototype, "verify", null);
__decorate([
    (0, common_1.Get)('checkpoint'),
    (0, swagger_1.ApiOperation)({ summary: 'A checkpoint of the chain head signed with the node\'s Ed25519 key; verify later with `npm run cli -- audit:verify --checkpoint FILE`' }),
    (0, swagger_1.ApiOkResponse)({ type: audit_dto_1.AuditCheckpointDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AuditController.prototype, "checkpoint", null);
exports.AuditController = AuditController = __decorate([
    (0, swagger_1.ApiTags)('audit'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, decorators_1.Roles)(['auditor']),
    (0, common_1.Controller)('audit'),
    __metadata("design:paramtypes", [audit_service_1.AuditService])
], AuditController);
//# sourceMappingURL=audit.controller.js.map