import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { UndeclaredInputInterceptor } from '../common/http/undeclared-input.interceptor';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { StatesModule } from '../states/states.module';
import { UsersModule } from '../users/users.module';
import { AuthTokens } from './auth-tokens';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AccessGuard } from './guards';
import { RequestScopeInterceptor } from './request-scope.interceptor';
import { RequestContextInterceptor } from '../common/http/request-context';
import { JWT_SECRET } from './jwt-secret';
import { JwtStrategy } from './jwt.strategy';
import { MfaSecrets } from './mfa-secrets';
import { SessionPurgeJob } from './session-purge.job';
import { Totp } from './totp';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({ inject: [JWT_SECRET], useFactory: (secret: string) => ({ secret }) }),
    UsersModule,
    StatesModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthTokens,
    Totp,
    MfaSecrets,
    JwtStrategy,
    SessionPurgeJob,
    { provide: APP_GUARD, useClass: AccessGuard },
    // In this order: the request's origin is known to everything below, the audit of refusals included.
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
    { provide: APP_INTERCEPTOR, useClass: RequestScopeInterceptor },
    { provide: APP_INTERCEPTOR, useClass: UndeclaredInputInterceptor },
  ],
})
export class AuthModule {}
