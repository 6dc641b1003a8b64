import type { ListedProvider } from '../api-types.js';
import { button, clear, element, statusLine, table } from '../dom.js';
import { providerForm } from './provider-form.js';
import { errorMessage, type View, type ViewContext } from './view.js';

function providerRow(
  provider: ListedProvider,
  context: ViewContext,
  actions: { edit(provider: ListedProvider): void; reload(message?: string): void },
  status: ReturnType<typeof statusLine>,
) {
  const testButton = button(
    'Test',
    async () => {
      testButton.disabled = true;
      status.show(`Testing ${provider.id}…`);
      try {
        const result = await context.client.testProvider(provider.id);
        if (result.ok) status.show(`${provider.id}: connection works.`, 'success');
        else status.show(`${provider.id}: ${result.error ?? 'connection failed'}`, 'error');
      } catch (error) {
        status.show(`${provider.id}: ${errorMessage(error)}`, 'error');
      } finally {
        testButton.disabled = false;
      }
    },
    { label: `Test connection of ${provider.id}` },
  );
  const deleteButton = button(
    'Delete',
    async () => {
      if (!window.confirm(`Delete the provider ${provider.id} and its stored key?`)) return;
      try {
        await context.client.deleteProvider(provider.id);
        actions.reload(`Deleted ${provider.id}.`);
      } catch (error) {
        status.show(`Could not delete ${provider.id}: ${errorMessage(error)}`, 'error');
      }
    },
    { className: 'danger', label: `Delete ${provider.id}` },
  );
  return [
    element('code', { text: provider.id }),
    provider.provider,
    typeof provider.baseUrl === 'string' ? provider.baseUrl : 'vendor default',
    provider.apiKeyHint
      ? element('code', { className: 'masked', text: provider.apiKeyHint })
      : 'none',
    typeof provider.defaultModel === 'string' ? provider.defaultModel : '',
    element('div', { className: 'row-actions' }, [
      button('Edit', () => actions.edit(provider), { label: `Edit ${provider.id}` }),
      testButton,
      deleteButton,
    ]),
  ];
}

/** Providers: the configured upstreams (keys masked), add/edit/delete and connection tests. */
export const providersView: View = {
  route: 'providers',
  title: 'Providers',
  mount(container, context) {
    const status = statusLine();
    const listArea = element('section', { attributes: { 'aria-label': 'Configured providers' } });
    const formArea = element('div');
    const addButton = button('Add provider', () => openForm(), { className: 'primary' });

    const openForm = (editing?: ListedProvider) => {
      clear(formArea);
      status.clear();
      addButton.hidden = true;
      const form = providerForm({
        client: context.client,
        ...(editing ? { editing } : {}),
        onSaved(saved) {
          closeForm();
          void reload(`Saved ${saved.id}.`);
        },
        onCancel: () => closeForm(),
      });
      formArea.appendChild(form);
      form.querySelector<HTMLElement>('select:not([disabled]), input:not([readonly])')?.focus();
    };
    const closeForm = () => {
      clear(formArea);
      addButton.hidden = false;
    };

    const reload = async (message?: string) => {
      try {
        const providers = await context.client.listProviders();
        clear(listArea);
        if (providers.length === 0) {
          listArea.appendChild(
            element('p', {
              className: 'empty',
              text: 'No providers yet. Add one to route /v1 requests through it.',
            }),
          );
        } else {
          const actions = { edit: openForm, reload: (text?: string) => void reload(text) };
          listArea.appendChild(
            table(
              'Configured providers',
              ['Id', 'Kind', 'Base URL', 'Key', 'Default model', 'Actions'],
              providers.map((provider) => providerRow(provider, context, actions, status)),
            ),
          );
        }
        if (message) status.show(message, 'success');
      } catch (error) {
        status.show(`Could not load providers: ${errorMessage(error)}`, 'error');
      }
    };

    container.append(
      element('div', { className: 'toolbar' }, [addButton]),
      formArea,
      status.node,
      listArea,
    );
    void reload();
    return {};
  },
};
