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
exports.AuthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const throttler_1 = require("@nestjs/throttler");
const decorators_1 = require("../common/auth/decorators");
const auth_service_1 = require("./auth.service");
const auth_dto_1 = require("./dto/auth.dto");
const request_context_1 = require("../common/http/request-context");
let AuthController = class AuthController {
    constructor(auth) {
        this.auth = auth;
    }
    login(body, request) {
        return this.auth.login(body.username, body.password, (0, request_context_1.clientAddress)(request));
    }
    mfa(body, request) {
        return this.auth.completeMfa(body.mfaToken, body.code, (0, request_context_1.clientAddress)(request));
    }
    refresh(body) {
        return this.auth.refresh(body.refreshToken);
    }
    logout(user) {
        return this.auth.logout(user);
    }
    me(user) {
        return this.auth.me(user);
    }
    enrollMfa(user, body) {
        return this.auth.enrollMfa(user, body.password);
    }
    confirmMfa(user, body) {
        return this.auth.confirmMfa(user, body.code);
    }
};
exports.AuthController = AuthController;
__decorate([
    (0, decorators_1.Public)(),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    (0, common_1.Post)('login'),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.LoginResponseDto }),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.LoginDto, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "login", null);
__decorate([
    (0, decorators_1.Public)(),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    (0, common_1.Post)('mfa'),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.TokensDto }),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.MfaLoginDto, Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "mfa", null);
__decorate([
    (0, decorators_1.Public)(),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    (0, common_1.Post)('refresh'),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.TokensDto }),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [auth_dto_1.RefreshDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "refresh", null);
__decorate([
    (0, swagger_1.ApiBearerAuth)(),
    (0, decorators_1.AllowPendingMfa)(),
    (0, common_1.Post)('logout'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "logout", null);
__decorate([
    (0, swagger_1.ApiBearerAuth)(),
    (0, decorators_1.AllowPendingMfa)(),
    (0, common_1.Get)('me'),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.MeDto }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "me", null);
__decorate([
    (0, swagger_1.ApiBearerAuth)(),
    (0, decorators_1.AllowPendingMfa)(),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    (0, common_1.Post)('mfa/enroll'),
    (0, swagger_1.ApiOkResponse)({ type: auth_dto_1.MfaEnrollmentDto }),
    (0, common_1.HttpCode)(200),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, auth_dto_1.MfaEnrollDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "enrollMfa", null);
__decorate([
    (0, swagger_1.ApiBearerAuth)(),
    (0, decorators_1.AllowPendingMfa)(),
    (0, common_1.UseGuards)(throttler_1.ThrottlerGuard),
    (0, common_1.Post)('mfa/confirm'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, auth_dto_1.MfaCodeDto]),
    __metadata("design:returntype", Promise)
], AuthController.prototype, "confirmMfa", null);
exports.AuthController = AuthController = __decorate([
    (0, swagger_1.ApiTags)('auth'),
    (0, common_1.Controller)('auth'),
    __metadata("design:paramtypes", [auth_service_1.AuthService])
], AuthController);
//# sourceMappingURL=auth.controller.js.map