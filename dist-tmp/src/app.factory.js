"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.API_PREFIX = exports.PHOTO_MAX_BYTES = void 0;
exports.createApp = createApp;
const node_crypto_1 = require("node:crypto");
const helmet_1 = __importDefault(require("@fastify/helmet"));
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const nestjs_pino_1 = require("nestjs-pino");
const app_module_1 = require("./app.module");
const app_error_1 = require("./common/errors/app-error");
const http_error_filter_1 = require("./common/errors/http-error.filter");
const validation_1 = require("./common/errors/validation");
const openapi_1 = require("./common/http/openapi");
const reject_unstorable_text_pipe_1 = require("./common/http/reject-unstorable-text.pipe");
/** The largest photo of a marking accepted (POST /traces/:id/photos). */
exports.PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/csv'];
const PHOTO_TYPES = ['image/jpeg', 'image/png'];
/** The one route (under the API prefix) each raw body type is taken by. */
const RAW_BODY_ROUTES = {
    ...Object.fromEntries(CSV_TYPES.map((type) => [type, '/weapons/imports'])),
    ...Object.fromEntries(PHOTO_TYPES.map((type) => [type, '/traces/:id/photos'])),
};
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
exports.API_PREFIX = 'api/v1';
/** Builds the HTTP application (not yet listening): the same for `npm start` and for the tests. */
async function createApp(options) {
    const adapter = new platform_fastify_1.FastifyAdapter({
        trustProxy: options.config.TRUST_PROXY,
        requestTimeout: options.config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
        clientErrorHandler: http_error_filter_1.answerClientError,
        frameworkErrors: http_error_filter_1.answerFrameworkError,
        bodyLimit: 1024 * 1024,
        // On close: idle keep-alive connections are closed at once; requests in flight finish first.
        forceCloseConnections: 'idle',
        // A caller's X-Request-Id is kept when it looks like one, so that a trace can be followed across systems.
        genReqId: (req) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : (0, node_crypto_1.randomUUID)();
            req.id = id;
            return id;
        },
    });
    const app = await core_1.NestFactory.create(app_module_1.AppModule.forRoot(options), adapter, { bufferLogs: true });
    app.useLogger(app.get(nestjs_pino_1.Logger));
    app.flushLogs();
    const fastify = app.getHttpAdapter().getInstance();
    // A raw body is taken by the one route made for it; any other route answers 415 before reading it, as it
    // would reach that route's checks as a stream or as bytes rather than as the JSON they expect. A path no
    // route serves stays a 404 (the not-found handler, a wildcard route, never reads the body).
    fastify.addHook('preParsing', async (request, _reply, payload) => {
        const { 'content-length': length, 'transfer-encoding': encoding } = request.headers;
        if (encoding === undefined && (length === undefined || length === '0'))
            return payload; // no body (a GET with a stray header)
        const mediaType = request.headers['content-type']?.split(';')[0].trim().toLowerCase() ?? '';
        const route = RAW_BODY_ROUTES[mediaType];
        const served = request.routeOptions.url;
        if (route === undefined || served === undefined || served.endsWith('*') || (request.method === 'POST' && served === `/${exports.API_PREFIX}${route}`))
            return payload;
        throw new app_error_1.AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${mediaType} is taken by one route only: send application/json`);
    });
    // CSV imports are streamed to PostgreSQL as they arrive (never buffered whole): the body is the stream.
    fastify.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));
    // Photos of markings: the bytes as sent (their type is then judged from the content), at most 5 MB.
    fastify.addContentTypeParser(PHOTO_TYPES, { parseAs: 'buffer', bodyLimit: exports.PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));
    // While shutting down, answers close their connection, so keep-alive clients do not hold the drain.
    let closing = false;
    fastify.addHook('preClose', async () => {
        closing = true;
    });
    fastify.addHook('onSend', async (request, reply) => {
        reply.header('x-request-id', request.id);
        if (closing)
            reply.header('connection', 'close');
    });
    await app.register(helmet_1.default, {
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
    app.setGlobalPrefix(exports.API_PREFIX, {
        exclude: [
            { path: 'health/live', method: common_1.RequestMethod.GET },
            { path: 'health/ready', method: common_1.RequestMethod.GET },
        ],
    });
    app.useGlobalPipes(new reject_unstorable_text_pipe_1.RejectUnstorableTextPipe(), new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: validation_1.validationExceptionFactory,
        stopAtFirstError: false,
    }));
    app.useGlobalFilters(new http_error_filter_1.HttpErrorFilter());
    (0, openapi_1.serveOpenApi)(app);
    await app.init();
    await fastify.ready();
    return app;
}
//# sourceMappingURL=app.factory.js.map