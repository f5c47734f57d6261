import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { CasesService } from './cases.service';
import { AddCaseMemberDto, CaseDto, CaseIdParamDto, CreateCaseDto } from './dto/case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Roles(['officer', 'npc'])
  @ApiOperation({ summary: 'Open a confidential case file; its creator is its first member' })
  @ApiCreatedResponse({ type: CaseDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCaseDto): Promise<CaseDto> {
    return this.cases.create(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Members read the content (audited); auditors see members and reads, never content; others get 404' })
  @ApiOkResponse({ type: CaseDto })
  get(@CurrentUser() user: AuthUser, @Param() params: CaseIdParamDto): Promise<CaseDto> {
    return this.cases.get(user, params.id);
  }

  @Post(':id/members')
  @HttpCode(200)
  @ApiOperation({ summary: 'The creator adds a user of the same State (officer or npc)' })
  @ApiOkResponse({ type: CaseDto })
  addMember(@CurrentUser() user: AuthUser, @Param() params: CaseIdParamDto, @Body() body: AddCaseMemberDto): Promise<CaseDto> {
    return this.cases.addMember(user, params.id, body);
  }
}
