import type { Params } from 'nestjs-pino';
import pino, { DestinationStream, Logger } from 'pino';
import { AppConfig } from '../../config/app-config';
import { REDACTED_LOG_PATHS } from './redaction';

const REDACTION = { paths: REDACTED_LOG_PATHS, censor: '[redacted]' };

/** The log of start-up and shutdown, redacted as the requests' log is: an error there can carry a database URL. */
export function bootLogger(destination?: DestinationStream): Logger {
  return destination ? pino({ level: 'info', redact: REDACTION }, destination) : pino({ level: 'info', redact: REDACTION });
}

/** pino JSON logs, one line per request with its id; bodies are never logged. */
export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: config.LOG_LEVEL,
        redact: REDACTION,
        // Fastify gives each raw request its id (see app.factory.ts); pino-http reuses req.id.
        customProps: (req) => ({ requestId: (req as { id?: string }).id }),
        serializers: {
          req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
            id: req.id,
            method: req.method,
            url: req.url,
            headers: req.headers,
          }),
        },
      },
      destination,
    ] as Params['pinoHttp'],
  };
}
