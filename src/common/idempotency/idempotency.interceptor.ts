import { CallHandler, ExecutionContext, HttpStatus, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../clock';
import { AppError } from '../errors/app-error';
import { rejectUnstorable } from '../http/reject-unstorable-text.pipe';
import { RecordSealing } from '../encryption/record-cipher';
import { IdempotencyRepository, keysForgottenBefore } from './idempotency.repository';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * A controller whose stored responses mean something each time they are replayed: a response that carries
 * case content is a read of it, audited at every replay as at the first answer.
 */
export interface ReplayAware {
  idempotentReplay(user: AuthUser, response: unknown): void;
}

const REPLAYED = Symbol('idempotent replay');

/** Whether the request was answered with the stored result of an earlier one (its Idempotency-Key): it did nothing again. */
export function isIdempotentReplay(request: object): boolean {
  return (request as { [REPLAYED]?: true })[REPLAYED] === true;
}

/**
 * `Idempotency-Key` on POST: the first result is stored in the request's own transaction (so it exists
 * exactly when the effect does) and replayed for the same key and body; the same key with another
 * request is refused with 422. Keys belong to the user who sent them, and are forgotten after
 * IDEMPOTENCY_KEY_HOURS: the same key is then a new request.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly sealing: RecordSealing,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ method: string; url: string; body: unknown; headers: Record<string, string | undefined>; user?: AuthUser }>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.user) return next.handle();
    if (!KEY.test(key)) throw new AppError(400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    const user = request.user;
    // Interceptors run before pipes: a body too deep to serialise gets the pipes' 400 here, not a RangeError's 500.
    if (!Buffer.isBuffer(request.body)) rejectUnstorable(request.body);
    // The request as its effect depends on it: the version it was made against (If-Match) is part of it, and a
    // JSON body counts by its content, whatever the order of its keys. So are the user's roles: a stored response
    // can hold what only those roles may read (need to know), and is not replayed to the user once they changed.
    const body = Buffer.isBuffer(request.body) ? request.body : (canonicalize(request.body ?? null) ?? 'null');
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\nif-match: ${request.headers['if-match'] ?? ''}\ncontent-type: ${request.headers['content-type'] ?? ''}\n`)
      .update(`roles: ${[...user.roles].sort().join(',')}\n`)
      .update(body)
      .digest('hex');
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? HttpStatus.CREATED;
    // A stored response can hold confidential case content: it is sealed like any confidential field.
    const scope = { stateCode: user.stateCode, table: 'idempotency_keys', rowId: `${user.id}/${key}` };
    return from((async () => {
      const now = this.clock.now();
      const expiredBefore = keysForgottenBefore(now, this.config.IDEMPOTENCY_KEY_HOURS);
      if (!(await this.keys.claim(user.stateCode, user.id, key, fingerprint, now, expiredBefore))) {
        const first = await this.keys.find(user.stateCode, user.id, key);
        if (!first || first.requestSha256 !== fingerprint) {
          throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request, or before your roles changed: use a new key for a new request');
        }
        const response = first.response ? this.sealing.record(scope, first.dataKey).open<unknown>('response', first.response) : null;
        (this.moduleRef.get(context.getClass(), { strict: false }) as Partial<ReplayAware>).idempotentReplay?.(user, response);
        void reply.header('Idempotent-Replayed', 'true');
        Object.assign(request, { [REPLAYED]: true });
        const etag = (response as { version?: number } | null)?.version;
        if (typeof etag === 'number') void reply.header('ETag', `"${etag}"`);
        return response;
      }
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const { cipher, dataKey } = this.sealing.newRecord(scope);
      await this.keys.complete(user.stateCode, user.id, key, status, cipher.seal('response', result ?? null), dataKey);
      return result;
    })());
  }
}
