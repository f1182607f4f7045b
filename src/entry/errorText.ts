// What an exception says, for a log row or a message beside the form that caused it.
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
