/** The TTL attribute of the table: only idempotency records carry it, so no domain item ever expires. */
export const IDEMPOTENCY_EXPIRY_ATTRIBUTE = 'expiration';

/** The partition of a function's idempotency records (the sort key is Powertools' hashed key). */
export const idempotencyPartition = (keyPrefix: string) => `IDEMPOTENCY#${keyPrefix}`;
