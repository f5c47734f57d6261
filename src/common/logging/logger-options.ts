import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from '../../config/app-config';
import { REDACTED_LOG_PATHS } from './redaction';

/** pino JSON logs, one line per request with its id; bodies are never logged. */
export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: config.LOG_LEVEL,
        redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
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
