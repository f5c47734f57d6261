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
exports.AuthTokens = exports.TOKEN_ALGORITHM = exports.ACCESS_AUDIENCE = exports.TOKEN_ISSUER = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const node_crypto_1 = require("node:crypto");
const clock_1 = require("../common/clock");
const app_error_1 = require("../common/errors/app-error");
const uuid_1 = require("../common/uuid");
const jwt_secret_1 = require("./jwt-secret");
exports.TOKEN_ISSUER = 'iti-trace';
exports.ACCESS_AUDIENCE = 'iti-trace:api';
const MFA_AUDIENCE = 'iti-trace:mfa';
/** Pinned: tokens signed with any other algorithm (including "none") are refused. */
exports.TOKEN_ALGORITHM = 'HS256';
const MFA_TOKEN_TTL_SECONDS = 300;
/** Signs and checks the three kinds of token: access (JWT), MFA step (JWT) and refresh (opaque). */
let AuthTokens = class AuthTokens {
    constructor(jwt, clock, secret) {
        this.jwt = jwt;
        this.clock = clock;
        this.verificationKey = (0, node_crypto_1.createSecretKey)(Buffer.from(secret, 'utf8'));
    }
    signAccess(claims) {
        return this.jwt.sign({ ...claims, iat: this.clock.nowSeconds() }, { algorithm: exports.TOKEN_ALGORITHM, issuer: exports.TOKEN_ISSUER, audience: exports.ACCESS_AUDIENCE });
    }
    signMfaStep(userId, stateCode) {
        const now = this.clock.nowSeconds();
        return this.jwt.sign({ sub: userId, st: stateCode, iat: now, exp: now + MFA_TOKEN_TTL_SECONDS }, { algorithm: exports.TOKEN_ALGORITHM, issuer: exports.TOKEN_ISSUER, audience: MFA_AUDIENCE });
    }
    verifyMfaStep(token) {
        try {
            const payload = this.jwt.verify(token, {
                secret: this.verificationKey,
                algorithms: [exports.TOKEN_ALGORITHM],
                issuer: exports.TOKEN_ISSUER,
                audience: MFA_AUDIENCE,
                clockTimestamp: this.clock.nowSeconds(),
            });
            if (typeof payload.sub !== 'string' || typeof payload.st !== 'string')
                throw new Error('bad claims');
            return payload;
        }
        catch {
            throw new app_error_1.UnauthorizedError('MFA_TOKEN_INVALID', 'The MFA step has expired or is invalid; log in again');
        }
    }
    /** A refresh token is `<session id>.<secret>`; only its SHA-256 is stored. */
    newRefreshToken(sessionId) {
        const token = `${sessionId}.${(0, node_crypto_1.randomBytes)(32).toString('base64url')}`;
        return { token, hash: hashRefreshToken(token) };
    }
    parseRefreshToken(token) {
        const [sessionId, secret] = token.split('.');
        if (!sessionId || !secret || !uuid_1.UUID.test(sessionId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) {
            throw new app_error_1.UnauthorizedError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid');
        }
        return { sessionId, hash: hashRefreshToken(token) };
    }
};
exports.AuthTokens = AuthTokens;
exports.AuthTokens = AuthTokens = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(jwt_secret_1.JWT_SECRET)),
    __metadata("design:paramtypes", [jwt_1.JwtService,
        clock_1.Clock, String])
], AuthTokens);
function hashRefreshToken(token) {
    return (0, node_crypto_1.createHash)('sha256').update(token).digest('hex');
}
//# sourceMappingURL=auth-tokens.js.map