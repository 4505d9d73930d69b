import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ROUTES, type RouteSpec } from '../../../functions/_shared/routes.js';

/** Where the document is kept; a test fails when it differs from what the schemas generate. */
export const OPENAPI_FILE = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

type Json = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses it) of what a caller may send. */
function schemaOf(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Json;
  return rest;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** JSON Schema of what the API answers. */
function responseSchema(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json;
  return rest;
}

/** A body whose schema requires no field may be left out (it reads as `{}`). */
function requestBody(body: z.ZodType): Json {
  const schema = schemaOf(body);
  const required = Array.isArray(schema.required) && schema.required.length > 0;
  return { required, content: { 'application/json': { schema } } };
}

function operation(name: string, route: RouteSpec): Json {
  const params = route.params ? (schemaOf(route.params) as { properties: Record<string, Json> }).properties : {};
  const parameters: Json[] = Object.entries(params).map(([param, schema]) => ({ name: param, in: 'path', required: true, schema }));
  if (route.query) {
    const query = schemaOf(route.query) as { properties: Record<string, Json>; required?: string[] };
    for (const [param, schema] of Object.entries(query.properties)) parameters.push({ name: param, in: 'query', required: query.required?.includes(param) ?? false, schema });
  }
  if (route.idempotencyKey) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Makes retries safe: a repeat with the same key and body replays the first response; with another body it is refused (409).',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  return {
    operationId: name,
    summary: route.summary,
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: requestBody(route.body) } : {}),
    responses: {
      200: route.binary
        ? { description: 'The file, with a Content-Disposition naming it', content: { [route.binary]: { schema: { type: 'string', format: 'binary', contentMediaType: route.binary } } } }
        : { description: 'The result (see docs/api.md for examples)', content: { 'application/json': { schema: responseSchema(route.response) } } },
      400: errorResponse('The request is invalid (REQUEST_INVALID lists every issue with its field path), or asks what the standard cannot judge'),
      403: { description: 'The request is not signed (SigV4) by a principal whose policy reaches this route, or the console session has no role that may; tuopin serve also answers 403 to a foreign Origin' },
      404: errorResponse('The subject, village, rule set or verdicts do not exist'),
      409: errorResponse('A request with this Idempotency-Key is in progress, or the key was used with another body'),
      500: errorResponse('An internal error; quote the requestId'),
    },
  };
}

/** The OpenAPI 3.1 document of the API: every request part is generated from the zod schemas of functions/_shared/routes.ts. */
export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const [name, route] of Object.entries(ROUTES) as [string, RouteSpec][]) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(name, route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tuopin evaluation API', version: '1', description: 'On-demand judgement of the poverty-exit standards. See docs/api.md.' },
    servers: [
      { url: 'https://{apiId}.execute-api.{region}.{domain}/{stage}', variables: { apiId: { default: 'api-id' }, region: { default: 'cn-north-1' }, domain: { default: 'amazonaws.com.cn' }, stage: { default: 'prod', enum: ['dev', 'prod'] } } },
      { url: 'http://127.0.0.1:8080', description: 'tuopin serve: SigV4 with the local credentials it prints (see docs/api.md)' },
    ],
    security: [{ sigv4: [] }],
    paths,
    components: {
      securitySchemes: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'requestId'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                requestId: { type: 'string' },
                issues: {
                  type: 'array',
                  items: { type: 'object', required: ['in', 'path', 'message'], properties: { in: { enum: ['body', 'path', 'query', 'header'] }, path: { type: 'string' }, message: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  };
}

/** The document as written to docs/openapi.json. */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

// `node --import tsx src/cli/http-openapi.ts` rewrites docs/openapi.json.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(OPENAPI_FILE, openApiText());
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}
