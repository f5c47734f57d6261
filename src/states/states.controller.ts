import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { PageQueryDto } from '../common/http/pagination';
import { ContactPointDto, ContactPointPageDto, ContactPointParamsDto, CreateContactPointDto, UpdateContactPointDto } from './dto/contact-point.dto';
import { ListStatesQueryDto, StateCodeParamDto, StateDto, StatePageDto } from './dto/state.dto';
import { StatesService } from './states.service';

@ApiTags('states')
@ApiBearerAuth()
@Controller('states')
export class StatesController {
  constructor(private readonly states: StatesService) {}

  @Get()
  @ApiOkResponse({ type: StatePageDto })
  list(@Query() query: ListStatesQueryDto): Promise<StatePageDto> {
    return this.states.list({ hosted: query.hosted }, query);
  }

  @Get(':code')
  @ApiOkResponse({ type: StateDto })
  get(@Param() params: StateCodeParamDto): Promise<StateDto> {
    return this.states.get(params.code);
  }

  @Get(':code/contact-points')
  @ApiOkResponse({ type: ContactPointPageDto })
  listContactPoints(@Param() params: StateCodeParamDto, @Query() page: PageQueryDto): Promise<ContactPointPageDto> {
    return this.states.listContactPoints(params.code, page);
  }

  @Post(':code/contact-points')
  @ApiOperation({ summary: "Adds a contact point of the caller's State; an address already listed is refused (409 CONTACT_POINT_LISTED)" })
  @ApiCreatedResponse({ type: ContactPointDto })
  @Roles(['admin'])
  addContactPoint(@CurrentUser() user: AuthUser, @Param() params: StateCodeParamDto, @Body() body: CreateContactPointDto): Promise<ContactPointDto> {
    return this.states.addContactPoint(user, params.code, body);
  }

  @Patch(':code/contact-points/:id')
  @ApiOperation({ summary: "Changes a contact point of the caller's State; an address another entry has is refused (409 CONTACT_POINT_LISTED)" })
  @ApiOkResponse({ type: ContactPointDto })
  @Roles(['admin'])
  updateContactPoint(@CurrentUser() user: AuthUser, @Param() params: ContactPointParamsDto, @Body() body: UpdateContactPointDto): Promise<ContactPointDto> {
    return this.states.updateContactPoint(user, params.code, params.id, body);
  }

  @Delete(':code/contact-points/:id')
  @ApiOperation({ summary: "Removes a contact point of the caller's State; its last one stays (409 LAST_CONTACT_POINT)" })
  @Roles(['admin'])
  @HttpCode(204)
  removeContactPoint(@CurrentUser() user: AuthUser, @Param() params: ContactPointParamsDto): Promise<void> {
    return this.states.removeContactPoint(user, params.code, params.id);
  }
}
