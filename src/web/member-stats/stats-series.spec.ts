import {
  decadeSeries,
  describeSeries,
  facetSeries,
  monthSeries,
  ratingSeries,
  viewingYears,
  yearSeries,
} from './stats-series.js';

const years = (...counts: [number, number][]) => counts.map(([year, films]) => ({ key: year, year, films }));

describe('yearSeries', () => {
  it('runs from the first viewing year to the last, oldest first, with empty years at 0', () => {
    expect(yearSeries(years([2024, 3], [2021, 1], [2023, 2]), 2023)).toEqual([
      { label: '2021', value: 1, current: false },
      { label: '2022', value: 0, current: false },
      { label: '2023', value: 2, current: true },
      { label: '2024', value: 3, current: false },
    ]);
    expect(yearSeries([])).toEqual([]);
  });

  it('lists the years seen, newest first', () => {
    expect(viewingYears(years([2021, 1], [2024, 3], [2023, 2]))).toEqual([2024, 2023, 2021]);
  });
});

describe('decadeSeries', () => {
  it('names the decades and fills the gaps', () => {
    const byDecade = [
      { key: 1990, decade: 1990, films: 4 },
      { key: 1960, decade: 1960, films: 1 },
    ];
    expect(decadeSeries(byDecade).map((datum) => [datum.label, datum.value])).toEqual([
      ['1960s', 1],
      ['1970s', 0],
      ['1980s', 0],
      ['1990s', 4],
    ]);
  });
});

describe('monthSeries', () => {
  it('writes months short on the axis and in full in words', () => {
    const series = monthSeries(
      Array.from({ length: 12 }, (_, index) => ({ key: index + 1, month: index + 1, films: index })),
    );
    expect(series[0]).toEqual({ label: 'Jan', name: 'January', value: 0 });
    expect(series[8]).toEqual({ label: 'Sep', name: 'September', value: 8 });
  });
});

describe('ratingSeries', () => {
  it('names the ten steps from half a star to five', () => {
    const series = ratingSeries([1, 0, 0, 0, 0, 0, 0, 0, 0, 7]);
    expect(series.map((datum) => datum.label)).toEqual([
      '½',
      '1',
      '1½',
      '2',
      '2½',
      '3',
      '3½',
      '4',
      '4½',
      '5',
    ]);
    expect(series[0]).toEqual({ label: '½', name: '0.5 stars', value: 1 });
    expect(series[1]!.name).toBe('1 star');
    expect(series[9]).toEqual({ label: '5', name: '5 stars', value: 7 });
  });
});

describe('facetSeries', () => {
  it('keeps the first entries in the order given, named for reading', () => {
    const facets = [
      { key: 'FR', films: 5 },
      { key: 'JP', films: 2 },
      { key: 'ML', films: 1 },
    ];
    expect(facetSeries(facets, (key) => key.toLowerCase(), 2)).toEqual([
      { label: 'fr', value: 5 },
      { label: 'jp', value: 2 },
    ]);
  });
});

describe('describeSeries', () => {
  it('says where the most films are, and shares the first place', () => {
    const data = [
      { label: 'Jan', name: 'January', value: 2 },
      { label: 'Feb', name: 'February', value: 1 },
    ];
    expect(describeSeries(data, 'Films seen each month of 2024')).toBe(
      'Films seen each month of 2024. The most: January, with 2 films.',
    );
    expect(
      describeSeries(
        [
          { label: 'A', value: 1 },
          { label: 'B', value: 1 },
          { label: 'C', value: 1 },
        ],
        'Genres',
      ),
    ).toBe('Genres. The most: A, B and C, with 1 film each.');
    expect(describeSeries([{ label: 'A', value: 0 }], 'Ratings')).toBe('Ratings: no films.');
  });
});
