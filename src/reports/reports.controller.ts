import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../common/auth/auth-user';
import { Audited, CurrentUser, Roles } from '../common/auth/decorators';
import { AfterCommit } from '../common/http/after-commit';
import { PageQueryDto } from '../common/http/pagination';
import { MissingFieldsPageDto, NationalReport, RecordKeepingQueryDto, RecordKeepingReport, TracingReport, TracingReportQueryDto } from './dto/report.dto';
import { Rendered, ReportsService } from './reports.service';

type Answer<R> = R | string | AfterCommit<Buffer>;

/** Reports for auditors (every one generated is in the audit trail): `?format=json` (default), `csv` (RFC 4180) or `pdf`. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('record-keeping')
  @Audited()
  @Roles(['auditor'])
  @ApiOperation({ summary: 'How complete the State\'s records are against the ITI: marking 8(a)–(d) and 9, required fields, retention, duplicates' })
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({ type: RecordKeepingReport, description: 'With ?format=json; CSV or PDF with ?format=csv or pdf' })
  async recordKeeping(@CurrentUser() user: AuthUser, @Query() query: RecordKeepingQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Answer<RecordKeepingReport>> {
    const report = await this.reports.recordKeeping(user, query);
    return send(reply, this.reports.render(query.format, 'record-keeping', report, (r) => this.reports.recordKeepingCsv(r), (r) => this.reports.recordKeepingPdf(r)));
  }

  @Get('record-keeping/missing-fields')
  @ApiOkResponse({ type: MissingFieldsPageDto })
  @Audited()
  @Roles(['auditor', 'registrar'])
  @ApiOperation({ summary: 'Every record missing a required field (ITI 12), page by page, with the fields it misses: what registrars have to complete' })
  missingFields(@CurrentUser() user: AuthUser, @Query() page: PageQueryDto): Promise<MissingFieldsPageDto> {
    return this.reports.missingFields(user, page);
  }

  @Get('tracing')
  @Audited()
  @Roles(['auditor'])
  @ApiOperation({ summary: 'How fast traces are acknowledged and answered, per counterpart State, their outcomes, and what is overdue' })
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({ type: TracingReport, description: 'With ?format=json; CSV or PDF with ?format=csv or pdf' })
  async tracing(@CurrentUser() user: AuthUser, @Query() query: TracingReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Answer<TracingReport>> {
    const report = await this.reports.tracing(user, query);
    return send(reply, this.reports.render(query.format, 'tracing', report, (r) => this.reports.tracingCsv(r), (r) => this.reports.tracingPdf(r)));
  }

  @Get('national')
  @Audited()
  @Roles(['auditor', 'npc'])
  @ApiOperation({ summary: 'The marking, record-keeping and tracing part of the biennial national report on the ITI, prefilled for the NPC' })
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({ type: NationalReport, description: 'With ?format=json; CSV or PDF with ?format=csv or pdf' })
  async national(@CurrentUser() user: AuthUser, @Query() query: TracingReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Answer<NationalReport>> {
    const report = await this.reports.national(user, query);
    return send(reply, this.reports.render(query.format, 'national-report', report, (r) => this.reports.nationalCsv(r), (r) => this.reports.nationalPdf(r)));
  }
}

function send<R>(reply: FastifyReply, rendered: Rendered<R>): Answer<R> {
  if (rendered.contentType) void reply.header('Content-Type', rendered.contentType).header('Content-Disposition', `attachment; filename="${rendered.filename}"`);
  return rendered.body;
}
