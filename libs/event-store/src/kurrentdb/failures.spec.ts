import { AccessDeniedError, DeadlineExceededError, UnavailableError } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../errors.js';
import { guard, isPermanent, isUnavailable, toStoreError } from './failures.js';

const rawGrpcUnavailable = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
  code: 14,
});

describe('kurrentdb failures', () => {
  it("recognises an unreachable server in both of the client's shapes", () => {
    expect(isUnavailable(new UnavailableError())).toBe(true);
    expect(isUnavailable(rawGrpcUnavailable)).toBe(true);
    expect(isUnavailable(new DeadlineExceededError())).toBe(false);
    expect(isUnavailable(new Error('boom'))).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
  });

  it('maps an unreachable server to EventStoreUnavailableError, keeping the cause', async () => {
    const mapped = toStoreError(rawGrpcUnavailable);
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as Error).cause).toBe(rawGrpcUnavailable);
    await expect(guard(() => Promise.reject(new UnavailableError()))).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    const other = new Error('boom');
    await expect(guard(() => Promise.reject(other))).rejects.toBe(other);
  });

  it('treats refused access as permanent and an outage as passing', () => {
    expect(isPermanent(new AccessDeniedError())).toBe(true);
    expect(isPermanent(new UnavailableError())).toBe(false);
    expect(isPermanent(null)).toBe(false);
  });
});
