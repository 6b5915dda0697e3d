/**
 * The margin bar beside a text (Hypothesis's "buckets"): a mark wherever
 * annotations cluster along the whole text, and counts of those above and
 * below the screen, each a button that scrolls to the nearest one.
 *
 * @fires bucket-activate - `{ top }` scroll to a bucket (its top in the scroll content, px)
 * @fires bucket-step - `{ direction: 'up' | 'down' }` go to the nearest annotation above or below
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cssProps } from '../css-props.ts';
import { emit } from '../events.ts';

export interface Bucket {
  /** Position along the bar, 0…1. */
  readonly at: number;
  /** Scroll-content top of the first annotation in the bucket, px. */
  readonly top: number;
  readonly count: number;
}

@customElement('margin-bar')
export class MarginBar extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  @property({ attribute: false }) buckets: readonly Bucket[] = [];
  @property({ type: Number }) above = 0;
  @property({ type: Number }) below = 0;
  @property() label = 'Annotations';

  override render() {
    return html`<div class="margin-bar" role="group" aria-label=${`${this.label}: where annotations are`}>
      <button class="step up" ?disabled=${!this.above} aria-label=${`${this.above} annotations above; go to the nearest`} @click=${() => this.step('up')}>
        ▲${this.above ? html`<span>${this.above}</span>` : nothing}
      </button>
      <div class="track">
        ${this.buckets.map(
          (b) => html`<button
            class="bucket"
            tabindex="-1"
            ${cssProps({ top: `${(b.at * 100).toFixed(2)}%` })}
            title=${`${b.count} annotation${b.count === 1 ? '' : 's'}`}
            aria-label=${`${b.count} annotations`}
            @click=${() => emit(this, 'bucket-activate', { top: b.top }, { composed: false })}
          ></button>`,
        )}
      </div>
      <button class="step down" ?disabled=${!this.below} aria-label=${`${this.below} annotations below; go to the nearest`} @click=${() => this.step('down')}>
        ▼${this.below ? html`<span>${this.below}</span>` : nothing}
      </button>
    </div>`;
  }

  private step(direction: 'up' | 'down'): void {
    emit(this, 'bucket-step', { direction }, { composed: false });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'margin-bar': MarginBar;
  }
}
