import { fromBase64, toBase64 } from '../crypto/encoding.js';
import type { KeyStore } from '../stores/key-store.js';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { KeyVault } from '../vault/key-vault.js';
import type { KeyVaultOptions } from '../vault/vault-core.js';
import {
  check,
  entryRecordName,
  expectCode,
  fakeKey,
  findLeak,
  recordObject,
  recordsText,
  tamper,
} from './conformance-helpers.js';

/** Options of `runVaultConformance`. */
export interface ConformanceOptions {
  /** A new, empty store; `name` is unique per scenario (e.g. a database or file name). */
  createStore(name: string): KeyStore | Promise<KeyStore>;
  /** The store's bytes as persisted (file contents…); default: every record's text. */
  readRawBytes?(store: KeyStore): Promise<Uint8Array>;
  /** Vault options for every vault, e.g. `{ unsafeTestIterations: 1000 }` to keep tests quick. */
  vaultOptions?: Omit<KeyVaultOptions, 'store' | 'now'>;
}

/** Outcome of one scenario. `error` never contains a key or password. */
export interface ConformanceResult {
  name: string;
  passed: boolean;
  error?: string;
}

interface Scenario {
  store: KeyStore;
  clock: { now: number };
  open(): KeyVault;
  /** A vault with the same options over another store. */
  openOn(store: KeyStore): KeyVault;
  raw(): Promise<string>;
}

const password = 'conformance-password-Ω-1';

const scenarios: Record<string, (scenario: Scenario) => Promise<void>> = {
  'round trip with labels and defaults': async ({ open }) => {
    const vault = open();
    await vault.unlock(password);
    const [openai, anthropic, work] = [fakeKey('sk-'), fakeKey('sk-ant-'), fakeKey('sk-proj-')];
    await vault.store('openai', openai);
    await vault.store('anthropic', anthropic, { metadata: { note: 'team' } });
    await vault.store('openai', work, { label: 'work' });
    check((await vault.retrieve('openai')) === openai, 'default key of openai');
    check((await vault.retrieve('openai', { label: 'work' })) === work, 'labelled key');
    check((await vault.retrieve('anthropic')) === anthropic, 'anthropic key');
    check((await vault.retrieve('google')) === null, 'absent provider gives null');
    await vault.store('openai', work, { label: 'work', makeDefault: true });
    check((await vault.retrieve('openai')) === work, 'makeDefault switches the default');
    await vault.lock();
    const reopened = open();
    await reopened.unlock(password);
    check((await reopened.retrieve('anthropic')) === anthropic, 'key survives reopening');
    const list = await reopened.list();
    check(list.length === 3, 'list shows three keys');
    check(findLeak(JSON.stringify(list), [openai, anthropic, work]) === -1, 'list shows no key');
    check(await reopened.delete('openai', { label: 'work' }), 'delete reports a deletion');
    check((await reopened.retrieve('openai')) === openai, 'remaining key becomes reachable');
  },

  'raw stored bytes hold no key in any form': async ({ open, raw }) => {
    const vault = open();
    await vault.unlock(password);
    const keys = [fakeKey('sk-'), fakeKey('sk-ant-'), fakeKey('AIza'), fakeKey('tbc_')];
    for (const [index, key] of keys.entries()) await vault.store(`provider-${index}`, key);
    const rotated = fakeKey('sk-');
    await vault.rotate('provider-0', rotated);
    await vault.retrieve('provider-1');
    await vault.flush();
    const text = await raw();
    check(text.length > 0, 'store holds data');
    check(
      findLeak(text, [...keys, rotated, password]) === -1,
      'a key or the password is in the store',
    );
  },

  'wrong password is told apart at unlock': async ({ open }) => {
    const vault = open();
    await vault.unlock(password);
    await vault.store('openai', fakeKey('sk-'));
    await vault.lock();
    const other = open();
    await expectCode(() => other.unlock(`${password}x`), 'wrong_password', 'unlock');
    check(!other.isUnlocked(), 'stays locked after a wrong password');
    await other.unlock(password);
    check(other.isUnlocked(), 'right password unlocks');
  },

  'a flipped byte is an integrity error': async ({ open, store }) => {
    const vault = open();
    await vault.unlock(password);
    await vault.store('openai', fakeKey('sk-'));
    await vault.lock();
    await tamper(store, (records) => {
      const name = entryRecordName(records, 'openai');
      const entry = recordObject(records.get(name));
      const secret = (entry.current as { secret: { data: string } }).secret;
      const bytes = fromBase64(secret.data);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      secret.data = toBase64(bytes);
      records.set(name, JSON.stringify(entry));
    });
    const reopened = open();
    await reopened.unlock(password);
    await expectCode(() => reopened.retrieve('openai'), 'integrity', 'retrieve');
  },

  'swapped entries are an integrity error': async ({ open, store }) => {
    const vault = open();
    await vault.unlock(password);
    await vault.store('openai', fakeKey('sk-'));
    await vault.store('anthropic', fakeKey('sk-ant-'));
    await vault.lock();
    await tamper(store, (records) => {
      const [first, second] = [
        entryRecordName(records, 'openai'),
        entryRecordName(records, 'anthropic'),
      ];
      const [left, right] = [recordObject(records.get(first)), recordObject(records.get(second))];
      [left.current, right.current] = [right.current, left.current];
      records.set(first, JSON.stringify(left));
      records.set(second, JSON.stringify(right));
    });
    const reopened = open();
    await reopened.unlock(password);
    await expectCode(() => reopened.retrieve('openai'), 'integrity', 'retrieve openai');
    await expectCode(() => reopened.retrieve('anthropic'), 'integrity', 'retrieve anthropic');
  },

  'a locked vault refuses with locked': async ({ open }) => {
    const vault = open();
    const refusals = async (when: string) => {
      await expectCode(() => vault.store('openai', fakeKey('sk-')), 'locked', `store ${when}`);
      await expectCode(() => vault.retrieve('openai'), 'locked', `retrieve ${when}`);
      await expectCode(() => vault.list(), 'locked', `list ${when}`);
      await expectCode(() => vault.rotate('openai', fakeKey('sk-')), 'locked', `rotate ${when}`);
      await expectCode(() => vault.delete('openai'), 'locked', `delete ${when}`);
      await expectCode(() => vault.exportBundle('x-password'), 'locked', `export ${when}`);
      await expectCode(() => vault.encrypt('text'), 'locked', `encrypt ${when}`);
    };
    await refusals('before unlock');
    await vault.unlock(password);
    await vault.store('openai', fakeKey('sk-'));
    await vault.lock();
    check(!vault.isUnlocked(), 'isUnlocked is false after lock');
    await refusals('after lock');
  },

  'an expired key is never returned': async ({ open, clock }) => {
    const vault = open();
    await vault.unlock(password);
    const key = fakeKey('sk-');
    await vault.store('openai', key, { expiresAt: clock.now + 60_000 });
    check((await vault.retrieve('openai')) === key, 'returned before expiry');
    clock.now += 120_000;
    check((await vault.retrieve('openai')) === null, 'null after expiry');
    const [info] = await vault.list();
    check(info?.expired === true && info.expiresAt !== undefined, 'list shows the expiry');
    const log = await vault.getAuditLog();
    check(
      log.some((entry) => entry.action === 'key.retrieve' && entry.reason === 'expired'),
      'audit log records the expiry',
    );
  },

  'rotation keeps the previous version for rollback': async ({ open }) => {
    const vault = open();
    await vault.unlock(password);
    const [first, second, third] = [fakeKey('sk-'), fakeKey('sk-'), fakeKey('sk-')];
    await vault.store('openai', first);
    await vault.rotate('openai', second);
    check((await vault.retrieve('openai')) === second, 'rotated key is current');
    const [info] = await vault.list();
    check(
      info?.rotatedAt !== undefined && info.previousVersion?.version === 1,
      'list shows rotation',
    );
    const reopened = open();
    await reopened.unlock(password);
    await reopened.rollback('openai');
    check((await reopened.retrieve('openai')) === first, 'rollback restores the previous key');
    await reopened.rotate('openai', third);
    await reopened.removePreviousVersion('openai');
    check((await reopened.list())[0]?.previousVersion === undefined, 'previous version removed');
    await expectCode(() => reopened.rollback('openai'), 'not_found', 'rollback without previous');
    check((await reopened.retrieve('openai')) === third, 'current key unchanged');
  },

  'password change re-encrypts every entry': async ({ open }) => {
    const vault = open();
    await vault.unlock(password);
    const keys = [fakeKey('sk-'), fakeKey('sk-ant-')];
    await vault.store('openai', keys[0]!);
    await vault.store('anthropic', keys[1]!);
    await vault.rotate('anthropic', fakeKey('sk-ant-'));
    await expectCode(
      () => vault.changePassword('not-it', 'new-password-1'),
      'wrong_password',
      'change',
    );
    await vault.changePassword(password, 'new-password-1');
    check((await vault.retrieve('openai')) === keys[0], 'key readable after the change');
    const reopened = open();
    await expectCode(() => reopened.unlock(password), 'wrong_password', 'old password');
    await reopened.unlock('new-password-1');
    check((await reopened.retrieve('openai')) === keys[0], 'key readable with the new password');
    await reopened.rollback('anthropic');
    check((await reopened.retrieve('anthropic')) === keys[1], 'previous version re-encrypted too');
  },

  'export then import into an empty vault gives the same keys': async ({ open, openOn }) => {
    const vault = open();
    await vault.unlock(password);
    const keys = { openai: fakeKey('sk-'), anthropic: fakeKey('sk-ant-'), google: fakeKey('AIza') };
    for (const [provider, key] of Object.entries(keys)) await vault.store(provider, key);
    const configs = [{ provider: 'openai', baseUrl: 'https://api.openai.com/v1' }];
    const bundle = await vault.exportBundle('export-password-2', { providerConfigs: configs });
    check(findLeak(bundle, [...Object.values(keys), password]) === -1, 'bundle is not in clear');
    check(JSON.parse(bundle).kdf.iterations >= 1, 'bundle is an envelope');
    const target = openOn(new MemoryKeyStore());
    await target.unlock('another-password-3');
    await expectCode(() => target.importBundle(bundle, 'wrong'), 'wrong_password', 'import');
    const { report: dryRun } = await target.importBundle(bundle, 'export-password-2', {
      dryRun: true,
    });
    check(dryRun.dryRun && dryRun.added.length === 3, 'dry run reports three additions');
    check((await target.list()).length === 0, 'dry run writes nothing');
    const { report, providerConfigs } = await target.importBundle(bundle, 'export-password-2');
    check(report.added.length === 3, 'import adds three keys');
    check(JSON.stringify(providerConfigs) === JSON.stringify(configs), 'configs carried');
    check(report.providerConfigs[0]?.provider === 'openai', 'report names the configs');
    for (const [provider, key] of Object.entries(keys)) {
      check((await target.retrieve(provider)) === key, `same key for ${provider}`);
    }
    const { report: again } = await target.importBundle(bundle, 'export-password-2');
    check(
      again.unchanged.length === 3 && again.added.length === 0,
      'second import changes nothing',
    );
  },

  'two vaults on one store: a stale writer is refused and nothing is lost': async ({ open }) => {
    const [first, second] = [open(), open()];
    await first.unlock(password);
    await first.store('openai', fakeKey('sk-'));
    await second.unlock(password);
    await second.flush();
    // Only audit entries were added by `second`: `first` retries on the new head by itself.
    await first.store('anthropic', fakeKey('sk-ant-'));
    // `second` read the store before that write: its change is refused, then it has reloaded.
    await expectCode(() => second.store('google', fakeKey('AIza')), 'storage', 'stale write');
    await second.store('google', fakeKey('AIza'));
    await first.lock();
    await second.lock();
    const reader = open();
    await reader.unlock(password);
    const providers = (await reader.list()).map((info) => info.provider);
    check(providers.join() === 'anthropic,google,openai', `every write landed: ${providers}`);
    const verification = await reader.verifyAuditLog();
    check(verification.valid, 'the audit chain of both writers is intact');
    const actions = (await reader.getAuditLog()).map((entry) => entry.action);
    check(actions.filter((action) => action === 'key.store').length === 3, 'three stores audited');
  },

  'a password changed by another vault locks the stale one instead of mixing passwords': async ({
    open,
  }) => {
    const [first, second] = [open(), open()];
    await first.unlock(password);
    await first.store('openai', fakeKey('sk-'));
    await second.unlock(password);
    await second.changePassword(password, `${password}-new`);
    await expectCode(() => first.store('anthropic', fakeKey('sk-ant-')), 'locked', 'stale key');
    check(!first.isUnlocked(), 'the stale vault locked itself');
    await expectCode(() => first.unlock(password), 'wrong_password', 'old password refused');
    await first.unlock(`${password}-new`);
    await first.store('anthropic', fakeKey('sk-ant-'));
    const reader = open();
    await reader.unlock(`${password}-new`);
    check((await reader.retrieve('anthropic')) !== null, 'the key stored after re-unlock opens');
    check((await reader.retrieve('openai')) !== null, 'the re-keyed key opens');
    check((await reader.verifyAuditLog()).valid, 'audit chain intact');
  },

  'the audit chain detects an edited and a deleted entry': async ({ open, store }) => {
    const vault = open();
    await vault.unlock(password);
    await vault.store('openai', fakeKey('sk-'));
    await vault.retrieve('openai');
    await vault.retrieve('anthropic');
    await vault.lock();
    check((await vault.verifyAuditLog()).valid, 'intact chain verifies');
    const original = await store.readAll();
    const restore = () =>
      tamper(store, (records) => {
        records.clear();
        for (const [name, value] of original) records.set(name, value);
      });
    await tamper(store, (records) => {
      const entry = recordObject(records.get('audit/000000000003'));
      entry.outcome = entry.outcome === 'success' ? 'failure' : 'success';
      records.set('audit/000000000003', JSON.stringify(entry));
    });
    const edited = await vault.verifyAuditLog();
    check(!edited.valid && edited.problem?.reason === 'edited', 'edited entry detected');
    await restore();
    check((await vault.verifyAuditLog()).valid, 'restored chain verifies');
    await tamper(store, (records) => records.delete('audit/000000000002'));
    const deleted = await vault.verifyAuditLog();
    check(!deleted.valid && deleted.problem?.reason === 'missing', 'deleted entry detected');
    await restore();
    const last = [...original.keys()]
      .filter((name) => name.startsWith('audit/'))
      .sort()
      .pop();
    await tamper(store, (records) => records.delete(last ?? ''));
    check(!(await vault.verifyAuditLog()).valid, 'deleted last entry detected');
  },
};

/** Names of the scenarios `runVaultConformance` runs, in order. */
export const CONFORMANCE_SCENARIOS: readonly string[] = Object.keys(scenarios);

/**
 * Runs the vault's behavioural checks over a store: round trip, no key in the stored bytes,
 * wrong password, flipped byte, swapped entries, locking, expiry, rotation and rollback,
 * password change, export/import and the audit chain. Runs in Node and in browsers.
 */
export async function runVaultConformance(
  options: ConformanceOptions,
): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = [];
  for (const [index, [name, run]] of Object.entries(scenarios).entries()) {
    const store = await options.createStore(`conformance-${index}`);
    const clock = { now: Date.UTC(2026, 0, 1) };
    const scenario: Scenario = {
      store,
      clock,
      open: () => scenario.openOn(store),
      openOn: (target) =>
        new KeyVault({
          ...options.vaultOptions,
          store: target,
          now: () => clock.now,
          actor: 'test',
        }),
      raw: async () =>
        options.readRawBytes === undefined
          ? recordsText(store)
          : new TextDecoder('utf-8', { fatal: false }).decode(await options.readRawBytes(store)),
    };
    try {
      await run(scenario);
      results.push({ name, passed: true });
    } catch (error) {
      results.push({
        name,
        passed: false,
        error: error instanceof Error ? error.message : 'failed',
      });
    } finally {
      await store.close?.();
    }
  }
  return results;
}
