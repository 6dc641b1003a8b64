const storageKey = 'thinkbackcode.adminToken';

/**
 * The admin token for this browser tab. It lives in `sessionStorage` (gone when the tab closes,
 * never shared with other tabs) and never in `localStorage`, cookies or the URL.
 */
export const adminSession = {
  /** The stored token, or undefined when signed out. */
  token(): string | undefined {
    const token = sessionStorage.getItem(storageKey);
    return token === null || token === '' ? undefined : token;
  },
  signIn(token: string): void {
    sessionStorage.setItem(storageKey, token);
  },
  signOut(): void {
    sessionStorage.removeItem(storageKey);
  },
};

/** Secrets that live only in this page's memory (the playground's gateway key). */
export const memorySecrets: { gatewayKey: string } = { gatewayKey: '' };
