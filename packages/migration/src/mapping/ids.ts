const MAX_LENGTH = 48;

/** A config id made of lowercase letters, digits and dashes, from a profile name. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? 'profile' : slug;
}

/** True for an id `slugify` could produce. */
export function isValidId(id: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= MAX_LENGTH + 8;
}

/** Gives each name a unique id: its slug, then `slug-2`, `slug-3`, … on collisions. */
export function createIdAllocator(): (name: string) => string {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return (name) => {
    const base = slugify(name);
    let id = base;
    let suffix = nextSuffix.get(base) ?? 2;
    while (taken.has(id)) {
      id = `${base}-${suffix}`;
      suffix += 1;
    }
    nextSuffix.set(base, suffix);
    taken.add(id);
    return id;
  };
}
