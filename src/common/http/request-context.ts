import { AsyncLocalStorage } from 'node:async_hooks';
import { isIP } from 'node:net';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';

/** Where the current request came from, for the audit trail: its id (as in the logs) and source address. */
export interface RequestOrigin {
  requestId: string | null;
  sourceIp: string | null;
  method: string;
  /** The route as declared, e.g. /api/v1/traces/:id/send. */
  route: string | null;
}

const storage = new AsyncLocalStorage<RequestOrigin>();

/**
 * The client's address as Fastify resolved it (the socket's peer, or X-Forwarded-For as far as TRUST_PROXY
 * trusts it), if it is an IP address: a header's text is never recorded as one. An IPv6 zone (`fe80::1%eth0`)
 * names an interface of the machine that saw it, not the client, and may be of any length: it is left out.
 */
export function clientAddress(request: { ip?: string }): string | null {
  const address = request.ip?.split('%')[0];
  return address && isIP(address) ? address : null;
}

/** The origin of the request being handled; null for background work (deliveries, deadline job, CLI). */
export function currentRequestOrigin(): RequestOrigin | null {
  return storage.getStore() ?? null;
}

/** Runs `work`, and whatever it starts, as background work: no request's origin, whichever request started it. */
export function outsideRequest<T>(work: () => T): T {
  return storage.exit(work);
}

/** Makes each request's origin available to everything the handler calls (registered first: outermost). */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ id?: string; ip?: string; method: string; routeOptions?: { url?: string } }>();
    const origin: RequestOrigin = {
      requestId: request.id ?? null,
      sourceIp: clientAddress(request),
      method: request.method,
      route: request.routeOptions?.url ?? null,
    };
    return new Observable((subscriber) => storage.run(origin, () => next.handle().subscribe(subscriber)));
  }
}
