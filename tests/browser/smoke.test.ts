import { expect } from '@esm-bundle/chai';
import lunr from 'lunr';
import { parsePlainText } from '../../src/document/parse.ts';

describe('browser test harness', () => {
  it('runs TypeScript modules and converts lunr from CommonJS', () => {
    const idx = lunr(function () {
      this.field('text');
      this.add({ id: '1', text: 'hello world' });
    });
    expect(idx.search('hello')).to.have.length(1);
    expect(parsePlainText('Title\n\nBody.').blocks).to.have.length(2);
  });
});
