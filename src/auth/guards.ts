import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC } from '../common/auth/decorators';
import { AppError, UnauthorizedError } from '../common/errors/app-error';

/**
 * Deny by default: every route needs a valid access token unless marked @Public(). The session
 * behind the token, the roles named by @Roles() and MFA enrolment are checked next, in the request's
 * transaction (RequestScopeInterceptor), before any pipe or handler runs.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof AppError) throw error;
    if (error || !user) throw new UnauthorizedError('UNAUTHENTICATED', 'A valid access token is required');
    return user;
  }
}
