import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PosterResponse } from '../posters/poster.js';

/** OpenAPI description of the film read shape (the Film interface is what the code uses). */
export class PersonCreditResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'cedric-klapisch', description: 'Stable, accent-free; GET /people/{idOrSlug}' })
  slug!: string;
  @ApiProperty({ example: 'Cédric Klapisch' }) name!: string;
}

export class ExternalIdsResponse {
  @ApiPropertyOptional({ example: 'tt0869994' }) imdb?: string;
  @ApiPropertyOptional({ example: 8276 }) tmdb?: number;
}

export class CriticReviewResponse {
  @ApiProperty({ example: 'Le Monde' }) outlet!: string;
  @ApiPropertyOptional({ example: 'FR' }) region?: string;
  @ApiProperty() excerpt!: string;
  @ApiPropertyOptional({ format: 'uri' }) url?: string;
}

export class FilmResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'paris-2008', description: 'Stable, accent-free; usable wherever a film id is' })
  slug!: string;
  @ApiProperty({ example: 'Paris' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) originalTitle!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 2008 }) year!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 130 }) runtimeMinutes!: number | null;
  @ApiProperty({ type: String, nullable: true }) synopsis!: string | null;
  @ApiProperty({ type: [PersonCreditResponse], description: 'In credit order' })
  directors!: PersonCreditResponse[];
  @ApiProperty({ type: [PersonCreditResponse], description: 'In credit order' })
  cast!: PersonCreditResponse[];
  @ApiProperty({ type: [String], example: ['drama', 'comedy'] }) genres!: string[];
  @ApiProperty({ type: [String], example: ['fr', 'en'] }) languages!: string[];
  @ApiProperty({ type: [String], example: ['FR'] }) countries!: string[];
  @ApiProperty({ type: String, nullable: true, example: 'M offensive language' }) classification!:
    string | null;
  @ApiProperty({ type: ExternalIdsResponse }) externalIds!: ExternalIdsResponse;
  @ApiProperty({ type: [CriticReviewResponse] }) criticReviews!: CriticReviewResponse[];
  @ApiProperty({ type: PosterResponse, nullable: true, description: 'Null until an admin uploads one' })
  poster!: PosterResponse | null;
}

export class FilmPageResponse {
  @ApiProperty({ type: [FilmResponse] }) items!: FilmResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}
