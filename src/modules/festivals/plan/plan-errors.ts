import { NotFoundException } from '@nestjs/common';

/** The member has no plan for the edition that the reader may see (404, as for one never made). */
export class PlanNotFoundException extends NotFoundException {
  constructor(username: string) {
    super(`No festival plan of ${username.slice(0, 100)} that you may see`);
  }
}

/** No calendar at that subscription URL: never issued, or revoked (404). */
export class CalendarNotFoundException extends NotFoundException {
  constructor() {
    super('No calendar at this address: it may have been revoked');
  }
}
