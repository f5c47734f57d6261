"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const jwt_1 = require("@nestjs/jwt");
const passport_1 = require("@nestjs/passport");
const states_module_1 = require("../states/states.module");
const users_module_1 = require("../users/users.module");
const auth_tokens_1 = require("./auth-tokens");
const auth_controller_1 = require("./auth.controller");
const auth_service_1 = require("./auth.service");
const guards_1 = require("./guards");
const request_scope_interceptor_1 = require("./request-scope.interceptor");
const request_context_1 = require("../common/http/request-context");
const jwt_secret_1 = require("./jwt-secret");
const jwt_strategy_1 = require("./jwt.strategy");
const mfa_secrets_1 = require("./mfa-secrets");
const totp_1 = require("./totp");
let AuthModule = class AuthModule {
};
exports.AuthModule = AuthModule;
exports.AuthModule = AuthModule = __decorate([
    (0, common_1.Module)({
        imports: [
            passport_1.PassportModule,
            jwt_1.JwtModule.registerAsync({ inject: [jwt_secret_1.JWT_SECRET], useFactory: (secret) => ({ secret }) }),
            users_module_1.UsersModule,
            states_module_1.StatesModule,
        ],
        controllers: [auth_controller_1.AuthController],
        providers: [
            auth_service_1.AuthService,
            auth_tokens_1.AuthTokens,
            totp_1.Totp,
            mfa_secrets_1.MfaSecrets,
            jwt_strategy_1.JwtStrategy,
            { provide: core_1.APP_GUARD, useClass: guards_1.AccessGuard },
            // In this order: the request's origin is known to everything below, the audit of refusals included.
            { provide: core_1.APP_INTERCEPTOR, useClass: request_context_1.RequestContextInterceptor },
            { provide: core_1.APP_INTERCEPTOR, useClass: request_scope_interceptor_1.RequestScopeInterceptor },
        ],
    })
], AuthModule);
//# sourceMappingURL=auth.module.js.map