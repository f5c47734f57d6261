import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error';

/**
 * The version a client read, from `If-Match: "<version>"` (the ETag it was given). Missing: 428, so
 * that no transition is ever taken on a copy the client has not read.
 */
export const IfMatchVersion = createParamDecorator((_: unknown, context: ExecutionContext): number => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['if-match'];
  if (!header) throw new AppError(428, 'PRECONDITION_REQUIRED', 'Send If-Match with the ETag of the version you read');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new AppError(400, 'IF_MATCH_INVALID', 'If-Match must be the ETag you read, e.g. "3"');
  return Number(match[1]);
});

export function setVersionTag(reply: FastifyReply, version: number): void {
  void reply.header('ETag', `"${version}"`);
}
