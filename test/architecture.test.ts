import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (entry === '__fixtures__' || entry === 'node_modules' || entry === 'dist') continue;
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) files.push(path);
  }
  return files;
}

const importsOf = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g,
    ),
  ].map((match) => match[1] ?? '');

describe('architecture', () => {
  it('core and vault main entries import no Node built-ins', () => {
    const offenders: string[] = [];
    for (const directory of ['packages/core/src', 'packages/vault/src']) {
      for (const file of sourceFiles(join(root, directory))) {
        if (relative(root, file).startsWith('packages/vault/src/node/')) continue;
        for (const specifier of importsOf(file)) {
          if (
            specifier.startsWith('node:') ||
            ['fs', 'path', 'crypto', 'http', 'os', 'child_process'].includes(specifier)
          ) {
            offenders.push(`${relative(root, file)} imports ${specifier}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('providers import only spec, http, errors, adapter and the OpenAI-compatible base', () => {
    const providersDirectory = join(root, 'packages/core/src/providers');
    const offenders: string[] = [];
    for (const file of sourceFiles(providersDirectory)) {
      const own = relative(providersDirectory, file).split('/')[0];
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) {
          offenders.push(`${relative(root, file)} imports package ${specifier}`);
          continue;
        }
        const target = relative(providersDirectory, join(file, '..', specifier));
        const [top] = target.split('/');
        const allowed =
          top === own ||
          top === 'openai-compatible' ||
          ['../spec', '../http', '../errors', '../adapter'].some((prefix) =>
            target.startsWith(prefix),
          );
        if (!allowed) offenders.push(`${relative(root, file)} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every provider folder has the role files', () => {
    const providersDirectory = join(root, 'packages/core/src/providers');
    const missing: string[] = [];
    for (const provider of readdirSync(providersDirectory)) {
      const files = readdirSync(join(providersDirectory, provider));
      // OpenAI-compatible kinds are configuration over the shared base: index and models suffice.
      const roles = ['openai', 'anthropic', 'google', 'ollama', 'openai-compatible'].includes(
        provider,
      )
        ? [
            'index.ts',
            'wire.ts',
            'request.ts',
            'response.ts',
            'stream.ts',
            'errors.ts',
            'models.ts',
          ]
        : ['index.ts'];
      for (const role of roles) if (!files.includes(role)) missing.push(`${provider}/${role}`);
    }
    expect(missing).toEqual([]);
  });

  it('server, migration and cli import sibling packages only through their public entries', () => {
    const offenders: string[] = [];
    for (const directory of ['packages/server/src', 'packages/migration/src', 'packages/cli/src']) {
      for (const file of sourceFiles(join(root, directory))) {
        for (const specifier of importsOf(file)) {
          if (
            /^@thinkbackcode\/[^/]+\/src/.test(specifier) ||
            /\.\.\/\.\.\/\.\.\/(core|vault|server|testing|migration)\//.test(specifier)
          ) {
            offenders.push(`${relative(root, file)} imports ${specifier}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no provider id is branched on outside the registry', () => {
    const offenders: string[] = [];
    const pattern =
      /(?:provider|type)\s*===?\s*['"](openai|anthropic|google|ollama|lmstudio|thinkbackcode)['"]/;
    for (const directory of [
      'packages/server/src',
      'packages/cli/src',
      'packages/core/src/adapter',
      'packages/core/src/stream',
      'packages/core/src/tools',
    ]) {
      for (const file of sourceFiles(join(root, directory))) {
        if (pattern.test(readFileSync(file, 'utf8'))) offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
