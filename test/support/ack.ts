import type { Ack, ApiError } from '../../shared/protocol.ts';

/** The data of an acknowledgement that must have succeeded; otherwise the test fails with the server's error. */
export function expectOk<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

/** The error of an acknowledgement that must have been refused. */
export function expectRefused(ack: Ack<unknown>): ApiError {
  if (ack.ok) throw new Error(`expected a refusal, got ok: ${JSON.stringify(ack.data).slice(0, 200)}`);
  return ack.error;
}
