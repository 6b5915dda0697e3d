import { expect } from '@esm-bundle/chai';
import type { SidePanel } from '../../src/components/side-panel.ts';
import { mountReader } from './support/mount.ts';
import { until } from './support/wait.ts';

describe('panels whose code loads on demand', () => {
  it('loads the Timeline only when its tab is first shown, and it then shows the texts’ dated events', async () => {
    const app = await mountReader('/documents/', { annotationsBase: '/annotations/' });
    try {
      expect(customElements.get('timeline-panel'), 'not defined with the reader').to.equal(undefined);
      expect(customElements.get('claim-compare'), 'nor the Compare dialog').to.equal(undefined);
      const timeline = app.querySelector('timeline-panel')!;
      expect(timeline, 'its tab is there').to.not.equal(null);
      expect(timeline.shadowRoot, 'an element not yet defined draws nothing').to.equal(null);
      const side = app.querySelector('side-panel') as SidePanel;
      const tab = [...side.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent.includes('Timeline'))!;
      tab.click();
      await customElements.whenDefined('timeline-panel');
      await until(() => timeline.shadowRoot?.querySelectorAll('button.event').length, 'events on the timeline');
      expect(timeline.shadowRoot!.querySelectorAll('button.event').length).to.be.greaterThan(5);
    } finally {
      app.remove();
    }
  });

  it('loads the Compare dialog when Compare is first asked for', async () => {
    const app = await mountReader('/documents/', { annotationsBase: '/annotations/' });
    try {
      expect(customElements.get('claim-compare')).to.equal(undefined);
      // The caret in a paragraph of the first text: Compare takes the sentence there.
      const paragraph = app.querySelector('reader-view .reader-text p')!;
      const text = [...paragraph.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').length > 10)!;
      window.getSelection()!.setBaseAndExtent(text, 5, text, 5);
      expect(app.openCompare()).to.equal(true);
      await customElements.whenDefined('claim-compare');
      const dialog = await until(() => app.querySelector('claim-compare')?.shadowRoot, 'the Compare dialog drawn');
      expect(dialog.textContent ?? '').to.not.equal('');
    } finally {
      app.remove();
    }
  });
});
