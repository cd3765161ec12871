import { uploadedFileName } from './uploaded-file-name.js';

/** What multer hands over for a name the client sent in UTF-8: each byte as one latin1 character. */
const asMulterGivesIt = (name: string): string => Buffer.from(name, 'utf8').toString('latin1');

describe('uploadedFileName', () => {
  it('gives back a UTF-8 name the client sent', () => {
    expect(uploadedFileName(asMulterGivesIt('películas-é.zip'))).toBe('películas-é.zip');
    expect(uploadedFileName(asMulterGivesIt('日本の映画.csv'))).toBe('日本の映画.csv');
  });

  it('leaves ASCII names and names that are not UTF-8 as they came', () => {
    expect(uploadedFileName('export.zip')).toBe('export.zip');
    expect(uploadedFileName('caf\u00e9.csv')).toBe('caf\u00e9.csv');
  });

  it('names an upload without a name', () => {
    expect(uploadedFileName('')).toBe('upload');
  });
});
