import { Module } from '@nestjs/common';

/** The lists pages (see src/web/README.md). */
@Module({ controllers: [] })
export class ListPagesModule {}
