import { expect } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/reader-app.ts';
import type { ReaderApp } from '../../src/components/reader-app.ts';
import type { ReaderView } from '../../src/components/reader-view.ts';
import type { AnnotationCard } from '../../src/components/annotation-card.ts';
import { until } from './support/wait.ts';


async function mountApp(): Promise<ReaderApp> {
  const app = document.createElement('reader-app');
  app.setAttribute('documents-base', '/documents/');
  app.setAttribute('annotations-base', '/annotations/');
  app.setAttribute('store-name', `test-ui-${crypto.randomUUID()}`);
  const ready = new Promise((r) => app.addEventListener('reader-ready', r, { once: true }));
  document.body.append(app);
  await ready;
  await app.updateComplete;
  return app;
}

describe('reader interface', () => {
  before(async () => {
    await setViewport({ width: 1440, height: 900 });
  });

  it('opens a card on hover after a short delay, and closes it after the pointer leaves', async () => {
    const app = await mountApp();
    const view = app.querySelector('reader-view') as ReaderView;
    await until(() => view.querySelector('.hl-flag'), 'drawn flag');
    const span = view.querySelector('.hl-flag') as HTMLElement;
    const r = span.getBoundingClientRect();
    const card = app.querySelector('annotation-card') as AnnotationCard;
    view.editorView!.dom.dispatchEvent(new MouseEvent('mousemove', { clientX: r.left + 2, clientY: r.top + r.height / 2, bubbles: true }));
    expect(card.hidden, 'not at once').to.equal(true);
    await until(() => !card.hidden && card.shadowRoot!.textContent.length > 0, 'card open');
    expect(card.shadowRoot!.querySelector('[role="dialog"]')).to.not.equal(null);
    view.editorView!.dom.dispatchEvent(new MouseEvent('mouseleave', { bubbles: false }));
    await until(() => card.hidden, 'card closed');
    app.remove();
  });

  it('opens the card from the keyboard with Enter on an annotated passage, and Esc closes it', async () => {
    const app = await mountApp();
    const view = app.querySelector('reader-view') as ReaderView;
    const span = await until(() => view.querySelector('.hl-flag'), 'drawn flag');
    const text = view.querySelector('.reader-text') as HTMLElement;
    text.focus();
    window.getSelection()!.collapse(span.firstChild, 1);
    await sendKeys({ press: 'Enter' });
    const card = app.querySelector('annotation-card') as AnnotationCard;
    await until(() => !card.hidden, 'card open');
    await until(() => card.shadowRoot!.activeElement, 'focus inside the card');
    await sendKeys({ press: 'Escape' });
    await until(() => card.hidden, 'card closed by Esc');
    app.remove();
  });

  it('shows annotations above and below the screen in the margin bar, and steps to them', async () => {
    const app = await mountApp();
    const view = app.querySelector('reader-view[data-doc="journal-warsaw-pact-chile"]') as ReaderView;
    const bar = view.querySelector('margin-bar')!;
    await until(() => bar.querySelectorAll('.bucket').length > 3, 'buckets');
    const down = bar.querySelector('.step.down') as HTMLButtonElement;
    await until(() => !down.disabled, 'annotations below');
    const scroller = view.querySelector('.reader-scroll') as HTMLElement;
    down.click();
    await until(() => scroller.scrollTop > 0, 'scrolled down');
    const up = bar.querySelector('.step.up') as HTMLButtonElement;
    await until(() => !up.disabled || scroller.scrollTop < 50, 'up state updated');
    app.remove();
  });

  it('moves between side-panel tabs with the arrow keys', async () => {
    const app = await mountApp();
    const panel = app.querySelector('side-panel')!;
    const tabs = [...panel.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.length).to.be.at.least(3);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => tabs[1]!.getAttribute('aria-selected') === 'true', 'second tab selected');
    const visible = [...panel.children].filter((c) => !(c as HTMLElement).hidden);
    expect(visible.length).to.equal(1);
    expect((visible[0] as HTMLElement).dataset.tab).to.equal(tabs[1]!.id.replace('tab-', ''));
    app.remove();
  });

  it('focuses the search box with "/" and keeps the query in the URL', async () => {
    const app = await mountApp();
    document.body.focus();
    await sendKeys({ press: '/' });
    const panel = app.querySelector('search-panel')!;
    await until(() => panel.shadowRoot!.activeElement?.getAttribute('role') === 'searchbox', 'search box focused');
    await sendKeys({ type: 'Corvalan' });
    await until(() => location.hash.includes('q=Corvalan'), 'query in the URL');
    await sendKeys({ press: 'Enter' });
    await until(() => app.querySelector('.is-current'), 'current hit marked');
    history.replaceState(null, '', location.pathname);
    app.remove();
  });

  it('switches themes and remembers the choice', async () => {
    const app = await mountApp();
    const select = app.querySelector('.theme select') as HTMLSelectElement;
    select.value = 'dark';
    select.dispatchEvent(new Event('change'));
    expect(document.documentElement.dataset.theme).to.equal('dark');
    expect(localStorage.getItem('reader.theme')).to.equal('dark');
    expect(getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()).to.equal('#16171a');
    select.value = 'system';
    select.dispatchEvent(new Event('change'));
    expect(document.documentElement.hasAttribute('data-theme')).to.equal(false);
    app.remove();
  });

  it('has a print stylesheet that shows both texts in full', () => {
    const rules = [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSMediaRule && r.conditionText === 'print');
    expect(rules.length).to.be.greaterThan(0);
    expect(rules.map((r) => r.cssText).join('\n')).to.contain('reader-view');
  });

  it('stacks the texts on a narrow screen with a switch between them', async () => {
    await setViewport({ width: 390, height: 844 });
    const app = await mountApp();
    const views = [...app.querySelectorAll('reader-view')] as ReaderView[];
    const shown = () => views.filter((v) => getComputedStyle(v).display !== 'none');
    expect(shown().length).to.equal(1);
    const tabs = [...app.querySelectorAll<HTMLButtonElement>('.switch [role="tab"]')];
    tabs[1]!.click();
    await app.updateComplete;
    expect(shown()).to.deep.equal([views[1]]);
    app.remove();
    await setViewport({ width: 1440, height: 900 });
  });
});
