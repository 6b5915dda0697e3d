import { expect } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { DocumentPicker } from '../../src/components/document-picker.ts';
import { readUrlState } from '../../src/app/url-state.ts';
import { composedTexts, serveFixture, type Fixture } from './support/fixture-texts.ts';
import { mountReader } from './support/mount.ts';
import { until } from './support/wait.ts';

const shownIds = (app: ReaderApp) => [...app.querySelectorAll('reader-view')].filter((v) => getComputedStyle(v).display !== 'none').map((v) => (v as HTMLElement).dataset.doc);

/** Width of the text itself (content box of the ProseMirror view) in a view. */
function textWidth(view: Element): number {
  const text = view.querySelector('.reader-text') as HTMLElement;
  const style = getComputedStyle(text);
  return text.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

function picker(app: ReaderApp): DocumentPicker {
  return app.querySelector('document-picker')!;
}

async function openPicker(app: ReaderApp): Promise<HTMLElement[]> {
  document.body.focus();
  await sendKeys({ press: 't' });
  const p = picker(app);
  await until(() => p.shadowRoot!.querySelector('[role="listbox"]'), 'text list open');
  return [...p.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
}

function expectReadable(app: ReaderApp, count: number): void {
  const views = [...app.querySelectorAll('reader-view')];
  expect(views.length, 'texts on screen').to.equal(count);
  for (const v of views) {
    const box = v.getBoundingClientRect();
    expect(textWidth(v), `text width of ${(v as HTMLElement).dataset.doc}`).to.be.at.least(420);
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(window.innerWidth);
    expect(box.height, 'a full-height column, not a strip').to.be.greaterThan(600);
  }
}

describe('a reader with any number of texts', () => {
  let fixture: Fixture | null = null;
  beforeEach(async () => {
    await setViewport({ width: 1440, height: 900 });
    history.replaceState(null, '', location.pathname + location.search);
  });
  afterEach(() => {
    fixture?.restore();
    fixture = null;
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('three texts at 1440 px: two side by side with the lists beside them, the third one key away', async () => {
    fixture = serveFixture('three', composedTexts(3));
    const app = await mountReader(fixture.base);
    expect(shownIds(app)).to.deep.equal(['t1', 't2']);
    expectReadable(app, 2);
    const panel = app.querySelector('side-panel')!.getBoundingClientRect();
    const first = app.querySelector('reader-view')!.getBoundingClientRect();
    expect(panel.top, 'the lists beside the texts, not below').to.be.closeTo(first.top, 2);
    expect(panel.left).to.be.greaterThan(first.right);

    const options = await openPicker(app);
    expect(options.map((o) => o.getAttribute('aria-selected'))).to.deep.equal(['true', 'true', 'false']);
    expect(picker(app).shadowRoot!.activeElement).to.equal(options[0]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(picker(app).shadowRoot!.activeElement).to.equal(options[2]);
    await sendKeys({ press: ' ' });
    await until(() => app.querySelectorAll('reader-view').length === 3, 'third text shown');
    await until(() => app.querySelector('reader-view[data-doc="t3"] .reader-text p'), 'third text drawn');
    expectReadable(app, 3);
    expect(readUrlState(location.hash).texts).to.deep.equal(['t1', 't2', 't3']);
    await sendKeys({ press: 'Escape' });
    await until(() => !picker(app).open, 'list closed');

    // No room beside three texts: the lists open over them on demand, and Esc closes them.
    const side = app.querySelector('side-panel')!;
    expect(getComputedStyle(side).display).to.equal('none');
    const toggle = app.querySelector('.lists-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await app.updateComplete;
    expect(getComputedStyle(side).display).to.not.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    app.remove();
  });

  it('five texts: the list names each by title, at most three side by side, the URL keeps the choice', async () => {
    const texts = composedTexts(5).map((t, i) => (i === 3 ? { ...t, title: null } : t));
    fixture = serveFixture('five', texts);
    const app = await mountReader(fixture.base);
    const options = await openPicker(app);
    const listbox = picker(app).shadowRoot!.querySelector('[role="listbox"]')!;
    expect(listbox.getAttribute('aria-multiselectable')).to.equal('true');
    expect(options.map((o) => o.querySelector('.name')!.textContent.trim())).to.deep.equal([
      'Composed text t1',
      'Composed text t2',
      'Composed text t3',
      'Label of t4',
      'Composed text t5',
    ]);
    options[4]!.click();
    options[2]!.click();
    await until(() => app.querySelectorAll('reader-view').length === 3, 'three texts');
    // A fourth takes the last place, and the list says so.
    options[3]!.click();
    await until(() => shownIds(app).includes('t4'), 't4 shown');
    expect(shownIds(app)).to.deep.equal(['t1', 't2', 't4']);
    expect(picker(app).shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('instead of Composed text t3');
    expect(readUrlState(location.hash).texts).to.deep.equal(['t1', 't2', 't4']);
    // Closing a text from the list.
    options[0]!.click();
    await until(() => shownIds(app).length === 2, 't1 closed');
    expect(shownIds(app)).to.deep.equal(['t2', 't4']);
    const hash = location.hash;
    app.remove();

    // A reload with that URL shows the same texts.
    history.replaceState(null, '', hash);
    const again = await mountReader(fixture.base);
    expect(shownIds(again)).to.deep.equal(['t2', 't4']);
    again.remove();
  });

  it('twenty texts: opens with only the texts on screen parsed; every text is searchable and one click away', async () => {
    fixture = serveFixture('twenty', composedTexts(20, { sections: 6, paragraphs: 8 }));
    const app = await mountReader(fixture.base);
    const session = app.annotationSession!;
    expect(session.documents.length).to.equal(20);
    expect(session.documents.filter((d) => d.isParsed).map((d) => d.entry.id)).to.deep.equal(['t1', 't2']);
    // Search sees a text that is not on screen, and activating its hit brings it on screen.
    const source20 = session.documents.find((d) => d.entry.id === 't20')!.source;
    const word = source20.slice(source20.indexOf('\n\n') + 2).split(' ')[0]!;
    const hit = (await session.search.search(word)).hits.find((h) => h.document === 't20');
    expect(hit, 'a hit in text 20').to.not.equal(undefined);
    const [from, to] = hit!.matches[0]!;
    await app.reveal('t20', from, to);
    await until(() => app.querySelector('reader-view[data-doc="t20"] .is-current'), 'hit shown in text 20');
    expect(shownIds(app)).to.deep.equal(['t1', 't20']);
    expect(session.documents.filter((d) => d.isParsed).length).to.equal(3);
    app.remove();
  });

  it('narrow screens switch between texts by their labels, and reach the others in the list', async () => {
    await setViewport({ width: 390, height: 844 });
    fixture = serveFixture('narrow', composedTexts(5));
    const app = await mountReader(fixture.base);
    expect(shownIds(app)).to.deep.equal(['t1']);
    const tabs = [...app.querySelectorAll<HTMLButtonElement>('.switch [role="tab"]')];
    expect(tabs.map((t) => t.textContent.trim())).to.deep.equal(['Label of t1', 'Label of t2', 'Lists']);
    tabs[1]!.click();
    await until(() => shownIds(app)[0] === 't2', 'second text in front');
    const options = await openPicker(app);
    expect(picker(app).shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-multiselectable')).to.equal('false');
    options[4]!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shownIds(app)[0] === 't5', 'fifth text in front');
    expect(shownIds(app)).to.deep.equal(['t5']);
    const labels = [...app.querySelectorAll<HTMLButtonElement>('.switch [role="tab"]')].map((t) => t.textContent.trim());
    expect(labels).to.include('Label of t5');
    app.remove();
  });
});
