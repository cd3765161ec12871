import { Module } from '@nestjs/common';

/** A member's festival plan ("My EIFF"): event-sourced, shared with friends, subscribed to as a calendar. */
@Module({})
export class FestivalPlanModule {}
