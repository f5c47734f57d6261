"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loggerOptions = loggerOptions;
const redaction_1 = require("./redaction");
/** pino JSON logs, one line per request with its id; bodies are never logged. */
function loggerOptions(config, destination) {
    return {
        pinoHttp: [
            {
                level: config.LOG_LEVEL,
                redact: { paths: redaction_1.REDACTED_LOG_PATHS, censor: '[redacted]' },
                // Fastify gives each raw request its id (see app.factory.ts); pino-http reuses req.id.
                customProps: (req) => ({ requestId: req.id }),
                serializers: {
                    req: (req) => ({
                        id: req.id,
                        method: req.method,
                        url: req.url,
                        headers: req.headers,
                    }),
                },
            },
            destination,
        ],
    };
}
//# sourceMappingURL=logger-options.js.map