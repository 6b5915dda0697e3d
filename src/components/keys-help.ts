/**
 * The list of keyboard shortcuts, behind a "Keys" disclosure in the toolbar.
 * Light DOM, styled by the app's stylesheet.
 */
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

@customElement('keys-help')
export class KeysHelp extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    return html`
    <details class="keys">
      <summary>Keys</summary>
      <div class="keys-panel" role="note" aria-label="Keyboard shortcuts">
        <dl>
          <dt><kbd>Tab</kbd></dt><dd>move between outline, text, footnote markers, claim markers and panels</dd>
          <dt><kbd>Shift</kbd>+arrows</dt><dd>select text in a focused text (with <kbd>Ctrl</kbd>/<kbd>Alt</kbd>: by sentence, paragraph)</dd>
          <dt><kbd>T</kbd></dt><dd>the list of texts: choose which are side by side (arrows, Space or Enter; <kbd>Esc</kbd> closes)</dd>
          <dt><kbd>A</kbd></dt><dd>write a note on the selection</dd>
          <dt><kbd>C</kbd></dt><dd>compare: what the other texts say about the selection, or the sentence at the caret</dd>
          <dt><kbd>Enter</kbd></dt><dd>on an annotated passage: open its card; on a footnote marker: pin its preview</dd>
          <dt><kbd>Esc</kbd></dt><dd>close a card or preview</dd>
          <dt><kbd>Backspace</kbd></dt><dd>back from a footnote entry to its marker</dd>
          <dt><kbd>]</kbd> <kbd>[</kbd> (or <kbd>j</kbd> <kbd>k</kbd>)</dt><dd>next / previous claim link</dd>
          <dt><kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd></dt><dd>search; <kbd>Enter</kbd> / <kbd>Shift</kbd>+<kbd>Enter</kbd> step through hits</dd>
          <dt><kbd>n</kbd> <kbd>p</kbd></dt><dd>next / previous flag in the flags list</dd>
        </dl>
      </div>
    </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keys-help': KeysHelp;
  }
}
