import { type ChatStreamUpdate, listGatewayModels, streamChat } from '../chat-stream.js';
import { button, clear, element, field, statusLine } from '../dom.js';
import { formatCount } from '../format.js';
import { memorySecrets } from '../session.js';
import { errorMessage, type View } from './view.js';

/** Where one streamed answer is drawn. */
interface AnswerView {
  node: HTMLElement;
  apply(update: ChatStreamUpdate): void;
}

function answerView(): AnswerView {
  const reasoningText = element('div', { className: 'reasoning-text' });
  const reasoning = element('details', { className: 'reasoning' }, [
    element('summary', { text: 'Reasoning' }),
    reasoningText,
  ]);
  reasoning.hidden = true;
  reasoning.open = true;
  const content = element('div', { className: 'answer-text', attributes: { 'aria-live': 'off' } });
  const toolList = element('ol', { className: 'tool-calls' });
  const tools = element('section', { attributes: { 'aria-label': 'Tool calls' } }, [
    element('h3', { text: 'Tool calls' }),
    toolList,
  ]);
  tools.hidden = true;
  const calls = new Map<number, { name: HTMLElement; args: HTMLElement }>();
  const meta = element('p', { className: 'answer-meta' });
  const problem = element('p', { className: 'status status-error', attributes: { role: 'alert' } });
  problem.hidden = true;

  return {
    node: element('div', { className: 'answer' }, [reasoning, content, tools, meta, problem]),
    apply(update) {
      switch (update.type) {
        case 'content':
          content.append(update.text);
          break;
        case 'reasoning':
          reasoning.hidden = false;
          reasoningText.append(update.text);
          break;
        case 'tool-call': {
          tools.hidden = false;
          let call = calls.get(update.index);
          if (!call) {
            call = { name: element('code'), args: element('pre') };
            calls.set(update.index, call);
            toolList.appendChild(element('li', {}, [call.name, call.args]));
          }
          if (update.name !== undefined) call.name.textContent = update.name;
          call.args.append(update.argumentsDelta);
          break;
        }
        case 'finish':
          meta.dataset.finish = update.reason;
          meta.textContent = `Finished: ${update.reason}`;
          break;
        case 'usage':
          meta.append(
            `${meta.textContent ? ' · ' : ''}${formatCount(update.promptTokens)} prompt + ` +
              `${formatCount(update.completionTokens)} completion = ` +
              `${formatCount(update.totalTokens)} tokens`,
          );
          break;
        case 'error':
          problem.hidden = false;
          problem.textContent = `The stream failed (${update.errorType}): ${update.message}`;
          break;
      }
    },
  };
}

/** Chat playground: a streamed `/v1/chat/completions` call with a pasted gateway key. */
export const playgroundView: View = {
  route: 'playground',
  title: 'Playground',
  mount(container) {
    let controller: AbortController | undefined;
    const status = statusLine();
    const keyInput = element('input', {
      attributes: {
        type: 'password',
        name: 'gatewayKey',
        autocomplete: 'off',
        spellcheck: 'false',
      },
    });
    keyInput.value = memorySecrets.gatewayKey;
    keyInput.placeholder = 'tbc_…';
    keyInput.addEventListener('input', () => {
      memorySecrets.gatewayKey = keyInput.value.trim();
    });
    const modelSelect = element('select', { attributes: { name: 'model' } }, [
      element('option', { text: 'Load the models first', attributes: { value: '' } }),
    ]);
    const systemInput = element('textarea', { attributes: { name: 'system', rows: '2' } });
    const promptInput = element('textarea', { attributes: { name: 'prompt', rows: '4' } });
    promptInput.required = true;
    const output = element('section', {
      className: 'transcript',
      attributes: { 'aria-label': 'Answer' },
    });

    const loadButton = button('Load models', async () => {
      const key = keyInput.value.trim();
      if (key === '') return status.show('Paste a gateway key first.', 'error');
      status.show('Loading models…');
      try {
        const models = await listGatewayModels(key);
        clear(modelSelect);
        for (const model of models) {
          modelSelect.appendChild(element('option', { text: model, attributes: { value: model } }));
        }
        if (models.length === 0) {
          modelSelect.appendChild(
            element('option', { text: 'No models available', attributes: { value: '' } }),
          );
        }
        status.show(`${models.length} models available.`, 'success');
      } catch (error) {
        status.show(`Could not list models: ${errorMessage(error)}`, 'error');
      }
    });
    const sendButton = button('Send', () => {}, { type: 'submit', className: 'primary' });
    const stopButton = button('Stop', () => controller?.abort(), { className: 'danger' });
    stopButton.disabled = true;

    const send = async () => {
      const key = keyInput.value.trim();
      const prompt = promptInput.value.trim();
      if (key === '') return status.show('Paste a gateway key first.', 'error');
      if (modelSelect.value === '') return status.show('Choose a model.', 'error');
      if (prompt === '') return status.show('Write a prompt.', 'error');
      const messages = [
        ...(systemInput.value.trim() === ''
          ? []
          : [{ role: 'system' as const, content: systemInput.value.trim() }]),
        { role: 'user' as const, content: prompt },
      ];
      const answer = answerView();
      clear(output);
      output.append(
        element('p', { className: 'prompt-echo' }, [element('strong', { text: 'You: ' }), prompt]),
        answer.node,
      );
      controller = new AbortController();
      sendButton.disabled = true;
      stopButton.disabled = false;
      status.show('Streaming…');
      try {
        for await (const update of streamChat({
          gatewayKey: key,
          model: modelSelect.value,
          messages,
          signal: controller.signal,
        })) {
          answer.apply(update);
        }
        status.show('Done.', 'success');
      } catch (error) {
        if (controller.signal.aborted) status.show('Stopped.');
        else status.show(`The request failed: ${errorMessage(error)}`, 'error');
      } finally {
        controller = undefined;
        sendButton.disabled = false;
        stopButton.disabled = true;
      }
    };

    const form = element('form', { className: 'panel', attributes: { novalidate: '' } }, [
      element('div', { className: 'form-grid' }, [
        field(
          'Gateway key',
          keyInput,
          'Kept in this page’s memory only; sent as the Bearer token of /v1 calls.',
        ),
        element('div', { className: 'field model-field' }, [
          field('Model', modelSelect),
          loadButton,
        ]),
      ]),
      field('System prompt (optional)', systemInput),
      field('Prompt', promptInput),
      element('div', { className: 'actions' }, [sendButton, stopButton]),
      status.node,
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send();
    });
    container.append(form, output);
    return {
      dispose() {
        controller?.abort();
      },
    };
  },
};
