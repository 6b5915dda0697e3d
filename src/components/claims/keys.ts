/**
 * The keyboard shortcuts that step through claim links: `]` or `j` for the
 * next link, `[` or `k` for the previous one. Shared by the claims panel and
 * the app (which may listen on the reader views).
 */

/**
 * +1 for a "next link" key, -1 for "previous link", 0 for any other key, a
 * key with Ctrl/Alt/Meta, or a key typed into a form field or editable text
 * (there `j` is a letter, not a command).
 */
export function stepForKey(event: KeyboardEvent): 1 | -1 | 0 {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return 0;
  if (typesText(event.composedPath()[0] ?? event.target)) return 0;
  if (event.key === ']' || event.key === 'j') return 1;
  if (event.key === '[' || event.key === 'k') return -1;
  return 0;
}

function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return target.isContentEditable;
}
