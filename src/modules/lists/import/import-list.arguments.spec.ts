import { parseImportListArguments, UsageError } from './import-list.arguments.js';

describe('parseImportListArguments', () => {
  it('reads the file and the options, in any order and in either form', () => {
    expect(
      parseImportListArguments([
        '--title',
        " TSPDT's 1,000 Greatest Films ",
        'tspdt.csv',
        '--description=The critics’ canon',
        '--admin',
        'curator',
      ]),
    ).toEqual({
      file: 'tspdt.csv',
      title: "TSPDT's 1,000 Greatest Films",
      description: 'The critics’ canon',
      ranked: true,
      admin: 'curator',
    });
  });

  it('makes an unranked list with --unranked, as the first admin when none is named', () => {
    expect(parseImportListArguments(['list.csv', '--title=1001 Movies', '--unranked'])).toEqual({
      file: 'list.csv',
      title: '1001 Movies',
      description: null,
      ranked: false,
      admin: null,
    });
  });

  it.each([
    [['list.csv'], /--title/],
    [['list.csv', '--title', '   '], /--title/],
    [['--title', 'T'], /exactly one file/],
    [['a.csv', 'b.csv', '--title', 'T'], /exactly one file/],
    [['list.csv', '--title'], /needs a value/],
    [['list.csv', '--title', 'T', '--ranked'], /Unknown argument --ranked/],
    [['list.csv', '--title', 'T', '--title', 'U'], /twice/],
    [['list.csv', '--title', 'x'.repeat(201)], /longer than 200/],
    [['list.csv', '--title', 'T', '--description', 'x'.repeat(5001)], /longer than 5000/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseImportListArguments(argv)).toThrow(UsageError);
    expect(() => parseImportListArguments(argv)).toThrow(message);
  });
});
