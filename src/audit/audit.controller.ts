import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuditService } from './audit.service';
import { AuditCheckpointDto, AuditEventPageDto, AuditVerificationDto, ListAuditEventsQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles(['auditor'])
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('events')
  @ApiOkResponse({ type: AuditEventPageDto })
  events(@CurrentUser() user: AuthUser, @Query() query: ListAuditEventsQueryDto): Promise<AuditEventPageDto> {
    return this.audit.list(user, query);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the State\'s audit chain and name the first broken link' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(@CurrentUser() user: AuthUser): Promise<AuditVerificationDto> {
    return this.audit.verify(user);
  }

  @Get('checkpoint')
  @ApiOperation({ summary: 'A checkpoint of the chain head signed with the node\'s Ed25519 key; verify later with `npm run cli -- audit:verify --checkpoint FILE`' })
  @ApiOkResponse({ type: AuditCheckpointDto })
  checkpoint(@CurrentUser() user: AuthUser): Promise<AuditCheckpointDto> {
    return this.audit.checkpoint(user, user.stateCode);
  }
}
