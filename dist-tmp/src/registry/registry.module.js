"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RegistryModule = void 0;
const common_1 = require("@nestjs/common");
const records_module_1 = require("../records/records.module");
const reference_module_1 = require("../reference/reference.module");
const states_module_1 = require("../states/states.module");
const weapons_controller_1 = require("./weapons.controller");
const imports_repository_1 = require("./imports/imports.repository");
const imports_service_1 = require("./imports/imports.service");
const weapons_repository_1 = require("./weapons.repository");
const weapons_service_1 = require("./weapons.service");
let RegistryModule = class RegistryModule {
};
exports.RegistryModule = RegistryModule;
exports.RegistryModule = RegistryModule = __decorate([
    (0, common_1.Module)({
        imports: [records_module_1.RecordsModule, reference_module_1.ReferenceModule, states_module_1.StatesModule],
        controllers: [weapons_controller_1.WeaponsController, weapons_controller_1.RegistryController],
        providers: [weapons_service_1.WeaponsService, weapons_repository_1.WeaponsRepository, imports_service_1.ImportsService, imports_repository_1.ImportsRepository],
        exports: [weapons_service_1.WeaponsService, imports_service_1.ImportsService],
    })
], RegistryModule);
//# sourceMappingURL=registry.module.js.map