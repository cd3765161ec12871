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

export class TrendingFilmResponse {
  @ApiProperty({ type: FilmResponse }) film!: FilmResponse;
  @ApiProperty({
    example: 12,
    description: 'Checks, favourites and watchlist entries made in the last 7 days',
  })
  weekMarks!: number;
  @ApiProperty({ example: 9, description: 'Those made in the 23 days before the last 7' })
  earlierMarks!: number;
  @ApiProperty({
    example: 9.26,
    description:
      'Marks ahead of the film’s own pace: weekMarks less 7/23 of earlierMarks, to two decimals; always above 0',
  })
  score!: number;
}

export class TrendingFilmPageResponse {
  @ApiProperty({ type: [TrendingFilmResponse], description: 'Highest score first, then by film id' })
  items!: TrendingFilmResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}
