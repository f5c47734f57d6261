import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  408: 'REQUEST_TIMEOUT',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

/**
 * Errors of the connection before a request is whole (Fastify's clientErrorHandler), in the API's error
 * shape: a request that took longer than HTTP_REQUEST_TIMEOUT_SECONDS (408), headers too large (431),
 * anything else the HTTP parser refused (400). The connection is then closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'The request did not arrive in time (HTTP_REQUEST_TIMEOUT_SECONDS)']
      : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'The request headers are too large']
        : [400, 'The request is not valid HTTP'];
  const body = JSON.stringify({ statusCode, code: CODES_BY_STATUS[statusCode], message, requestId: randomUUID() } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/**
 * Errors of Fastify's router before a route runs (Fastify's frameworkErrors), in the API's error shape and
 * without echoing the path: a path that does not decode (400) or a path parameter over the router's limit
 * (414); anything else the router could send here (an asynchronous route constraint failing) is a 500.
 */
export function answerFrameworkError(error: { statusCode?: number; code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const [statusCode, code, message] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? [414, CODES_BY_STATUS[414], 'A part of the path is too long']
      : error.code === 'FST_ERR_BAD_URL' ? [400, CODES_BY_STATUS[400], 'The path is not valid: a percent-encoded part does not decode']
        : [500, 'INTERNAL_ERROR', 'Internal server error'];
  const body: ErrorBody = { statusCode, code, message, requestId: String(request.id) };
  void reply.status(statusCode).header('x-request-id', String(request.id)).header('content-type', 'application/json; charset=utf-8').send(body);
}

/**
 * The one place where failures become HTTP answers. Known failures keep their code and message;
 * anything else is a bare 500 whose details go only to the log.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    // A handler may have prepared a download (a PDF) before failing: the error is never an attachment.
    reply.removeHeader('content-disposition');
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof AppError) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, details: exception.details, requestId };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests, try again later', requestId };
    }
    if (exception instanceof HttpException && exception.getStatus() === HttpStatus.SERVICE_UNAVAILABLE) {
      // Readiness (terminus): which dependency is down is the point of the answer.
      const response = exception.getResponse() as { details?: unknown };
      return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Not ready', details: response.details, requestId };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        const response = exception.getResponse();
        const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
        if (status === 400 && /not valid JSON/i.test(message)) {
          return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', requestId };
        }
        return { statusCode: status, code: CODES_BY_STATUS[status] ?? 'HTTP_ERROR', message, requestId };
      }
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
      const status = fastifyError.statusCode;
      const code = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/i.test(fastifyError.message ?? '') ? 'MALFORMED_JSON' : (CODES_BY_STATUS[status] ?? 'BAD_REQUEST');
      return { statusCode: status, code, message: code === 'MALFORMED_JSON' ? 'The request body is not valid JSON' : (fastifyError.message ?? 'Bad request'), requestId };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal server error', requestId };
  }
}
