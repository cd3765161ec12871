import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_UI_PATH = 'api/docs';

/** Serves the UI at /api/docs and the document at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Filmlog API')
      .setDescription('Log the films you have seen, follow friends, comment and keep lists.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_UI_PATH}-json` });
}
