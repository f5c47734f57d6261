import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthUser } from '../common/auth/auth-user';
import { ALLOW_PENDING_MFA, Roles } from '../common/auth/decorators';
import { ForbiddenError } from '../common/errors/app-error';
import { Db } from '../database/db';
import { AfterCommit } from '../common/http/after-commit';
import { AuthService, TokenIdentity } from './auth.service';

/**
 * Runs each authenticated request in one transaction scoped to the State in the caller's token
 * (set_config(..., true), never from the request), and checks, inside it and before anything else:
 * the session behind the token, MFA enrolment where required, and the roles named by @Roles().
 * Public routes run unscoped and open their own transactions where they need one.
 */
@Injectable()
export class RequestScopeInterceptor implements NestInterceptor {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ user?: TokenIdentity | AuthUser }>();
    const identity = request.user;
    if (!identity || !('claims' in identity)) return next.handle();
    return from(
      this.db
        .inState(identity.claims.st, async () => {
          const user = await this.auth.authenticateAccess(identity.claims);
          this.authorise(context, user);
          request.user = user;
          return lastValueFrom(next.handle(), { defaultValue: undefined });
        })
        // Work the handler left for after the commit (AfterCommit) runs outside the transaction.
        .then((result) => (result instanceof AfterCommit ? result.run() : result)),
    );
  }

  private authorise(context: ExecutionContext, user: AuthUser): void {
    const targets = [context.getHandler(), context.getClass()];
    if (!user.mfaSatisfied && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_MFA, targets)) {
      throw new ForbiddenError('MFA_ENROLLMENT_REQUIRED', 'Enrol MFA first: POST /auth/mfa/enroll, then POST /auth/mfa/confirm');
    }
    const roles = this.reflector.getAllAndOverride(Roles, targets);
    if (roles && !roles.some((role) => user.roles.includes(role))) {
      throw new ForbiddenError('ROLE_REQUIRED', `This needs one of the roles: ${roles.join(', ')}`);
    }
  }
}
