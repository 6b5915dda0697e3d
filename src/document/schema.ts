/**
 * The ProseMirror schema of a source text.
 *
 * Top-level children are sections (a heading and the blocks under it), not
 * paragraphs: `DecorationSet` cost grows with top-level children × decorations,
 * so grouping keeps redraws cheap on long texts (stack notes).
 */
import { Schema, type DOMOutputSpec } from 'prosemirror-model';

export const schema = new Schema({
  nodes: {
    doc: { content: 'title? section+' },
    title: {
      content: 'inline*',
      defining: true,
      // The view's header carries the title as a heading; this is the title line as the text has it.
      toDOM: (): DOMOutputSpec => ['p', { class: 'doc-title' }, 0],
    },
    section: {
      content: 'heading? block*',
      attrs: { continued: { default: false } },
      toDOM: (node): DOMOutputSpec => ['section', { class: node.attrs.continued ? 'doc-section continued' : 'doc-section' }, 0],
    },
    heading: {
      content: 'inline*',
      attrs: { index: { default: 0 } },
      defining: true,
      toDOM: (node): DOMOutputSpec => ['h3', { class: 'doc-heading', 'data-heading': String(node.attrs.index) }, 0],
    },
    paragraph: {
      group: 'block',
      content: 'inline*',
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    caption: {
      group: 'block',
      content: 'inline*',
      toDOM: (): DOMOutputSpec => ['p', { class: 'caption-debris', title: 'Image or infobox caption left in the text' }, 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      toDOM: (): DOMOutputSpec => ['ul', { class: 'doc-list' }, 0],
    },
    list_item: {
      content: 'inline*',
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    notes: {
      group: 'block',
      content: 'note+',
      toDOM: (): DOMOutputSpec => ['ol', { class: 'doc-notes', role: 'doc-endnotes' }, 0],
    },
    note: {
      content: 'inline*',
      attrs: { number: { default: 0 }, backlinks: { default: '' } },
      toDOM: (node): DOMOutputSpec => [
        'li',
        { class: 'doc-note', value: String(node.attrs.number), role: 'doc-footnote', 'data-note': String(node.attrs.number) },
        0,
      ],
    },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      // A source line break: text extraction reads it as one.
      leafText: () => '\n',
      toDOM: (): DOMOutputSpec => ['br'],
    },
  },
  marks: {
    noteref: {
      attrs: { number: { default: 0 }, style: { default: 'bracketed' } },
      inclusive: false,
      // A link, so that every marker is reachable with Tab; the reader intercepts
      // activation to open the preview and jump to the entry.
      toDOM: (mark): DOMOutputSpec => [
        'a',
        {
          class: `noteref noteref-${mark.attrs.style}`,
          href: `#note-${mark.attrs.number}`,
          role: 'doc-noteref',
          'data-note': String(mark.attrs.number),
          'aria-label': `Note ${mark.attrs.number}`,
        },
        0,
      ],
    },
    unsupported: {
      inclusive: false,
      toDOM: (): DOMOutputSpec => ['span', { class: 'unsupported-tag' }, 0],
    },
    debris: {
      inclusive: false,
      toDOM: (): DOMOutputSpec => ['span', { class: 'caption-debris', title: 'Image caption left in the text' }, 0],
    },
  },
});
