import { decodeText } from './decode-text.js';

describe('decodeText', () => {
  it('reads UTF-8, without its byte order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFAmélie;2001', 'utf8'))).toBe('Amélie;2001');
    expect(decodeText(Buffer.from('Amélie;2001', 'utf8'))).toBe('Amélie;2001');
  });

  it('falls back to ISO-8859-1 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('Amélie;Le Mépris', 'latin1'))).toBe('Amélie;Le Mépris');
  });
});
