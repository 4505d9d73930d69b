import { beforeAll, describe, expect, it } from 'vitest';
import { allowConsoleOrigin, parseConsoleOrigin } from '../../functions/_shared/console-origin.js';
import { TuopinError } from '../../src/kernel/errors.js';
import { apiEvent, lambdaContext } from './lambda-events.js';

const ORIGIN = 'https://d1234abcd.cloudfront.net';

beforeAll(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  // As the stack sets it on every API function (infra/constructs/web-console.ts).
  process.env.CONSOLE_ORIGIN = ORIGIN;
});

const { httpHandler } = await import('../../functions/_shared/http-handler.js');
const event = () => apiEvent('get-verdicts', { pathParameters: { subjectType: 'village', subjectId: 'V-1' } });

describe("the console's origin on AWS", () => {
  it('is an https origin without a path, or absent', () => {
    expect(parseConsoleOrigin({})).toBeUndefined();
    expect(parseConsoleOrigin({ CONSOLE_ORIGIN: ORIGIN })).toBe(ORIGIN);
    for (const bad of ['http://d1234abcd.cloudfront.net', `${ORIGIN}/`, `${ORIGIN}/console`, 'd1234abcd.cloudfront.net']) {
      expect(() => parseConsoleOrigin({ CONSOLE_ORIGIN: bad }), bad).toThrow(/CONSOLE_ORIGIN/);
    }
  });

  it('leaves a response alone where there is none (tuopin serve, same origin)', () => {
    const response = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
    expect(allowConsoleOrigin(response, undefined)).toBe(response);
  });

  it('is named on the answers of an API function, refusals included, so the browser lets the console read them', async () => {
    const ok = await httpHandler('get-verdicts', async () => ({ verdicts: [] }))(event(), lambdaContext());
    expect(ok.statusCode).toBe(200);
    expect(ok.headers).toMatchObject({ 'access-control-allow-origin': ORIGIN, vary: 'Origin', 'content-type': 'application/json; charset=utf-8' });
    const refused = await httpHandler('get-verdicts', async () => {
      throw new TuopinError('SUBJECT_NOT_FOUND', 'no village V-1');
    })(event(), lambdaContext());
    expect(refused.statusCode).toBe(404);
    expect(refused.headers).toMatchObject({ 'access-control-allow-origin': ORIGIN });
    expect(refused.headers).not.toHaveProperty('access-control-allow-credentials');
  });

  it('exposes Content-Disposition, so the console can save report.xlsx under the name the API gives', () => {
    const file = { statusCode: 200, headers: { 'content-disposition': "attachment; filename*=UTF-8''x.xlsx" }, body: '', isBase64Encoded: true };
    expect(allowConsoleOrigin(file, ORIGIN).headers).toMatchObject({ 'access-control-expose-headers': 'Content-Disposition' });
  });
});
