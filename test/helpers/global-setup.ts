/** Global test setup: nothing shared yet; storage tests start their own loopback server. */
export default function setup(): void {}
