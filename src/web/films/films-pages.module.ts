import { Module } from '@nestjs/common';
import { FilmPagesController } from './film-pages.controller.js';

/**
 * A film's page: details, critic quotes, the reader's marks, statistics, official lists, friends
 * and recent activity, and its comments. The queries and commands are the modules' own, on the buses.
 */
@Module({ controllers: [FilmPagesController] })
export class FilmPagesModule {}
