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
exports.TracesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const app_error_1 = require("../common/errors/app-error");
const decorators_1 = require("../common/auth/decorators");
const etag_1 = require("../common/http/etag");
const idempotency_interceptor_1 = require("../common/idempotency/idempotency.interceptor");
const trace_dto_1 = require("./dto/trace.dto");
const trace_response_dto_1 = require("./dto/trace.response.dto");
const tracing_service_1 = require("./tracing.service");
const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag of the version read, e.g. "3"' };
const IDEMPOTENCY_KEY = { name: 'Idempotency-Key', required: false, description: 'Replays the first result for the same key and body, for IDEMPOTENCY_KEY_HOURS (24 by default) after its first use' };
/** Trace requests and answers (DESIGN.md §4); each transition carries the version read (If-Match). */
let TracesController = class TracesController {
    constructor(tracing) {
        this.tracing = tracing;
    }
    async create(user, body, reply) {
        return tagged(reply, await this.tracing.create(user, body));
    }
    list(user, query) {
        return this.tracing.list(user, query);
    }
    async get(user, params, reply) {
        return tagged(reply, await this.tracing.get(user, params.id));
    }
    async update(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.update(user, params.id, version, body));
    }
    async submit(user, params, version, reply) {
        return tagged(reply, await this.tracing.submit(user, params.id, version));
    }
    async returnToOfficer(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.returnToOfficer(user, params.id, version, body.text));
    }
    async send(user, params, version, reply) {
        return tagged(reply, await this.tracing.send(user, params.id, version));
    }
    async acknowledge(user, params, version, reply) {
        return tagged(reply, await this.tracing.acknowledge(user, params.id, version));
    }
    async requestInformation(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.requestInformation(user, params.id, version, body.text));
    }
    async provideInformation(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.provideInformation(user, params.id, version, body.text));
    }
    async answer(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.answer(user, params.id, version, body));
    }
    async recordAcknowledgement(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.recordAcknowledgement(user, params.id, version, body));
    }
    async recordAnswer(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.recordAnswer(user, params.id, version, body));
    }
    async close(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.close(user, params.id, version, body));
    }
    async withdraw(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.withdraw(user, params.id, version, body));
    }
    async followUp(user, params, version, body, reply) {
        return tagged(reply, await this.tracing.followUp(user, params.id, version, body));
    }
    candidates(user, params) {
        return this.tracing.candidates(user, params.id);
    }
    /** A JPEG or PNG photo of a marking (raw body, at most 5 MB), on a draft; `?component=&caption=`. */
    async addPhoto(user, params, version, query, request, reply) {
        if (!Buffer.isBuffer(request.body))
            throw new app_error_1.AppError(415, 'PHOTO_TYPE_INVALID', 'Send the photo as image/jpeg or image/png');
        return tagged(reply, await this.tracing.addPhoto(user, params.id, version, request.body, query));
    }
    async photo(user, params, reply) {
        const photo = await this.tracing.photo(user, params.id, params.photoId);
        void reply.header('Content-Type', photo.mediaType);
        return photo.data;
    }
    /** The request as a JSON document for INTERPOL's channels (docs/interpol-export.md). */
    interpolExport(user, params) {
        return this.tracing.interpolExport(user, params.id);
    }
    requestPdf(user, params, reply) {
        pdf(reply, `trace-request-${params.id}.pdf`);
        return this.tracing.requestPdf(user, params.id);
    }
    responsePdf(user, params, reply) {
        pdf(reply, `trace-response-${params.id}.pdf`);
        return this.tracing.responsePdf(user, params.id);
    }
};
exports.TracesController = TracesController;
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiCreatedResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, decorators_1.Roles)(['officer']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.CreateTraceDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TracePageDto }),
    (0, decorators_1.Roles)(['officer', 'npc', 'auditor']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.ListTracesQueryDto]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, decorators_1.Roles)(['officer', 'npc', 'auditor']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, decorators_1.Roles)(['officer']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.UpdateTraceDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "update", null);
__decorate([
    (0, common_1.Post)(':id/submit'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['officer']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "submit", null);
__decorate([
    (0, common_1.Post)(':id/return'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.ReasonDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "returnToOfficer", null);
__decorate([
    (0, common_1.Post)(':id/send'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "send", null);
__decorate([
    (0, common_1.Post)(':id/acknowledge'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "acknowledge", null);
__decorate([
    (0, common_1.Post)(':id/request-information'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.ReasonDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "requestInformation", null);
__decorate([
    (0, common_1.Post)(':id/provide-information'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc', 'officer']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.ReasonDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "provideInformation", null);
__decorate([
    (0, common_1.Post)(':id/answer'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.AnswerTraceDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "answer", null);
__decorate([
    (0, common_1.Post)(':id/record-acknowledgement'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.ReceivedOutsideDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "recordAcknowledgement", null);
__decorate([
    (0, common_1.Post)(':id/record-answer'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.RecordAnswerDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "recordAnswer", null);
__decorate([
    (0, common_1.Post)(':id/close'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.CloseTraceDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "close", null);
__decorate([
    (0, common_1.Post)(':id/withdraw'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, common_1.HttpCode)(200),
    (0, decorators_1.Roles)(['officer', 'npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.WithdrawTraceDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "withdraw", null);
__decorate([
    (0, common_1.Post)(':id/follow-ups'),
    (0, swagger_1.ApiCreatedResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, decorators_1.Roles)(['npc']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.FollowUpDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "followUp", null);
__decorate([
    (0, common_1.Get)(':id/candidates'),
    (0, swagger_1.ApiOkResponse)({ type: trace_response_dto_1.CandidatesDto }),
    (0, decorators_1.Roles)(['npc']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "candidates", null);
__decorate([
    (0, common_1.Post)(':id/photos'),
    (0, swagger_1.ApiCreatedResponse)({ type: trace_response_dto_1.TraceDto }),
    (0, decorators_1.Roles)(['officer']),
    (0, swagger_1.ApiHeader)(IF_MATCH),
    (0, swagger_1.ApiConsumes)('image/jpeg', 'image/png'),
    (0, swagger_1.ApiBody)({ schema: { type: 'string', format: 'binary' } }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, etag_1.IfMatchVersion)()),
    __param(3, (0, common_1.Query)()),
    __param(4, (0, common_1.Req)()),
    __param(5, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Number, trace_dto_1.PhotoQueryDto, Object, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "addPhoto", null);
__decorate([
    (0, common_1.Get)(':id/photos/:photoId'),
    (0, decorators_1.Audited)(),
    (0, decorators_1.Roles)(['officer', 'npc', 'auditor']),
    (0, swagger_1.ApiProduces)('image/jpeg', 'image/png'),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.PhotoParamDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "photo", null);
__decorate([
    (0, common_1.Get)(':id/interpol.json'),
    (0, decorators_1.Audited)(),
    (0, decorators_1.Roles)(['npc']),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "interpolExport", null);
__decorate([
    (0, common_1.Get)(':id/request.pdf'),
    (0, decorators_1.Audited)(),
    (0, decorators_1.Roles)(['officer', 'npc', 'auditor']),
    (0, swagger_1.ApiProduces)('application/pdf'),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "requestPdf", null);
__decorate([
    (0, common_1.Get)(':id/response.pdf'),
    (0, decorators_1.Audited)(),
    (0, decorators_1.Roles)(['officer', 'npc', 'auditor']),
    (0, swagger_1.ApiProduces)('application/pdf'),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, trace_dto_1.TraceIdParamDto, Object]),
    __metadata("design:returntype", Promise)
], TracesController.prototype, "responsePdf", null);
exports.TracesController = TracesController = __decorate([
    (0, swagger_1.ApiTags)('tracing'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiHeader)(IDEMPOTENCY_KEY),
    (0, common_1.UseInterceptors)(idempotency_interceptor_1.IdempotencyInterceptor),
    (0, common_1.Controller)('traces'),
    __metadata("design:paramtypes", [tracing_service_1.TracingService])
], TracesController);
function tagged(reply, trace) {
    (0, etag_1.setVersionTag)(reply, trace.version);
    return trace;
}
/** Headers of a PDF answer (an error answer replaces them with its own). */
function pdf(reply, filename) {
    void reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${filename}"`);
}
//# sourceMappingURL=traces.controller.js.map