import { z } from 'zod';
import { ServiceError } from '../errors.ts';

/** Parses an unknown payload or throws a bad_request naming the first problems in plain words. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  throw new ServiceError('bad_request', problems.join('; '), { issues: r.error.issues.slice(0, 20) });
}
