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
exports.ReferenceController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const decorators_1 = require("../common/auth/decorators");
const reference_dto_1 = require("./dto/reference.dto");
const reference_service_1 = require("./reference.service");
let ReferenceController = class ReferenceController {
    constructor(reference) {
        this.reference = reference;
    }
    weaponTypes(query) {
        return this.reference.weaponTypes(query);
    }
    calibres(user, query) {
        return this.reference.calibres(user, query);
    }
    addCalibre(user, body) {
        return this.reference.addCalibre(user, body);
    }
    manufacturers(user, query) {
        return this.reference.manufacturers(user, query);
    }
    addManufacturer(user, body) {
        return this.reference.addManufacturer(user, body);
    }
};
exports.ReferenceController = ReferenceController;
__decorate([
    (0, common_1.Get)('weapon-types'),
    (0, swagger_1.ApiOkResponse)({ type: reference_dto_1.WeaponTypePageDto }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [reference_dto_1.ReferenceQueryDto]),
    __metadata("design:returntype", Promise)
], ReferenceController.prototype, "weaponTypes", null);
__decorate([
    (0, common_1.Get)('calibres'),
    (0, swagger_1.ApiOkResponse)({ type: reference_dto_1.CalibrePageDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, reference_dto_1.ReferenceQueryDto]),
    __metadata("design:returntype", Promise)
], ReferenceController.prototype, "calibres", null);
__decorate([
    (0, common_1.Post)('calibres'),
    (0, swagger_1.ApiCreatedResponse)({ type: reference_dto_1.CalibreDto }),
    (0, decorators_1.Roles)(['registrar']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, reference_dto_1.AddReferenceDto]),
    __metadata("design:returntype", Promise)
], ReferenceController.prototype, "addCalibre", null);
__decorate([
    (0, common_1.Get)('manufacturers'),
    (0, swagger_1.ApiOkResponse)({ type: reference_dto_1.ManufacturerPageDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, reference_dto_1.ReferenceQueryDto]),
    __metadata("design:returntype", Promise)
], ReferenceController.prototype, "manufacturers", null);
__decorate([
    (0, common_1.Post)('manufacturers'),
    (0, swagger_1.ApiCreatedResponse)({ type: reference_dto_1.ManufacturerDto }),
    (0, decorators_1.Roles)(['registrar']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, reference_dto_1.AddManufacturerDto]),
    __metadata("design:returntype", Promise)
], ReferenceController.prototype, "addManufacturer", null);
exports.ReferenceController = ReferenceController = __decorate([
    (0, swagger_1.ApiTags)('reference'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('reference'),
    __metadata("design:paramtypes", [reference_service_1.ReferenceService])
], ReferenceController);
//# sourceMappingURL=reference.controller.js.map