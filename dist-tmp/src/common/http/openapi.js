"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildOpenApiDocument = buildOpenApiDocument;
exports.serveOpenApi = serveOpenApi;
const swagger_1 = require("@nestjs/swagger");
/** The OpenAPI document, built the same way for /api/docs-json and for docs/openapi.json. */
function buildOpenApiDocument(app) {
    const config = new swagger_1.DocumentBuilder()
        .setTitle('ITI Trace API')
        .setDescription('Marking registry and tracing of illicit small arms and light weapons under the UN International Tracing Instrument (A/60/88). ' +
        'Errors are { statusCode, code, message, details?, requestId }. Lists take ?limit=&cursor=.')
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .build();
    return swagger_1.SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}
function serveOpenApi(app) {
    swagger_1.SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
//# sourceMappingURL=openapi.js.map