import { earliestDate } from './diary.js';

describe('earliestDate', () => {
  it('is the earliest date, ignoring the missing ones', () => {
    expect(earliestDate([null, '2021-03-04', '1999-12-31', null, '2021-01-01'])).toBe('1999-12-31');
  });

  it('is null without any date', () => {
    expect(earliestDate([])).toBeNull();
    expect(earliestDate([null, null])).toBeNull();
  });
});
