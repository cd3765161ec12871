import { DEFAULT_MEMBERS, parseCommunityArguments, UsageError } from './arguments.js';

describe('parseCommunityArguments', () => {
  it('defaults to the demo size', () => {
    expect(parseCommunityArguments([])).toEqual({ members: DEFAULT_MEMBERS, help: false });
  });

  it('takes --members N and --members=N', () => {
    expect(parseCommunityArguments(['--members', '20']).members).toBe(20);
    expect(parseCommunityArguments(['--members=45']).members).toBe(45);
  });

  it.each([
    [['--members']],
    [['--members', 'many']],
    [['--members', '0']],
    [['--members', '9999999']],
    [['--admins']],
  ])('refuses %j', (argv) => {
    expect(() => parseCommunityArguments(argv)).toThrow(UsageError);
  });

  it('asks for the usage with --help', () => {
    expect(parseCommunityArguments(['--help']).help).toBe(true);
  });
});
