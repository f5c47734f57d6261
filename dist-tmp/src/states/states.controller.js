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
exports.StatesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const decorators_1 = require("../common/auth/decorators");
const pagination_1 = require("../common/http/pagination");
const contact_point_dto_1 = require("./dto/contact-point.dto");
const state_dto_1 = require("./dto/state.dto");
const states_service_1 = require("./states.service");
let StatesController = class StatesController {
    constructor(states) {
        this.states = states;
    }
    list(query) {
        return this.states.list({ hosted: query.hosted }, query);
    }
    get(params) {
        return this.states.get(params.code);
    }
    listContactPoints(params, page) {
        return this.states.listContactPoints(params.code, page);
    }
    addContactPoint(user, params, body) {
        return this.states.addContactPoint(user, params.code, body);
    }
    updateContactPoint(user, params, body) {
        return this.states.updateContactPoint(user, params.code, params.id, body);
    }
    removeContactPoint(user, params) {
        return this.states.removeContactPoint(user, params.code, params.id);
    }
};
exports.StatesController = StatesController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOkResponse)({ type: state_dto_1.StatePageDto }),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [state_dto_1.ListStatesQueryDto]),
    __metadata("design:returntype", Promise)
], StatesController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':code'),
    (0, swagger_1.ApiOkResponse)({ type: state_dto_1.StateDto }),
    __param(0, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [state_dto_1.StateCodeParamDto]),
    __metadata("design:returntype", Promise)
], StatesController.prototype, "get", null);
__decorate([
    (0, common_1.Get)(':code/contact-points'),
    (0, swagger_1.ApiOkResponse)({ type: contact_point_dto_1.ContactPointPageDto }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [state_dto_1.StateCodeParamDto, pagination_1.PageQueryDto]),
    __metadata("design:returntype", Promise)
], StatesController.prototype, "listContactPoints", null);
__decorate([
    (0, common_1.Post)(':code/contact-points'),
    (0, swagger_1.ApiCreatedResponse)({ type: contact_point_dto_1.ContactPointDto }),
    (0, decorators_1.Roles)(['admin']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, state_dto_1.StateCodeParamDto, contact_point_dto_1.CreateContactPointDto]),
    __metadata("design:returntype", Promise)
], StatesController.prototype, "addContactPoint", null);
__decorate([
    (0, common_1.Patch)(':code/contact-points/:id'),
    (0, swagger_1.ApiOkResponse)({ type: contact_point_dto_1.ContactPointDto }),
    (0, decorators_1.Roles)(['admin']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, contact_point_dto_1.ContactPointParamsDto, contact_point_dto_1.UpdateContactPointDto]),
    __metadata("design:returntype", Promise)
], StatesController.prototype, "updateContactPoint", null);
__decorate([
    (0, common_1.Delete)(':code/contact-points/:id'),
    (0, decorators_1.Roles)(['admin']),
    (0, common_1.HttpCode)(204),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, contact_point_dto_1.ContactPointParamsDto]),
    __metadata("design:returntype", Promise)
], StatesController.prototype, "removeContactPoint", null);
exports.StatesController = StatesController = __decorate([
    (0, swagger_1.ApiTags)('states'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('states'),
    __metadata("design:paramtypes", [states_service_1.StatesService])
], StatesController);
//# sourceMappingURL=states.controller.js.map