/**
 * The course's outline: seven lessons following the product's story (DESIGN §2), in order, each
 * with what the page needs the moment it opens (title, idea, pinned scenario, layout). What a
 * lesson says and asks is in its own file: lesson 1's comes with the page (every first visit opens
 * it, and its text is the page's largest paint); lessons 2–7's are fetched when opened, or while
 * the learner is on the lesson before.
 */

import { assumeItWorks } from './01-assume-it-works';
import type { CourseOutline } from './types';

export const COURSE: readonly CourseOutline[] = [
  {
    id: 'assume-it-works',
    title: 'Assume it works',
    idea: 'Each service commits its own local transaction and nothing spans all five, so when a step fails, whatever already committed stays committed — held, charged, half an order — unless something undoes it.',
    scenario: { failAt: 'warehouse', compensate: false },
    unlocked: ['compensate', 'failAt', 'seed'],
    view: 'single',
    panels: ['services', 'timeline', 'narration', 'invariants'],
    content: assumeItWorks,
  },
  {
    id: 'someone-has-to-drive',
    title: 'Someone has to drive',
    idea: 'Someone has to know where the order stands. An orchestrator does, and runs exactly the compensations needed; in a choreography a lost event leaves the order stuck, and nothing notices.',
    scenario: { mode: 'choreography', dropEvent: 'payment' },
    unlocked: ['failAt', 'drop', 'keys', 'crash'],
    view: 'compare',
    panels: ['services', 'timeline', 'narration', 'invariants'],
    content: () => import('./02-someone-has-to-drive').then((m) => m.someoneHasToDrive),
  },
  {
    id: 'undo-is-a-new-action',
    title: 'Undo is a new action',
    idea: 'A saga cannot roll back: it compensates with new actions — a refund row, a CANCELLED status — that keep the history true. A failing compensation is retried, and one that never succeeds raises an alert instead of being hidden.',
    scenario: { failAt: 'warehouse', compensationFailures: { payment: 2 } },
    unlocked: ['failAt', 'compFail'],
    view: 'single',
    panels: ['services', 'timeline', 'narration', 'invariants', 'incidents'],
    content: () => import('./03-undo-is-a-new-action').then((m) => m.undoIsANewAction),
  },
  {
    id: 'retries-need-keys',
    title: 'Retries need idempotency keys',
    idea: 'A lost reply looks exactly like a failure, so the orchestrator retries. Only an idempotency key makes the retry safe: without one the card is charged twice.',
    scenario: { lostResponses: { payment: 1 }, idempotencyKeys: false },
    unlocked: ['keys', 'lost'],
    view: 'single',
    panels: ['services', 'timeline', 'narration', 'invariants', 'incidents'],
    content: () => import('./04-retries-need-keys').then((m) => m.retriesNeedKeys),
  },
  {
    id: 'sagas-are-not-isolated',
    title: 'Sagas are not isolated',
    idea: 'A saga’s local transactions commit at once and anyone can read them, so two sagas can both see the last seat available and sell it twice. A semantic lock — the hold writes PENDING — makes the second one back off.',
    scenario: { buyers: 2, semanticLock: false },
    unlocked: ['buyers', 'stock', 'lock', 'lockPolicy'],
    view: 'race',
    panels: ['services', 'timeline', 'narration', 'invariants', 'incidents', 'race'],
    content: () => import('./05-sagas-are-not-isolated').then((m) => m.sagasAreNotIsolated),
  },
  {
    id: 'the-concepts-stay',
    title: 'The implementation changes, the concepts don’t',
    idea: 'Step Functions, Temporal and Durable Functions write a saga differently, but the ideas are the same: a durable log lets the orchestrator survive a crash, and the step it repeats must be idempotent.',
    scenario: { crash: { step: 'payment', when: 'after-commit' } },
    unlocked: ['keys', 'crash'],
    view: 'single',
    panels: ['services', 'timeline', 'narration', 'invariants', 'incidents', 'orchestrator', 'log', 'code'],
    showCode: true,
    content: () => import('./06-the-concepts-stay').then((m) => m.theConceptsStay),
  },
  {
    id: 'watching-sagas-in-production',
    title: 'Watching sagas in production',
    idea: 'In production a saga is seen through its trace: retries, errors and compensations are spans in a waterfall, and a choreography’s dropped event is a producer that nobody consumes.',
    scenario: { failAt: 'warehouse', lostResponses: { payment: 1 } },
    unlocked: ['failAt', 'lost', 'keys', 'mode', 'drop', 'crash'],
    view: 'trace',
    content: () => import('./07-watching-sagas-in-production').then((m) => m.watchingSagasInProduction),
  },
];
