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
exports.CasesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const decorators_1 = require("../common/auth/decorators");
const cases_service_1 = require("./cases.service");
const case_dto_1 = require("./dto/case.dto");
let CasesController = class CasesController {
    constructor(cases) {
        this.cases = cases;
    }
    create(user, body) {
        return this.cases.create(user, body);
    }
    get(user, params) {
        return this.cases.get(user, params.id);
    }
    addMember(user, params, body) {
        return this.cases.addMember(user, params.id, body);
    }
};
exports.CasesController = CasesController;
__decorate([
    (0, common_1.Post)(),
    (0, decorators_1.Roles)(['officer', 'npc']),
    (0, swagger_1.ApiOperation)({ summary: 'Open a confidential case file; its creator is its first member' }),
    (0, swagger_1.ApiCreatedResponse)({ type: case_dto_1.CaseDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, case_dto_1.CreateCaseDto]),
    __metadata("design:returntype", Promise)
], CasesController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOperation)({ summary: 'Members read the content (audited); auditors see members and reads, never content; others get 404' }),
    (0, swagger_1.ApiOkResponse)({ type: case_dto_1.CaseDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, case_dto_1.CaseIdParamDto]),
    __metadata("design:returntype", Promise)
], CasesController.prototype, "get", null);
__decorate([
    (0, common_1.Post)(':id/members'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'The creator adds a user of the same State (officer or npc)' }),
    (0, swagger_1.ApiOkResponse)({ type: case_dto_1.CaseDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, case_dto_1.CaseIdParamDto, case_dto_1.AddCaseMemberDto]),
    __metadata("design:returntype", Promise)
], CasesController.prototype, "addMember", null);
exports.CasesController = CasesController = __decorate([
    (0, swagger_1.ApiTags)('cases'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('cases'),
    __metadata("design:paramtypes", [cases_service_1.CasesService])
], CasesController);
//# sourceMappingURL=cases.controller.js.map