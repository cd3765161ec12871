import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Max, Min } from 'class-validator';
import request from 'supertest';
import { DomainRuleViolation } from '#decider';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '#event-store';
import { startTestApp, type TestApp } from './support/test-app.js';
import { Public } from '../src/common/auth/index.js';
import { PROBLEM_JSON } from './support/problems.js';

class RateFilmRequest {
  @IsString()
  filmId!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  stars!: number;
}

/** Test-only routes that fail in each way the API must answer. */
@Public()
@Controller('error-probe')
class ErrorProbeController {
  @Post('ratings')
  @HttpCode(201)
  rate(@Body() body: RateFilmRequest): RateFilmRequest {
    return body;
  }

  @Get('rule')
  rule(): never {
    throw new DomainRuleViolation('cannot-follow-yourself', 'You cannot follow yourself.');
  }

  @Get('conflict')
  conflict(): never {
    throw new WrongExpectedVersionError('filmlog-u.f', 1n, 2n);
  }

  @Get('store-down')
  storeDown(): never {
    throw new EventStoreUnavailableError('no answer from the event store');
  }

  @Get('database-down')
  databaseDown(): never {
    throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432'), { code: 'ECONNREFUSED' });
  }

  @Get('bug')
  bug(): never {
    throw new Error('internal detail: table users_secret at /srv/app/src/x.ts:12');
  }
}

@Module({ controllers: [ErrorProbeController] })
class ErrorProbeModule {}

describe('errors are problem+json', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({ imports: [ErrorProbeModule] });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('an unknown route is a 404 problem', async () => {
    const response = await http().get('/api/v1/no-such-route').expect(404);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /api/v1/no-such-route',
    });
  });

  it('an unknown path outside the prefix is a 404 problem too', async () => {
    const response = await http().get('/favicon.ico').expect(404);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.status).toBe(404);
  });

  it('a valid body reaches the handler, typed', async () => {
    const response = await http()
      .post('/api/v1/error-probe/ratings')
      .send({ filmId: 'f-1', stars: 8 })
      .expect(201);

    expect(response.body).toEqual({ filmId: 'f-1', stars: 8 });
  });

  it('a malformed JSON body is a 400 problem', async () => {
    const response = await http()
      .post('/api/v1/error-probe/ratings')
      .set('Content-Type', 'application/json')
      .send('{"filmId": "f-1", "stars": ')
      .expect(400);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
  });

  it('invalid fields are a 400 naming every bad field, unknown fields included', async () => {
    const response = await http()
      .post('/api/v1/error-probe/ratings')
      .send({ stars: 11, owner: 'someone' })
      .expect(400);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['filmId', 'owner', 'stars']);
  });

  it('a body over the limit is a 413 problem', async () => {
    const response = await http()
      .post('/api/v1/error-probe/ratings')
      .send({ filmId: 'x'.repeat(200_000), stars: 1 })
      .expect(413);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('a refusal by a domain rule is a 422 problem carrying the rule code', async () => {
    const response = await http().get('/api/v1/error-probe/rule').expect(422);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ status: 422, code: 'cannot-follow-yourself' });
  });

  it('a concurrency conflict is a 409 problem', async () => {
    const response = await http().get('/api/v1/error-probe/conflict').expect(409);

    expect(response.body).toMatchObject({ status: 409, title: 'Conflict' });
  });

  it('an unreachable event store or database is a 503 problem', async () => {
    const store = await http().get('/api/v1/error-probe/store-down').expect(503);
    const database = await http().get('/api/v1/error-probe/database-down').expect(503);

    expect(store.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(database.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(database.text).not.toContain('10.0.0.9');
  });

  it('an unexpected error is a 500 problem that says nothing of the inside', async () => {
    const response = await http().get('/api/v1/error-probe/bug').expect(500);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
    expect(response.text).not.toMatch(/users_secret|x\.ts|at /);
  });

  it('security headers are set', async () => {
    const response = await http().get('/health').expect(200);

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
