import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate, parseReference, normaliseIsbn, type CslFields } from '../../src/analysis/references/index.ts';

/** Each case: an entry as a text prints it, and exactly the CSL fields it states. */
const CASES: Record<string, [string, CslFields]> = {
  'Wikipedia book, author–date with place and page': [
    "Harmer, Tanya (2011). Allende's Chile and the Inter-American Cold War. Chapel Hill, NC: University of North Carolina Press. p. 150.",
    { type: 'book', author: [{ family: 'Harmer', given: 'Tanya' }], issued: { 'date-parts': [[2011]] }, title: "Allende's Chile and the Inter-American Cold War", 'publisher-place': 'Chapel Hill, NC', publisher: 'University of North Carolina Press', page: '150' },
  ],
  'Wikipedia book with ISBN and page range': [
    'Haslam, Jonathan (2005). The Nixon Administration and the Death of Allende\'s Chile. London: Verso. pp. 102–104. ISBN 978-1-84467-030-7.',
    { type: 'book', author: [{ family: 'Haslam', given: 'Jonathan' }], issued: { 'date-parts': [[2005]] }, title: "The Nixon Administration and the Death of Allende's Chile", 'publisher-place': 'London', publisher: 'Verso', page: '102–104', ISBN: '9781844670307' },
  ],
  'Wikipedia book with retrieval date in words': [
    'Author, First (1999). "A Chapter Title". Some Publisher. ISBN 0-306-40615-2. Retrieved 5 May 2010.',
    { type: 'document', author: [{ family: 'Author', given: 'First' }], issued: { 'date-parts': [[1999]] }, title: 'A Chapter Title', publisher: 'Some Publisher', ISBN: '0306406152', accessed: { 'date-parts': [[2010, 5, 5]] } },
  ],
  'Wikipedia web citation, no author': [
    '"Relaciones bilaterales ruso-chilenas" (in Spanish). Embassy of Russia in Chile. 19 February 2007. Archived from the original on 24 July 2012. Retrieved 2009-03-31.',
    { type: 'webpage', title: 'Relaciones bilaterales ruso-chilenas', 'container-title': 'Embassy of Russia in Chile', issued: { 'date-parts': [[2007, 2, 19]] }, accessed: { 'date-parts': [[2009, 3, 31]] }, language: 'Spanish' },
  ],
  'Wikipedia web citation with author and URL': [
    'Neruda, Pablo. "O Chile, a Long Petal". Embassy of Russia in Chile. https://example.org/neruda.html. Archived from the original on 2012-09-03. Retrieved 2009-03-31.',
    { type: 'webpage', author: [{ family: 'Neruda', given: 'Pablo' }], title: 'O Chile, a Long Petal', 'container-title': 'Embassy of Russia in Chile', URL: 'https://example.org/neruda.html', accessed: { 'date-parts': [[2009, 3, 31]] } },
  ],
  'Wikipedia news citation': [
    '"Chile witnesses Russian \'revolution\'". Fresh Plaza. 30 May 2008. Retrieved 2009-03-31.',
    { type: 'webpage', title: "Chile witnesses Russian 'revolution'", 'container-title': 'Fresh Plaza', issued: { 'date-parts': [[2008, 5, 30]] }, accessed: { 'date-parts': [[2009, 3, 31]] } },
  ],
  'Wikipedia journal citation with volume, issue, DOI and S2CID': [
    'Ulianova, Olga (2003). "Soviet Union and Chile". Journal of Cold War History. 3 (2): 45–67. doi:10.1080/713999979. S2CID 153891489.',
    { type: 'article-journal', author: [{ family: 'Ulianova', given: 'Olga' }], issued: { 'date-parts': [[2003]] }, title: 'Soviet Union and Chile', 'container-title': 'Journal of Cold War History', volume: '3', issue: '2', page: '45–67', DOI: '10.1080/713999979', note: 'S2CID: 153891489' },
  ],
  'an entry that is only an identifier': [
    'S2CID 153891489\n.',
    { type: 'document', note: 'S2CID: 153891489' },
  ],
  'an entry that is only an access date': [
    '. Retrieved 2009-04-01.',
    { type: 'document', accessed: { 'date-parts': [[2009, 4, 1]] } },
  ],
  'Chicago note, book': [
    'Tanya Harmer, Allende\'s Chile and the Inter-American Cold War (Chapel Hill: University of North Carolina Press, 2011), 150.',
    { type: 'book', author: [{ family: 'Harmer', given: 'Tanya' }], title: "Allende's Chile and the Inter-American Cold War", 'publisher-place': 'Chapel Hill', publisher: 'University of North Carolina Press', issued: { 'date-parts': [[2011]] }, page: '150' },
  ],
  'Chicago note, book by two authors with particle': [
    'John Smith and Maria de la Cruz, Copper and Empire (New York: Norton, 1999), 12–14.',
    { type: 'book', author: [{ family: 'Smith', given: 'John' }, { family: 'de la Cruz', given: 'Maria' }], title: 'Copper and Empire', 'publisher-place': 'New York', publisher: 'Norton', issued: { 'date-parts': [[1999]] }, page: '12–14' },
  ],
  'Chicago note, journal article': [
    'Jane Smith and Robert Jones, "The Cold War in Chile," Journal of Latin American Studies 12, no. 3 (1999): 45–67.',
    { type: 'article-journal', author: [{ family: 'Smith', given: 'Jane' }, { family: 'Jones', given: 'Robert' }], title: 'The Cold War in Chile', 'container-title': 'Journal of Latin American Studies', volume: '12', issue: '3', issued: { 'date-parts': [[1999]] }, page: '45–67' },
  ],
  'APA journal article with initials and DOI URL': [
    'Smith, J. A., & Jones, K. (2005). Soviet aid to Chile. Journal of Cold War Studies, 7(2), 33–58. https://doi.org/10.1162/1520397053630600',
    { type: 'article-journal', author: [{ family: 'Smith', given: 'J. A.' }, { family: 'Jones', given: 'K.' }], issued: { 'date-parts': [[2005]] }, title: 'Soviet aid to Chile', 'container-title': 'Journal of Cold War Studies', volume: '7', issue: '2', page: '33–58', DOI: '10.1162/1520397053630600' },
  ],
  'title by author, with a capital P page': [
    'Policy of Czechoslovakia towards Chile by Michal Zourek. P. 46.',
    { type: 'document', author: [{ family: 'Zourek', given: 'Michal' }], title: 'Policy of Czechoslovakia towards Chile', page: '46' },
  ],
  'quoted title with quotes inside and a date': [
    '"Цюрих-1976: как "обменяли хулигана"". 27 December 2019.',
    { type: 'document', title: 'Цюрих-1976: как "обменяли хулигана"', issued: { 'date-parts': [[2019, 12, 27]] } },
  ],
  'unquoted title in another script with a newspaper': [
    'Начал работу саммит (in Russian). Komsomolskaya Pravda. 5 November 2008. Retrieved 2009-03-31.',
    { type: 'document', title: 'Начал работу саммит', 'container-title': 'Komsomolskaya Pravda', issued: { 'date-parts': [[2008, 11, 5]] }, accessed: { 'date-parts': [[2009, 3, 31]] }, language: 'Russian' },
  ],
  'web citation, access date "Accessed" in parentheses, American date': [
    '"Chile Country Profile". BBC News. March 4, 2012. http://news.example.com/chile (accessed June 1, 2013).',
    { type: 'webpage', title: 'Chile Country Profile', 'container-title': 'BBC News', issued: { 'date-parts': [[2012, 3, 4]] }, URL: 'http://news.example.com/chile', accessed: { 'date-parts': [[2013, 6, 1]] } },
  ],
  'a quoted number run into the title is part of the title, not the title': [
    '"00636" Embassy of the USSR in Chile (in Russian). A Handbook of the History of the Party and the Soviet Union 1898 - 1991. Retrieved 2009-03-31.',
    { type: 'document', title: '"00636" Embassy of the USSR in Chile', accessed: { 'date-parts': [[2009, 3, 31]] }, language: 'Russian' },
  ],
  'Harvard short citation with a page': [
    'Chandler 1966, p. 432.',
    { type: 'document', author: [{ family: 'Chandler' }], issued: { 'date-parts': [[1966]] }, page: '432' },
  ],
  'Harvard short citation, two authors, hyphenated': [
    'Fisher & Fremont-Barnes 2004, pp. 49–50.',
    { type: 'document', author: [{ family: 'Fisher' }, { family: 'Fremont-Barnes' }], issued: { 'date-parts': [[2004]] }, page: '49–50' },
  ],
  'author–year short citation with a colon page': [
    'Abers, 2000: 122',
    { type: 'document', author: [{ family: 'Abers' }], page: '122', issued: { 'date-parts': [[2000]] } },
  ],
  'short citation by name and page only': [
    'McLynn, p. 342.',
    { type: 'document', author: [{ family: 'McLynn' }], page: '342' },
  ],
  'an explanatory note is prose, not a title': [
    'Numbers at the battle vary by account; 65,000-75,000 are often given. The gap comes from a corps that arrived late.',
    { type: 'document' },
  ],
  'an italicised title (underscores) with a dated line that is not a container': [
    "_Napoleon's Proclamation after the Battle_. Dated 3 December 1805. Translated by Markham, J. David.",
    { type: 'document', title: "Napoleon's Proclamation after the Battle" },
  ],
  'a website name in italics marks': [
    '"Furore over a ceremony". _BBC News_. 20 March 2006. Retrieved 1 April 2006.',
    { type: 'webpage', title: 'Furore over a ceremony', 'container-title': 'BBC News', issued: { 'date-parts': [[2006, 3, 20]] }, accessed: { 'date-parts': [[2006, 4, 1]] } },
  ],
  'an organisation as author: the date is read, the authors left out': [
    'Canada Mortgage; Housing Corporation (28 September 2011). "Affordable Housing: What is it?". Government of Canada. Retrieved 8 December 2011.',
    { type: 'webpage', issued: { 'date-parts': [[2011, 9, 28]] }, title: 'Affordable Housing: What is it?', 'container-title': 'Government of Canada', accessed: { 'date-parts': [[2011, 12, 8]] } },
  ],
  'a file-format note after a quoted title': [
    'Hulchanski, J. David (October 1995). "The Concept of Housing Affordability" (PDF). Housing Studies. 10 (4). Retrieved 8 December 2011.',
    { type: 'article-journal', author: [{ family: 'Hulchanski', given: 'J. David' }], issued: { 'date-parts': [[1995, 10]] }, title: 'The Concept of Housing Affordability', 'container-title': 'Housing Studies', volume: '10', issue: '4', accessed: { 'date-parts': [[2011, 12, 8]] } },
  ],
  'a note of prose with numbers gives no title, container or volume': [
    'Papers of the State, 1945, vol. 1 (Washington: Print Office), pg. 122. (Hereinafter PS)',
    { type: 'document' },
  ],
  'a note of prose with a bracketed year is not an author–date head': [
    'PS, 1945, vol. 6, pp. 556-580. This paper was prepared by the department and presented on June 22 (1945). Note that it was long.',
    { type: 'document', page: '556–580' },
  ],
  'Chicago author–date, editors only: editors, no author': [
    'Lund, K., and P. Ortiz, eds. 2004. Harbours of the South. Valdivia: Quay Press.',
    { type: 'book', editor: [{ family: 'Lund', given: 'K.' }, { family: 'Ortiz', given: 'P.' }], issued: { 'date-parts': [[2004]] }, title: 'Harbours of the South', 'publisher-place': 'Valdivia', publisher: 'Quay Press' },
  ],
  'Harvard, one editor marked (ed.) before the year': [
    'Smith, J. (ed.) 1999. Tides and Trade. London: Quay Press.',
    { type: 'book', editor: [{ family: 'Smith', given: 'J.' }], issued: { 'date-parts': [[1999]] }, title: 'Tides and Trade', 'publisher-place': 'London', publisher: 'Quay Press' },
  ],
  'APA, editors marked (Eds.) before the bracketed year': [
    'Smith, J., & Roe, K. (Eds.). (2001). Coastal lives. Quay Press.',
    { type: 'book', editor: [{ family: 'Smith', given: 'J.' }, { family: 'Roe', given: 'K.' }], issued: { 'date-parts': [[2001]] }, title: 'Coastal lives', publisher: 'Quay Press' },
  ],
  'Wikipedia book by an editor (", ed." before the year)': [
    'Marsh, Ellen, ed. (1987). Letters from the Coast. Valdivia: Quay Press. p. 12.',
    { type: 'book', editor: [{ family: 'Marsh', given: 'Ellen' }], issued: { 'date-parts': [[1987]] }, title: 'Letters from the Coast', 'publisher-place': 'Valdivia', publisher: 'Quay Press', page: '12' },
  ],
  'Wikipedia cite book chapter: "In Family, Given (ed.)." then the book': [
    'Doe, Anna (2003). "Ports at War". In Smith, John (ed.). A History of Harbours. Valdivia: Quay Press. pp. 45–67.',
    { type: 'chapter', author: [{ family: 'Doe', given: 'Anna' }], editor: [{ family: 'Smith', given: 'John' }], issued: { 'date-parts': [[2003]] }, title: 'Ports at War', 'container-title': 'A History of Harbours', 'publisher-place': 'Valdivia', publisher: 'Quay Press', page: '45–67' },
  ],
  'Wikipedia cite book chapter with two editors (eds.)': [
    'Doe, Anna (2003). "Ports at War". In Smith, John; Roe, Kim (eds.). A History of Harbours. Quay Press.',
    { type: 'chapter', author: [{ family: 'Doe', given: 'Anna' }], editor: [{ family: 'Smith', given: 'John' }, { family: 'Roe', given: 'Kim' }], issued: { 'date-parts': [[2003]] }, title: 'Ports at War', 'container-title': 'A History of Harbours', publisher: 'Quay Press' },
  ],
  'Wikipedia cite book chapter: the piece after "(eds.)" is the book even when it reads as "Place: Publisher"': [
    'Doe, Anna (2003). "Ports at War". In Smith, John; Roe, Kim (eds.). Chile: A History of Harbours. Quay Press.',
    { type: 'chapter', author: [{ family: 'Doe', given: 'Anna' }], editor: [{ family: 'Smith', given: 'John' }, { family: 'Roe', given: 'Kim' }], issued: { 'date-parts': [[2003]] }, title: 'Ports at War', 'container-title': 'Chile: A History of Harbours', publisher: 'Quay Press' },
  ],
  'APA chapter: "In J. Doe & K. Roe (Eds.), Book (pp. 1–20)"': [
    'Lee, A. (2010). Salt roads. In J. Doe & K. Roe (Eds.), Trade in the south (pp. 11–29). Quay Press.',
    { type: 'document', author: [{ family: 'Lee', given: 'A.' }], editor: [{ family: 'Doe', given: 'J.' }, { family: 'Roe', given: 'K.' }], issued: { 'date-parts': [[2010]] }, title: 'Salt roads', 'container-title': 'Trade in the south', page: '11–29', publisher: 'Quay Press' },
  ],
  'Harvard chapter: "In: A. Smith (ed.), Book, pp. 1–20"': [
    'Lee, A. 2010. "Salt roads". In: A. Smith (ed.), Trade in the South, pp. 11–29.',
    { type: 'chapter', author: [{ family: 'Lee', given: 'A.' }], editor: [{ family: 'Smith', given: 'A.' }], issued: { 'date-parts': [[2010]] }, title: 'Salt roads', 'container-title': 'Trade in the South', page: '11–29' },
  ],
  'Chicago note chapter: "In Book, edited by A and B, pages"': [
    'Anna Doe, "Ports at War," In A History of Harbours, edited by John Smith and Kim Roe, 45–67.',
    { type: 'chapter', author: [{ family: 'Doe', given: 'Anna' }], editor: [{ family: 'Smith', given: 'John' }, { family: 'Roe', given: 'Kim' }], title: 'Ports at War', 'container-title': 'A History of Harbours', page: '45–67' },
  ],
  'a book "Edited by" its editor after the title': [
    'Letters from the Coast. Edited by Ellen Marsh. Valdivia: Quay Press, 1987.',
    { type: 'book', editor: [{ family: 'Marsh', given: 'Ellen' }], title: 'Letters from the Coast', 'publisher-place': 'Valdivia', publisher: 'Quay Press', issued: { 'date-parts': [[1987]] } },
  ],
  'an "In …" piece that names no people gives no editor': [
    'Lee, A. (2010). "Salt roads". In the spring issue (ed. note). Quay Press.',
    { type: 'document', author: [{ family: 'Lee', given: 'A.' }], issued: { 'date-parts': [[2010]] }, title: 'Salt roads', 'container-title': 'In the spring issue (ed. note)', publisher: 'Quay Press' },
  ],
  'a bare quoted title': [
    '"The Atlas of Economic Complexity".',
    { type: 'document', title: 'The Atlas of Economic Complexity' },
  ],
};

describe('parseReference', () => {
  for (const [name, [entry, expected]] of Object.entries(CASES)) {
    it(`reads ${name}`, () => {
      assert.deepEqual(parseReference(entry), expected);
    });
  }

  it('leaves out an ISBN whose check digit fails instead of guessing', () => {
    const item = parseReference('Doe, John (2000). A Book. London: Verso. ISBN 978-1-84467-030-8.');
    assert.equal(item.ISBN, undefined);
    assert.equal(item.title, 'A Book');
  });

  it('leaves out a retrieval date that is not a date', () => {
    assert.equal(parseReference('"A Page". Some Site. Retrieved 2009-13-45.').accessed, undefined);
  });

  it('never throws on text that is not a reference', () => {
    // The comma-laden heads once made the Chicago author pattern backtrack exponentially (the test never ended).
    for (const junk of ['', '.', '((((', '"', 'p. ', 'Retrieved', '“unclosed title. Publisher.', 'a'.repeat(5000), `${'a, '.repeat(60)}x`, `${'Ab Cd, '.repeat(60)}x (y`]) {
      assert.equal(typeof parseReference(junk).type, 'string');
    }
  });
});

describe('parseDate', () => {
  const table: [string, number[] | null][] = [
    ['2009-03-31', [2009, 3, 31]],
    ['27 December 2019', [2019, 12, 27]],
    ['December 27, 2019', [2019, 12, 27]],
    ['Sept. 2001', [2001, 9]],
    ['1999', [1999]],
    ['2009-13-01', null],
    ['19 Februar 2007', null],
    ['0042', null],
  ];
  for (const [text, parts] of table) {
    it(`reads ${text}`, () => assert.deepEqual(parseDate(text), parts ? { 'date-parts': [parts] } : null));
  }
});

describe('normaliseIsbn', () => {
  it('accepts valid ISBN-10 and ISBN-13 and refuses a bad check digit', () => {
    assert.equal(normaliseIsbn('0-306-40615-2'), '0306406152');
    assert.equal(normaliseIsbn('978-0-306-40615-7'), '9780306406157');
    assert.equal(normaliseIsbn('978-0-306-40615-8'), null);
  });
});
