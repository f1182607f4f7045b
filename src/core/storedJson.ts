// Stored text (a property, a ledger cell) read back as the shape it was written in, or null: damaged or foreign
// text is never trusted and never throws.
import type * as z from 'zod/mini';

/** `raw` parsed as JSON and checked against `schema`; null when it is empty, not JSON, or not that shape. */
export function storedJson<T>(raw: string | null, schema: z.ZodMiniType<T>): T | null {
  if (!raw) return null;
  try {
    const r = schema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
