import { TuopinError } from '../../kernel/errors.js';

// What the local API refuses before any handler runs. Each message is read by the person whose
// client was refused, so it says what to do, in zh and en; none repeats a secret or a signature.

/** The `Host` is not the loopback address serve listens on: a DNS-rebinding page, or a proxy. */
export class HostRefusedError extends TuopinError {
  constructor(host: string | undefined, expected: readonly string[]) {
    super('HOST_REFUSED', `拒绝请求：Host ${JSON.stringify(host ?? '')} 不是本服务的地址（${expected.join('、')}）/ refused: Host ${JSON.stringify(host ?? '')} is not this server's address (${expected.join(', ')})`);
  }
}

/** A browser sent the request from a page of another origin. */
export class OriginRefusedError extends TuopinError {
  constructor(origin: string, own: string) {
    super('ORIGIN_REFUSED', `拒绝跨站请求：来源 ${origin} 不是 ${own} / refused a cross-site request: origin ${origin} is not ${own}`);
  }
}

/** A POST body that is not declared as JSON (what an HTML form or a "simple" cross-site request sends). */
export class MediaTypeUnsupportedError extends TuopinError {
  constructor(contentType: string | undefined) {
    super('MEDIA_TYPE_UNSUPPORTED', `请求体须为 application/json，收到 ${JSON.stringify(contentType ?? '')} / the body must be application/json, got ${JSON.stringify(contentType ?? '')}`);
  }
}

export type SignatureFault = 'SIGNATURE_MISSING' | 'SIGNATURE_INVALID' | 'SIGNATURE_EXPIRED';

const SIGNATURE_TEXT: Record<SignatureFault, { zh: string; en: string }> = {
  SIGNATURE_MISSING: {
    zh: '请求未签名：请用 tuopin serve 启动时所列凭证文件中的密钥以 AWS SigV4（服务 execute-api）签名',
    en: 'the request is not signed: sign it with AWS SigV4 (service execute-api) using a key from the credentials file tuopin serve printed at start',
  },
  SIGNATURE_INVALID: {
    zh: '签名无效：访问密钥未知，或签名与请求（方法、路径、查询、已签名的头、请求体）不符',
    en: 'the signature is invalid: the access key is unknown, or the signature does not match the request (method, path, query, signed headers, body)',
  },
  SIGNATURE_EXPIRED: {
    zh: '签名已过期：X-Amz-Date 与本机时间相差超过 5 分钟',
    en: 'the signature has expired: X-Amz-Date is more than 5 minutes from this machine’s clock',
  },
};

/** The request is not signed, or not signed validly (403, as API Gateway answers). */
export class SignatureRefusedError extends TuopinError {
  constructor(
    readonly fault: SignatureFault,
    detail?: string,
  ) {
    const text = SIGNATURE_TEXT[fault];
    super(fault, `${text.zh} / ${text.en}${detail ? ` (${detail})` : ''}`);
  }
}

/** The identity is signed in but its IAM policy does not reach the route (403, as on AWS). */
export class AccessDeniedError extends TuopinError {
  constructor(identity: string, method: string, path: string) {
    super('ACCESS_DENIED', `身份 ${identity} 无权调用 ${method} ${path} / identity ${identity} is not allowed to invoke ${method} ${path}`);
  }
}
