import { Module } from '@nestjs/common';

/** The search pages (see src/web/README.md). */
@Module({ controllers: [] })
export class SearchPagesModule {}
