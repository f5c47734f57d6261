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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdempotencyInterceptor = void 0;
const common_1 = require("@nestjs/common");
const constants_1 = require("@nestjs/common/constants");
const canonicalize_1 = __importDefault(require("canonicalize"));
const node_crypto_1 = require("node:crypto");
const rxjs_1 = require("rxjs");
const app_config_1 = require("../../config/app-config");
const clock_1 = require("../clock");
const app_error_1 = require("../errors/app-error");
const reject_unstorable_text_pipe_1 = require("../http/reject-unstorable-text.pipe");
const record_cipher_1 = require("../encryption/record-cipher");
const idempotency_repository_1 = require("./idempotency.repository");
const KEY = /^[\x21-\x7e]{1,200}$/;
/**
 * `Idempotency-Key` on POST: the first result is stored in the request's own transaction (so it exists
 * exactly when the effect does) and replayed for the same key and body; the same key with another
 * request is refused with 422. Keys belong to the user who sent them, and are forgotten after
 * IDEMPOTENCY_KEY_HOURS: the same key is then a new request.
 */
let IdempotencyInterceptor = class IdempotencyInterceptor {
    constructor(keys, sealing, clock, config) {
        this.keys = keys;
        this.sealing = sealing;
        this.clock = clock;
        this.config = config;
    }
    intercept(context, next) {
        const request = context.switchToHttp().getRequest();
        const key = request.headers['idempotency-key'];
        if (request.method !== 'POST' || key === undefined || !request.user)
            return next.handle();
        if (!KEY.test(key))
            throw new app_error_1.AppError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
        const user = request.user;
        // Interceptors run before pipes: a body too deep to serialise gets the pipes' 400 here, not a RangeError's 500.
        if (!Buffer.isBuffer(request.body))
            (0, reject_unstorable_text_pipe_1.rejectUnstorable)(request.body);
        // The request as its effect depends on it: the version it was made against (If-Match) is part of it, and a
        // JSON body counts by its content, whatever the order of its keys.
        const body = Buffer.isBuffer(request.body) ? request.body : ((0, canonicalize_1.default)(request.body ?? null) ?? 'null');
        const fingerprint = (0, node_crypto_1.createHash)('sha256')
            .update(`${request.method} ${request.url}\nif-match: ${request.headers['if-match'] ?? ''}\ncontent-type: ${request.headers['content-type'] ?? ''}\n`)
            .update(body)
            .digest('hex');
        const reply = context.switchToHttp().getResponse();
        const status = Reflect.getMetadata(constants_1.HTTP_CODE_METADATA, context.getHandler()) ?? common_1.HttpStatus.CREATED;
        // A stored response can hold confidential case content: it is sealed like any confidential field.
        const scope = { stateCode: user.stateCode, table: 'idempotency_keys', rowId: `${user.id}/${key}` };
        return (0, rxjs_1.from)((async () => {
            const now = this.clock.now();
            const expiredBefore = (0, idempotency_repository_1.keysForgottenBefore)(now, this.config.IDEMPOTENCY_KEY_HOURS);
            if (!(await this.keys.claim(user.stateCode, user.id, key, fingerprint, now, expiredBefore))) {
                const first = await this.keys.find(user.stateCode, user.id, key);
                if (!first || first.requestSha256 !== fingerprint) {
                    throw new app_error_1.AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request: use a new key for a new request');
                }
                const response = first.response ? this.sealing.record(scope, first.dataKey).open('response', first.response) : null;
                void reply.header('Idempotent-Replayed', 'true');
                const etag = response?.version;
                if (typeof etag === 'number')
                    void reply.header('ETag', `"${etag}"`);
                return response;
            }
            const result = await (0, rxjs_1.lastValueFrom)(next.handle(), { defaultValue: undefined });
            const { cipher, dataKey } = this.sealing.newRecord(scope);
            await this.keys.complete(user.stateCode, user.id, key, status, cipher.seal('response', result ?? null), dataKey);
            return result;
        })());
    }
};
exports.IdempotencyInterceptor = IdempotencyInterceptor;
exports.IdempotencyInterceptor = IdempotencyInterceptor = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [idempotency_repository_1.IdempotencyRepository,
        record_cipher_1.RecordSealing,
        clock_1.Clock,
        app_config_1.AppConfig])
], IdempotencyInterceptor);
//# sourceMappingURL=idempotency.interceptor.js.map