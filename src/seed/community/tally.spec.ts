import { ConflictException } from '@nestjs/common';
import { DomainRuleViolation } from '#decider';
import { formatCommunityReport } from './report.js';
import { Tally } from './tally.js';

describe('Tally', () => {
  it('counts what the commands created and what was found', async () => {
    const tally = new Tally();

    expect(await tally.attempt('checks', 'a check', () => Promise.resolve('done'))).toBe('done');
    tally.found('members');

    expect(tally.counts()).toMatchObject({
      created: { checks: 1, follows: 0 },
      alreadyThere: { members: 1, officialLists: 0 },
      refused: 0,
    });
  });

  it('counts a refusal and goes on, saying why', async () => {
    const tally = new Tally();

    await tally.attempt('follows', 'ada follows ada', () =>
      Promise.reject(new DomainRuleViolation('self-follow', 'You cannot follow yourself.')),
    );
    await tally.attempt('members', 'ada registers', () => Promise.reject(new ConflictException('taken')));

    expect(tally.counts()).toMatchObject({
      created: { follows: 0, members: 0 },
      refused: 2,
      refusals: ['ada follows ada: You cannot follow yourself.', 'ada registers: taken'],
    });
  });

  it('ends the run on anything that is not a refusal', async () => {
    const tally = new Tally();

    await expect(
      tally.attempt('checks', 'a check', () => Promise.reject(new Error('connection terminated'))),
    ).rejects.toThrow('connection terminated');
  });
});

describe('formatCommunityReport', () => {
  it('says what was created, what was there, the password and the time', () => {
    const tally = new Tally();
    tally.add('members', 21);
    tally.found('officialLists');

    const report = formatCommunityReport(tally.counts(), {
      seconds: 12.34,
      password: 'demo-password',
      curator: 'curator',
      festival: false,
    });

    expect(report).toContain('Demo community in 12.3 s.');
    expect(report).toContain('21 members, 0 checks');
    expect(report).toContain('Already there: 0 members (with their histories), 1 official lists.');
    expect(report).toContain('"demo-password"');
    expect(report).toContain('nobody planned a screening');
  });
});
