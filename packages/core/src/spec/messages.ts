/** Prompt-caching hint, passed through to vendors that support it (Anthropic `cache_control`). */
export interface CacheControl {
  /** Only `ephemeral` exists today. */
  type: 'ephemeral';
  /** Cache lifetime, e.g. `5m` (default) or `1h`. */
  ttl?: string;
}

/** Plain text content. */
export interface TextPart {
  type: 'text';
  text: string;
  /** Marks the end of a cacheable prefix (Anthropic). Ignored by vendors without prompt caching. */
  cacheControl?: CacheControl;
}

/** Where an image comes from: a URL or inline base64 data. */
export type ImageSource =
  | { type: 'url'; url: string }
  | {
      type: 'base64';
      /** Base64 without a `data:` prefix. */
      data: string;
      /** MIME type, e.g. `image/png`. */
      mimeType: string;
    };

/** An image input. Vendors without image support reject it with an `invalid_request` error. */
export interface ImagePart {
  type: 'image';
  source: ImageSource;
  /** OpenAI's `detail` hint; ignored elsewhere. */
  detail?: 'auto' | 'low' | 'high';
  cacheControl?: CacheControl;
}

/** One piece of a multi-part message. */
export type ContentPart = TextPart | ImagePart;

/**
 * A reasoning (thinking) block as the vendor produced it, kept so that a multi-turn
 * conversation can replay it verbatim to the same vendor.
 */
export type ReasoningDetail =
  | {
      type: 'text';
      /** The visible reasoning text (may be a summary). */
      text: string;
      /** Opaque vendor signature (Anthropic `signature`); replayed only to the vendor that made it. */
      signature?: string;
      /** Provider type that produced this block, e.g. `anthropic`. */
      source?: string;
    }
  | {
      type: 'redacted';
      /** Opaque encrypted reasoning (Anthropic `redacted_thinking.data`). */
      data: string;
      source?: string;
    };

/** A tool (function) call made by the model. */
export interface ToolCall {
  /** Call id; adapters make stable ids for vendors that send none (Gemini, Ollama). */
  id: string;
  type: 'function';
  function: {
    name: string;
    /** The arguments as a JSON string, exactly as the model produced them. */
    arguments: string;
  };
  /**
   * Opaque signature attached to the call by the vendor (Gemini `thoughtSignature`);
   * replayed only to the vendor named in `signatureSource`.
   */
  signature?: string;
  /** Provider type that produced `signature`. */
  signatureSource?: string;
}

/** The roles a message can have. */
export type MessageRole = 'system' | 'user' | 'assistant' | 'tool';

/** One conversation turn. */
export interface Message {
  role: MessageRole;
  /** Text or parts; `null` for an assistant turn that only calls tools. */
  content: string | ContentPart[] | null;
  /** Optional participant name (OpenAI `name`). */
  name?: string;
  /** Tool calls made by an assistant turn. */
  toolCalls?: ToolCall[];
  /** For role `tool`: the id of the call this message answers. */
  toolCallId?: string;
  /** For role `tool`: the result is an error (Anthropic `is_error`). */
  isError?: boolean;
  /** Assistant reasoning text, joined (what a UI shows). */
  reasoning?: string;
  /** Assistant reasoning blocks with signatures, for verbatim replay. */
  reasoningDetails?: ReasoningDetail[];
  /** Cache breakpoint on the whole message (Anthropic). */
  cacheControl?: CacheControl;
}
