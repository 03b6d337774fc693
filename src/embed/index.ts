/**
 * Embedding and sharing (DESIGN §7): the URL schema, host-page messaging, and the share link and
 * `<iframe>` snippet. Pure TypeScript: no React, no DOM beyond what callers pass in.
 */

export { type Codec, isHttpOrigin } from './codecs';
export {
  checkDefinitionJson,
  checkDefinitionValue,
  DEF_PARAM,
  type DecodedDefinition,
  decodeDefinition,
  definitionWarnings,
  encodeDefinition,
  LONG_LINK_LENGTH,
  packJson,
  parseLink,
  splitDefinitionParam,
  unpackJson,
  withDefinitionParam,
} from './definitionLink';
export { EMBED_SANDBOX, embedSnippet, type EmbedSnippetOptions, escapeAttribute, shareUrl } from './embedSnippet';
export {
  createHostBridge,
  type LoadedMessage,
  type LoadFailedMessage,
  loadedMessage,
  loadFailedMessage,
  loadRefusal,
  MAX_SEEK_STEP,
  type ResizeMessage,
  resizeMessage,
  type RunSummary,
  runSummary,
  type HostBridge,
  type HostBridgeOptions,
  type HostWindowLike,
  type IncomingCommand,
  type LessonCompletedMessage,
  MESSAGE_SOURCE,
  type MessageEventLike,
  type OutgoingMessage,
  parseIncomingMessage,
  type ReadyMessage,
  readyMessage,
  type RunFinishedMessage,
  runFinishedMessage,
} from './hostMessages';
export { type LessonResult, lessonCompletedMessage } from './lessonMessages';
export { isoDuration, type XapiMessage, type XapiStatement, xapiStatements } from './xapi';
export { EXCERPT_LENGTH, safeExcerpt } from './safeText';
export {
  defaultScenario,
  MAX_QUERY_LENGTH,
  MAX_SCHEDULE_LENGTH,
  MAX_VALUE_LENGTH,
  MAX_WARNINGS,
  type ParsedQuery,
  type ParseQueryOptions,
  parseQuery,
  parseQueryEntries,
  QUERY_PARAMS,
  type QueryParam,
  toQuery,
  type Warning,
} from './urlSchema';
export { ALL_PANELS, defaultView, freshDefaultView, PAGES, type PageId, type PanelId, SPEEDS, type Speed, type ViewOptions } from './viewOptions';
