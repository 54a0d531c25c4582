import { beforeAll, describe, expect, it } from 'vitest';
import { type Discovery, discoverChapters } from '../src/discover.js';
import { chaptersNamedIn, SelectionError, selectExamples } from '../src/selection.js';
import { useFixtureRoot } from './fixture-root.js';

const fixtureRoot = useFixtureRoot();
let discovery: Discovery;
beforeAll(async () => {
  discovery = await discoverChapters(fixtureRoot());
});

const names = (positionals: string[]): string[] =>
  selectExamples(positionals, discovery).map(
    ({ chapter, example }) => `${chapter.name}/${example.name}`,
  );

describe('discoverChapters', () => {
  it('loads chapters with dist/examples.js and warns about a folder without it', () => {
    expect(discovery.chapters.map((chapter) => chapter.name)).toEqual(['chapter01', 'chapter02']);
    expect(discovery.unbuilt).toEqual(['chapter09']);
    expect(discovery.warnings.join('\n')).toMatch(/chapter09: no dist\/examples\.js/);
  });
});

describe('selectExamples', () => {
  it('selects every example of every chapter in book order when given nothing', () => {
    const all = names([]);
    expect(all[0]).toBe('chapter01/quick');
    expect(all.at(-1)).toBe('chapter02/example1');
    expect(all).toHaveLength(26);
  });

  it('selects a whole chapter', () => {
    expect(names(['chapter02'])).toEqual(['chapter02/example1']);
  });

  it('selects one example by chapter/example, mixed with a whole chapter, in book order', () => {
    expect(names(['chapter02', 'chapter01/hang'])).toEqual([
      'chapter01/hang',
      'chapter02/example1',
    ]);
  });

  it('treats bare example names after a chapter as examples of that chapter', () => {
    expect(names(['chapter01', 'hang', 'quick'])).toEqual(['chapter01/quick', 'chapter01/hang']);
  });

  it('keeps a chapter whole when the bare names follow another chapter', () => {
    expect(names(['chapter02', 'chapter01', 'quick'])).toEqual([
      'chapter01/quick',
      'chapter02/example1',
    ]);
  });

  it('selects every declaration of a file declared twice with different arguments', () => {
    const picked = selectExamples(['chapter01/exitwith'], discovery).map(
      ({ example }) => example.args,
    );
    expect(picked).toEqual([['0'], ['4']]);
  });

  it('selects each example once', () => {
    expect(names(['chapter01/quick', 'chapter01', 'quick'])).toEqual(['chapter01/quick']);
  });

  it('names the valid chapters for an unknown chapter, in one line', () => {
    expect(() => names(['chapter99'])).toThrow(SelectionError);
    expect(() => names(['chapter99'])).toThrow(
      "unknown chapter 'chapter99'; valid chapters: chapter01, chapter02",
    );
  });

  it('says a chapter folder without a declaration is not built', () => {
    expect(() => names(['chapter09'])).toThrow(/chapter09' \(it has no dist\/examples\.js\)/);
  });

  it('names the valid examples for an unknown example', () => {
    expect(() => names(['chapter02/example9'])).toThrow(
      "unknown example 'example9' in chapter02; valid examples: example1",
    );
    expect(() => names(['chapter02', 'example9'])).toThrow(/valid examples: example1$/);
  });

  it('rejects a bare example name with no chapter before it, naming the chapters', () => {
    expect(() => names(['example1'])).toThrow(
      /name the chapter first.*valid chapters: chapter01, chapter02/,
    );
  });
});

describe('discoverChapters for a selection', () => {
  it('reads only the chapters named, and warns about no other', async () => {
    const root = fixtureRoot();
    const only = await discoverChapters(root, chaptersNamedIn(['chapter02/example1']));
    expect(only.chapters.map((chapter) => chapter.name)).toEqual(['chapter02']);
    expect(only.warnings).toEqual([]);
    expect(only.unselected).toEqual(['chapter01']);
  });

  it('still names every built chapter for an unknown one', async () => {
    const root = fixtureRoot();
    const positionals = ['chapter99'];
    const only = await discoverChapters(root, chaptersNamedIn(positionals));
    expect(() => selectExamples(positionals, only)).toThrow(
      "unknown chapter 'chapter99'; valid chapters: chapter01, chapter02",
    );
  });

  it('reads every chapter when none is named', () => {
    expect(chaptersNamedIn([])).toBeUndefined();
    expect(chaptersNamedIn(['chapter03', 'example4', 'Chapter04/example2'])).toEqual([
      'chapter03',
      'chapter04',
    ]);
  });
});
