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
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccessGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const passport_1 = require("@nestjs/passport");
const decorators_1 = require("../common/auth/decorators");
const app_error_1 = require("../common/errors/app-error");
/**
 * Deny by default: every route needs a valid access token unless marked @Public(). The session
 * behind the token, the roles named by @Roles() and MFA enrolment are checked next, in the request's
 * transaction (RequestScopeInterceptor), before any pipe or handler runs.
 */
let AccessGuard = class AccessGuard extends (0, passport_1.AuthGuard)('jwt') {
    constructor(reflector) {
        super();
        this.reflector = reflector;
    }
    async canActivate(context) {
        const targets = [context.getHandler(), context.getClass()];
        if (this.reflector.getAllAndOverride(decorators_1.IS_PUBLIC, targets))
            return true;
        await super.canActivate(context);
        return true;
    }
    handleRequest(error, user) {
        if (error instanceof app_error_1.AppError)
            throw error;
        if (error || !user)
            throw new app_error_1.UnauthorizedError('UNAUTHENTICATED', 'A valid access token is required');
        return user;
    }
};
exports.AccessGuard = AccessGuard;
exports.AccessGuard = AccessGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector])
], AccessGuard);
//# sourceMappingURL=guards.js.map