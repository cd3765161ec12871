import { ApiParam } from '@nestjs/swagger';
import { ApiProblem } from '../../../common/openapi/problem-responses.js';

/** The path parameters naming an edition, as the programme and the plans take them. */
export const FESTIVAL = ApiParam({ name: 'festival', description: 'The festival’s slug', example: 'eiff' });
export const YEAR = ApiParam({ name: 'year', description: 'The edition’s year', example: '2008' });
export const NO_EDITION = ApiProblem(404, 'No such festival, or no edition that year');
