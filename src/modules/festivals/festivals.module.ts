import { Module } from '@nestjs/common';
import { FestivalPlanModule } from './plan/plan.module.js';
import { ProgrammeModule } from './programme/programme.module.js';

/** Festivals: the programme admins write, and the plans members build from it. */
@Module({
  imports: [ProgrammeModule, FestivalPlanModule],
  exports: [ProgrammeModule, FestivalPlanModule],
})
export class FestivalsModule {}
