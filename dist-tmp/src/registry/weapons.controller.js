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
exports.RegistryController = exports.WeaponsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const node_stream_1 = require("node:stream");
const app_error_1 = require("../common/errors/app-error");
const pagination_1 = require("../common/http/pagination");
const import_dto_1 = require("./imports/import.dto");
const imports_service_1 = require("./imports/imports.service");
const decorators_1 = require("../common/auth/decorators");
const markings_dto_1 = require("./dto/markings.dto");
const search_dto_1 = require("./dto/search.dto");
const weapon_dto_1 = require("./dto/weapon.dto");
const weapon_response_dto_1 = require("./dto/weapon.response.dto");
const weapons_service_1 = require("./weapons.service");
const READERS = ['registrar', 'auditor', 'npc', 'officer'];
let WeaponsController = class WeaponsController {
    constructor(weapons, imports) {
        this.weapons = weapons;
        this.imports = imports;
    }
    register(user, body) {
        return this.weapons.register(user, body);
    }
    list(user, query) {
        return this.weapons.list(user, query);
    }
    search(user, body) {
        return this.weapons.search(user, body);
    }
    /** Bulk import of a CSV file (docs/import-format.md): every row lands, or none does. */
    importCsv(user, request) {
        return this.imports.importCsv({ stateCode: user.stateCode, userId: user.id, limited: true }, csvBody(request));
    }
    listImports(user, query) {
        return this.imports.list(user.stateCode, query);
    }
    getImport(user, params, page) {
        return this.imports.get(user.stateCode, params.id, page);
    }
    get(user, params) {
        return this.weapons.get(user, params.id);
    }
    addMarkings(user, params, body) {
        return this.weapons.addMarkings(user, params.id, body.markings);
    }
    recordEvent(user, params, body) {
        return this.weapons.recordEvent(user, params.id, body);
    }
    placeLegalHold(user, params, body) {
        return this.weapons.placeLegalHold(user, params.id, body.reason);
    }
    releaseLegalHold(user, params) {
        return this.weapons.releaseLegalHold(user, params.id, params.holdId);
    }
    /** Purge of a record past its retention (ITI 12); refused with RETENTION_ACTIVE before. */
    purge(user, params) {
        return this.weapons.purge(user, params.id);
    }
};
exports.WeaponsController = WeaponsController;
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiCreatedResponse)({ type: weapon_response_dto_1.WeaponDto }),
    (0, decorators_1.Roles)(['registrar', 'officer']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, weapon_dto_1.RegisterWeaponDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "register", null);
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOkResponse)({ type: weapon_response_dto_1.WeaponPageDto }),
    (0, decorators_1.Roles)([...READERS]),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, weapon_dto_1.ListWeaponsQueryDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "list", null);
__decorate([
    (0, common_1.Post)('search'),
    (0, swagger_1.ApiOkResponse)({ type: search_dto_1.SearchResultDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)([...READERS]),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, search_dto_1.SearchWeaponsDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "search", null);
__decorate([
    (0, common_1.Post)('imports'),
    (0, swagger_1.ApiCreatedResponse)({ type: import_dto_1.WeaponImportDto }),
    (0, decorators_1.Roles)(['registrar']),
    (0, swagger_1.ApiConsumes)('text/csv'),
    (0, swagger_1.ApiBody)({ description: 'RFC 4180 CSV, UTF-8, with the header of docs/import-format.md', schema: { type: 'string', format: 'binary' } }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "importCsv", null);
__decorate([
    (0, common_1.Get)('imports'),
    (0, swagger_1.ApiOkResponse)({ type: import_dto_1.WeaponImportPageDto }),
    (0, decorators_1.Roles)(['registrar', 'auditor']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, import_dto_1.ListImportsQueryDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "listImports", null);
__decorate([
    (0, common_1.Get)('imports/:id'),
    (0, swagger_1.ApiOkResponse)({ type: import_dto_1.WeaponImportDto }),
    (0, decorators_1.Roles)(['registrar', 'auditor']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, markings_dto_1.WeaponIdParamDto, pagination_1.PageQueryDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "getImport", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOkResponse)({ type: weapon_response_dto_1.WeaponDto }),
    (0, decorators_1.Roles)([...READERS]),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, markings_dto_1.WeaponIdParamDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "get", null);
__decorate([
    (0, common_1.Post)(':id/markings'),
    (0, swagger_1.ApiCreatedResponse)({ type: weapon_response_dto_1.WeaponDto }),
    (0, decorators_1.Roles)(['registrar', 'officer']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, markings_dto_1.WeaponIdParamDto, markings_dto_1.AddMarkingsDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "addMarkings", null);
__decorate([
    (0, common_1.Post)(':id/events'),
    (0, swagger_1.ApiCreatedResponse)({ type: weapon_response_dto_1.WeaponDto }),
    (0, decorators_1.Roles)(['registrar', 'officer']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, markings_dto_1.WeaponIdParamDto, weapon_dto_1.RecordEventDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "recordEvent", null);
__decorate([
    (0, common_1.Post)(':id/legal-holds'),
    (0, swagger_1.ApiCreatedResponse)({ type: weapon_response_dto_1.WeaponDto }),
    (0, decorators_1.Roles)(['registrar']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, markings_dto_1.WeaponIdParamDto, weapon_dto_1.LegalHoldDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "placeLegalHold", null);
__decorate([
    (0, common_1.Delete)(':id/legal-holds/:holdId'),
    (0, swagger_1.ApiOkResponse)({ type: weapon_response_dto_1.WeaponDto }),
    (0, decorators_1.Roles)(['registrar']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, weapon_dto_1.LegalHoldParamsDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "releaseLegalHold", null);
__decorate([
    (0, common_1.Delete)(':id'),
    (0, common_1.HttpCode)(204),
    (0, decorators_1.Roles)(['registrar']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, markings_dto_1.WeaponIdParamDto]),
    __metadata("design:returntype", Promise)
], WeaponsController.prototype, "purge", null);
exports.WeaponsController = WeaponsController = __decorate([
    (0, swagger_1.ApiTags)('registry'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('weapons'),
    __metadata("design:paramtypes", [weapons_service_1.WeaponsService,
        imports_service_1.ImportsService])
], WeaponsController);
let RegistryController = class RegistryController {
    constructor(weapons) {
        this.weapons = weapons;
    }
    /** ITI 13: a closed manufacturer's or dealer's records pass to the State. */
    transferCustody(user, body) {
        return this.weapons.transferCustody(user, body);
    }
    /** ITI 13: the companies whose records passed to the State; no record names them as custodian afterwards. */
    closedCustodians(user, query) {
        return this.weapons.closedCustodians(user, query);
    }
    /** ITI 13: a company closed in error is reopened; records may name it again. */
    reopenCustodian(user, query) {
        return this.weapons.reopenCustodian(user, query.name);
    }
    settings(user) {
        return this.weapons.settings(user);
    }
    updateSettings(user, body) {
        return this.weapons.updateSettings(user, body);
    }
};
exports.RegistryController = RegistryController;
__decorate([
    (0, common_1.Post)('custody-transfers'),
    (0, swagger_1.ApiCreatedResponse)({ type: markings_dto_1.CustodyTransferResultDto }),
    (0, decorators_1.Roles)(['registrar']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, weapon_dto_1.CustodyTransferDto]),
    __metadata("design:returntype", Promise)
], RegistryController.prototype, "transferCustody", null);
__decorate([
    (0, common_1.Get)('closed-custodians'),
    (0, swagger_1.ApiOkResponse)({ type: markings_dto_1.ClosedCustodianPageDto }),
    (0, decorators_1.Roles)(['registrar', 'auditor']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_1.PageQueryDto]),
    __metadata("design:returntype", Promise)
], RegistryController.prototype, "closedCustodians", null);
__decorate([
    (0, common_1.Delete)('closed-custodians'),
    (0, common_1.HttpCode)(204),
    (0, decorators_1.Roles)(['registrar']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, markings_dto_1.ClosedCustodianQueryDto]),
    __metadata("design:returntype", Promise)
], RegistryController.prototype, "reopenCustodian", null);
__decorate([
    (0, common_1.Get)('settings'),
    (0, swagger_1.ApiOkResponse)({ type: search_dto_1.RegistrySettingsDto }),
    (0, decorators_1.Roles)(['registrar', 'auditor', 'admin']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], RegistryController.prototype, "settings", null);
__decorate([
    (0, common_1.Put)('settings'),
    (0, swagger_1.ApiOkResponse)({ type: search_dto_1.RegistrySettingsDto }),
    (0, decorators_1.Roles)(['registrar', 'admin']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, search_dto_1.UpdateRegistrySettingsDto]),
    __metadata("design:returntype", Promise)
], RegistryController.prototype, "updateSettings", null);
exports.RegistryController = RegistryController = __decorate([
    (0, swagger_1.ApiTags)('registry'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('registry'),
    __metadata("design:paramtypes", [weapons_service_1.WeaponsService])
], RegistryController);
/** The raw CSV stream (see the text/csv parser in app.factory.ts); anything else is 415. */
function csvBody(request) {
    if (!(request.body instanceof node_stream_1.Readable)) {
        throw new app_error_1.AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv (UTF-8, RFC 4180)');
    }
    return request.body;
}
//# sourceMappingURL=weapons.controller.js.map