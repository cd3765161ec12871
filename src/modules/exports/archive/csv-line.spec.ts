import { csvLine } from './csv-line.js';

describe('csvLine', () => {
  it('writes plain fields as they are and empties for null', () => {
    expect(csvLine(['2024-01-02', 'Stalker', 1979, null])).toBe('2024-01-02,Stalker,1979,\n');
  });

  it('quotes fields with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvLine(['Crouching Tiger, Hidden Dragon', 'a "b"', 'one\ntwo'])).toBe(
      '"Crouching Tiger, Hidden Dragon","a ""b""","one\ntwo"\n',
    );
  });
});
