import { ApiProperty } from '@nestjs/swagger';
import { FilmResponse } from '../catalog/films/film.response.js';

export class PopularFilmResponse {
  @ApiProperty({ type: FilmResponse }) film!: FilmResponse;
  @ApiProperty({
    example: 42,
    description: 'Checks, favourites and watchlist entries members hold on the film, made in the period',
  })
  marks!: number;
}

export class PopularFilmPageResponse {
  @ApiProperty({ type: [PopularFilmResponse], description: 'Most marks first, then by film id' })
  items!: PopularFilmResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= (with the same period) for the next page; null on the last',
  })
  nextCursor!: string | null;
}
