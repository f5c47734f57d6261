"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppModule = void 0;
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const typeorm_1 = require("@nestjs/typeorm");
const nestjs_pino_1 = require("nestjs-pino");
const auth_module_1 = require("./auth/auth.module");
const logger_options_1 = require("./common/logging/logger-options");
const core_module_1 = require("./core.module");
const data_source_options_1 = require("./database/data-source-options");
const health_module_1 = require("./health/health.module");
const states_module_1 = require("./states/states.module");
const users_module_1 = require("./users/users.module");
const demo_module_1 = require("./demo/demo.module");
const reference_module_1 = require("./reference/reference.module");
const registry_module_1 = require("./registry/registry.module");
const tracing_module_1 = require("./tracing/tracing.module");
const notifications_module_1 = require("./notifications/notifications.module");
const idempotency_module_1 = require("./common/idempotency/idempotency.module");
const audit_module_1 = require("./audit/audit.module");
const cases_module_1 = require("./cases/cases.module");
const reports_module_1 = require("./reports/reports.module");
const encryption_module_1 = require("./common/encryption/encryption.module");
let AppModule = AppModule_1 = class AppModule {
    static forRoot(options) {
        const { config } = options;
        return {
            module: AppModule_1,
            imports: [
                core_module_1.CoreModule.forRoot(config, options.jwtSecret, options.clock),
                nestjs_pino_1.LoggerModule.forRoot((0, logger_options_1.loggerOptions)(config, options.logDestination)),
                typeorm_1.TypeOrmModule.forRoot((0, data_source_options_1.dataSourceOptions)(options.databaseUrl, config.DATABASE_POOL_SIZE)),
                typeorm_1.TypeOrmModule.forRoot({ ...(0, data_source_options_1.dataSourceOptions)(options.databaseUrl, data_source_options_1.SNAPSHOT_CONNECTIONS), name: data_source_options_1.SNAPSHOT_SOURCE }),
                throttler_1.ThrottlerModule.forRoot({
                    // Named 'default', the guard answers with the standard Retry-After header (a named one adds its name to it).
                    throttlers: [{ name: 'default', ttl: config.AUTH_THROTTLE_TTL_SECONDS * 1000, limit: config.AUTH_THROTTLE_LIMIT }],
                }),
                encryption_module_1.EncryptionModule,
                audit_module_1.AuditModule,
                states_module_1.StatesModule,
                users_module_1.UsersModule,
                auth_module_1.AuthModule,
                reference_module_1.ReferenceModule,
                registry_module_1.RegistryModule,
                idempotency_module_1.IdempotencyModule,
                notifications_module_1.NotificationsModule,
                cases_module_1.CasesModule,
                reports_module_1.ReportsModule,
                tracing_module_1.TracingModule,
                health_module_1.HealthModule,
                demo_module_1.DemoModule,
            ],
        };
    }
};
exports.AppModule = AppModule;
exports.AppModule = AppModule = AppModule_1 = __decorate([
    (0, common_1.Module)({})
], AppModule);
//# sourceMappingURL=app.module.js.map