import type { AdminClient } from '../api-client.js';
import { type ListedProvider, PROVIDER_KINDS, type ProviderKind } from '../api-types.js';
import { button, clear, element, field, statusLine } from '../dom.js';
import {
  configToForm,
  type FormValues,
  fieldsFor,
  formToConfig,
  type ProviderField,
} from '../provider-fields.js';
import { errorMessage } from './view.js';

/** Options of the provider form. */
export interface ProviderFormOptions {
  client: AdminClient;
  /** The listed config being edited; absent to add a provider. */
  editing?: ListedProvider;
  /** After a save: the listed config the gateway answered with. */
  onSaved(saved: ListedProvider): void;
  onCancel(): void;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isKind(value: string): value is ProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(value);
}

function controlFor(spec: ProviderField, kind: ProviderKind, value: string | boolean | undefined) {
  let control: Control;
  if (spec.options) {
    control = element(
      'select',
      {},
      spec.options.map((option) =>
        element('option', { text: option, attributes: { value: option } }),
      ),
    );
    if (typeof value === 'string') control.value = value;
  } else if (spec.type === 'json') {
    control = element('textarea', { attributes: { rows: '4', spellcheck: 'false' } });
    control.value = typeof value === 'string' ? value : '';
  } else {
    const type = {
      secret: 'password',
      url: 'url',
      integer: 'number',
      checkbox: 'checkbox',
    }[spec.type as string];
    control = element('input', { attributes: { type: type ?? 'text' } });
    if (spec.type === 'checkbox') control.checked = value === true;
    else control.value = typeof value === 'string' ? value : '';
    if (spec.type === 'secret') {
      control.autocomplete = 'off';
      control.spellcheck = false;
    }
    if (spec.type === 'integer') control.min = '1';
  }
  control.name = spec.name;
  if (spec.placeholder !== undefined) control.setAttribute('placeholder', spec.placeholder);
  if (spec.required?.includes(kind)) control.required = true;
  return control;
}

/** The add/edit form of a provider config, with Save and Test connection. */
export function providerForm(options: ProviderFormOptions): HTMLFormElement {
  const editing = options.editing;
  const initialKind =
    editing && isKind(editing.provider) ? editing.provider : ('openai' as ProviderKind);
  let values: FormValues = editing ? configToForm(editing) : {};
  const status = statusLine();
  const fieldset = element('div', { className: 'form-grid' });
  const kindSelect = element(
    'select',
    { attributes: { name: 'provider' } },
    PROVIDER_KINDS.map((kind) => element('option', { text: kind, attributes: { value: kind } })),
  );
  kindSelect.value = initialKind;
  if (editing) kindSelect.disabled = true;
  const controls = new Map<string, Control>();

  const readValues = (): FormValues => {
    const read: FormValues = { ...values };
    for (const [name, control] of controls) {
      read[name] =
        control instanceof HTMLInputElement && control.type === 'checkbox'
          ? control.checked
          : control.value;
    }
    return read;
  };

  const renderFields = () => {
    const kind = kindSelect.value as ProviderKind;
    clear(fieldset);
    controls.clear();
    for (const spec of fieldsFor(kind)) {
      const control = controlFor(spec, kind, values[spec.name]);
      if (spec.name === 'id' && editing && control instanceof HTMLInputElement)
        control.readOnly = true;
      let hint = spec.hint;
      if (spec.type === 'secret' && editing) {
        hint = editing.apiKeyHint
          ? `A key ending ${editing.apiKeyHint.replace(/^…/, '')} is stored. Leave empty to keep it.`
          : 'No key is stored.';
      }
      controls.set(spec.name, control);
      const wrapper = field(spec.label, control, hint);
      if (spec.type === 'checkbox') wrapper.classList.add('field-checkbox');
      if (spec.type === 'json') wrapper.classList.add('field-wide');
      fieldset.appendChild(wrapper);
    }
  };
  kindSelect.addEventListener('change', () => {
    values = readValues();
    renderFields();
  });
  renderFields();

  const configOrError = () =>
    formToConfig(kindSelect.value as ProviderKind, readValues(), editing !== undefined);

  const testButton = button('Test connection', async () => {
    const config = configOrError();
    if (typeof config === 'string') return status.show(config, 'error');
    status.show('Testing the connection…');
    testButton.disabled = true;
    try {
      // Without a new key the stored config (and its stored key) is what can be tested.
      const result =
        editing && config.apiKey === undefined
          ? await options.client.testProvider(editing.id)
          : await options.client.testProviderConfig(config);
      if (result.ok) status.show('Connection works: the vendor accepted the key.', 'success');
      else status.show(`Connection failed: ${result.error ?? 'no reason given'}`, 'error');
    } catch (error) {
      status.show(`Connection test failed: ${errorMessage(error)}`, 'error');
    } finally {
      testButton.disabled = false;
    }
  });

  const form = element('form', { className: 'panel', attributes: { novalidate: '' } }, [
    element('h2', { text: editing ? `Edit ${editing.id}` : 'Add a provider' }),
    field('Kind', kindSelect),
    fieldset,
    element('div', { className: 'actions' }, [
      button(editing ? 'Save changes' : 'Save provider', () => {}, {
        type: 'submit',
        className: 'primary',
      }),
      testButton,
      button('Cancel', () => options.onCancel()),
    ]),
    status.node,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const config = configOrError();
    if (typeof config === 'string') return status.show(config, 'error');
    status.show('Saving…');
    try {
      const saved = await options.client.saveProvider(config);
      // Drop the key from the page as soon as the gateway holds it.
      const keyControl = controls.get('apiKey');
      if (keyControl) keyControl.value = '';
      options.onSaved(saved);
    } catch (error) {
      status.show(`Could not save: ${errorMessage(error)}`, 'error');
    }
  });
  return form;
}
