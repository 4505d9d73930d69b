/*
 * What one execution's history would hold on Step Functions, counted from the local
 * interpreter's event log: 2 events for the execution (started, succeeded or failed), 2 per
 * state (entered, exited), and per attempt of a Lambda task 3 (scheduled, started, succeeded or
 * failed) and of a Distributed Map 2 (Map Run started, succeeded or failed). A Distributed Map's
 * children are executions of their own, each with its own history and 25,000-event limit.
 */

/** The kinds of state whose attempts add events beyond entering and leaving. */
export type AttemptKind = 'lambda' | 'distributed-map';
const EVENTS_PER_ATTEMPT: Readonly<Record<AttemptKind, number>> = { lambda: 3, 'distributed-map': 2 };

/** One execution: its name, whether it is a Map's child, its events as Step Functions counts them, its largest state payload. */
export interface ExecutionHistory {
  readonly name: string;
  readonly child: boolean;
  events: number;
  /** UTF-8 bytes of the largest state input or output, or execution input or output (the 256 KiB limit's measure). */
  largestPayloadBytes: number;
  /** Failed attempts that a Retry took up again. */
  retries: number;
}

type LocalEvent = { type: string; input?: unknown; output?: unknown; state?: { name: string; input?: unknown; output?: unknown } };

const bytes = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));

/** Counts an execution's events as they come; `kinds` names the states that count per attempt. */
export async function recordHistory(history: ExecutionHistory, events: AsyncIterable<unknown>, kinds: ReadonlyMap<string, AttemptKind>): Promise<void> {
  const attempt = (name: string) => {
    const kind = kinds.get(name);
    return kind === undefined ? 0 : EVENTS_PER_ATTEMPT[kind];
  };
  for await (const raw of events) {
    const event = raw as LocalEvent;
    const payload = Math.max(bytes(event.input), bytes(event.output), bytes(event.state?.input), bytes(event.state?.output));
    history.largestPayloadBytes = Math.max(history.largestPayloadBytes, payload);
    switch (event.type) {
      case 'ExecutionStarted':
      case 'ExecutionSucceeded':
      case 'ExecutionFailed':
      case 'ExecutionTerminated':
      case 'StateEntered':
      case 'StateCaught':
        history.events += 1;
        break;
      case 'StateExited':
        history.events += 1 + attempt(event.state!.name);
        break;
      case 'StateFailed':
        history.events += attempt(event.state!.name);
        break;
      case 'StateRetried':
        history.retries += 1;
        break;
      default:
        break;
    }
  }
}

/** The figures of a run: its executions, the most events in one, the largest payload anywhere. */
export function historySummary(histories: readonly ExecutionHistory[]) {
  const parent = histories.filter((h) => !h.child);
  const children = histories.filter((h) => h.child);
  return {
    executions: histories.length,
    parentEvents: parent.reduce((sum, h) => sum + h.events, 0),
    mostEventsInAChild: children.reduce((most, h) => Math.max(most, h.events), 0),
    childEvents: children.reduce((sum, h) => sum + h.events, 0),
    largestPayloadBytes: histories.reduce((most, h) => Math.max(most, h.largestPayloadBytes), 0),
    retries: histories.reduce((sum, h) => sum + h.retries, 0),
  };
}
