import { Module } from '@nestjs/common';

/** Bringing a member's history from Letterboxd, iCheckMovies and IMDb. */
@Module({})
export class ImportsModule {}
