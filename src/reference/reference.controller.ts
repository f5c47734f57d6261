import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import {
  AddManufacturerDto, AddReferenceDto, CalibreDto, CalibrePageDto, ManufacturerDto, ManufacturerPageDto, ReferenceQueryDto, WeaponTypePageDto,
} from './dto/reference.dto';
import { ReferenceService } from './reference.service';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('weapon-types')
  @ApiOkResponse({ type: WeaponTypePageDto })
  weaponTypes(@Query() query: ReferenceQueryDto): Promise<WeaponTypePageDto> {
    return this.reference.weaponTypes(query);
  }

  @Get('calibres')
  @ApiOkResponse({ type: CalibrePageDto })
  calibres(@CurrentUser() user: AuthUser, @Query() query: ReferenceQueryDto): Promise<CalibrePageDto> {
    return this.reference.calibres(user, query);
  }

  @Post('calibres')
  @ApiCreatedResponse({ type: CalibreDto })
  @Roles(['registrar'])
  addCalibre(@CurrentUser() user: AuthUser, @Body() body: AddReferenceDto): Promise<CalibreDto> {
    return this.reference.addCalibre(user, body);
  }

  @Get('manufacturers')
  @ApiOkResponse({ type: ManufacturerPageDto })
  manufacturers(@CurrentUser() user: AuthUser, @Query() query: ReferenceQueryDto): Promise<ManufacturerPageDto> {
    return this.reference.manufacturers(user, query);
  }

  @Post('manufacturers')
  @ApiCreatedResponse({ type: ManufacturerDto })
  @Roles(['registrar'])
  addManufacturer(@CurrentUser() user: AuthUser, @Body() body: AddManufacturerDto): Promise<ManufacturerDto> {
    return this.reference.addManufacturer(user, body);
  }
}
