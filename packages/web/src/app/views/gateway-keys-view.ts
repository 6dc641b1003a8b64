import type { CreatedGatewayKey, GatewayKeyOptions, GatewayKeyRecord } from '../api-types.js';
import { button, clear, element, field, statusLine, table } from '../dom.js';
import { formatTime } from '../format.js';
import { errorMessage, type View, type ViewContext } from './view.js';

function keyState(record: GatewayKeyRecord, now: number): string {
  if (record.revokedAt !== undefined) return 'revoked';
  if (record.expiresAt !== undefined && record.expiresAt <= now) return 'expired';
  return 'active';
}

/** The once-only display of a new key, with a copy button. */
function newKeyPanel(created: CreatedGatewayKey, onDone: () => void): HTMLElement {
  const output = element('input', {
    className: 'secret-output',
    attributes: { type: 'text', readonly: '', spellcheck: 'false', autocomplete: 'off' },
  });
  output.value = created.key;
  output.setAttribute('aria-label', `New gateway key ${created.name}`);
  const copied = element('span', { className: 'copied', attributes: { role: 'status' } });
  const copyButton = button('Copy', async () => {
    try {
      await navigator.clipboard.writeText(output.value);
      copied.textContent = 'Copied.';
    } catch {
      output.select();
      copied.textContent = 'Select the key and copy it (Ctrl+C or Cmd+C).';
    }
  });
  const panel = element('section', { className: 'panel once', attributes: { role: 'region' } }, [
    element('h2', { text: `New key: ${created.name}` }),
    element('p', {
      className: 'warning',
      text: 'Copy this key now. You will not see it again: the gateway keeps only its hash.',
    }),
    element('div', { className: 'copy-row' }, [output, copyButton, copied]),
    element('div', { className: 'actions' }, [
      button(
        'I have copied it',
        () => {
          output.value = '';
          onDone();
        },
        { className: 'primary' },
      ),
    ]),
  ]);
  panel.setAttribute('aria-label', 'New gateway key');
  return panel;
}

function readOptions(form: HTMLFormElement): GatewayKeyOptions | string {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const name = text('name');
  if (name === '') return 'Name is required';
  const options: GatewayKeyOptions = { name };
  const models = text('allowedModels')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (models.length > 0) options.allowedModels = models;
  for (const limit of ['requestsPerMinute', 'tokensPerMinute'] as const) {
    if (text(limit) === '') continue;
    const value = Number(text(limit));
    if (!Number.isInteger(value) || value < 0) return 'Limits must be whole numbers';
    options[limit] = value;
  }
  if (text('expiresAt') !== '') {
    const expiresAt = Date.parse(`${text('expiresAt')}T23:59:59`);
    if (!Number.isFinite(expiresAt)) return 'Expiry must be a date';
    options.expiresAt = expiresAt;
  }
  return options;
}

function createForm(context: ViewContext, onCreated: (created: CreatedGatewayKey) => void) {
  const status = statusLine();
  const input = (name: string, type = 'text') => {
    const control = element('input', { attributes: { type, name } });
    if (type === 'number') control.min = '0';
    return control;
  };
  const name = input('name');
  name.required = true;
  const form = element('form', { className: 'panel', attributes: { novalidate: '' } }, [
    element('h2', { text: 'Create a gateway key' }),
    element('div', { className: 'form-grid' }, [
      field('Name', name),
      field('Allowed models', input('allowedModels'), 'Comma list of provider/model; empty: all.'),
      field('Requests per minute', input('requestsPerMinute', 'number'), 'Empty: server default.'),
      field('Tokens per minute', input('tokensPerMinute', 'number'), 'Empty: server default.'),
      field('Expires', input('expiresAt', 'date'), 'Empty: never.'),
    ]),
    element('div', { className: 'actions' }, [
      button('Create key', () => {}, { type: 'submit', className: 'primary' }),
    ]),
    status.node,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const options = readOptions(form);
    if (typeof options === 'string') return status.show(options, 'error');
    try {
      const created = await context.client.createGatewayKey(options);
      form.reset();
      status.clear();
      onCreated(created);
    } catch (error) {
      status.show(`Could not create the key: ${errorMessage(error)}`, 'error');
    }
  });
  return form;
}

/** Gateway keys: create (shown once), list, revoke. */
export const gatewayKeysView: View = {
  route: 'keys',
  title: 'Gateway keys',
  mount(container, context) {
    const status = statusLine();
    const onceArea = element('div');
    const listArea = element('section', { attributes: { 'aria-label': 'Gateway keys' } });

    const reload = async () => {
      try {
        const keys = await context.client.listGatewayKeys();
        const now = Date.now();
        clear(listArea);
        if (keys.length === 0) {
          listArea.appendChild(element('p', { className: 'empty', text: 'No gateway keys yet.' }));
          return;
        }
        const rows = keys.map((record) => {
          const state = keyState(record, now);
          const revoke = button(
            'Revoke',
            async () => {
              if (!window.confirm(`Revoke the key ${record.name}? Callers using it will fail.`))
                return;
              try {
                await context.client.revokeGatewayKey(record.id);
                status.show(`Revoked ${record.name}.`, 'success');
                void reload();
              } catch (error) {
                status.show(`Could not revoke: ${errorMessage(error)}`, 'error');
              }
            },
            { className: 'danger', label: `Revoke ${record.name}` },
          );
          return [
            record.name,
            element('code', { className: 'masked', text: record.keyHint }),
            formatTime(record.createdAt),
            record.expiresAt === undefined ? 'never' : formatTime(record.expiresAt),
            record.allowedModels?.join(', ') || 'all',
            element('span', { className: `badge badge-${state}`, text: state }),
            state === 'active' ? revoke : '',
          ];
        });
        listArea.appendChild(
          table(
            'Gateway keys',
            ['Name', 'Key', 'Created', 'Expires', 'Models', 'State', 'Actions'],
            rows,
          ),
        );
      } catch (error) {
        status.show(`Could not load keys: ${errorMessage(error)}`, 'error');
      }
    };

    const form = createForm(context, (created) => {
      clear(onceArea);
      onceArea.appendChild(newKeyPanel(created, () => clear(onceArea)));
      onceArea.querySelector<HTMLInputElement>('input')?.focus();
      void reload();
    });
    container.append(onceArea, form, status.node, listArea);
    void reload();
    return { dispose: () => clear(onceArea) };
  },
};
