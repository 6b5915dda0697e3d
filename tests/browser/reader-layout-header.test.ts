import { expect } from '@esm-bundle/chai';
import '../../src/components/reader-view.ts';
import { decodeDocument } from '../../src/document/load.ts';
import type { DocumentEntry } from '../../src/document/manifest.ts';

function entry(id: string, layout?: DocumentEntry['layout']): DocumentEntry {
  return { id, file: `${id}.txt`, iri: `https://example.org/${id}`, kind: 'test', language: 'en', title: null, author: null, missing: [], label: id, ...(layout ? { layout } : {}) };
}

async function mount(id: string, text: string, layout?: DocumentEntry['layout']) {
  const view = document.createElement('reader-view');
  view.load = decodeDocument(entry(id, layout), new TextEncoder().encode(text).buffer);
  document.body.append(view);
  await view.updateComplete;
  return view;
}

const MARKDOWN = ['# An essay', '', 'A claim.[^1] Another.[^2]', '', '## Sources ##', '', '[^1]: First source.', '', '[^2]: Second source.', ''].join('\n');

describe('reader header: the layout the text was read in', () => {
  it('says how the text was read, under the title', async () => {
    const view = await mount('md', MARKDOWN);
    const line = view.querySelector('.reader-header .reader-layout')!;
    expect(line.textContent.replace(/\s+/g, ' ').trim()).to.equal('read as: blank-line paragraphs, Markdown headings, Markdown [^n] notes, note definitions');
    expect(view.querySelector('.layout-unknown')).to.equal(null);
    expect([...view.querySelectorAll('.reader-text h3')].map((h) => h.textContent.trim())).to.deep.equal(['An essay', 'Sources']);
    view.remove();
  });

  it('shows the manifest override as what the text was read in', async () => {
    const view = await mount('ov', MARKDOWN, { headings: 'none' });
    expect(view.querySelector('.reader-layout')!.textContent).to.contain('no headings');
    view.remove();
  });

  it('shows a text in an unknown layout as plain paragraphs, one per line, with a note that says so', async () => {
    const lines = Array.from({ length: 40 }, (_, k) => (k % 3 === 0 ? `item ${k} of the pile` : `x${k}`));
    const view = await mount('pile', lines.join('\n'));
    const note = view.querySelector('.reader-layout .layout-unknown')!;
    expect(note.getAttribute('role')).to.equal('note');
    expect(note.textContent).to.contain('not recognised');
    for (const section of view.querySelectorAll<HTMLElement>('.reader-text > section')) section.style.setProperty('content-visibility', 'visible');
    expect(view.querySelectorAll('.reader-text p:not(.caption-debris)').length).to.equal(40);
    view.remove();
  });
});
