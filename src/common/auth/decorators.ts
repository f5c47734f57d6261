import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthUser, Role } from './auth-user';

/** Opens a route to callers without a token. Everything else requires one (deny by default). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
export const IS_PUBLIC = 'iti:public';

/** Restricts a route to users holding at least one of the roles. */
export const Roles = Reflector.createDecorator<Role[]>();

/** Lets a session that still owes MFA enrolment reach the route (enrolment itself, me, logout). */
export const AllowPendingMfa = () => SetMetadata(ALLOW_PENDING_MFA, true);
export const ALLOW_PENDING_MFA = 'iti:allow-pending-mfa';

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/**
 * Records a read route in the audit trail (exports: PDFs, CSV, JSON for other systems). Every
 * authenticated route that changes something is recorded without it.
 */
export const Audited = () => SetMetadata(AUDITED, true);
export const AUDITED = 'iti:audited';
