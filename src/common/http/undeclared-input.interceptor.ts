import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Observable } from 'rxjs';
import { ValidationFailedError } from '../errors/app-error';
import { API_PREFIX } from './api-prefix';

/**
 * A query string or a body that a route does not declare (no @Query() or @Body() of its own) is refused with
 * 400 naming it, as an unknown field of a declared one is (forbidNonWhitelisted): a note sent with an
 * acknowledgement, or a `limit` on a list that takes none, would otherwise be dropped without a word. A route
 * that reads the raw request (@Req(): an import's CSV, a photo) judges its body itself, not its query string.
 */
@Injectable()
export class UndeclaredInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{ query?: Record<string, unknown>; body?: unknown; routeOptions?: { url?: string } }>();
    // The API's routes only: a probe may add what it likes to a health check (a cache-buster, say).
    if (!request.routeOptions?.url?.startsWith(`/${API_PREFIX}/`)) return next.handle();
    const declared = this.declaredOf(context);
    const errors = [
      ...(declared.has(RouteParamtypes.QUERY) ? [] : Object.keys(request.query ?? {}).map((name) => ({ field: name, messages: [`property ${name} should not exist`] }))),
      // A route that reads the raw request (@Req()) may take its body from it: an import's CSV, a photo.
      ...(declared.has(RouteParamtypes.BODY) || declared.has(RouteParamtypes.REQUEST) || !holdsSomething(request.body) ? [] : [{ field: 'body', messages: ['this request takes no body'] }]),
    ];
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return next.handle();
  }

  /** The kinds of parameter (RouteParamtypes) a handler declares, read from its metadata once. */
  private readonly declared = new WeakMap<object, Set<number>>();

  private declaredOf(context: ExecutionContext): Set<number> {
    const handler = context.getHandler();
    let kinds = this.declared.get(handler);
    if (!kinds) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
      kinds = new Set(Object.keys(args).map((key) => Number(key.split(':')[0])));
      this.declared.set(handler, kinds);
    }
    return kinds;
  }
}

/** Whether a parsed body says anything: not absent, empty, nor an empty JSON object. */
function holdsSomething(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return false;
  if (Buffer.isBuffer(body)) return body.length > 0;
  if (typeof body === 'object' && !Array.isArray(body)) return Object.keys(body).length > 0;
  return true;
}
