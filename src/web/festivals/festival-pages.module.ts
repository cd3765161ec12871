import { Module } from '@nestjs/common';
import { FestivalPagesController } from './festival-pages.controller.js';
import { PlanPagesController } from './plan-pages.controller.js';

/**
 * Festival pages: the programme (archive, edition, day, strand) and members' plans. The queries
 * and commands are the festivals module's own, on the buses.
 */
@Module({ controllers: [FestivalPagesController, PlanPagesController] })
export class FestivalPagesModule {}
