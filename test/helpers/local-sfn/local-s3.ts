import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An S3-compatible server on loopback that speaks the three calls a nightly run makes:
 * PutObject, GetObject and HeadObject, path-style (`/bucket/key`), for any bucket. Objects
 * live in memory for the server's life. The S3 client of src/adapters/s3 talks to it over HTTP
 * as it talks to S3 (`S3_ENDPOINT`), so the adapter's requests and error mapping are exercised.
 * Signatures are not checked: nothing here is reachable off the machine.
 */
export interface LocalS3 {
  readonly endpoint: string;
  /** Every object, by `bucket/key`. */
  readonly objects: ReadonlyMap<string, Buffer>;
  close(): Promise<void>;
}

function noSuchKey(response: ServerResponse, key: string): void {
  response.writeHead(404, { 'content-type': 'application/xml' });
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${key}</Key></Error>`);
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the server on a free loopback port. */
export async function startLocalS3(): Promise<LocalS3> {
  const objects = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname.slice(1));
    if (!path.includes('/')) {
      response.writeHead(501).end();
      return;
    }
    if (request.method === 'PUT') {
      void body(request).then((content) => {
        objects.set(path, content);
        response.writeHead(200, { etag: `"${content.length.toString(16)}"` }).end();
      });
      return;
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      const content = objects.get(path);
      if (content === undefined) return noSuchKey(response, path);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(content.length) });
      response.end(request.method === 'GET' ? content : undefined);
      return;
    }
    response.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
