import { ApiParam } from '@nestjs/swagger';

/** A path parameter naming a film as every route takes one: its id or its slug. */
export const filmReferenceParam = (name: string): MethodDecorator =>
  ApiParam({ name, description: 'The film id (UUID) or its slug', example: 'paris-2008' });

export const FILM_REFERENCE = filmReferenceParam('idOrSlug');
