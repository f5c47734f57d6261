"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReferenceModule = void 0;
const common_1 = require("@nestjs/common");
const states_module_1 = require("../states/states.module");
const reference_controller_1 = require("./reference.controller");
const reference_repository_1 = require("./reference.repository");
const reference_service_1 = require("./reference.service");
let ReferenceModule = class ReferenceModule {
};
exports.ReferenceModule = ReferenceModule;
exports.ReferenceModule = ReferenceModule = __decorate([
    (0, common_1.Module)({
        imports: [states_module_1.StatesModule],
        controllers: [reference_controller_1.ReferenceController],
        providers: [reference_service_1.ReferenceService, reference_repository_1.ReferenceRepository],
        exports: [reference_service_1.ReferenceService],
    })
], ReferenceModule);
//# sourceMappingURL=reference.module.js.map