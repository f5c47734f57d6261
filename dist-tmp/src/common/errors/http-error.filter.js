"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpErrorFilter = void 0;
exports.answerClientError = answerClientError;
exports.answerFrameworkError = answerFrameworkError;
const node_crypto_1 = require("node:crypto");
const node_http_1 = require("node:http");
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const app_error_1 = require("./app-error");
const CODES_BY_STATUS = {
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
function answerClientError(error, socket) {
    if (error.code === 'ECONNRESET' || socket.destroyed)
        return;
    const [statusCode, message] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'The request did not arrive in time (HTTP_REQUEST_TIMEOUT_SECONDS)']
        : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'The request headers are too large']
            : [400, 'The request is not valid HTTP'];
    const body = JSON.stringify({ statusCode, code: CODES_BY_STATUS[statusCode], message, requestId: (0, node_crypto_1.randomUUID)() });
    if (socket.writable) {
        socket.write(`HTTP/1.1 ${statusCode} ${node_http_1.STATUS_CODES[statusCode]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
}
/**
 * Errors of Fastify's router before a route runs (Fastify's frameworkErrors), in the API's error shape and
 * without echoing the path: a path that does not decode (400) or a path parameter over the router's limit
 * (414); anything else the router could send here (an asynchronous route constraint failing) is a 500.
 */
function answerFrameworkError(error, request, reply) {
    const [statusCode, code, message] = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? [414, CODES_BY_STATUS[414], 'A part of the path is too long']
        : error.code === 'FST_ERR_BAD_URL' ? [400, CODES_BY_STATUS[400], 'The path is not valid: a percent-encoded part does not decode']
            : [500, 'INTERNAL_ERROR', 'Internal server error'];
    const body = { statusCode, code, message, requestId: String(request.id) };
    void reply.status(statusCode).header('x-request-id', String(request.id)).header('content-type', 'application/json; charset=utf-8').send(body);
}
/**
 * The one place where failures become HTTP answers. Known failures keep their code and message;
 * anything else is a bare 500 whose details go only to the log.
 */
let HttpErrorFilter = class HttpErrorFilter {
    constructor() {
        this.logger = new common_1.Logger('HttpErrorFilter');
    }
    catch(exception, host) {
        const http = host.switchToHttp();
        const request = http.getRequest();
        const reply = http.getResponse();
        const body = this.toBody(exception, String(request.id));
        if (body.statusCode >= 500) {
            this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
        }
        // A handler may have prepared a download (a PDF) before failing: the error is never an attachment.
        reply.removeHeader('content-disposition');
        void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
    }
    toBody(exception, requestId) {
        if (exception instanceof app_error_1.AppError) {
            return { statusCode: exception.status, code: exception.code, message: exception.message, details: exception.details, requestId };
        }
        if (exception instanceof throttler_1.ThrottlerException) {
            return { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests, try again later', requestId };
        }
        if (exception instanceof common_1.HttpException && exception.getStatus() === common_1.HttpStatus.SERVICE_UNAVAILABLE) {
            // Readiness (terminus): which dependency is down is the point of the answer.
            const response = exception.getResponse();
            return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Not ready', details: response.details, requestId };
        }
        if (exception instanceof common_1.HttpException) {
            const status = exception.getStatus();
            if (status < 500) {
                const response = exception.getResponse();
                const message = typeof response === 'string' ? response : String(response.message ?? exception.message);
                if (status === 400 && /not valid JSON/i.test(message)) {
                    return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', requestId };
                }
                return { statusCode: status, code: CODES_BY_STATUS[status] ?? 'HTTP_ERROR', message, requestId };
            }
        }
        const fastifyError = exception;
        if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
            // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
            const status = fastifyError.statusCode;
            const code = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/i.test(fastifyError.message ?? '') ? 'MALFORMED_JSON' : (CODES_BY_STATUS[status] ?? 'BAD_REQUEST');
            return { statusCode: status, code, message: code === 'MALFORMED_JSON' ? 'The request body is not valid JSON' : (fastifyError.message ?? 'Bad request'), requestId };
        }
        return { statusCode: common_1.HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal server error', requestId };
    }
};
exports.HttpErrorFilter = HttpErrorFilter;
exports.HttpErrorFilter = HttpErrorFilter = __decorate([
    (0, common_1.Catch)()
], HttpErrorFilter);
//# sourceMappingURL=http-error.filter.js.map