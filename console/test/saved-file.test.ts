import { describe, expect, it } from 'vitest';
import { fileNameOf, XLSX } from '../src/api/saved-file.js';
import { signedRequest } from '../src/api/sigv4-signer.js';
import { fileResponse } from '../../functions/_shared/json-response.js';
import { verifySignature } from '../../src/cli/serve/sigv4-verify.js';
import { AWS_CONFIG } from './aws-config.js';

const CONFIG = AWS_CONFIG;
const KEYS = { accessKeyId: 'ASIACONSOLETEST0002', secretAccessKey: 'YW5vdGhlci1zZWNyZXQtb2YtdGhlLXJvbGU', sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaDmNuLW5vcnRoLTEtdGVzdA==' };
const NOW = new Date('2026-11-30T14:00:00Z');

describe("the report's file name", () => {
  it('is the UTF-8 name the API sends, so the Chinese name survives', () => {
    const header = fileResponse('色达县2018Q4评估报告.xlsx', XLSX, Buffer.from('')).headers!['content-disposition'] as string;
    expect(fileNameOf(header, 'fallback.xlsx')).toBe('色达县2018Q4评估报告.xlsx');
  });

  it('falls back to the plain name, then to the given one', () => {
    expect(fileNameOf('attachment; filename="report.xlsx"', 'x.xlsx')).toBe('report.xlsx');
    expect(fileNameOf("attachment; filename=\"r.xlsx\"; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('r.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameOf('attachment', 'x.xlsx')).toBe('x.xlsx');
  });
});

describe('the signed download of report.xlsx on AWS', () => {
  it('is a GET to the invoke URL under its stage, asking for the workbook type, signed, with no body and no cookie', async () => {
    const path = '/counties/513336/quarters/2018Q4/report.xlsx';
    const { url, request } = await signedRequest(CONFIG, path, { method: 'GET', headers: { accept: XLSX } }, KEYS, NOW);
    expect(url).toBe(`https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod${path}`);
    expect(request).toMatchObject({ method: 'GET', credentials: 'omit' });
    expect(request).not.toHaveProperty('body');
    const headers = request.headers as Record<string, string>;
    // API Gateway sends the base64 body back as bytes only when Accept names a binary media type.
    expect(headers.accept).toBe(XLSX);
    expect(headers).not.toHaveProperty('host');
    expect(headers['x-amz-security-token']).toBe(KEYS.sessionToken);
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIACONSOLETEST0002\/20261130\/cn-north-1\/execute-api\/aws4_request, SignedHeaders=accept;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
    const received = Object.fromEntries(Object.entries({ ...headers, host: new URL(url).host }).map(([name, value]) => [name.toLowerCase(), value]));
    const verified = await verifySignature({ method: 'GET', path: new URL(url).pathname, query: {}, headers: received, body: '' }, (id) => (id === KEYS.accessKeyId ? KEYS.secretAccessKey : undefined), NOW);
    expect(verified).toBe(KEYS.accessKeyId);
  });
});
