import type { ComponentValue } from '../types.js';

/** One probe: its components, or nothing when it fails. It may be async; values are checked by {@link keepValid}. */
export type Probe = () => Record<string, unknown> | Promise<Record<string, unknown>>;

/** Only strings, finite numbers and booleans are kept; anything else is treated as a failed probe. */
export function keepValid(values: Record<string, unknown>): Record<string, ComponentValue> {
  const kept: Record<string, ComponentValue> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      kept[name] = value;
    }
  }
  return kept;
}
