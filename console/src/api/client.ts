import type { paths } from './schema.js';
import { fileNameOf } from './saved-file.js';
import { send } from './transport.js';

/** The 200 body of a GET route, as docs/openapi.json documents it. */
export type Ok<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer B } } } } } ? B : never;

/** An answer of the API other than 200: its status and the error body's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? { [K in Name | keyof PathParams<Rest>]: string } : {};

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/**
 * GETs a documented route. The path is a key of the generated `paths` (so a route that the API
 * does not document does not compile), and the body is typed from its response schema. The
 * session cookie goes with it locally, a SigV4 signature on AWS (transport.ts).
 */
export async function get<P extends keyof paths & string>(path: P, params: PathParams<P>, query: Record<string, string> = {}): Promise<Ok<P>> {
  const search = new URLSearchParams(query).toString();
  const response = await send(`${fill(path, params as Record<string, string>)}${search ? `?${search}` : ''}`, { method: 'GET', headers: { accept: 'application/json' } });
  return (await answer(response)) as Ok<P>;
}

/** POSTs a JSON body to a documented route. */
export async function post<P extends keyof paths & string>(path: P, params: PathParams<P>, body: unknown): Promise<unknown> {
  const response = await send(fill(path, params as Record<string, string>), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return answer(response);
}

/**
 * GETs a documented file route (report.xlsx), signed like any other call: its bytes and the name
 * to save them under, from Content-Disposition. `mediaType` goes as Accept, which API Gateway
 * needs to send a binary body as bytes.
 */
export async function getFile<P extends keyof paths & string>(path: P, params: PathParams<P>, mediaType: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(fill(path, params as Record<string, string>), { method: 'GET', headers: { accept: mediaType } });
  if (!response.ok) await answer(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName) };
}

async function answer(response: Response): Promise<unknown> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? String(response.status), body?.error?.message ?? response.statusText);
  return body;
}
