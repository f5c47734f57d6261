"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TracingModule = void 0;
const common_1 = require("@nestjs/common");
const cases_module_1 = require("../cases/cases.module");
const notifications_module_1 = require("../notifications/notifications.module");
const reference_module_1 = require("../reference/reference.module");
const registry_module_1 = require("../registry/registry.module");
const states_module_1 = require("../states/states.module");
const outbox_worker_1 = require("./outbox.worker");
const traces_controller_1 = require("./traces.controller");
const traces_repository_1 = require("./traces.repository");
const tracing_service_1 = require("./tracing.service");
let TracingModule = class TracingModule {
};
exports.TracingModule = TracingModule;
exports.TracingModule = TracingModule = __decorate([
    (0, common_1.Module)({
        imports: [registry_module_1.RegistryModule, reference_module_1.ReferenceModule, states_module_1.StatesModule, notifications_module_1.NotificationsModule, cases_module_1.CasesModule],
        controllers: [traces_controller_1.TracesController],
        providers: [tracing_service_1.TracingService, traces_repository_1.TracesRepository, outbox_worker_1.OutboxWorker, outbox_worker_1.DeadlineJob],
        exports: [tracing_service_1.TracingService, outbox_worker_1.OutboxWorker, outbox_worker_1.DeadlineJob],
    })
], TracingModule);
//# sourceMappingURL=tracing.module.js.map