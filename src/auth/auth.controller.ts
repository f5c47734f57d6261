import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../common/auth/auth-user';
import { AllowPendingMfa, CurrentUser, Public } from '../common/auth/decorators';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto, MeDto, MfaCodeDto, MfaEnrollDto, MfaEnrollmentDto, MfaLoginDto, RefreshDto, TokensDto } from './dto/auth.dto';
import { clientAddress } from '../common/http/request-context';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @ApiOkResponse({ type: LoginResponseDto })
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, clientAddress(request));
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('mfa')
  @ApiOkResponse({ type: TokensDto })
  @HttpCode(200)
  mfa(@Body() body: MfaLoginDto, @Req() request: FastifyRequest): Promise<TokensDto> {
    return this.auth.completeMfa(body.mfaToken, body.code, clientAddress(request));
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('refresh')
  @ApiOkResponse({ type: TokensDto })
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiBearerAuth()
  @AllowPendingMfa()
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  @ApiBearerAuth()
  @AllowPendingMfa()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.auth.me(user);
  }

  @ApiBearerAuth()
  @AllowPendingMfa()
  @UseGuards(ThrottlerGuard)
  @Post('mfa/enroll')
  @ApiOkResponse({ type: MfaEnrollmentDto })
  @HttpCode(200)
  enrollMfa(@CurrentUser() user: AuthUser, @Body() body: MfaEnrollDto): Promise<MfaEnrollmentDto> {
    return this.auth.enrollMfa(user, body.password);
  }

  @ApiBearerAuth()
  @AllowPendingMfa()
  @UseGuards(ThrottlerGuard)
  @Post('mfa/confirm')
  @HttpCode(204)
  confirmMfa(@CurrentUser() user: AuthUser, @Body() body: MfaCodeDto): Promise<void> {
    return this.auth.confirmMfa(user, body.code);
  }
}
