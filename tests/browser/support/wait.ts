/** Polls `get` until it returns something truthy; rejects naming `what` after `ms`. */
export async function until<T>(get: () => T | null | undefined | false, what: string, ms = 10000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * For checks that something does NOT happen (an injected `onerror` handler running, a late `close` event, a
 * policy violation report): there is no event to wait for, so this is a bounded wait, but on a condition rather
 * than a fixed time. It inserts a control image with the same broken address the payloads use (`x`) and resolves
 * one task after that image has failed to load: by then a broken image created before the call has had its chance
 * to fire its handler, and tasks queued before it have run, however loaded the machine. It rejects after `ms` if
 * the control never fails, because then the check proves nothing.
 */
export function settle(ms = 5000): Promise<void> {
  const control = document.createElement('img');
  control.hidden = true;
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      control.remove();
      reject(new Error('settle: the control image never failed to load'));
    }, ms);
    control.addEventListener('error', () => {
      clearTimeout(timer);
      control.remove();
      setTimeout(resolve);
    });
    control.src = 'x';
    document.body.append(control);
  });
}
