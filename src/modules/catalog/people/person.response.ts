import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI description of the person read shape (the Person interface is what the code uses). */
export class PersonFilmResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'paris-2008' }) slug!: string;
  @ApiProperty({ example: 'Paris' }) title!: string;
  @ApiProperty({ type: Number, nullable: true, example: 2008 }) year!: number | null;
}

export class PersonResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    example: 'cedric-klapisch',
    description: 'Stable, accent-free; usable wherever a person id is',
  })
  slug!: string;
  @ApiProperty({ example: 'Cédric Klapisch' }) name!: string;
  @ApiProperty({
    type: [PersonFilmResponse],
    description: 'Films they directed: newest first (unknown years last), then by title',
  })
  directed!: PersonFilmResponse[];
  @ApiProperty({ type: [PersonFilmResponse], description: 'Films they act in, in the same order' })
  cast!: PersonFilmResponse[];
}
