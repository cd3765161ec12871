import { Module } from '@nestjs/common';

/** The imports pages (see src/web/README.md). */
@Module({ controllers: [] })
export class ImportPagesModule {}
