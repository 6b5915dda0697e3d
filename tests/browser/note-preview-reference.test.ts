import { expect } from '@esm-bundle/chai';
import '../../src/components/note-preview.ts';
import type { NotePreview } from '../../src/components/note-preview.ts';
import { notePreviewContent } from '../../src/components/reader/footnote-resolve.ts';
import { decodeDocument, type LoadedDocument } from '../../src/document/load.ts';
import type { DocumentEntry } from '../../src/document/manifest.ts';
import { until } from './support/wait.ts';

const TEXT = `Copper diplomacy

A claim from a book.[1] A claim from a page.[2] A claim from nowhere.[3] A dangerous link.[4]

References

  1. ^ Doe, Jane (2011). Copper and Empire. Chapel Hill, NC: University Press. p. 150. doi:10.1000/xyz123.
  2. ^ Roe, Richard. "A Long Petal & Waves". Poetry Site. https://example.org/p_1. Retrieved 22 August 2020.
  3. ^ S2CID 153891489.
  4. ^ "Click me". Evil Site. javascript:alert(1). Retrieved 22 August 2020.
`;

function load(): LoadedDocument {
  const entry: DocumentEntry = { id: 'refs', file: 'refs.txt', iri: 'https://example.org/refs', kind: 'test', language: 'en', title: null, author: null, missing: [], label: 'refs' };
  const result = decodeDocument(entry, new TextEncoder().encode(TEXT).buffer);
  if (!result.ok) throw new Error(result.problem);
  return result.document;
}

async function show(number: number): Promise<NotePreview> {
  const doc = load();
  const content = notePreviewContent(doc, number, null);
  const preview = document.createElement('note-preview');
  preview.number = number;
  preview.text = content.text;
  preview.problem = content.problem;
  preview.reference = content.reference;
  document.body.append(preview);
  await preview.updateComplete;
  return preview;
}

const card = (p: NotePreview) => p.shadowRoot!.querySelector('.card')!;

describe('footnote preview with a parsed reference', () => {
  afterEach(() => document.querySelectorAll('note-preview').forEach((p) => p.remove()));

  it('shows author, year and the title linked to its DOI, above the entry text', async () => {
    const p = await show(1);
    const ref = card(p).querySelector('.reference')!;
    expect(ref.querySelector('.authors')!.textContent).to.equal('Doe, Jane');
    expect(ref.querySelector('.year')!.textContent).to.equal('(2011)');
    const link = ref.querySelector<HTMLAnchorElement>('a.title')!;
    expect(link.textContent).to.equal('Copper and Empire');
    expect(link.getAttribute('href')).to.equal('https://doi.org/10.1000/xyz123');
    expect(card(p).querySelector('.text')!.textContent).to.contain('Chapel Hill');
  });

  it('links the title to the entry URL, rendering the title as text', async () => {
    const p = await show(2);
    const link = card(p).querySelector<HTMLAnchorElement>('.reference a.title')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/p_1');
    expect(link.textContent).to.equal('A Long Petal & Waves');
    expect(link.rel).to.contain('noopener');
  });

  it('never makes a link of a URL that is not http(s)', async () => {
    const p = await show(4);
    expect(card(p).querySelector('.reference .title')!.textContent).to.equal('Click me');
    expect(card(p).querySelector('.reference a')).to.equal(null);
  });

  it('shows no reference line and no copy button for an entry with no author, year or title', async () => {
    const p = await show(3);
    expect(card(p).querySelector('.reference')).to.equal(null);
    expect(card(p).querySelector('.copy-bibtex')).to.equal(null);
    expect(card(p).querySelector('.goto')).to.not.equal(null);
  });

  it('copies the reference as BibTeX and says so', async () => {
    const p = await show(1);
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    try {
      let copied: string | null = null;
      p.addEventListener('note-preview-copied', (e) => (copied = e.detail.bibtex));
      card(p).querySelector<HTMLButtonElement>('.copy-bibtex')!.click();
      await until(() => card(p).querySelector('.copied'), 'the copy status');
      expect(written).to.have.length(1);
      expect(written[0]).to.match(/^@book\{note-1,/u);
      expect(written[0]).to.contain('author = {Doe, Jane}');
      expect(written[0]).to.contain('doi = {10.1000/xyz123}');
      expect(copied).to.equal(written[0]);
      expect(card(p).querySelector('.copied')!.textContent).to.equal('Copied');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('says so when the browser refuses the clipboard', async () => {
    const p = await show(2);
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    try {
      card(p).querySelector<HTMLButtonElement>('.copy-bibtex')!.click();
      await until(() => card(p).querySelector('.copied'), 'the copy status');
      expect(card(p).querySelector('.copied')!.textContent).to.equal('Copy refused by the browser');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});
