"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RecordsModule = void 0;
const common_1 = require("@nestjs/common");
const record_events_repository_1 = require("./record-events.repository");
const retention_1 = require("./retention");
/** The append-only history of weapons (record events) and its retention (ITI 11–13). */
let RecordsModule = class RecordsModule {
};
exports.RecordsModule = RecordsModule;
exports.RecordsModule = RecordsModule = __decorate([
    (0, common_1.Module)({ providers: [record_events_repository_1.RecordEventsRepository, retention_1.RetentionPolicy], exports: [record_events_repository_1.RecordEventsRepository, retention_1.RetentionPolicy] })
], RecordsModule);
//# sourceMappingURL=records.module.js.map