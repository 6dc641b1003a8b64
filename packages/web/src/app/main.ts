import { AdminClient } from './api-client.js';
import { button, clear, element } from './dom.js';
import { adminSession, memorySecrets } from './session.js';
import { gatewayKeysView } from './views/gateway-keys-view.js';
import { playgroundView } from './views/playground-view.js';
import { providersView } from './views/providers-view.js';
import { signInForm } from './views/sign-in-view.js';

import { usageView } from './views/usage-view.js';
import type { MountedView, View } from './views/view.js';

const views: readonly View[] = [providersView, gatewayKeysView, usageView, playgroundView];

/** The console shell: header navigation, hash routing and the signed-in state. */
function startConsole(root: HTMLElement): void {
  const main = element('main', { attributes: { id: 'main', tabindex: '-1' } });
  const links = new Map<string, HTMLAnchorElement>();
  const nav = element('nav', { attributes: { 'aria-label': 'Console' } }, [
    element(
      'ul',
      {},
      views.map((view) => {
        const link = element('a', { text: view.title, attributes: { href: `#/${view.route}` } });
        links.set(view.route, link);
        return element('li', {}, [link]);
      }),
    ),
  ]);
  const signOutButton = button('Sign out', () => signOut());
  const header = element('header', { className: 'topbar' }, [
    element('a', { className: 'brand', attributes: { href: '#/providers' } }, [
      element('span', {
        className: 'brand-mark',
        text: 'TBC',
        attributes: { 'aria-hidden': 'true' },
      }),
      'ThinkBackCode',
    ]),
    nav,
    signOutButton,
  ]);
  const skipLink = element('a', {
    className: 'skip-link',
    text: 'Skip to content',
    attributes: { href: '#main' },
  });
  skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  root.append(skipLink, header, main);

  let mounted: MountedView | undefined;
  const unmount = () => {
    mounted?.dispose?.();
    mounted = undefined;
    clear(main);
  };

  const showSignIn = (notice?: string) => {
    unmount();
    nav.hidden = true;
    signOutButton.hidden = true;
    document.title = 'Sign in · ThinkBackCode';
    main.appendChild(
      signInForm((token) => {
        adminSession.signIn(token);
        route();
      }, notice),
    );
  };

  const signOut = (notice?: string) => {
    adminSession.signOut();
    memorySecrets.gatewayKey = '';
    showSignIn(notice);
  };

  const route = () => {
    const token = adminSession.token();
    if (token === undefined) return showSignIn();
    const name = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
    const view = views.find((candidate) => candidate.route === name) ?? views[0]!;
    unmount();
    nav.hidden = false;
    signOutButton.hidden = false;
    for (const [route, link] of links) {
      if (route === view.route) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = `${view.title} · ThinkBackCode`;
    const client = new AdminClient(token, () =>
      signOut('Your session ended: the gateway refused the admin token.'),
    );
    main.appendChild(element('h1', { text: view.title }));
    mounted = view.mount(main, { client });
    main.focus();
  };

  window.addEventListener('hashchange', () => {
    // Only `#/view` hashes are routes; other fragments are in-page anchors.
    if (location.hash.startsWith('#/')) route();
  });
  route();
}

const root = document.getElementById('app');
if (root) startConsole(root);
