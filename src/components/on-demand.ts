/**
 * Elements whose code is loaded when first needed, not with the reader: the
 * Compare dialog (it carries the whole claim matcher) and the Timeline tab.
 * Until its module has loaded, such an element is an unknown element that
 * renders nothing; lit keeps the properties set on it meanwhile and applies
 * them when the element is defined.
 */
const LOADERS = {
  'claim-compare': () => import('./claim-compare.ts'),
  'timeline-panel': () => import('./timeline-panel.ts'),
} as const;

export type OnDemandElement = keyof typeof LOADERS;

const loading = new Map<OnDemandElement, Promise<void>>();

/**
 * Loads the module defining `tag` (once, however often called) and resolves
 * once the element is defined. A module that fails to load is tried again on
 * the next call; the rejection names the element.
 */
export function loadElement(tag: OnDemandElement): Promise<void> {
  let promise = loading.get(tag);
  if (!promise) {
    promise = LOADERS[tag]().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        throw new Error(`The code of <${tag}> could not be loaded: ${(error as Error).message}`);
      },
    );
    loading.set(tag, promise);
  }
  return promise;
}
