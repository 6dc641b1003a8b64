import type { AdminClient } from '../api-client.js';

/** What a view gets from the shell. */
export interface ViewContext {
  /** Admin and analytics calls with the signed-in token. */
  client: AdminClient;
}

/** A mounted view; `dispose` stops its work (open streams) when the user leaves it. */
export interface MountedView {
  dispose?(): void;
}

/** A console page: a heading and a function that fills the page's `<main>`. */
export interface View {
  /** Route in the URL hash: `#/providers`. */
  route: string;
  /** Navigation label and page heading. */
  title: string;
  mount(container: HTMLElement, context: ViewContext): MountedView;
}

/** The message of an error to show the user (the gateway's messages are already redacted). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong';
}
