import { NotFoundException } from '@nestjs/common';

/** No festival has that slug (404). */
export class FestivalNotFoundException extends NotFoundException {
  constructor(slug: string) {
    super(`No festival ${slug.slice(0, 100)}`);
  }
}

/** The festival has no edition that year (404). */
export class EditionNotFoundException extends NotFoundException {
  constructor(slug: string, year: string | number) {
    super(`No edition ${String(year).slice(0, 20)} of festival ${slug.slice(0, 100)}`);
  }
}

/** No strand has that slug in the edition (404). */
export class StrandNotFoundException extends NotFoundException {
  constructor(slug: string) {
    super(`No strand ${slug.slice(0, 100)} in this edition`);
  }
}

/** No screening has that id, or not in this edition (404). */
export class ScreeningNotFoundException extends NotFoundException {
  constructor(id: string) {
    super(`No screening ${id.slice(0, 100)}`);
  }
}
