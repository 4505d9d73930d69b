import { beforeAll, describe, expect, it } from 'vitest';
import { TuopinError } from '../../src/kernel/errors.js';
import { apiEvent, bodyOf, lambdaContext } from './lambda-events.js';

beforeAll(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

const { httpHandler } = await import('../../functions/_shared/http-handler.js');

/** A GET /verdicts handler whose use case fails with `error`. */
const failingWith = (error: unknown) =>
  httpHandler('get-verdicts', async () => {
    throw error;
  });

const call = (handler: ReturnType<typeof failingWith>) =>
  handler(apiEvent('get-verdicts', { pathParameters: { subjectType: 'village', subjectId: 'V-1' } }), { ...lambdaContext(), awsRequestId: 'req-42' });

describe('the error handler of the API functions', () => {
  it('answers an unexpected error with a bare 500 that leaks neither message nor stack', async () => {
    const error = new Error('connect ECONNREFUSED 10.0.3.7:443 while reading tuopin-prod');
    error.stack = `${error.message}\n    at DynamoDBClient.send (/var/task/index.mjs:1:2)`;
    const response = await call(failingWith(error));
    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)).toEqual({ error: { code: 'INTERNAL', message: 'internal error', requestId: 'req-42' } });
    expect(response.body).not.toMatch(/ECONNREFUSED|tuopin-prod|\/var\/task|at /);
  });

  it('hides the message of a typed error whose code callers are not meant to see', async () => {
    const response = await call(failingWith(new TuopinError('STORE_READ', 'batch get from tuopin-prod failed for 3 key(s)')));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('tuopin-prod');
  });

  it('answers something thrown that is not an Error with a 500 too', async () => {
    expect((await call(failingWith('a string'))).statusCode).toBe(500);
  });

  it('maps each stable code to its status, with the error message', async () => {
    const cases: [string, number][] = [
      ['SUBJECT_NOT_FOUND', 404],
      ['RULE_SET_NOT_FOUND', 404],
      ['RULE_SET_CONFLICT', 409],
      ['INLINE_SUBJECT_UNSUPPORTED', 400],
      ['AUTHOR_UNKNOWN', 403],
      ['SIGNATURE_MISSING', 403],
      ['ACCESS_DENIED', 403],
      ['HOST_REFUSED', 421],
      ['MEDIA_TYPE_UNSUPPORTED', 415],
    ];
    for (const [code, status] of cases) {
      const response = await call(failingWith(new TuopinError(code, `about ${code}`)));
      expect(response.statusCode, code).toBe(status);
      expect(bodyOf(response)).toEqual({ error: { code, message: `about ${code}`, requestId: 'req-42' } });
    }
  });

  it('hands the use case the IAM principal of the event as the caller, userArn first', async () => {
    const seen: (string | null)[] = [];
    const handler = httpHandler('get-verdicts', async ({ caller }) => (seen.push(caller), {}));
    await call(handler);
    expect(seen).toEqual(['arn:aws-cn:sts::123456789012:assumed-role/other-app/app']);
  });

  it('answers a successful call with 200 and the result as JSON', async () => {
    const handler = httpHandler('get-verdicts', async ({ params }) => ({ echoed: params.subjectId }));
    const response = await call(handler);
    expect(response).toEqual({ statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"echoed":"V-1"}' });
  });
});
