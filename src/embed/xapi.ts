/**
 * The same facts as `lesson-completed`, as xAPI statements (`xapi=1`), so a host page can hand them
 * to a learning record store without translating. The actor is left out: only the host knows who
 * the learner is, and adds them before sending the statement on.
 */

import { type LessonCompletedMessage, MESSAGE_SOURCE } from './outgoingMessages';

const VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;

/** One xAPI statement without its actor (xAPI 1.0.3). */
export interface XapiStatement {
  verb: { id: string; display: { 'en-US': string } };
  object: { objectType: 'Activity'; id: string; definition: { name: { 'en-US': string }; type: string } };
  result: { success: boolean; completion?: boolean; response?: string; duration: string };
  context: { extensions: Record<string, string | number> };
}

/** Posted next to `lesson-completed` when the link says `xapi=1`. */
export interface XapiMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'xapi';
  statement: XapiStatement;
}

/** An ISO 8601 duration in seconds with hundredths, as xAPI asks: `PT12.34S`. */
export function isoDuration(ms: number): string {
  return `PT${(Math.max(0, Math.round(ms / 10)) / 100).toString()}S`;
}

/** The response in xAPI's interaction formats: a choice's id, a sequence joined by `[,]`, a number. */
const response = (answer: LessonCompletedMessage['answer']): string => (Array.isArray(answer) ? answer.join('[,]') : String(answer));

/**
 * The statements for one checked answer: always `answered`; `completed` too when this answer made
 * the lesson done (`newlyDone`). `activityBase` is the simulator's address; the lesson's activity
 * id is that address with `?lesson=<id>`.
 */
export function xapiStatements(result: LessonCompletedMessage, lessonTitle: string, activityBase: string, newlyDone: boolean): XapiMessage[] {
  const url = new URL(activityBase);
  url.search = `lesson=${encodeURIComponent(result.lesson)}`;
  url.hash = '';
  const object: XapiStatement['object'] = {
    objectType: 'Activity',
    id: url.href,
    definition: { name: { 'en-US': lessonTitle }, type: 'http://adlnet.gov/expapi/activities/lesson' },
  };
  const context = { extensions: { 'https://saga-sim.dev/xapi/run-id': result.runId, 'https://saga-sim.dev/xapi/attempt': result.attempt } };
  const duration = isoDuration(result.durationMs);
  const statement = (verb: keyof typeof VERBS, res: XapiStatement['result']): XapiMessage => ({
    source: MESSAGE_SOURCE,
    type: 'xapi',
    statement: { verb: { id: VERBS[verb], display: { 'en-US': verb } }, object, result: res, context },
  });
  const out = [statement('answered', { success: result.correct, response: response(result.answer), duration })];
  if (newlyDone) out.push(statement('completed', { success: result.correct, completion: true, duration }));
  return out;
}
