import { Module } from '@nestjs/common';

/** The films pages (see src/web/README.md). */
@Module({ controllers: [] })
export class FilmPagesModule {}
