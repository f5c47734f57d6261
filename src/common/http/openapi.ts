import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorDto, FieldErrorDto } from '../errors/error.dto';

/** The OpenAPI document, built the same way for /api/docs-json and for docs/openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ITI Trace API')
    .setDescription(
      'Marking registry and tracing of illicit small arms and light weapons under the UN International Tracing Instrument (A/60/88). ' +
        'Errors are { statusCode, code, message, details?, requestId }. Lists take ?limit=&cursor=.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorDto, FieldErrorDto],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  // Every status an operation does not list is an error of one shape.
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head'] as const) {
      const operation = path[method];
      if (operation) operation.responses.default ??= { description: 'An error', content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorDto) } } } };
    }
  }
  return document;
}

export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
