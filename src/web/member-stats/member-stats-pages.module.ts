import { Module } from '@nestjs/common';
import { MemberStatsPagesController } from './member-stats-pages.controller.js';

/** Members' statistics pages: charts drawn on the server, each with its figures as a table. */
@Module({ controllers: [MemberStatsPagesController] })
export class MemberStatsPagesModule {}
