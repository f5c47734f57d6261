import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthUser } from '../common/auth/auth-user';
import { Db } from './db';

/**
 * Runs each authenticated request in one transaction scoped to the State in the caller's token.
 * Public routes run unscoped and open their own transactions where they need one.
 */
@Injectable()
export class StateScopeInterceptor implements NestInterceptor {
  constructor(private readonly db: Db) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) return next.handle();
    return from(this.db.inState(user.stateCode, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
