/**
 * The reader view: header, outline, and the text (ProseMirror's base rules
 * included, since the view lives in light DOM). Annotation styles use three
 * separate channels so that overlapping annotations stay readable: own notes
 * a background, flags a text decoration, claim links an underline bar.
 */
import { css } from 'lit';

export const readerStyles = css`
  reader-view {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: 6px;
  }
  reader-view .reader {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
  }
  reader-view .reader-header {
    padding: 0.75rem 1.25rem 0.5rem;
    border-bottom: 1px solid var(--border);
  }
  reader-view .reader-title {
    margin: 0;
    font: 600 1.15rem/1.3 var(--font-text);
  }
  reader-view .title-missing {
    font-style: italic;
    color: var(--flag-loss);
  }
  reader-view .reader-meta {
    margin: 0.25rem 0 0;
    font-size: 0.8rem;
    color: var(--muted);
  }
  reader-view .reader-meta a {
    color: inherit;
  }
  reader-view .reader-outline {
    border-bottom: 1px solid var(--border);
    max-height: 5.5rem;
    overflow: auto;
    padding: 0.25rem 0.75rem;
    background: var(--surface-2);
  }
  reader-view .reader-outline ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.4rem;
  }
  reader-view .reader-outline button {
    font: 0.78rem/1.3 var(--font-ui);
    color: var(--text);
    background: none;
    border: 1px solid transparent;
    border-radius: 4px;
    padding: 0.1rem 0.35rem;
    cursor: pointer;
  }
  reader-view .reader-outline button:hover,
  reader-view .reader-outline button.active {
    border-color: var(--border);
    background: var(--surface);
  }
  reader-view .reader-body {
    flex: 1;
    display: flex;
    min-height: 0;
  }
  reader-view .reader-scroll {
    flex: 1;
    overflow: auto;
    min-height: 0;
    /* The text's layout never depends on what is around it: changes outside
       (margin bar counts, toolbar) must not lay out a long text again. */
    contain: strict;
    scroll-padding: 2rem;
  }
  margin-bar {
    display: block;
    width: 1.6rem;
    flex: none;
    contain: strict;
    border-left: 1px solid var(--border);
    background: var(--surface-2);
  }
  margin-bar .margin-bar {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  margin-bar .track {
    position: relative;
    flex: 1;
    margin: 0.2rem 0;
  }
  margin-bar .bucket {
    position: absolute;
    left: 0.3rem;
    right: 0.3rem;
    height: 3px;
    padding: 0;
    border: none;
    border-radius: 2px;
    background: var(--accent);
    opacity: 0.7;
    cursor: pointer;
  }
  margin-bar .step {
    font: 0.62rem/1.1 var(--font-ui);
    border: none;
    background: none;
    color: var(--muted);
    padding: 0.25rem 0;
    cursor: pointer;
    display: flex;
    flex-direction: column;
    align-items: center;
  }
  margin-bar .step:disabled {
    opacity: 0.35;
    cursor: default;
  }
  reader-view .reader-error {
    margin: 1.5rem;
    padding: 1rem 1.25rem;
    border: 1px solid var(--flag-loss);
    border-left-width: 4px;
    border-radius: 4px;
  }
  reader-view .reader-error p {
    margin: 0.4rem 0 0;
  }
  reader-view .reader-error .hint {
    color: var(--muted);
    font-size: 0.9rem;
  }

  /* ProseMirror base rules (prosemirror-view/style/prosemirror.css), needed in light DOM. */
  .ProseMirror {
    position: relative;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  .ProseMirror pre {
    white-space: pre-wrap;
  }
  .ProseMirror li {
    position: relative;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-selectednode {
    outline: 2px solid #8cf;
  }

  .reader-text {
    font: 1.02rem/1.65 var(--font-text);
    padding: 0.5rem 1.5rem 3rem;
    max-width: 42rem;
    margin: 0 auto;
    outline: none;
    hyphens: auto;
  }
  .reader-text:focus-visible {
    box-shadow: inset 0 0 0 2px var(--focus);
  }
  /* Off-screen sections are neither laid out nor painted until they come near
     (their last size is remembered), which keeps long texts fluid. */
  .reader-text > section.doc-section {
    content-visibility: auto;
    contain-intrinsic-size: auto 1200px;
  }
  .reader-text p {
    margin: 0 0 0.85em;
  }
  .reader-text .doc-title {
    font-size: 1.5rem;
    font-weight: 600;
    margin: 0.6em 0 0.4em;
  }
  .reader-text .doc-heading {
    font: 600 1.12rem/1.35 var(--font-text);
    margin: 1.4em 0 0.5em;
  }
  .reader-text .caption-debris {
    font-family: var(--font-ui);
    font-size: 0.82rem;
    color: var(--muted);
    border-left: 3px solid var(--border);
    padding-left: 0.5rem;
  }
  .reader-text span.caption-debris {
    border: none;
    padding: 0;
    display: inline;
  }
  .reader-text .doc-list {
    margin: 0 0 0.85em;
  }
  .reader-text .doc-notes {
    font-size: 0.88rem;
    line-height: 1.5;
    padding-left: 2.2rem;
  }
  .reader-text .doc-note {
    margin-bottom: 0.3em;
  }
  .reader-text .doc-note.is-target {
    background: var(--current);
  }
  .reader-text a.noteref {
    color: var(--accent);
    text-decoration: none;
    font-family: var(--font-ui);
    font-size: 0.72em;
    vertical-align: super;
    line-height: 0;
    padding: 0 0.1em;
    border-radius: 2px;
  }
  .reader-text a.noteref:hover,
  .reader-text a.noteref:focus-visible {
    background: var(--current);
    text-decoration: underline;
  }
  .reader-text .unsupported-tag {
    font-family: var(--font-ui);
    font-size: 0.75em;
    color: var(--flag-unsupported);
    font-style: italic;
  }

  /* Stand-off annotations. */
  .hl {
    border-radius: 1px;
  }
  .hl-note {
    background: var(--own-note);
  }
  .hl-note.hl-shared {
    background: rgba(70, 130, 220, 0.16);
    box-shadow: inset 0 -2px 0 rgba(60, 110, 200, 0.75);
  }
  .hl-flag {
    text-decoration-line: underline;
    text-decoration-style: wavy;
    text-decoration-thickness: 1px;
    text-underline-offset: 3px;
    text-decoration-skip-ink: none;
  }
  .hl-truncated,
  .hl-missing-passage,
  .hl-missing-notes {
    text-decoration-color: var(--flag-loss);
  }
  .hl-garbled {
    text-decoration-color: var(--flag-garbled);
  }
  .hl-split {
    text-decoration-color: var(--flag-split);
    text-decoration-style: dotted;
  }
  .hl-unsupported {
    text-decoration-color: var(--flag-unsupported);
    text-decoration-style: dashed;
  }
  .hl-contradiction {
    text-decoration-color: var(--flag-contradiction);
    text-decoration-style: double;
  }
  .hl-broken-reference,
  .hl-uncited-reference,
  .hl-unresolved-footnote {
    text-decoration-color: var(--flag-reference);
    text-decoration-style: dotted;
  }
  .hl-footnote {
    background: transparent;
  }
  .hl-claim {
    box-shadow: inset 0 -2px 0 var(--claim-related);
  }
  .hl-claim.hl-agrees {
    box-shadow: inset 0 -2px 0 var(--claim-agrees);
  }
  .hl-claim.hl-conflicts {
    box-shadow: inset 0 -3px 0 var(--claim-conflicts);
    background-image: linear-gradient(var(--claim-conflicts-bg), var(--claim-conflicts-bg));
  }
  .hl-orphan-target {
    outline: 1px dashed var(--muted);
  }
  .span-marker {
    font: 0.7rem/1 var(--font-ui);
    vertical-align: super;
    margin: 0 0.15em;
    padding: 0.05em 0.25em;
    border: 1px solid var(--claim-related);
    border-radius: 3px;
    background: var(--surface);
    color: var(--claim-related);
    cursor: pointer;
  }
  .span-marker::before {
    content: '⇄';
  }
  .span-marker.marker-agrees {
    border-color: var(--claim-agrees);
    color: var(--claim-agrees);
  }
  .span-marker.marker-conflicts {
    border-color: var(--claim-conflicts);
    color: var(--surface);
    background: var(--claim-conflicts);
  }
  .is-current {
    background-color: var(--current);
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }
  ::highlight(search-hit) {
    background-color: var(--search-hit);
  }
  ::highlight(search-current) {
    background-color: var(--search-current);
    color: inherit;
  }
`;

/** Panels that live in light DOM (the layers panel shows samples of the highlight classes). */
export const panelStyles = css`
  layers-panel {
    display: block;
    padding: 0.5rem 0.75rem;
    font: 0.85rem/1.45 var(--font-ui);
  }
  layers-panel fieldset {
    border: 1px solid var(--border);
    border-radius: 5px;
    margin: 0 0 0.6rem;
    padding: 0.35rem 0.6rem 0.5rem;
  }
  layers-panel legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  layers-panel .row {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    margin: 0.15rem 0;
  }
  layers-panel .count {
    color: var(--muted);
    margin-left: auto;
    font-size: 0.78rem;
  }
  layers-panel .buttons {
    margin-top: 0.4rem;
  }
  layers-panel button,
  layers-panel .file-button {
    font: inherit;
    font-size: 0.8rem;
    border: 1px solid var(--border);
    background: var(--surface-2);
    color: var(--text);
    border-radius: 4px;
    padding: 0.15rem 0.55rem;
    cursor: pointer;
  }
  layers-panel .file-button input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  layers-panel .file-button:focus-within {
    outline: 2px solid var(--focus);
  }
  layers-panel .legend {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  layers-panel .legend li {
    margin: 0.2rem 0;
  }
  layers-panel .sample {
    font-family: var(--font-text);
    margin-right: 0.35rem;
  }
  layers-panel .problems li {
    color: var(--flag-loss);
    overflow-wrap: anywhere;
  }
  layers-panel .status {
    margin: 0.3rem 0 0;
    color: var(--muted);
    overflow-wrap: anywhere;
  }
  layers-panel .import-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.5rem;
    margin: 0.4rem 0 0;
  }
  layers-panel .import-progress progress {
    flex: 1 1 8rem;
  }
  layers-panel .import-words {
    color: var(--muted);
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }
  layers-panel .hint {
    margin: 0.3rem 0 0;
    color: var(--muted);
    font-size: 0.8rem;
  }
`;
