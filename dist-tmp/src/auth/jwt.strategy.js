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
exports.JwtStrategy = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const passport_1 = require("@nestjs/passport");
const passport_jwt_1 = require("passport-jwt");
const auth_tokens_1 = require("./auth-tokens");
const auth_service_1 = require("./auth.service");
const jwt_secret_1 = require("./jwt-secret");
/**
 * Bearer access tokens. The signature, algorithm, issuer and audience are checked by passport-jwt,
 * expiry against the injected clock; the session behind the token by RequestScopeInterceptor.
 */
let JwtStrategy = class JwtStrategy extends (0, passport_1.PassportStrategy)(passport_jwt_1.Strategy, 'jwt') {
    constructor(secret, auth) {
        super({
            jwtFromRequest: passport_jwt_1.ExtractJwt.fromAuthHeaderAsBearerToken(),
            // A KeyObject, not the string: jsonwebtoken would otherwise try (and fail) to parse the string as a
            // public key on every request, the costliest step of a request in the profile.
            secretOrKey: (0, node_crypto_1.createSecretKey)(Buffer.from(secret, 'utf8')),
            algorithms: [auth_tokens_1.TOKEN_ALGORITHM],
            issuer: auth_tokens_1.TOKEN_ISSUER,
            audience: auth_tokens_1.ACCESS_AUDIENCE,
            ignoreExpiration: true,
        });
        this.auth = auth;
    }
    /** The token's claims, checked for shape and expiry; the session behind it is checked in the request's transaction. */
    validate(payload) {
        return { claims: this.auth.checkAccessClaims(payload) };
    }
};
exports.JwtStrategy = JwtStrategy;
exports.JwtStrategy = JwtStrategy = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(jwt_secret_1.JWT_SECRET)),
    __metadata("design:paramtypes", [String, auth_service_1.AuthService])
], JwtStrategy);
//# sourceMappingURL=jwt.strategy.js.map