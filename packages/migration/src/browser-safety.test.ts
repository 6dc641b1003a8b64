import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const source = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node' || entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the main entry is browser-safe', () => {
  it('imports no Node built-in outside src/node', () => {
    const files = sourceFiles(source);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /from '(?:node:[^']+|fs|path|os|crypto|util|buffer)'|\bprocess\.|\bBuffer\./.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders.map((file) => relative(source, file))).toEqual([]);
  });

  it('imports other packages by name only', () => {
    const offenders = sourceFiles(source).filter((file) =>
      /from '\.\.\/\.\.\/(?:core|vault)/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
