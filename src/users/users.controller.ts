import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { PageQueryDto } from '../common/http/pagination';
import { AdminResetCredentialsDto, CreateUserDto, UpdateUserDto, UserDto, UserIdParamDto, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles(['admin'])
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentUser() user: AuthUser, @Query() page: PageQueryDto): Promise<UserPageDto> {
    return this.users.list(user, page);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  get(@CurrentUser() user: AuthUser, @Param() params: UserIdParamDto): Promise<UserDto> {
    return this.users.get(user, params.id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  update(@CurrentUser() user: AuthUser, @Param() params: UserIdParamDto, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(user, params.id, body);
  }

  /** Another account's password, MFA or lockout, reset by an admin of its State (a leaked password, a lost device). */
  @Post(':id/credentials-reset')
  @UseGuards(ThrottlerGuard) // it checks the admin's own password
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  resetCredentials(@CurrentUser() user: AuthUser, @Param() params: UserIdParamDto, @Body() body: AdminResetCredentialsDto): Promise<UserDto> {
    return this.users.resetCredentials(user, params.id, body);
  }
}
