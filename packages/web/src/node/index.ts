export {
  readWebConsoleFile,
  WEB_CONSOLE_CONTENT_TYPES,
  WEB_CONSOLE_FILES,
  WEB_CONSOLE_HEADERS,
  type WebConsoleDirectories,
  type WebConsoleFile,
} from './assets.js';
