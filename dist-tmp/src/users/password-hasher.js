"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PasswordHasher = exports.ARGON2_PARAMETERS = exports.OWASP_ARGON2ID = void 0;
const common_1 = require("@nestjs/common");
const argon2 = __importStar(require("argon2"));
/** OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1. */
exports.OWASP_ARGON2ID = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
exports.ARGON2_PARAMETERS = Symbol('ARGON2_PARAMETERS');
/**
 * argon2id hashes in PHC strings (the parameters travel with each hash, so they can change and
 * old hashes still verify; `needsRehash` tells when to upgrade one at the next login).
 */
let PasswordHasher = class PasswordHasher {
    constructor(parameters = exports.OWASP_ARGON2ID) {
        this.parameters = parameters;
    }
    hash(password) {
        return argon2.hash(normalise(password), { type: argon2.argon2id, ...this.parameters });
    }
    async verify(hash, password) {
        try {
            return await argon2.verify(hash, normalise(password));
        }
        catch {
            return false;
        }
    }
    needsRehash(hash) {
        return argon2.needsRehash(hash, this.parameters);
    }
    /** Same work as a real check, for unknown users: the answer's timing must not reveal who exists. */
    async verifyAgainstDummy(password) {
        this.dummyHash ??= this.hash('dummy password that never matches');
        await this.verify(await this.dummyHash, password);
    }
};
exports.PasswordHasher = PasswordHasher;
exports.PasswordHasher = PasswordHasher = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Optional)()),
    __param(0, (0, common_1.Inject)(exports.ARGON2_PARAMETERS)),
    __metadata("design:paramtypes", [Object])
], PasswordHasher);
/** The same password typed on different keyboards (composed or decomposed accents) is one password. */
function normalise(password) {
    return password.normalize('NFKC');
}
//# sourceMappingURL=password-hasher.js.map