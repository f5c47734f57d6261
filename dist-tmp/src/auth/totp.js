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
exports.Totp = void 0;
const common_1 = require("@nestjs/common");
const otplib_1 = require("otplib");
const clock_1 = require("../common/clock");
const ISSUER = 'ITI Trace';
/** One 30-second step either side, for clocks that drift a little. */
const TOLERANCE_SECONDS = 30;
const PERIOD_SECONDS = 30;
/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s): what every authenticator app speaks. */
let Totp = class Totp {
    constructor(clock) {
        this.clock = clock;
    }
    newSecret() {
        return (0, otplib_1.generateSecret)();
    }
    uri(secret, account) {
        return (0, otplib_1.generateURI)({ issuer: ISSUER, label: account, secret });
    }
    /** The time step the code belongs to, or null when it matches none in the window. */
    matchingStep(secret, code) {
        if (!/^\d{6}$/.test(code))
            return null;
        const now = this.clock.nowSeconds();
        const result = (0, otplib_1.verifySync)({ secret, token: code, epoch: now, epochTolerance: TOLERANCE_SECONDS });
        return result.valid ? Math.floor(now / PERIOD_SECONDS) + result.delta : null;
    }
};
exports.Totp = Totp;
exports.Totp = Totp = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [clock_1.Clock])
], Totp);
//# sourceMappingURL=totp.js.map