import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RouteName } from '../../../functions/_shared/routes.js';
import { TuopinError } from '../../kernel/errors.js';
import { signingIdentityMayCall } from '../../../functions/_shared/route-roles.js';

/**
 * The identities of the local API, as the deployed stack's IAM policies: `evaluation` (an app
 * team's role with the invoke policy) reaches every route but rule-set administration,
 * `policy-staff` (the policy-staff policy) reaches rule-set administration only, `approver`
 * (policy-staff and approver policies) also approves and rejects drafts — a second person.
 */
export const IDENTITY_NAMES = ['evaluation', 'policy-staff', 'approver'] as const;
export type IdentityName = (typeof IDENTITY_NAMES)[number];

/** An authenticated caller of the local API. */
export interface LocalIdentity {
  readonly name: IdentityName;
  readonly accessKeyId: string;
  /** What API Gateway puts in `requestContext.identity.userArn` for an IAM user. */
  readonly arn: string;
}

const KeysSchema = z.object({ accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/), secretAccessKey: z.string().min(30) });
// A file written before the approver identity existed has none: it is added (see ensureLocalCredentials).
const FileSchema = z.object({ evaluation: KeysSchema, 'policy-staff': KeysSchema, approver: KeysSchema.optional() });
export type CredentialsFile = z.output<typeof FileSchema> & { readonly approver: z.output<typeof KeysSchema> };

/** The local credentials file exists but cannot be used: it is not replaced, the user decides. */
export class CredentialsFileError extends TuopinError {
  constructor(file: string, options?: { cause?: unknown }) {
    super('CREDENTIALS_INVALID', `本地凭证文件 ${file} 无法读取，请修正或删除后重启 / the local credentials file ${file} cannot be read; fix or delete it and start again`, options);
  }
}

/** Who a request reaches the handlers as: a signing identity, or a person signed into the console. */
export interface LocalCaller {
  readonly name: string;
  readonly accessKeyId: string;
  readonly arn: string;
}

/**
 * A console session as the handlers see it: a caller named after its role, with an ARN of its
 * own, so that what it publishes is recorded as the console role's act.
 */
export function sessionCaller(role: string): LocalCaller {
  return { name: `console-${role}`, accessKeyId: 'CONSOLE-SESSION', arn: `arn:aws:iam::000000000000:user/tuopin-local/console/${role}` };
}

/** The ARN a local identity signs in as (account 000000000000, as DynamoDB Local uses). */
export function localArn(name: IdentityName): string {
  return `arn:aws:iam::000000000000:user/tuopin-local/${name}`;
}

/** True when the identity's IAM policy on AWS reaches the route. */
export function mayInvoke(name: IdentityName, route: RouteName): boolean {
  return signingIdentityMayCall(name, route);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function newKeys() {
  const id = [...randomBytes(16)].map((byte) => BASE32[byte % 32]).join('');
  return { accessKeyId: `AKIA${id}`, secretAccessKey: randomBytes(30).toString('base64') };
}

/**
 * The local credentials in `file`: read when it exists, otherwise created with random secrets,
 * readable by the owner only (0600). `created` says which, so serve can say so.
 */
export async function ensureLocalCredentials(file: string): Promise<{ credentials: CredentialsFile; created: boolean }> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new CredentialsFileError(file, { cause: error });
  });
  if (existing !== null) {
    let read: z.output<typeof FileSchema>;
    try {
      read = FileSchema.parse(JSON.parse(existing));
    } catch (error) {
      throw new CredentialsFileError(file, { cause: error });
    }
    if (read.approver) return { credentials: { ...read, approver: read.approver }, created: false };
    // Written before approvals: the approver's keys are added, the others kept as they are.
    const credentials: CredentialsFile = { ...read, approver: newKeys() };
    await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    return { credentials, created: false };
  }
  const credentials: CredentialsFile = { evaluation: newKeys(), 'policy-staff': newKeys(), approver: newKeys() };
  await mkdir(dirname(file), { recursive: true });
  // `wx`: a serve starting at the same moment keeps the file the other one wrote.
  const wrote = await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' }).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    },
  );
  return wrote ? { credentials, created: true } : ensureLocalCredentials(file);
}

/** The identity whose access key id this is, with its secret; undefined for an unknown key. */
export function identityOfKey(credentials: CredentialsFile, accessKeyId: string): { identity: LocalIdentity; secretAccessKey: string } | undefined {
  const name = IDENTITY_NAMES.find((candidate) => credentials[candidate].accessKeyId === accessKeyId);
  if (name === undefined) return undefined;
  return { identity: { name, accessKeyId, arn: localArn(name) }, secretAccessKey: credentials[name].secretAccessKey };
}
