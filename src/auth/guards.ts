import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuthUser } from '../common/auth/auth-user';
import { ALLOW_PENDING_MFA, IS_PUBLIC, Roles } from '../common/auth/decorators';
import { AppError, ForbiddenError, UnauthorizedError } from '../common/errors/app-error';

/**
 * Deny by default: every route needs a valid access token unless marked @Public(). Then the
 * roles named by @Roles(), and MFA enrolment for the accounts that must have it.
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
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (!user.mfaSatisfied && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_MFA, targets)) {
      throw new ForbiddenError('MFA_ENROLLMENT_REQUIRED', 'Enrol MFA first: POST /auth/mfa/enroll, then POST /auth/mfa/confirm');
    }
    const roles = this.reflector.getAllAndOverride(Roles, targets);
    if (roles && !roles.some((role) => user.roles.includes(role))) {
      throw new ForbiddenError('ROLE_REQUIRED', `This needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof AppError) throw error;
    if (error || !user) throw new UnauthorizedError('UNAUTHENTICATED', 'A valid access token is required');
    return user;
  }
}
