import { applyDecorators, Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/errors/app-error';
import { AfterCommit } from '../common/http/after-commit';
import type { AuthUser } from '../common/auth/auth-user';
import { Audited, CurrentUser, Roles } from '../common/auth/decorators';
import { IfMatchVersion, setVersionTag } from '../common/http/etag';
import { IdempotencyInterceptor, ReplayAware } from '../common/idempotency/idempotency.interceptor';
import {
  AnswerTraceDto, CloseTraceDto, CreateTraceDto, FollowUpDto, ListTracesQueryDto, PhotoParamDto, PhotoQueryDto, ReasonDto, ReceivedOutsideDto, RecordAnswerDto, RecordInformationRequestDto, TraceIdParamDto,
  UpdateTraceDto, WithdrawTraceDto,
} from './dto/trace.dto';
import { CandidatesDto, TraceDto, TracePageDto } from './dto/trace.response.dto';
import { InterpolExportDto } from './dto/interpol-export.dto';
import { TracingService } from './tracing.service';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag of the version read, e.g. "3"' };
const IDEMPOTENCY_KEY = { name: 'Idempotency-Key', required: false, description: 'Replays the first result for the same key and body, for IDEMPOTENCY_KEY_HOURS (24 by default) after its first use' };

/** A POST route, which takes an Idempotency-Key (IdempotencyInterceptor acts on POSTs only). */
const IdempotentPost = (path?: string) => applyDecorators(Post(path), ApiHeader(IDEMPOTENCY_KEY));

/** Trace requests and answers (DESIGN.md §4); each transition carries the version read (If-Match). */
@ApiTags('tracing')
@ApiBearerAuth()
@UseInterceptors(IdempotencyInterceptor)
@Controller('traces')
export class TracesController implements ReplayAware {
  constructor(private readonly tracing: TracingService) {}

  idempotentReplay(user: AuthUser, response: unknown): void {
    if (response && typeof response === 'object' && 'disclosure' in response) this.tracing.replayed(user, response as TraceDto);
  }

  @IdempotentPost()
  @ApiCreatedResponse({ type: TraceDto })
  @Roles(['officer'])
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateTraceDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.create(user, body));
  }

  @Get()
  @ApiOkResponse({ type: TracePageDto })
  @Roles(['officer', 'npc', 'auditor'])
  list(@CurrentUser() user: AuthUser, @Query() query: ListTracesQueryDto): Promise<TracePageDto> {
    return this.tracing.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TraceDto })
  @Roles(['officer', 'npc', 'auditor'])
  async get(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.get(user, params.id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: TraceDto })
  @Roles(['officer'])
  @ApiHeader(IF_MATCH)
  async update(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: UpdateTraceDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.update(user, params.id, version, body));
  }

  @IdempotentPost(':id/submit')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['officer'])
  @ApiHeader(IF_MATCH)
  async submit(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.submit(user, params.id, version));
  }

  @IdempotentPost(':id/return')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async returnToOfficer(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: ReasonDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.returnToOfficer(user, params.id, version, body.text));
  }

  @IdempotentPost(':id/send')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async send(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.send(user, params.id, version));
  }

  @IdempotentPost(':id/acknowledge')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async acknowledge(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.acknowledge(user, params.id, version));
  }

  @IdempotentPost(':id/request-information')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async requestInformation(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: ReasonDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.requestInformation(user, params.id, version, body.text));
  }

  @IdempotentPost(':id/provide-information')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc', 'officer'])
  @ApiHeader(IF_MATCH)
  async provideInformation(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: ReasonDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.provideInformation(user, params.id, version, body.text));
  }

  @IdempotentPost(':id/answer')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async answer(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: AnswerTraceDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.answer(user, params.id, version, body));
  }

  @IdempotentPost(':id/record-acknowledgement')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async recordAcknowledgement(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: ReceivedOutsideDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.recordAcknowledgement(user, params.id, version, body));
  }

  @IdempotentPost(':id/record-information-request')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async recordInformationRequest(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: RecordInformationRequestDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.recordInformationRequest(user, params.id, version, body));
  }

  @IdempotentPost(':id/record-answer')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async recordAnswer(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: RecordAnswerDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.recordAnswer(user, params.id, version, body));
  }

  @IdempotentPost(':id/close')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async close(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: CloseTraceDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.close(user, params.id, version, body));
  }

  @IdempotentPost(':id/withdraw')
  @ApiOkResponse({ type: TraceDto })
  @HttpCode(200)
  @Roles(['officer', 'npc'])
  @ApiHeader(IF_MATCH)
  async withdraw(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: WithdrawTraceDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.withdraw(user, params.id, version, body));
  }

  @IdempotentPost(':id/follow-ups')
  @ApiCreatedResponse({ type: TraceDto })
  @Roles(['npc'])
  @ApiHeader(IF_MATCH)
  async followUp(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Body() body: FollowUpDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TraceDto> {
    return tagged(reply, await this.tracing.followUp(user, params.id, version, body));
  }

  @Get(':id/candidates')
  @ApiOkResponse({ type: CandidatesDto })
  @Roles(['npc'])
  candidates(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto): Promise<CandidatesDto> {
    return this.tracing.candidates(user, params.id);
  }

  /** A JPEG or PNG photo of a marking (raw body, at most 5 MB), on a draft; `?component=&caption=`. */
  @IdempotentPost(':id/photos')
  @ApiCreatedResponse({ type: TraceDto })
  @Roles(['officer'])
  @ApiHeader(IF_MATCH)
  @ApiConsumes('image/jpeg', 'image/png')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async addPhoto(
    @CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @IfMatchVersion() version: number, @Query() query: PhotoQueryDto,
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TraceDto> {
    if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'PHOTO_TYPE_INVALID', 'Send the photo as image/jpeg or image/png');
    return tagged(reply, await this.tracing.addPhoto(user, params.id, version, request.body, query));
  }

  @Get(':id/photos/:photoId')
  @Audited()
  @Roles(['officer', 'npc', 'auditor'])
  @ApiProduces('image/jpeg', 'image/png')
  async photo(@CurrentUser() user: AuthUser, @Param() params: PhotoParamDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const photo = await this.tracing.photo(user, params.id, params.photoId);
    void reply.header('Content-Type', photo.mediaType);
    return photo.data;
  }

  /** The request as a JSON document for INTERPOL's channels (docs/interpol-export.md). */
  @Get(':id/interpol.json')
  @Audited()
  @Roles(['npc'])
  @ApiOkResponse({ type: InterpolExportDto })
  interpolExport(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto): Promise<InterpolExportDto> {
    return this.tracing.interpolExport(user, params.id);
  }

  @Get(':id/request.pdf')
  @Audited()
  @Roles(['officer', 'npc', 'auditor'])
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The request form, PDF/A-2b', schema: { type: 'string', format: 'binary' } })
  requestPdf(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AfterCommit<Buffer>> {
    pdf(reply, `trace-request-${params.id}.pdf`);
    return this.tracing.requestPdf(user, params.id);
  }

  @Get(':id/response.pdf')
  @Audited()
  @Roles(['officer', 'npc', 'auditor'])
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The response form, PDF/A-2b', schema: { type: 'string', format: 'binary' } })
  responsePdf(@CurrentUser() user: AuthUser, @Param() params: TraceIdParamDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AfterCommit<Buffer>> {
    pdf(reply, `trace-response-${params.id}.pdf`);
    return this.tracing.responsePdf(user, params.id);
  }
}

function tagged(reply: FastifyReply, trace: TraceDto): TraceDto {
  setVersionTag(reply, trace.version);
  return trace;
}

/** Headers of a PDF answer (an error answer replaces them with its own). */
function pdf(reply: FastifyReply, filename: string): void {
  void reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${filename}"`);
}
