"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditModule = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
const audit_chain_1 = require("./audit-chain");
const audit_controller_1 = require("./audit.controller");
const audit_repository_1 = require("./audit.repository");
const audit_service_1 = require("./audit.service");
const audit_trail_1 = require("./audit-trail");
/** The audit trail: every module records into it (global), auditors read and verify it. */
let AuditModule = class AuditModule {
};
exports.AuditModule = AuditModule;
exports.AuditModule = AuditModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        controllers: [audit_controller_1.AuditController],
        providers: [
            audit_repository_1.AuditRepository,
            audit_trail_1.AuditTrail,
            audit_service_1.AuditService,
            {
                provide: audit_service_1.AUDIT_SIGNING_KEY,
                inject: [app_config_1.AppConfig],
                useFactory: (config) => (0, audit_chain_1.loadAuditSigningKey)(config, (message) => new common_1.Logger('AuditTrail').warn(message)),
            },
        ],
        exports: [audit_trail_1.AuditTrail, audit_service_1.AuditService],
    })
], AuditModule);
//# sourceMappingURL=audit.module.js.map