import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthUser } from '../common/auth/auth-user';
import { AuditEntry, AuditTrail, refusalOf } from '../audit/audit-trail';
import { ALLOW_PENDING_MFA, AUDITED, Roles } from '../common/auth/decorators';
import { AppError, CommittedRefusal, ForbiddenError } from '../common/errors/app-error';
import { AfterCommit } from '../common/http/after-commit';
import { isIdempotentReplay } from '../common/idempotency/idempotency.interceptor';
import { AuthService, TokenIdentity } from './auth.service';

/**
 * Runs each authenticated request in one transaction scoped to the State in the caller's token
 * (set_config(..., true), never from the request), and checks, inside it and before anything else:
 * the session behind the token, MFA enrolment where required, and the roles named by @Roles().
 * Public routes run unscoped and open their own transactions where they need one.
 *
 * It also keeps the audit trail of requests: every change (any method but GET) and every read marked
 * @Audited() is recorded in the request's transaction when it succeeds, and in one of its own when it
 * fails (the request's rolls back); a refused authorisation (403) is recorded on any route, and so is a
 * refusal a service marked with auditedRefusal() (a read of a case file by someone who may not read it).
 */
@Injectable()
export class RequestScopeInterceptor implements NestInterceptor {
  private readonly logger = new Logger(RequestScopeInterceptor.name);

  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const identity = request.user;
    if (!identity || !('claims' in identity)) return next.handle();
    const action = this.auditedAction(context, request);
    let caller: AuthUser | null = null;
    return from(
      this.auth
        .withAccess(identity.claims, async (user) => {
          caller = user;
          this.authorise(context, user);
          request.user = user;
          let result: unknown;
          try {
            result = await lastValueFrom(next.handle(), { defaultValue: undefined });
          } catch (error) {
            if (!(error instanceof CommittedRefusal)) throw error;
            // What the refusing check wrote commits, recorded with the route's refusal; the refusal is thrown after the commit.
            this.trail.record(user, { ...(action ?? routeAction(request)), outcome: 'denied', details: { status: error.status, code: error.code } });
            return new Refused(error);
          }
          // A replay (Idempotency-Key) did nothing again: recorded as one, not as a second change.
          if (action) this.trail.record(user, { ...action, targetId: action.targetId ?? idOf(result), ...(isIdempotentReplay(request) && { details: { replayed: true } }) });
          return result;
        })
        .catch(async (error: unknown) => {
          const status = error instanceof AppError ? error.status : 500;
          const refusal = refusalOf(error);
          if (caller && (refusal || status === 403 || action)) {
            const code = error instanceof AppError ? error.code : 'INTERNAL_ERROR';
            const failure: AuditEntry = { ...(action ?? routeAction(request)), outcome: status === 403 ? 'denied' : 'failure', details: { status, code } };
            // A refusal a service marked (a case read by a non-member) is recorded beside the route's own failure, where there is one.
            const entries = refusal ? (action || status === 403 ? [refusal, failure] : [refusal]) : [failure];
            // The caller gets the refusal even if it could not be recorded; the log says so.
            await this.trail
              .recordSeparately(caller, entries)
              .catch((auditError: unknown) => this.logger.error(`the audit event of a refused request could not be written: ${String(auditError)}`));
          }
          throw error;
        })
        // Work the handler left for after the commit (AfterCommit) runs outside the transaction.
        .then((result) => {
          if (result instanceof Refused) throw result.error;
          return result instanceof AfterCommit ? this.afterCommit(result, caller, action) : result;
        }),
    );
  }

  /**
   * Runs what a handler left for after its commit (a form, a report file). The read it was made of committed
   * as a success; if it cannot be made, that is recorded too, so that the trail shows no export that never was.
   */
  private async afterCommit(work: AfterCommit<unknown>, caller: AuthUser | null, action: AuditEntry | null): Promise<unknown> {
    try {
      return await work.run();
    } catch (error) {
      if (caller && action) {
        const code = error instanceof AppError ? error.code : 'INTERNAL_ERROR';
        const status = error instanceof AppError ? error.status : 500;
        await this.trail
          .recordSeparately(caller, [{ ...action, outcome: 'failure', details: { status, code, afterCommit: true } }])
          .catch((auditError: unknown) => this.logger.error(`the audit event of a file that could not be made could not be written: ${String(auditError)}`));
      }
      throw error;
    }
  }

  private auditedAction(context: ExecutionContext, request: RoutedRequest): AuditEntry | null {
    const audited = this.reflector.getAllAndOverride<boolean>(AUDITED, [context.getHandler(), context.getClass()]);
    // HEAD runs the GET's handler (Fastify answers it for every GET route): a read, as GET is.
    const reads = request.method === 'GET' || request.method === 'HEAD';
    return !reads || audited ? routeAction(request) : null;
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

/** A CommittedRefusal caught in the request's transaction, thrown again once it has committed. */
class Refused {
  constructor(readonly error: CommittedRefusal) {}
}

interface RoutedRequest {
  method: string;
  user?: TokenIdentity | AuthUser;
  params?: Record<string, string>;
  routeOptions?: { url?: string };
}

/** "POST /traces/:id/send" on target traces/<id>: the route as declared, without the API prefix. */
function routeAction(request: RoutedRequest): AuditEntry {
  const route = (request.routeOptions?.url ?? '').replace(/^\/api\/v\d+/, '');
  return { action: `${request.method} ${route}`, targetType: route.split('/')[1] || null, targetId: request.params?.id ?? null };
}

function idOf(result: unknown): string | null {
  const id = (result as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}
