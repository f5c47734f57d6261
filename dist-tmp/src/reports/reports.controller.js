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
exports.ReportsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const decorators_1 = require("../common/auth/decorators");
const pagination_1 = require("../common/http/pagination");
const report_dto_1 = require("./dto/report.dto");
const reports_service_1 = require("./reports.service");
/** Reports for auditors (every one generated is in the audit trail): `?format=json` (default), `csv` (RFC 4180) or `pdf`. */
let ReportsController = class ReportsController {
    constructor(reports) {
        this.reports = reports;
    }
    async recordKeeping(user, query, reply) {
        const report = await this.reports.recordKeeping(user, query);
        return send(reply, this.reports.render(query.format, 'record-keeping', report, (r) => this.reports.recordKeepingCsv(r), (r) => this.reports.recordKeepingPdf(r)));
    }
    missingFields(user, page) {
        return this.reports.missingFields(user, page);
    }
    async tracing(user, query, reply) {
        const report = await this.reports.tracing(user, query);
        return send(reply, this.reports.render(query.format, 'tracing', report, (r) => this.reports.tracingCsv(r), (r) => this.reports.tracingPdf(r)));
    }
    async national(user, query, reply) {
        const report = await this.reports.national(user, query);
        return send(reply, this.reports.render(query.format, 'national-report', report, (r) => this.reports.nationalCsv(r), (r) => this.reports.nationalPdf(r)));
    }
};
exports.ReportsController = ReportsController;
__decorate([
    (0, common_1.Get)('record-keeping'),
    (0, decorators_1.Audited)(),
    (0, decorators_1.Roles)(['auditor']),
    (0, swagger_1.ApiOperation)({ summary: 'How complete the State\'s records are against the ITI: marking 8(a)–(d) and 9, required fields, retention, duplicates' }),
    (0, swagger_1.ApiProduces)('application/json', 'text/csv', 'application/pdf'),
    (0, swagger_1.ApiOkResponse)({ type: report_dto_1.RecordKeepingReport, description: 'With ?format=json; CSV or PDF with ?format=csv or pdf' }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, report_dto_1.RecordKeepingQueryDto, Object]),
    __metadata("design:returntype", Promise)
], ReportsController.prototype, "recordKeeping", null);
__decorate([
    (0, common_1.Get)('record-keeping/missing-fields'),
    (0, swagger_1.ApiOkResponse)({ type: report_dto_1.MissingFieldsPageDto }),
    (0, decorators_1.Audited)(),
    (0, decorators_1.Roles)(['auditor', 'registrar']),
    (0, swagger_1.ApiOperation)({ summary: 'Every record missing a required field (ITI 12), page by page, with the fields it misses: what registrars have to complete' }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_1.PageQueryDto]),
    __metadata("design:returntype", Promise)
], ReportsController.prototype, "missingFields", null);
__decorate([
    (0, common_1.Get)('tracing'),
    (0, decorators_1.Audited)(),
    (0, decorators_1.Roles)(['auditor']),
    (0, swagger_1.ApiOperation)({ summary: 'How fast traces are acknowledged and answered, per counterpart State, their outcomes, and what is overdue' }),
    (0, swagger_1.ApiProduces)('application/json', 'text/csv', 'application/pdf'),
    (0, swagger_1.ApiOkResponse)({ type: report_dto_1.TracingReport, description: 'With ?format=json; CSV or PDF with ?format=csv or pdf' }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, report_dto_1.TracingReportQueryDto, Object]),
    __metadata("design:returntype", Promise)
], ReportsController.prototype, "tracing", null);
__decorate([
    (0, common_1.Get)('national'),
    (0, decorators_1.Audited)(),
    (0, decorators_1.Roles)(['auditor', 'npc']),
    (0, swagger_1.ApiOperation)({ summary: 'The marking, record-keeping and tracing part of the biennial national report on the ITI, prefilled for the NPC' }),
    (0, swagger_1.ApiProduces)('application/json', 'text/csv', 'application/pdf'),
    (0, swagger_1.ApiOkResponse)({ type: report_dto_1.NationalReport, description: 'With ?format=json; CSV or PDF with ?format=csv or pdf' }),
    __param(0, (0, decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, report_dto_1.TracingReportQueryDto, Object]),
    __metadata("design:returntype", Promise)
], ReportsController.prototype, "national", null);
exports.ReportsController = ReportsController = __decorate([
    (0, swagger_1.ApiTags)('reports'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)('reports'),
    __metadata("design:paramtypes", [reports_service_1.ReportsService])
], ReportsController);
function send(reply, rendered) {
    if (rendered.contentType)
        void reply.header('Content-Type', rendered.contentType).header('Content-Disposition', `attachment; filename="${rendered.filename}"`);
    return rendered.body;
}
//# sourceMappingURL=reports.controller.js.map