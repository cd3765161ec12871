import { CsvError, csvRecords } from './csv-reader.js';

const read = (text: string, delimiter?: string) => [...csvRecords(text, delimiter)];

describe('csvRecords', () => {
  it('reads records with the line each starts on', () => {
    expect(read('rank,title\n1,Vertigo\n2,Tokyo Story\n')).toEqual([
      { line: 1, fields: ['rank', 'title'] },
      { line: 2, fields: ['1', 'Vertigo'] },
      { line: 3, fields: ['2', 'Tokyo Story'] },
    ]);
  });

  it('skips a byte order mark and reads CRLF, LF and CR alike, with or without a last line break', () => {
    expect(read('\uFEFFa,b\r\n1,2\r\n')).toEqual(read('a,b\n1,2'));
    expect(read('a,b\r1,2\r')).toEqual(read('a,b\n1,2\n'));
    expect(read('\uFEFFa,b\r\n1,2\r\n')[0]!.fields[0]).toBe('a');
  });

  it('reads quoted fields holding delimiters, doubled quotes and line breaks, counting lines inside them', () => {
    const records = read(
      '1,"Crouching Tiger, Hidden Dragon",2000\n2,"The ""Bicycle"" Thief",1948\n3,"One\r\nTwo\nThree",1999\n4,Last,2001\n',
    );

    expect(records.map((record) => record.fields)).toEqual([
      ['1', 'Crouching Tiger, Hidden Dragon', '2000'],
      ['2', 'The "Bicycle" Thief', '1948'],
      ['3', 'One\r\nTwo\nThree', '1999'],
      ['4', 'Last', '2001'],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 6]);
  });

  it('keeps empty fields, a trailing one included, and skips empty lines', () => {
    expect(read('a,,c,\n\n\r\n"",x\n')).toEqual([
      { line: 1, fields: ['a', '', 'c', ''] },
      { line: 4, fields: ['', 'x'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as written', () => {
    expect(read('12" Record,1\n')[0]!.fields).toEqual(['12" Record', '1']);
  });

  it('reads another delimiter when told', () => {
    expect(read('a;"b;c"\n', ';')[0]!.fields).toEqual(['a', 'b;c']);
  });

  it.each([
    ['a quoted field never closed', 'a,b\n1,"open\n2,x\n', 2, /never closed/],
    ['text after a closing quote', 'a,b\n"x"y,1\n', 2, /followed by more text/],
  ])('fails on %s, naming the line', (_case, text, line, message) => {
    let error: unknown;
    try {
      read(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CsvError);
    expect(error).toMatchObject({ line, message: expect.stringMatching(message) });
  });
});

describe('csvRecords around faults', () => {
  it('reads a doubled quote at the start of a quoted field as a quote, not as a closing one', () => {
    expect(read('a,"""Vertigo"" again",b\r\n"""",x\n')).toEqual([
      { line: 1, fields: ['a', '"Vertigo" again', 'b'] },
      { line: 2, fields: ['"', 'x'] },
    ]);
  });

  it('hands out the records before a fault, then throws it', () => {
    const records = csvRecords('a,b\n"One\nTwo",1\n\n"x"y,2\n');

    expect(records.next().value).toEqual({ line: 1, fields: ['a', 'b'] });
    expect(records.next().value).toEqual({ line: 2, fields: ['One\nTwo', '1'] });
    expect(() => records.next()).toThrow(
      'line 5: a closing quote is followed by more text in the same field',
    );
  });

  it.each([
    [
      'an unclosed field after a misquoted one in one record',
      'a,b\r\n"x"y,"open\r\n',
      ',',
      2,
      /followed by more text/,
    ],
    [
      'an unclosed field after records spanning lines',
      'a\r\n"1\r\n2"\r\n\r\n"open,x\n',
      ',',
      5,
      /never closed/,
    ],
    ['a misquoted field after a well-formed one', 'x;"a;b""";"c"d\n', ';', 1, /followed by more text/],
  ])('names the line of %s', (_case, text, delimiter, line, message) => {
    let error: unknown;
    try {
      read(text, delimiter);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CsvError);
    expect(error).toMatchObject({ line, message: expect.stringMatching(message) });
  });
});
