import type { z } from 'zod';
import type { ApiError, ErrorCode } from '../shared/protocol.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  stale_version: 409,
  rate_limited: 429,
  protocol_mismatch: 400,
  internal: 500,
};

/** An error with a stable code that both HTTP and socket acknowledgements report as is. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** HTTP status when the code's own is not precise enough (413 for a file over an import limit). */
    private readonly statusOverride?: number,
  ) {
    super(message);
  }
  get status(): number {
    // Engine refusals (not_running, no_next_segment…) are valid requests the state does not allow.
    return this.statusOverride ?? STATUS[this.code] ?? 409;
  }
  toJSON(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * A payload that failed its schema, as the bad_request every way in reports: the first problems in
 * plain words (`segments.2.title: …`, or `what` for the payload as a whole), the issues as details.
 */
export function invalidInput(error: z.ZodError, what: string): ServiceError {
  const problems = error.issues.slice(0, 5).map((i) => `${i.path.join('.') || what}: ${i.message}`);
  return new ServiceError('bad_request', problems.join('; '), { issues: error.issues.slice(0, 20) });
}
