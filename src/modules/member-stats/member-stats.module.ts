import { Module } from '@nestjs/common';
import { GetMemberStatsHandler } from './queries/get-member-stats/get-member-stats.query.js';
import { GetMemberViewingYearsHandler } from './queries/get-member-viewing-years/get-member-viewing-years.query.js';
import { MemberStatsController } from './member-stats.controller.js';

const queryHandlers = [GetMemberStatsHandler, GetMemberViewingYearsHandler];

/** Members' statistics, read from the film log's and the catalogue's tables. */
@Module({
  controllers: [MemberStatsController],
  providers: [...queryHandlers],
})
export class MemberStatsModule {}
