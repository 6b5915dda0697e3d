import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-view.ts';
import '../../src/components/flags-panel.ts';
import { settle, until } from './support/wait.ts';
import { decodeDocument } from '../../src/document/load.ts';

// The page's policy forbids style attributes; this page gets the same rule before anything renders.
const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
meta.content = "style-src 'self'";
document.head.append(meta);

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));

const TEXT = `Policy test

A claim.[1] Another claim.[2] A third.[1]

References

  1. ^ a b First source.
  2. ^ Second source.
`;

describe('footnotes and flags under a style-src policy', () => {
  it('the policy is in force (a style attribute is refused)', async () => {
    const probe = document.createElement('div');
    document.body.append(probe);
    probe.setAttribute('style', 'color: red');
    await until(() => violations.length > 0, 'a violation report');
    probe.remove();
    expect(violations.length).to.be.greaterThan(0);
    violations.length = 0;
  });

  it('opens, pins, positions and jumps from previews, and lists flags, without a violation', async () => {
    const load = decodeDocument(
      { id: 'csp', file: 'csp.txt', iri: 'https://example.org/csp', kind: 'test', language: 'en', title: 'Policy test', author: null, missing: [], label: 'Policy test' },
      new TextEncoder().encode(TEXT).buffer,
    );
    const view = document.createElement('reader-view');
    view.load = load;
    document.body.append(view);
    await view.updateComplete;
    const controller = view.footnoteController;
    const marker = view.querySelector<HTMLElement>('a.noteref')!;
    controller.open(marker);
    const preview = document.querySelector('note-preview')!;
    await preview.updateComplete;
    expect(preview.shadowRoot!.querySelector<HTMLElement>('.card')!.style.getPropertyValue('left')).to.match(/px$/);
    marker.click();
    await preview.updateComplete;
    expect(controller.goToNote()).to.equal(true);
    expect(controller.back()).to.equal(true);
    const panel = document.createElement('flags-panel');
    panel.items = [{ id: 'f', docId: 'csp', docLabel: 'Policy test', tag: 'garbled', description: 'd', quote: 'q', from: 0, to: 1, confidence: 0.5 }];
    document.body.append(panel);
    await panel.updateComplete;
    panel.step(1);
    await panel.updateComplete;
    // Reports arrive as events after the fact: let any that were queued arrive before checking there are none.
    await settle();
    expect(violations).to.deep.equal([]);
    controller.detach();
    view.remove();
    panel.remove();
  });
});
