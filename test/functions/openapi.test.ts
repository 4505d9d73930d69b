import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/_shared/routes.js';
import { OPENAPI_FILE, openApiDocument, openApiText } from '../../src/cli/serve/openapi.js';

describe('docs/openapi.json', () => {
  it('is what the request schemas generate (regenerate with: node --import tsx src/cli/serve/openapi.ts)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApiText());
  });

  it('documents every route, signed with SigV4', () => {
    const document = openApiDocument() as { paths: Record<string, Record<string, unknown>>; security: unknown };
    for (const route of Object.values(ROUTES)) expect(document.paths[route.path]?.[route.method.toLowerCase()], route.path).toBeDefined();
    expect(document.security).toEqual([{ sigv4: [] }]);
  });

  it('takes the inline record from the data contract, down to a member age', () => {
    const body = (openApiDocument() as any).paths['/evaluations'].post.requestBody.content['application/json'].schema;
    expect(body.properties.record.properties.members.anyOf[0].items.properties.age.anyOf[0]).toMatchObject({ type: 'integer', minimum: 0 });
    expect(body.additionalProperties).toBe(false);
  });
});
