import { AdminClient, GatewayRequestError } from '../api-client.js';
import { button, element, field, statusLine } from '../dom.js';
import { errorMessage } from './view.js';

/**
 * The sign-in form. The token is checked with one admin call before it is kept; `onSignedIn`
 * receives it so the shell can store it in `sessionStorage`.
 */
export function signInForm(onSignedIn: (token: string) => void, notice?: string): HTMLElement {
  const status = statusLine();
  const tokenInput = element('input', {
    attributes: {
      type: 'password',
      name: 'adminToken',
      autocomplete: 'current-password',
      spellcheck: 'false',
    },
  });
  tokenInput.required = true;
  const form = element('form', { className: 'panel sign-in', attributes: { novalidate: '' } }, [
    element('h1', { text: 'Sign in to the gateway' }),
    element('p', {
      text:
        'Paste the admin token the gateway printed on its first start (or THINKBACKCODE_ADMIN_TOKEN). ' +
        'It is kept in this tab’s session storage until you sign out or close the tab.',
    }),
    field('Admin token', tokenInput),
    element('div', { className: 'actions' }, [
      button('Sign in', () => {}, { type: 'submit', className: 'primary' }),
    ]),
    status.node,
  ]);
  if (notice !== undefined) status.show(notice, 'error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = tokenInput.value.trim();
    if (token === '') return status.show('Enter the admin token.', 'error');
    status.show('Checking the token…');
    try {
      await new AdminClient(token).verify();
      tokenInput.value = '';
      onSignedIn(token);
    } catch (error) {
      status.show(
        error instanceof GatewayRequestError && error.status === 401
          ? 'The gateway refused this token.'
          : `Could not reach the gateway: ${errorMessage(error)}`,
        'error',
      );
    }
  });
  queueMicrotask(() => tokenInput.focus());
  return form;
}
