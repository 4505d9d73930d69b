import type { APIGatewayProxyResult } from 'aws-lambda';

/** An API Gateway proxy response with a JSON body. */
export function jsonResponse(statusCode: number, body: unknown): APIGatewayProxyResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/**
 * A 200 file download: the bytes base64-encoded (API Gateway decodes them for a binary media
 * type), saved under `fileName` — an ASCII fallback name, and the UTF-8 name (RFC 6266) that
 * browsers show, so a Chinese file name survives.
 */
export function fileResponse(fileName: string, contentType: string, bytes: Buffer): APIGatewayProxyResult {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
    body: bytes.toString('base64'),
    isBase64Encoded: true,
  };
}
