import { ApiParam } from '@nestjs/swagger';

/** The path parameter naming a member as every route takes one: their username, in any case. */
export const USERNAME = ApiParam({
  name: 'username',
  description: 'The member’s username, matched in any case',
  example: 'cedric',
});
