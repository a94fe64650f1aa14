/// The French speller the fast pass gives the spelling rule, loaded once per process; null while
/// none is available (the spelling rule then finds nothing).
import "server-only";

let loading: Promise<unknown | null> | null = null;

export function loadSpeller(): Promise<unknown | null> {
  loading ??= Promise.resolve(null);
  return loading;
}
