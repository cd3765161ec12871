import { sniffDelimiter } from './delimiter.js';

describe('sniffDelimiter', () => {
  it('finds semicolons in the header line', () => {
    expect(sniffDelimiter('title;year;url\n"A, B";2001;x')).toBe(';');
  });

  it('finds commas, ignoring semicolons inside quotes and on later lines', () => {
    expect(sniffDelimiter('"a;b;c",year,url\r\nx;y;z;w;v')).toBe(',');
  });

  it('reads a one-column file as comma-separated', () => {
    expect(sniffDelimiter('title\nA;B')).toBe(',');
  });
});
