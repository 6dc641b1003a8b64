import type { SourceProfile } from '../mapping/map-profile.js';
import type { SourceFormat } from '../types.js';

/** A source file read into one shape, whatever its format. */
export interface SourceDocument {
  format: SourceFormat;
  /** Profiles in source order, names unique. */
  profiles: SourceProfile[];
  /** Name of the active profile, when the source names one that exists. */
  activeProfile?: string;
  /** Mode → profile name. */
  modes: Record<string, string>;
  /** Problems of the document as a whole. */
  warnings: string[];
}

/**
 * Makes profile names unique in source order: a repeated name becomes `name (2)`, `name (3)`, …
 * with a warning, so no profile is silently replaced by another.
 */
export function createNameRegistry(warnings: string[]): (name: string) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let suffix = 2;
    while (seen.has(`${name} (${suffix})`)) suffix += 1;
    const renamed = `${name} (${suffix})`;
    seen.add(renamed);
    warnings.push(`Two profiles are named "${name}"; the later one was renamed "${renamed}"`);
    return renamed;
  };
}
