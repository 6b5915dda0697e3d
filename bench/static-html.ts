/**
 * Static HTML baselines: texts as paragraphs with no script, the floor a
 * scripted reader is measured against. Optional marks stand for annotations.
 */

/** Escapes text for HTML element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * `text` as `<p>` paragraphs (split at blank lines), with the spans in `marks`
 * (ascending, non-overlapping, code units) wrapped in `<mark class="hl">`;
 * a mark that crosses a paragraph break is left out.
 */
export function paragraphsHtml(text: string, marks: readonly { from: number; to: number }[] = []): string {
  const out: string[] = [];
  const breaks = /\n[ \t]*\n+/g;
  let start = 0;
  let m = 0;
  const emit = (from: number, to: number) => {
    if (!text.slice(from, to).trim()) return;
    let html = '';
    let at = from;
    while (m < marks.length && marks[m]!.from < to) {
      const mark = marks[m]!;
      if (mark.from >= at && mark.to <= to) {
        html += escapeHtml(text.slice(at, mark.from)) + `<mark class="hl">${escapeHtml(text.slice(mark.from, mark.to))}</mark>`;
        at = mark.to;
      }
      m++;
    }
    out.push(`<p>${html}${escapeHtml(text.slice(at, to))}</p>`);
  };
  for (const b of text.matchAll(breaks)) {
    emit(start, b.index);
    start = b.index + b[0].length;
  }
  emit(start, text.length);
  return out.join('\n');
}

/** A whole page: one `<article>` per text, with a title, and no script. */
export function staticPage(title: string, articles: readonly { title: string; body: string }[]): string {
  const style = 'body{font:16px/1.5 Georgia,serif;margin:0;display:grid;grid-template-columns:1fr 1fr;gap:1rem;height:100vh}article{overflow:auto;padding:1rem}mark.hl{background:#fde68a}.nohl mark.hl{background:none}';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${style}</style></head>
<body>${articles.map((a) => `<article><h2>${escapeHtml(a.title)}</h2>\n${a.body}</article>`).join('\n')}</body></html>
`;
}
