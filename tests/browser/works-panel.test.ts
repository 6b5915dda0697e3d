import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/works-panel.ts';
import '../../src/components/reader-app.ts';
import type { WorksPanel, WorksActivateDetail, WorksText } from '../../src/components/works-panel.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import type { SidePanel } from '../../src/components/side-panel.ts';
import { parsePlainText } from '../../src/document/parse.ts';
import { until } from './support/wait.ts';

// An author–date text of our own: two citations resolve, one does not, one entry is cited by nobody; one title has TeX specials and markup.
const TEXT = `Harbours of the South

Trade grew fast in the first years of the port (Ode 2000, 12). Okafor (2019) disagrees with that reading of the records.

Later studies (Quist 2005) are not listed anywhere in this text, which is a mistake of the author.

References

Ode, K. 2000. Harbours & <b>Ports</b> of the South: 50% Growth. Leeds: Quay Books.

Okafor, N. 2019. “Sea Lanes.” Coastal Studies 3 (1): 1–9. doi:10.1000/CS.2019.3.

Unread, U. 1970. A Book Nobody Cites. Paris: Seine.
`;
const parsed = parsePlainText(TEXT);
const TEXTS: WorksText[] = [
  { id: 'harbours', entry: { title: 'Harbours of the South', author: 'A. Writer', publisher: null, label: 'Harbours', iri: 'https://example.org/harbours.txt' }, parsed: () => parsed },
];

async function mount(): Promise<WorksPanel> {
  const panel = document.createElement('works-panel');
  panel.texts = TEXTS;
  panel.hidden = false;
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

const root = (p: WorksPanel) => p.shadowRoot!;

/** Replaces the clipboard for the length of `run`, collecting what is written. */
async function withClipboard(run: (written: string[]) => Promise<void>): Promise<void> {
  const written: string[] = [];
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
  try {
    await run(written);
  } finally {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  }
}

describe('<works-panel>', () => {
  let panel: WorksPanel;
  beforeEach(async () => {
    panel = await mount();
  });
  afterEach(() => panel.remove());

  it('reads nothing and renders nothing while hidden', async () => {
    const hidden = document.createElement('works-panel');
    let asked = 0;
    hidden.texts = [{ ...TEXTS[0]!, parsed: () => (asked++, parsed) }];
    document.body.append(hidden);
    await hidden.updateComplete;
    expect(asked).to.equal(0);
    expect(getComputedStyle(hidden).display).to.equal('none');
    hidden.remove();
  });

  it('lists every work with its citing places, an uncited one saying so, and a labelled list', () => {
    const list = root(panel).querySelector('ol.works')!;
    expect(list.getAttribute('aria-label')).to.equal('Works cited in Harbours of the South');
    const items = [...list.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('.name')!.textContent.replace(/\s+/gu, ' ').trim())).to.deep.equal([
      'Ode (2000). Harbours & <b>Ports</b> of the South: 50% Growth',
      'Okafor (2019). Sea Lanes. Coastal Studies',
      'Unread (1970). A Book Nobody Cites',
    ]);
    expect(items[0]!.querySelector('b')).to.equal(null, 'markup in a title is text');
    expect([...items[0]!.querySelectorAll('button.place')].map((b) => b.textContent.trim())).to.deep.equal(['Ode 2000, 12']);
    expect(items[1]!.querySelector('a.title')!.getAttribute('href')).to.equal('https://doi.org/10.1000/CS.2019.3');
    expect(items[2]!.textContent).to.contain('Not cited in the text.');
    expect(root(panel).querySelector('h3')!.textContent).to.contain('3 works, 2 cited in the text');
  });

  it('jumps to a citing place and to the entry, by click and by keyboard', async () => {
    const got: WorksActivateDetail[] = [];
    panel.addEventListener('works-activate', (e) => got.push(e.detail));
    const place = root(panel).querySelectorAll<HTMLButtonElement>('li')[1]!.querySelector<HTMLButtonElement>('button.place')!;
    expect(place.getAttribute('aria-label')).to.equal('Go to citing place 1 of 1 of Okafor (2019). Sea Lanes');
    place.click();
    const entry = root(panel).querySelectorAll<HTMLButtonElement>('li')[1]!.querySelector<HTMLButtonElement>('button.entry')!;
    entry.focus();
    await sendKeys({ press: 'Enter' });
    expect(got).to.have.length(2);
    expect(TEXT.slice(got[0]!.from, got[0]!.to)).to.equal('Okafor (2019)');
    expect(TEXT.slice(got[1]!.from, got[1]!.to)).to.match(/^Okafor, N\. 2019\. “Sea Lanes\.”/u);
    expect(got.every((d) => d.docId === 'harbours')).to.equal(true);
  });

  it('lists the citation that matches no entry, and jumps to it', () => {
    const unresolved = root(panel).querySelector('ul.unresolved')!;
    const button = unresolved.querySelector<HTMLButtonElement>('button')!;
    expect(button.textContent.trim()).to.equal('Quist 2005');
    let detail: WorksActivateDetail | null = null;
    panel.addEventListener('works-activate', (e) => (detail = e.detail));
    button.click();
    expect(TEXT.slice(detail!.from, detail!.to)).to.equal('Quist 2005');
  });

  it('exports the works as BibTeX, RIS and CSL-JSON files', async () => {
    const files: { name: string; type: string; text: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      files.push({ name: this.download, type: '', text: this.href });
    };
    try {
      for (const b of root(panel).querySelectorAll<HTMLButtonElement>('button.export')) b.click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(files.map((f) => f.name)).to.deep.equal(['harbours-works.bib', 'harbours-works.ris', 'harbours-works.json']);
    const [bib, ris, csl] = await Promise.all(files.map(async (f) => (await fetch(f.text)).text()));
    expect(bib).to.contain('@book{ode2000,');
    expect(bib).to.contain('title = {{Harbours \\& <b>Ports</b> of the South: 50\\% Growth}}');
    expect(bib).to.contain('doi = {10.1000/CS.2019.3}');
    expect(ris!.match(/^TY {2}- /gmu)).to.have.length(3);
    const items = JSON.parse(csl!) as { id: string; title: string }[];
    expect(items.map((i) => i.id)).to.deep.equal(['ode2000', 'okafor2019', 'unread1970']);
    expect(root(panel).querySelector('[role="status"]')!.textContent).to.contain('3 works exported as CSL-JSON');
  });

  it('copies one work as BibTeX', async () => {
    await withClipboard(async (written) => {
      root(panel).querySelectorAll<HTMLButtonElement>('button.copy')[1]!.click();
      await until(() => written.length === 1, 'the clipboard written');
      expect(written[0]).to.match(/^@article\{okafor2019,/u);
      await panel.updateComplete;
      expect(root(panel).querySelector('[role="status"]')!.textContent).to.equal('BibTeX entry copied.');
    });
  });

  it('copies a citation of the selected passage; the button is disabled without one', async () => {
    const button = root(panel).querySelector<HTMLButtonElement>('button.copy-citation')!;
    expect(button.disabled).to.equal(true);
    const from = TEXT.indexOf('Trade grew fast');
    panel.selection = { docId: 'harbours', from, to: from + 'Trade grew fast'.length };
    await panel.updateComplete;
    expect(button.disabled).to.equal(false);
    await withClipboard(async (written) => {
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => written.length === 1, 'the clipboard written');
      expect(written[0]).to.match(/^“Trade grew fast” A\. Writer, “Harbours of the South”, paragraph 1, characters \d+–\d+\. /u);
      expect(written[0]).to.contain(`#doc=harbours&at=${from}-${from + 15}`);
    });
  });

  it('says so when the browser refuses the clipboard', async () => {
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    try {
      root(panel).querySelector<HTMLButtonElement>('button.copy')!.click();
      await until(() => root(panel).querySelector('[role="status"]')!.textContent.includes('refused'), 'the refusal reported');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});

describe('<reader-app> Works cited tab', () => {
  it('reads the texts only when shown, lists the works of the notes list, and jumps to a citing marker', async () => {
    const app = document.createElement('reader-app');
    app.setAttribute('documents-base', '/documents/');
    document.body.append(app);
    try {
      await until(() => app.querySelector('works-panel') && app.querySelectorAll('reader-view').length >= 2, 'app');
      const works = app.querySelector('works-panel')!;
      expect(works.hidden).to.equal(true);
      expect(works.shadowRoot!.querySelector('section')).to.equal(null, 'nothing rendered before the tab is shown');
      const tab = [...app.querySelector('side-panel')!.shadowRoot!.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('Works cited'));
      expect(tab, 'a Works cited tab').to.not.equal(undefined);
      (app.querySelector('side-panel') as SidePanel).select('works');
      await until(() => works.shadowRoot!.querySelector('ol.works li button.place'), 'works with citing places');
      const place = works.shadowRoot!.querySelector<HTMLButtonElement>('ol.works li button.place')!;
      const docId = place.closest('section')!.getAttribute('data-doc')!;
      place.click();
      const view = app.querySelector(`reader-view[data-doc="${docId}"]`) as ReaderView;
      await until(() => view.querySelector('.is-current'), 'the citing marker marked in its text');
    } finally {
      app.remove();
    }
  });
});
