import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { API_PREFIX } from './common/http/api-prefix';
import { AppModule, AppModuleOptions } from './app.module';
import { AppError } from './common/errors/app-error';
import { answerClientError, answerFrameworkError, HttpErrorFilter } from './common/errors/http-error.filter';
import { validationExceptionFactory } from './common/errors/validation';
import { serveOpenApi } from './common/http/openapi';
import { RejectUnstorableTextPipe } from './common/http/reject-unstorable-text.pipe';

/** The largest photo of a marking accepted (POST /traces/:id/photos). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const CSV_TYPES = ['text/csv', 'application/csv'];
const PHOTO_TYPES = ['image/jpeg', 'image/png'];

/** The one route (under the API prefix) each raw body type is taken by. */
const RAW_BODY_ROUTES: Record<string, string> = {
  ...Object.fromEntries(CSV_TYPES.map((type) => [type, '/weapons/imports'])),
  ...Object.fromEntries(PHOTO_TYPES.map((type) => [type, '/traces/:id/photos'])),
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP application (not yet listening): the same for `npm start` and for the tests. */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: options.config.TRUST_PROXY,
    requestTimeout: options.config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    bodyLimit: 1024 * 1024,
    // On close: idle keep-alive connections are closed at once; requests in flight finish first.
    forceCloseConnections: 'idle',
    // A caller's X-Request-Id is kept when it looks like one, so that a trace can be followed across systems.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      (req as { id?: string }).id = id;
      return id;
    },
  });
  // A provider that fails while the application is built is thrown to the caller, which stops the database and
  // logs it redacted; Nest would otherwise print it whole (an error can hold a secret) and exit on the spot.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, { bufferLogs: true, abortOnError: false, autoFlushLogs: false });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  // A raw body is taken by the one route made for it; any other route answers 415 before reading it, as it
  // would reach that route's checks as a stream or as bytes rather than as the JSON they expect. A path no
  // route serves stays a 404 (the not-found handler, a wildcard route, never reads the body).
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const { 'content-length': length, 'transfer-encoding': encoding } = request.headers;
    if (encoding === undefined && (length === undefined || length === '0')) return payload; // no body (a GET with a stray header)
    const mediaType = request.headers['content-type']?.split(';')[0].trim().toLowerCase() ?? '';
    const route = RAW_BODY_ROUTES[mediaType];
    const served = request.routeOptions.url;
    if (route === undefined || served === undefined || served.endsWith('*') || (request.method === 'POST' && served === `/${API_PREFIX}${route}`)) return payload;
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${mediaType} is taken by one route only: send application/json`);
  });
  // CSV imports are streamed to PostgreSQL as they arrive (never buffered whole): the body is the stream.
  fastify.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));
  // Photos of markings: the bytes as sent (their type is then judged from the content), at most 5 MB.
  fastify.addContentTypeParser(PHOTO_TYPES, { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));
  // While shutting down, answers close their connection, so keep-alive clients do not hold the drain.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Answers carry investigation data (case content, forms, photos): no browser or proxy keeps a copy.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (closing) reply.header('connection', 'close');
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  if (options.config.CORS_ORIGINS.length > 0) {
    app.enableCors({ origin: options.config.CORS_ORIGINS, credentials: false, exposedHeaders: ['x-request-id', 'etag'] });
  }
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(
    new RejectUnstorableTextPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  serveOpenApi(app);
  await app.init();
  await fastify.ready();
  return app;
}
