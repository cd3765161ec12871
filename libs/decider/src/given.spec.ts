import { AssertionError } from 'node:assert';
import { DomainRuleViolation, given, unreachable, type Decider } from '#decider';

// The style a feature's decider follows: readonly unions, an exhaustive switch, pure rules.
type PinsCommand =
  | { readonly type: 'PinFilm'; readonly filmId: string }
  | { readonly type: 'UnpinFilm'; readonly filmId: string };

type PinsEvent =
  | { readonly type: 'FilmPinned'; readonly data: { readonly filmId: string } }
  | {
      readonly type: 'FilmUnpinned';
      readonly data: { readonly filmId: string };
    };

interface PinsState {
  readonly pinned: readonly string[];
}

const MAX_PINS = 4;

const pinsDecider: Decider<PinsCommand, PinsEvent, PinsState> = {
  initialState: { pinned: [] },
  decide(command, { pinned }) {
    switch (command.type) {
      case 'PinFilm':
        if (pinned.includes(command.filmId)) return [];
        if (pinned.length >= MAX_PINS)
          throw new DomainRuleViolation('pins-full', `At most ${MAX_PINS} films can be pinned`);
        return [{ type: 'FilmPinned', data: { filmId: command.filmId } }];
      case 'UnpinFilm':
        return pinned.includes(command.filmId)
          ? [{ type: 'FilmUnpinned', data: { filmId: command.filmId } }]
          : [];
      default:
        return unreachable(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'FilmPinned':
        return { pinned: [...state.pinned, event.data.filmId] };
      case 'FilmUnpinned':
        return {
          pinned: state.pinned.filter((filmId) => filmId !== event.data.filmId),
        };
      default:
        return unreachable(event);
    }
  },
};

const pinned = (filmId: string): PinsEvent => ({
  type: 'FilmPinned',
  data: { filmId },
});
const unpinned = (filmId: string): PinsEvent => ({
  type: 'FilmUnpinned',
  data: { filmId },
});
const fourPinned = ['stalker', 'ran', 'persona', 'vertigo'].map(pinned);

describe('given / when / then', () => {
  describe('in the style of a feature spec', () => {
    it('pins a film', () =>
      given(pinsDecider, [])
        .when({ type: 'PinFilm', filmId: 'ran' })
        .then([pinned('ran')]));

    it('pinning a pinned film changes nothing', () =>
      given(pinsDecider, [pinned('ran')])
        .when({ type: 'PinFilm', filmId: 'ran' })
        .then([]));

    it('folds the whole history, undone facts included', () =>
      given(pinsDecider, [...fourPinned, unpinned('ran')])
        .when({ type: 'PinFilm', filmId: 'ran' })
        .then([pinned('ran')]));

    it('refuses a fifth pin', () =>
      given(pinsDecider, fourPinned)
        .when({ type: 'PinFilm', filmId: 'ikiru' })
        .thenThrows(DomainRuleViolation, { code: 'pins-full' }));

    it('states the state after the decision', () =>
      given(pinsDecider, [pinned('ran'), pinned('stalker')])
        .when({ type: 'UnpinFilm', filmId: 'ran' })
        .thenState({ pinned: ['stalker'] }));

    it('given defaults to an empty history', () =>
      given(pinsDecider).when({ type: 'UnpinFilm', filmId: 'ran' }).thenState(pinsDecider.initialState));
  });

  describe('fails when the decision differs', () => {
    it('then: other events', () => {
      expect(() =>
        given(pinsDecider)
          .when({ type: 'PinFilm', filmId: 'ran' })
          .then([pinned('ikiru')]),
      ).toThrow(AssertionError);
    });

    it('then: events expected from a command that changes nothing', () => {
      expect(() =>
        given(pinsDecider, [pinned('ran')])
          .when({ type: 'PinFilm', filmId: 'ran' })
          .then([pinned('ran')]),
      ).toThrow(AssertionError);
    });

    it('then: the command was refused', () => {
      expect(() =>
        given(pinsDecider, fourPinned).when({ type: 'PinFilm', filmId: 'ikiru' }).then([]),
      ).toThrow(DomainRuleViolation);
    });

    it('thenState: another state', () => {
      expect(() =>
        given(pinsDecider).when({ type: 'PinFilm', filmId: 'ran' }).thenState({ pinned: [] }),
      ).toThrow(AssertionError);
    });

    it('thenThrows: the command was decided', () => {
      expect(() =>
        given(pinsDecider).when({ type: 'PinFilm', filmId: 'ran' }).thenThrows(DomainRuleViolation),
      ).toThrow(AssertionError);
    });

    it('thenThrows: an error of another class', () => {
      class CommentRefused extends Error {}
      expect(() =>
        given(pinsDecider, fourPinned).when({ type: 'PinFilm', filmId: 'ikiru' }).thenThrows(CommentRefused),
      ).toThrow(/expected a CommentRefused, got DomainRuleViolation/);
    });

    it('thenThrows: the right class with another code', () => {
      expect(() =>
        given(pinsDecider, fourPinned)
          .when({ type: 'PinFilm', filmId: 'ikiru' })
          .thenThrows(DomainRuleViolation, { code: 'already-pinned' }),
      ).toThrow(AssertionError);
    });

    it('thenThrows: properties alone', () => {
      const refusal = given(pinsDecider, fourPinned).when({
        type: 'PinFilm',
        filmId: 'ikiru',
      });
      expect(() => refusal.thenThrows({ code: 'pins-full', name: 'DomainRuleViolation' })).not.toThrow();
      expect(() => refusal.thenThrows({ code: 'already-pinned' })).toThrow(AssertionError);
    });
  });
});
