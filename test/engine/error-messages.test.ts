import { describe, expect, it } from 'vitest';
import { errorMessageKey } from '../../shared/i18n/index.ts';
import type { ErrorCode } from '../../shared/protocol.ts';
import { REFUSALS, type Refusal } from '../../shared/engine/run.ts';

// A record so that a new error code does not compile until it is listed here.
const REQUEST_ERRORS: Record<Exclude<ErrorCode, Refusal>, true> = {
  bad_request: true,
  unauthorized: true,
  forbidden: true,
  stale_version: true,
  not_found: true,
  rate_limited: true,
  protocol_mismatch: true,
  internal: true,
  segment_running: true,
  stage_has_run: true,
  offline: true,
  timeout: true,
};

describe('error code → message', () => {
  it('an engine refusal reads as the refusal, a request error as the error', () => {
    expect(errorMessageKey('no_next_segment')).toBe('refusal.no_next_segment');
    expect(errorMessageKey('stale_version')).toBe('error.stale_version');
    expect(errorMessageKey('offline')).toBe('error.offline');
  });
  it('a code this version has no words for gets none, so the caller shows the server message', () => {
    expect(errorMessageKey('from_a_newer_server')).toBeNull();
  });
  it('every code the protocol names has words', () => {
    const codes: string[] = [...REFUSALS, ...Object.keys(REQUEST_ERRORS)];
    expect(codes.filter((c) => errorMessageKey(c) === null)).toEqual([]);
  });
});
