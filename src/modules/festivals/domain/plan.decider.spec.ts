import { given } from '#decider';
import { planDecider, type PlanCommand } from './plan.decider.js';
import { parsePlanStream, planStream, type PlanEvent } from './plan.events.js';

const edition = 'e0000000-0000-4000-8000-000000000001';
const [a, b, c] = ['a', 'b', 'c'].map((letter) => `${letter}0000000-0000-4000-8000-000000000000`) as [
  string,
  string,
  string,
];

const planned = (screeningId: string): PlanEvent => ({
  type: 'ScreeningPlanned',
  data: { editionId: edition, screeningId },
});
const unplanned = (screeningId: string): PlanEvent => ({
  type: 'ScreeningUnplanned',
  data: { editionId: edition, screeningId },
});
const shared = (visibility: 'private' | 'friends' | 'public'): PlanEvent => ({
  type: 'PlanVisibilityChanged',
  data: { editionId: edition, visibility },
});
const plan = (screeningId: string): PlanCommand => ({
  type: 'PlanScreening',
  editionId: edition,
  screeningId,
});
const unplan = (screeningId: string): PlanCommand => ({
  type: 'UnplanScreening',
  editionId: edition,
  screeningId,
});
const share = (visibility: 'private' | 'friends' | 'public'): PlanCommand => ({
  type: 'ChangePlanVisibility',
  editionId: edition,
  visibility,
});

describe('festival plan decider', () => {
  it('names one stream per member and edition, and reads it back', () => {
    expect(planStream('m1', edition)).toBe(`festivalplan-m1.${edition}`);
    expect(parsePlanStream(planStream('m1', edition))).toEqual({ memberId: 'm1', editionId: edition });
    expect(() => parsePlanStream('filmlog-m1.x')).toThrow(RangeError);
  });

  it('starts empty and private', () => {
    expect(planDecider.initialState).toEqual({ screeningIds: [], visibility: 'private' });
  });

  describe('plan a screening', () => {
    it('plans a screening not in the plan', () =>
      given(planDecider)
        .when(plan(a))
        .then([planned(a)]));

    it('plans nothing when the screening is already planned', () =>
      given(planDecider, [planned(a)])
        .when(plan(a))
        .then([]));

    it('plans it again after it was taken out', () =>
      given(planDecider, [planned(a), unplanned(a)])
        .when(plan(a))
        .then([planned(a)]));

    it('keeps the screenings sorted, whatever the order they were planned in', () =>
      given(planDecider, [planned(c), planned(a)])
        .when(plan(b))
        .thenState({ screeningIds: [a, b, c], visibility: 'private' }));
  });

  describe('unplan a screening', () => {
    it('takes a planned screening out', () =>
      given(planDecider, [planned(a), planned(b)])
        .when(unplan(a))
        .then([unplanned(a)]));

    it('leaves the others', () =>
      given(planDecider, [planned(a), planned(b)])
        .when(unplan(a))
        .thenState({ screeningIds: [b], visibility: 'private' }));

    it('changes nothing for a screening not in the plan', () =>
      given(planDecider, [planned(a)])
        .when(unplan(b))
        .then([]));

    it('changes nothing on an empty plan', () => given(planDecider).when(unplan(a)).then([]));
  });

  describe('change visibility', () => {
    it('shares a private plan with friends', () =>
      given(planDecider)
        .when(share('friends'))
        .then([shared('friends')]));

    it('changes nothing when the plan already has that visibility', () => {
      given(planDecider).when(share('private')).then([]);
      given(planDecider, [shared('public')])
        .when(share('public'))
        .then([]);
    });

    it('keeps the screenings when the visibility changes', () =>
      given(planDecider, [planned(a), shared('friends')])
        .when(share('public'))
        .thenState({ screeningIds: [a], visibility: 'public' }));

    it('makes a shared plan private again', () =>
      given(planDecider, [shared('public')])
        .when(share('private'))
        .then([shared('private')]));
  });
});
