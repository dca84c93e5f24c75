import express, { Router, type RequestHandler } from 'express';
import { ServiceError } from '../errors.ts';

/** Keys that reach object prototypes in code that copies bodies around; refused wherever they appear. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A JSON body parser that refuses reserved keys at any depth, all three alike, before any route
 * sees the body (zod's strict objects refused `constructor` but let an own `__proto__` key through).
 */
export function jsonBody(limit: string): RequestHandler {
  const r = Router();
  r.use(express.json({ limit }), (req, _res, next) => {
    const key = reservedKey(req.body);
    next(key === null ? undefined : new ServiceError('bad_request', `the key "${key}" is not accepted in a request body`));
  });
  return r;
}

/** The first reserved key anywhere in a parsed JSON value, or null. Iterative: nesting depth costs no stack. */
export function reservedKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    for (const k of Object.keys(v)) {
      if (RESERVED.has(k)) return k;
      stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return null;
}
