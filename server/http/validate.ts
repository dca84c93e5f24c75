import { z } from 'zod';
import { invalidInput } from '../errors.ts';

/** Parses an unknown payload or throws a bad_request naming the first problems in plain words. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalidInput(r.error, 'body');
}
