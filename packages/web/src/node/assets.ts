import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the console's files live on disk. */
export interface WebConsoleDirectories {
  /** Hand-written files: `index.html`, `styles.css`, `favicon.svg`. */
  publicDirectory: string;
  /** The browser modules `tsc -p packages/web/tsconfig.json` compiles (`main.js`, views…). */
  appDirectory: string;
}

// This module sits two folders below the package root both as source (`src/node/`) and built
// (`dist/node/`), so the same relative URLs work in either.
/** Absolute paths of the console's `public/` folder and its compiled `dist/app/` folder. */
export const WEB_CONSOLE_FILES: Readonly<WebConsoleDirectories> = Object.freeze({
  publicDirectory: fileURLToPath(new URL('../../public/', import.meta.url)),
  appDirectory: fileURLToPath(new URL('../../dist/app/', import.meta.url)),
});

/** Content types of the files the console serves; any other extension is not served. */
export const WEB_CONSOLE_CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
});

/**
 * Headers to send with every console file: a strict CSP (the page has no inline script or style
 * and talks only to its own origin), no framing, no sniffing, no referrer.
 */
export const WEB_CONSOLE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy':
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
});

/** One console file read from disk. */
export interface WebConsoleFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * The file for a request path (`/` is `index.html`), looked up in `publicDirectory` then
 * `appDirectory`; `undefined` for anything else: unknown extensions, dot files, paths that leave
 * the folders, missing files.
 */
export async function readWebConsoleFile(
  pathname: string,
  directories: WebConsoleDirectories = WEB_CONSOLE_FILES,
): Promise<WebConsoleFile | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' || pathname === '' ? '/index.html' : pathname);
  } catch {
    return undefined;
  }
  if (relative.includes('\0') || relative.split(/[\\/]/).some((part) => part.startsWith('.'))) {
    return undefined;
  }
  const contentType = WEB_CONSOLE_CONTENT_TYPES[extname(relative)];
  if (contentType === undefined) return undefined;
  for (const directory of [directories.publicDirectory, directories.appDirectory]) {
    const root = normalize(directory + sep);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return undefined;
    try {
      return { body: await readFile(file), contentType };
    } catch {
      // Not in this folder: try the next one.
    }
  }
  return undefined;
}
