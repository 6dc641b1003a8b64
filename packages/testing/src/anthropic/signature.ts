import { createHmac, randomBytes } from 'node:crypto';

/**
 * Issues and checks thinking-block signatures the way the real API behaves: a signature is only
 * valid for the exact thinking text it was issued with. Default signatures are an HMAC of the
 * text under a per-simulator secret; scripted signatures are remembered with their text.
 */
export class ThinkingSigner {
  readonly #secret = randomBytes(32);
  readonly #issued = new Map<string, string>();

  /** The signature for `thinking`: the scripted one when given, else an HMAC. */
  sign(thinking: string, scripted?: string): string {
    const signature = scripted ?? this.#hmac(thinking);
    this.#issued.set(signature, thinking);
    return signature;
  }

  /** Issues opaque `redacted_thinking` data that can be replayed later. */
  redact(): string {
    const data = `EmwK${randomBytes(48).toString('base64')}`;
    this.#issued.set(data, '');
    return data;
  }

  /** True when `signature` was issued for exactly this thinking text. */
  verify(thinking: string, signature: string): boolean {
    if (this.#issued.get(signature) === thinking) return true;
    return signature === this.#hmac(thinking);
  }

  /** True when `data` is redacted-thinking data this simulator issued. */
  verifyRedacted(data: string): boolean {
    return this.#issued.get(data) === '';
  }

  #hmac(thinking: string): string {
    const mac = createHmac('sha256', this.#secret).update(thinking).digest('base64');
    // Real signatures are long opaque base64 strings starting with `E`.
    return `Er${Buffer.from(`sim:${mac}`).toString('base64')}`;
  }
}
