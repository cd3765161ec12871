import { Module } from '@nestjs/common';

/** The members pages (see src/web/README.md). */
@Module({ controllers: [] })
export class MemberPagesModule {}
