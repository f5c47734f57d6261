import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AddMarkingsDto, CustodyTransferResultDto, WeaponIdParamDto } from './dto/markings.dto';
import { RegistrySettingsDto, SearchResultDto, SearchWeaponsDto, UpdateRegistrySettingsDto } from './dto/search.dto';
import { CustodyTransferDto, LegalHoldDto, ListWeaponsQueryDto, RecordEventDto, RegisterWeaponDto } from './dto/weapon.dto';
import { WeaponDto, WeaponPageDto } from './dto/weapon.response.dto';
import { WeaponsService } from './weapons.service';

const READERS = ['registrar', 'auditor', 'npc', 'officer'] as const;

@ApiTags('registry')
@ApiBearerAuth()
@Controller('weapons')
export class WeaponsController {
  constructor(private readonly weapons: WeaponsService) {}

  @Post()
  @Roles(['registrar', 'officer'])
  register(@CurrentUser() user: AuthUser, @Body() body: RegisterWeaponDto): Promise<WeaponDto> {
    return this.weapons.register(user, body);
  }

  @Get()
  @Roles([...READERS])
  list(@CurrentUser() user: AuthUser, @Query() query: ListWeaponsQueryDto): Promise<WeaponPageDto> {
    return this.weapons.list(user, query);
  }

  @Post('search')
  @HttpCode(200)
  @Roles([...READERS])
  search(@CurrentUser() user: AuthUser, @Body() body: SearchWeaponsDto): Promise<SearchResultDto> {
    return this.weapons.search(user, body);
  }

  @Get(':id')
  @Roles([...READERS])
  get(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto): Promise<WeaponDto> {
    return this.weapons.get(user, params.id);
  }

  @Post(':id/markings')
  @Roles(['registrar', 'officer'])
  addMarkings(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto, @Body() body: AddMarkingsDto): Promise<WeaponDto> {
    return this.weapons.addMarkings(user, params.id, body.markings);
  }

  @Post(':id/events')
  @Roles(['registrar', 'officer'])
  recordEvent(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto, @Body() body: RecordEventDto): Promise<WeaponDto> {
    return this.weapons.recordEvent(user, params.id, body);
  }

  @Put(':id/legal-hold')
  @Roles(['registrar'])
  placeLegalHold(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto, @Body() body: LegalHoldDto): Promise<WeaponDto> {
    return this.weapons.setLegalHold(user, params.id, body.reason);
  }

  @Delete(':id/legal-hold')
  @Roles(['registrar'])
  releaseLegalHold(@CurrentUser() user: AuthUser, @Param() params: WeaponIdParamDto): Promise<WeaponDto> {
    return this.weapons.setLegalHold(user, params.id, null);
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
  @Roles(['registrar'])
  transferCustody(@CurrentUser() user: AuthUser, @Body() body: CustodyTransferDto): Promise<CustodyTransferResultDto> {
    return this.weapons.transferCustody(user, body);
  }

  @Get('settings')
  @Roles(['registrar', 'auditor', 'admin'])
  settings(@CurrentUser() user: AuthUser): Promise<RegistrySettingsDto> {
    return this.weapons.settings(user);
  }

  @Put('settings')
  @Roles(['registrar', 'admin'])
  updateSettings(@CurrentUser() user: AuthUser, @Body() body: UpdateRegistrySettingsDto): Promise<RegistrySettingsDto> {
    return this.weapons.updateSettings(user, body);
  }
}
