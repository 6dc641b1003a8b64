import type { CallContext, WireRequest } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { ChatRequest, CustomConfig } from '../../spec/index.js';
import { writeJsonPath } from './json-path.js';
import { compileMapping } from './mapping.js';
import { fillTemplate, placeholdersIn, placeholderValues } from './template.js';

/**
 * ChatRequest → the endpoint's body, by filling `mapping.requestTemplate`. Streams go to
 * `streamPath` when the mapping describes a stream; otherwise the ordinary request is sent and
 * its answer becomes one chunk. Input the template cannot carry is refused, not dropped.
 */
export function buildCustomRequest(
  request: ChatRequest,
  context: CallContext<CustomConfig>,
  stream: boolean,
): WireRequest {
  const mapping = compileMapping(context.config);
  const streaming = stream && mapping.stream !== undefined;
  const used = placeholdersIn(mapping.template);
  if (
    request.tools &&
    request.tools.length > 0 &&
    request.toolChoice !== 'none' &&
    !used.has('tools')
  ) {
    throw new APIError(
      `Custom provider "${context.providerName}" cannot send tools: its requestTemplate has no {{tools}}`,
      {
        type: APIErrorType.INVALID_REQUEST,
        provider: context.providerName,
        code: 'unsupported_tools',
      },
    );
  }
  const body = fillTemplate(mapping.template, placeholderValues(request, streaming));
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  if (isObject && mapping.stream?.streamField) {
    writeJsonPath(body as Record<string, unknown>, mapping.stream.streamField, streaming);
  }
  return {
    path: streaming ? mapping.streamPath : mapping.chatPath,
    body: isObject && request.extraBody ? { ...body, ...request.extraBody } : body,
  };
}
