import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { AppError } from '../common/errors/app-error';
import { PageQueryDto } from '../common/http/pagination';
import { ListImportsQueryDto, WeaponImportDto, WeaponImportPageDto } from './imports/import.dto';
import { ImportsService } from './imports/imports.service';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AddMarkingsDto, ClosedCustodianPageDto, ClosedCustodianQueryDto, CustodyTransferResultDto, WeaponIdParamDto } from './dto/markings.dto';
import { RegistrySettingsDto, SearchResultDto, SearchWeaponsDto, UpdateRegistrySettingsDto } from './dto/search.dto';
import { CustodyTransferDto, LegalHoldDto, LegalHoldParamsDto, ListWeaponsQueryDto, RecordEventDto, RegisterWeaponDto } from './dto/weapon.dto';
import { WeaponDto, WeaponPageDto } from './dto/weapon.response.dto';
import { WeaponsService } from './weapons.service';

const READERS = ['registrar', 'auditor', 'npc', 'officer'] as const;

@ApiTags('registry')
@ApiBearerAuth()
@Controller('weapons')
export class WeaponsController {
  constructor(
    private readonly weapons: WeaponsService,
    private readonly imports: ImportsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: WeaponDto })
  @Roles(['registrar', 'officer'])
  register(@CurrentUser() user: AuthUser, @Body() body: RegisterWeaponDto): Promise<WeaponDto> {
    return this.weapons.register(user, body);
  }

  @Get()
  @ApiOkResponse({ type: WeaponPageDto })
  @Roles([...READERS])
  list(@CurrentUser() user: AuthUser, @Query() query: ListWeaponsQueryDto): Promise<WeaponPageDto> {
    return this.weapons.list(user, query);
  }

  @Post('search')
  @ApiOkResponse({ type: SearchResultDto })
  @HttpCode(200)
  @Roles([...READERS])
  search(@CurrentUser() user: AuthUser, @Body() body: SearchWeaponsDto): Promise<SearchResultDto> {
    return this.weapons.search(user, body);
  }

  /** Bulk import of a CSV file (docs/import-format.md): every row lands, or none does. */
  @Post('imports')
  @ApiCreatedResponse({ type: WeaponImportDto })
  @Roles(['registrar'])
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'RFC 4180 CSV, UTF-8, with the header of docs/import-format.md', schema: { type: 'string', format: 'binary' } })
  importCsv(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest): Promise<WeaponImportDto> {
    return this.imports.importCsv({ stateCode: user.stateCode, userId: user.id, limited: true }, csvBody(request));
  }

  @Get('imports')
  @ApiOkResponse({ type: WeaponImportPageDto })
  @Roles(['registrar', 'auditor'])
  listImports(@CurrentUser() user: AuthUser, @Query() query: ListImportsQueryDto): Promise<WeaponImportPageDto> {
    return this.imports.list(user.stateCode, query);
  }

  @Get('imports/:id')
  @ApiOkResponse({ type: WeaponImportDto })
  @Roles(['registrar', 'auditor'])
  getImport(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto, @Query() page: PageQueryDto): Promise<WeaponImportDto> {
    return this.imports.get(user.stateCode, params.id, page);
  }

  @Get(':id')
  @ApiOkResponse({ type: WeaponDto })
  @Roles([...READERS])
  get(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto): Promise<WeaponDto> {
    return this.weapons.get(user, params.id);
  }

  @Post(':id/markings')
  @ApiCreatedResponse({ type: WeaponDto })
  @Roles(['registrar', 'officer'])
  addMarkings(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto, @Body() body: AddMarkingsDto): Promise<WeaponDto> {
    return this.weapons.addMarkings(user, params.id, body.markings);
  }

  @Post(':id/events')
  @ApiCreatedResponse({ type: WeaponDto })
  @Roles(['registrar', 'officer'])
  recordEvent(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto, @Body() body: RecordEventDto): Promise<WeaponDto> {
    return this.weapons.recordEvent(user, params.id, body);
  }

  @Post(':id/legal-holds')
  @ApiCreatedResponse({ type: WeaponDto })
  @Roles(['registrar'])
  placeLegalHold(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto, @Body() body: LegalHoldDto): Promise<WeaponDto> {
    return this.weapons.placeLegalHold(user, params.id, body.reason);
  }

  @Delete(':id/legal-holds/:holdId')
  @ApiOkResponse({ type: WeaponDto })
  @Roles(['registrar'])
  releaseLegalHold(@CurrentUser() user: AuthUser, @Param() params: LegalHoldParamsDto): Promise<WeaponDto> {
    return this.weapons.releaseLegalHold(user, params.id, params.holdId);
  }

  /** Purge of a record past its retention (ITI 12); refused with RETENTION_ACTIVE before. */
  @Delete(':id')
  @HttpCode(204)
  @Roles(['registrar'])
  purge(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto): Promise<void> {
    return this.weapons.purge(user, params.id);
  }
}

@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryController {
  constructor(private readonly weapons: WeaponsService) {}

  /** ITI 13: a closed manufacturer's or dealer's records pass to the State. */
  @Post('custody-transfers')
  @ApiCreatedResponse({ type: CustodyTransferResultDto })
  @Roles(['registrar'])
  transferCustody(@CurrentUser() user: AuthUser, @Body() body: CustodyTransferDto): Promise<CustodyTransferResultDto> {
    return this.weapons.transferCustody(user, body);
  }

  /** ITI 13: the companies whose records passed to the State; no record names them as custodian afterwards. */
  @Get('closed-custodians')
  @ApiOkResponse({ type: ClosedCustodianPageDto })
  @Roles(['registrar', 'auditor'])
  closedCustodians(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<ClosedCustodianPageDto> {
    return this.weapons.closedCustodians(user, query);
  }

  /** ITI 13: a company closed in error is reopened; records may name it again. */
  @Delete('closed-custodians')
  @HttpCode(204)
  @Roles(['registrar'])
  reopenCustodian(@CurrentUser() user: AuthUser, @Query() query: ClosedCustodianQueryDto): Promise<void> {
    return this.weapons.reopenCustodian(user, query.name);
  }

  @Get('settings')
  @ApiOkResponse({ type: RegistrySettingsDto })
  @Roles(['registrar', 'auditor', 'admin'])
  settings(@CurrentUser() user: AuthUser): Promise<RegistrySettingsDto> {
    return this.weapons.settings(user);
  }

  @Put('settings')
  @ApiOkResponse({ type: RegistrySettingsDto })
  @Roles(['registrar', 'admin'])
  updateSettings(@CurrentUser() user: AuthUser, @Body() body: UpdateRegistrySettingsDto): Promise<RegistrySettingsDto> {
    return this.weapons.updateSettings(user, body);
  }
}

/** The raw CSV stream (see the text/csv parser in app.factory.ts); anything else is 415. */
function csvBody(request: FastifyRequest): Readable {
  if (!(request.body instanceof Readable)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv (UTF-8, RFC 4180)');
  }
  return request.body;
}
