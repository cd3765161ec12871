import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IMPORT_SOURCES, type ImportSource } from './parsing/import-plan.js';

/** The form of POST /imports besides the file; the file itself is checked by the controller. */
export class StartImportRequest {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'A Letterboxd export (.zip), an iCheckMovies CSV, or an IMDb ratings or list CSV',
  })
  // Multer takes the file out of the form; declared for the OpenAPI document, and allowed so the
  // whitelist does not trip on the class field. A missing file is named by the controller.
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({ enum: IMPORT_SOURCES, description: 'Guessed from the file when left out' })
  @IsOptional()
  @IsIn(IMPORT_SOURCES, { message: `source must be one of ${IMPORT_SOURCES.join(', ')}` })
  source?: ImportSource;
}
