import { expect } from '@esm-bundle/chai';
import { emit } from '../../src/components/events.ts';

// A host with an open shadow root and an inner element, as a panel dispatching from its shadow DOM.
function shadowed(): { host: HTMLElement; inner: HTMLElement; outer: HTMLElement } {
  const outer = document.createElement('div');
  const host = document.createElement('div');
  const inner = document.createElement('span');
  host.attachShadow({ mode: 'open' }).append(inner);
  outer.append(host);
  document.body.append(outer);
  return { host, inner, outer };
}

describe('emit', () => {
  it('dispatches a bubbling event that crosses the shadow root with its detail', () => {
    const { inner, outer } = shadowed();
    const seen: string[] = [];
    outer.addEventListener('text-show', (e) => seen.push(e.detail.id));
    emit(inner, 'text-show', { id: 'doc-1' });
    expect(seen).to.deep.equal(['doc-1']);
    outer.remove();
  });

  it('with composed false, stops at the shadow root', () => {
    const { host, inner, outer } = shadowed();
    const inside: number[] = [];
    const outside: number[] = [];
    host.shadowRoot!.addEventListener('bucket-activate', (e) => inside.push((e as CustomEvent<{ top: number }>).detail.top));
    outer.addEventListener('bucket-activate', (e) => outside.push(e.detail.top));
    emit(inner, 'bucket-activate', { top: 42 }, { composed: false });
    expect(inside).to.deep.equal([42]);
    expect(outside).to.deep.equal([]);
    outer.remove();
  });

  it('sends null as the detail of events that carry none', () => {
    const { inner, outer } = shadowed();
    const details: unknown[] = [];
    outer.addEventListener('card-close', (e) => details.push(e.detail));
    emit(inner, 'card-close', null);
    expect(details).to.deep.equal([null]);
    outer.remove();
  });
});
