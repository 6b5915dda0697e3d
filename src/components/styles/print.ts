/**
 * Print: both texts in full, one after the other, black on white, with
 * annotations reduced to what reads on paper (underlines and notes kept,
 * controls dropped).
 */
import { css } from 'lit';

export const printStyles = css`
  @media print {
    :root {
      --bg: #fff;
      --surface: #fff;
      --text: #000;
      --muted: #333;
      --border: #999;
    }
    html,
    body {
      background: #fff;
      color: #000;
    }
    reader-app main {
      display: block !important;
      padding: 0 !important;
    }
    reader-view,
    reader-view.hidden-narrow {
      display: block !important;
      border: none !important;
      break-before: page;
    }
    reader-view .reader-scroll {
      overflow: visible !important;
    }
    reader-view .reader-outline,
    .span-marker,
    .no-print,
    side-panel:not([selected='timeline']),
    claim-connectors,
    note-preview,
    annotation-card {
      display: none !important;
    }
    /* The timeline, when it is the list shown, prints after the texts as its list of dated statements. */
    side-panel[selected='timeline'] {
      display: block !important;
      border: none !important;
      break-before: page;
    }
    .reader-text > section.doc-section {
      content-visibility: visible !important;
    }
    .reader-text {
      max-width: none;
      font-size: 11pt;
      padding: 0;
    }
    .reader-text a.noteref {
      color: #000;
    }
    .is-current {
      outline: none;
      background: none;
    }
  }
`;
