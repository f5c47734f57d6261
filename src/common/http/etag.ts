import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error';

/**
 * The version a client read, from `If-Match: "<version>"` (the ETag it was given). Missing: 428, so
 * that no transition is ever taken on a copy the client has not read. A weak tag (W/"3") never matches:
 * If-Match compares strongly (RFC 9110 §13.1.1), and this service gives strong tags only.
 */
export const IfMatchVersion = createParamDecorator((_: unknown, context: ExecutionContext): number => {
  const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['if-match'];
  if (!header) throw new AppError(428, 'PRECONDITION_REQUIRED', 'Send If-Match with the ETag of the version you read');
  const value = header.trim();
  if (/^W\/"\d{1,9}"$/.test(value)) {
    throw new AppError(412, 'VERSION_MISMATCH', 'A weak ETag never matches If-Match: send the ETag you read as it was given, e.g. "3"');
  }
  const match = /^"(\d{1,9})"$/.exec(value);
  if (!match) throw new AppError(400, 'IF_MATCH_INVALID', 'If-Match must be the ETag you read, e.g. "3"');
  // Compared strongly, character for character: "03" is no tag this service gave, and matches none.
  if (match[1] !== String(Number(match[1]))) throw new AppError(412, 'VERSION_MISMATCH', 'This ETag matches no version of the trace: send the ETag you read as it was given, e.g. "3"');
  return Number(match[1]);
});

export function setVersionTag(reply: FastifyReply, version: number): void {
  void reply.header('ETag', `"${version}"`);
}
