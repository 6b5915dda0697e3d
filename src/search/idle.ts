/**
 * The page's `requestIdleCallback`, reached without assuming a window: the
 * search code also runs in a worker and under Node, where there is none.
 */

/** The part of the browser's IdleDeadline that callers read. */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}

/** A `requestIdleCallback` in the shape the callers use. */
export type RequestIdle = (callback: (deadline: IdleDeadlineLike) => void, options?: { timeout?: number }) => number;

/** The page's `requestIdleCallback`, or null where there is none (a worker, Node, an older Safari). */
export function idleCallback(): RequestIdle | null {
  const request = (globalThis as { requestIdleCallback?: RequestIdle }).requestIdleCallback;
  return typeof request === 'function' ? request.bind(globalThis) : null;
}
