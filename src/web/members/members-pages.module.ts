import { Module } from '@nestjs/common';
import { MemberPagesController } from './members-pages.controller.js';

/** Members' profiles: counts, checks, favourites, watchlist, lists, activity, follows; following them. */
@Module({ controllers: [MemberPagesController] })
export class MemberPagesModule {}
