import type { UsageFormat } from './vendors.js';

/** The model a proxied request asks for, as far as the gateway can tell. */
export interface RequestedModel {
  /** The model, or undefined when neither the path nor the body names one. */
  model?: string | undefined;
  /** True when the path and the body name different models (Google): the request is refused. */
  conflict: boolean;
}

const pathModelPattern = /\/models\/([^/:]+)/;

/**
 * Reads the model from the path and the body. Google routes by path (`/models/<m>:generate…`),
 * so the path decides there and a body `model`, if present, must name the same one; other
 * vendors read the body's `model` and fall back to the path.
 */
export function requestedModel(
  usageFormat: UsageFormat,
  path: string,
  bodyModel: string | undefined,
): RequestedModel {
  const pathModel = pathModelPattern.exec(path)?.[1];
  if (usageFormat !== 'google') return { model: bodyModel ?? pathModel, conflict: false };
  const named = bodyModel?.replace(/^models\//, '');
  if (pathModel === undefined) return { model: named, conflict: false };
  return { model: pathModel, conflict: named !== undefined && named !== pathModel };
}

/** True for a GET or HEAD of a model listing or one model's description (no model is used). */
export function isModelListing(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && /\/models(\/[^/:]+)?\/?$/.test(path);
}
