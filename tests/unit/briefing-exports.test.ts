/**
 * Briefing exports, each opened by a real tool: Markdown parsed by the
 * CommonMark reference parser (and re-exported around the user's own text),
 * HTML parsed by jsdom, W3C annotations checked against a JSON Schema of the
 * model's MUSTs with ajv, DOCX converted by LibreOffice and read by pdftotext.
 * A write that cannot happen leaves no file.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import JSZip from 'jszip';
import { Parser } from 'commonmark';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { createAppServices } from '../../src/main/app-services';
import { exportBriefing, renderBriefing } from '../../src/main/briefings/export-briefing';
import type { Briefing } from '../../src/main/store/schemas/briefings-file';
import type { LibraryStore } from '../../src/main/store/library-store';
import { annotationCollectionSchema } from '../fixtures/web-annotation-must.schema';
import { textOfNode } from './briefing-exports-fixture';
import { tempDirs } from './temp-dir';
import { channels } from '../../src/shared/channels';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';

const run = promisify(execFile);
const makeTempDir = tempDirs();
const seedsDir = path.resolve('seeds');
const cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

/** A library with highlights in two articles (one of them flagged as damaged) and a briefing citing them. */
async function composedBriefing(): Promise<{
  store: LibraryStore;
  briefing: Briefing;
  dir: string;
  core: AppCore;
}> {
  const dir = await makeTempDir();
  const core = await startAppCore({
    dataDir: path.join(dir, 'store'),
    seedsDir,
    backups: false,
    now: () => new Date('2026-11-20T10:00:00Z'),
  });
  cores.push(core);
  const { store, annotations, briefings } = core.services!;
  const bySource = (file: string) => store.index().articles.find((a) => a.sourceFile === file)!;
  const summit = bySource('002_fcb9d55784e1e080.txt');
  const talks = bySource('001_65831639b4f4e14b.txt');
  await store.updateArticleRecord(summit.id, (record) => {
    record.source = {
      outlet: 'Kyiv Post',
      author: 'A. Writer',
      publishedAt: '2025-08-19',
      url: 'https://example.org/summit',
    };
  });
  const textOf = async (id: string) => (await store.readArticle(id)).cleaned.text;
  const highlight = async (id: string, phrase: string, category: string) => {
    const text = await textOf(id);
    const start = [...text.slice(0, text.indexOf(phrase))].length;
    return (await annotations.createHighlight(id, start, start + [...phrase].length, category)).highlight;
  };
  const first = await highlight(
    summit.id,
    'the United States would help guarantee Ukraine’s security',
    'key-judgment',
  );
  await annotations.updateHighlight(summit.id, first.id, {
    note: 'The **core** pledge.',
    tags: ['guarantees'],
  });
  const second = await highlight(
    talks.id,
    'Humanitarian agencies have said tens of thousands of civilians have been killed',
    'evidence',
  );
  const third = await highlight(summit.id, 'a peace deal remains elusive', 'counterpoint');

  let briefing = await briefings.create('Security guarantees for Ukraine: where things stand');
  briefing = await briefings.updateFields(briefing.id, {
    author: 'Policy desk',
    audience: 'Internal — not for distribution',
    bluf: 'Washington has pledged to help guarantee Ukraine’s security, but a peace deal remains elusive.',
  });
  for (const h of [first, second, third])
    ({ briefing } = await briefings.addHighlight(
      briefing.id,
      h.id === second.id ? talks.id : summit.id,
      h.id,
    ));
  const sections = structuredClone(briefing.sections);
  sections[0]!.items[0]!.commentary = 'The clearest statement of intent so far.';
  briefing = await briefings.setSections(briefing.id, sections);
  return { store, briefing, dir, core };
}

describe('Markdown', () => {
  it('parses as CommonMark with front matter, headings, quoted excerpts with citations and block ids', async () => {
    const { store, briefing } = await composedBriefing();
    const markdown = String(await renderBriefing(store, briefing, { format: 'md' }));
    const frontMatter = markdown.match(/^---\n([\s\S]*?)\n---\n/)![1]!;
    expect(frontMatter).toContain(`title: ${JSON.stringify(briefing.title)}`);
    expect(frontMatter).toContain('author: "Policy desk"');
    expect(frontMatter).toMatch(/sources:\n {2}- number: 1\n {4}title: "Trump Pledges U.S. Support/);
    expect(frontMatter).toContain('    url: "https://example.org/summit"');
    expect(frontMatter).toMatch(/- number: 2\n(.*\n){5} {4}damaged: true/);

    const tree = new Parser().parse(markdown.slice(markdown.indexOf('\n---\n', 4) + 5));
    const headings: string[] = [];
    const quotes: string[] = [];
    const walker = tree.walker();
    let event;
    while ((event = walker.next())) {
      if (!event.entering) continue;
      if (event.node.type === 'heading') headings.push(`${event.node.level} ${textOfNode(event.node)}`);
      if (event.node.type === 'block_quote') quotes.push(textOfNode(event.node));
    }
    expect(headings).toEqual([
      `1 ${briefing.title}`,
      '2 Bottom line up front',
      '2 Key judgments',
      '2 Evidence',
      '2 Counterpoints',
      '2 Sources',
    ]);
    expect(quotes[0]).toMatch(
      /^the United States would help guarantee Ukraine’s security \[1\] \^hl-[0-9a-f-]{36}$/,
    );
    expect(quotes[1]).toMatch(/^Humanitarian agencies .* killed \[2\] \^hl-/);
    expect(quotes[2]).toMatch(/^a peace deal remains elusive \[1\] \^hl-/);
    expect(markdown).toContain('The clearest statement of intent so far.');
    expect(markdown).toContain('**Note:**\n\nThe **core** pledge.');
    expect(markdown).toMatch(/2\. “Ukraine Security Talks.*— \*the source text is damaged in places\*/);
  });

  it('re-exports into the same file, replacing the briefing and keeping what the user wrote around it', async () => {
    const { store, briefing, dir } = await composedBriefing();
    const target = path.join(dir, 'briefing.md');
    await exportBriefing(store, briefing, { format: 'md', target });
    const first = await readFile(target, 'utf8');
    const withNotes =
      first.replace(
        '<!-- briefing-reader:begin',
        'My own preface, written in the vault.\n\n<!-- briefing-reader:begin',
      ) + '\n## My follow-ups\n\n- call the desk\n';
    await writeFile(target, withNotes);

    const renamed = await createAppServices(store).briefings.updateFields(briefing.id, {
      title: 'Guarantees: the state of play',
    });
    await exportBriefing(store, renamed, { format: 'md', target });
    const second = await readFile(target, 'utf8');
    expect(second).toContain('My own preface, written in the vault.');
    expect(second).toContain('## My follow-ups\n\n- call the desk');
    expect(second).toContain('# Guarantees: the state of play');
    expect(second).toContain('title: "Guarantees: the state of play"');
    expect(second).not.toContain('# Security guarantees for Ukraine');
    expect(second.match(/briefing-reader:begin/g)).toHaveLength(1);
  });
});

describe('HTML', () => {
  it('is one self-contained file with every section and excerpt, a print stylesheet, and no script', async () => {
    const { store, briefing } = await composedBriefing();
    const html = String(await renderBriefing(store, briefing, { format: 'html' }));
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll('script, link[rel=stylesheet], img, iframe')).toHaveLength(0);
    expect(document.querySelector('h1')!.textContent).toBe(briefing.title);
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Bottom line up front',
      'Key judgments',
      'Evidence',
      'Counterpoints',
      'Sources',
    ]);
    expect([...document.querySelectorAll('blockquote')].map((q) => q.textContent)).toEqual([
      'the United States would help guarantee Ukraine’s security [1]',
      'Humanitarian agencies have said tens of thousands of civilians have been killed [2]',
      'a peace deal remains elusive [1]',
    ]);
    expect(document.querySelector('style')!.textContent).toContain('@media print');
    expect(document.querySelectorAll('.sources li')).toHaveLength(2);
    expect(document.querySelector('.sources li:nth-child(2) .damaged')).not.toBeNull();
  });
});

describe('preview', () => {
  it('answers the IPC method with the HTML the export writes', async () => {
    const { store, briefing, core } = await composedBriefing();
    const dispatch = createDispatcher(createHandlers(core));
    const envelope = await dispatch(channels.previewBriefing, { id: briefing.id });
    const html = String(await renderBriefing(store, briefing, { format: 'html' }));
    expect(envelope).toEqual({ ok: true, value: { html } });
    const { document } = new JSDOM(html).window;
    expect(document.querySelector('main h1')!.textContent).toBe(briefing.title);
    expect(await dispatch(channels.previewBriefing, { id: 'b-missing' })).toMatchObject({ ok: false });
  });
});

describe('templates', () => {
  it('start a briefing as a situation report or literature note, or as a briefing the user saved', async () => {
    const { briefing, core, dir } = await composedBriefing();
    const dispatch = createDispatcher(createHandlers(core));
    const call = async (channel: string, payload: unknown) => {
      const envelope = await dispatch(channel, payload);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value as Record<string, unknown> & { sections: { title: string }[] };
    };
    const titles = (view: { sections: { title: string }[] }) => view.sections.map((section) => section.title);
    const situation = await call(channels.createBriefing, { title: 'Sitrep', template: 'situation-report' });
    expect(titles(situation)).toEqual(['Situation', 'Assessment', 'Outlook', 'Sources']);
    const literature = await call(channels.createBriefing, { template: 'literature-note' });
    expect(titles(literature)).toEqual(['Summary', 'Key passages', 'Questions']);
    expect(titles(await call(channels.createBriefing, {}))).toEqual([
      'Key judgments',
      'Evidence',
      'Counterpoints',
      'Open questions',
      'Quotes',
    ]);

    // A highlight added with B lands in the section collecting its category.
    const [firstItem] = briefing.sections.flatMap((section) => section.items);
    const added = await call(channels.addToBriefing, {
      briefingId: situation['id'],
      articleId: firstItem!.articleId,
      highlightId: firstItem!.highlightId,
    });
    expect(
      (added.briefing as { sections: { title: string; items: unknown[] }[] }).sections.find(
        (s) => s.items.length,
      )!.title,
    ).toBe('Assessment');

    const renamed = structuredClone(briefing.sections).map((section, n) => ({
      ...section,
      title: `Part ${n + 1}`,
    }));
    await core.services!.briefings.setSections(briefing.id, renamed.slice(0, 2));
    const saved = await call(channels.saveBriefingTemplate, { id: briefing.id, name: 'Two parts' });
    expect(saved).toMatchObject({ name: 'Two parts', builtIn: false });
    const listed = (await call(channels.listBriefingTemplates, {})) as unknown as {
      templates: { name: string }[];
    };
    expect(listed.templates.map((template) => template.name)).toEqual([
      'Categories',
      'Situation report',
      'Literature note',
      'Two parts',
    ]);
    const fromMine = await call(channels.createBriefing, { template: saved['id'] });
    expect(titles(fromMine)).toEqual(['Part 1', 'Part 2']);
    expect(
      fromMine.sections.every((section) => (section as unknown as { items: unknown[] }).items.length === 0),
    ).toBe(true);
    expect(await dispatch(channels.createBriefing, { template: 't-none' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });

    // The user's template is kept in briefings.json across a restart.
    await core.close();
    const reopened = await startAppCore({ dataDir: path.join(dir, 'store'), seedsDir, backups: false });
    cores.push(reopened);
    const again = await createDispatcher(createHandlers(reopened))(channels.listBriefingTemplates, {});
    expect(JSON.stringify(again)).toContain('Two parts');
  });
});

describe('W3C Web Annotation', () => {
  it('is an AnnotationCollection meeting every MUST of the data model', async () => {
    const { store, briefing } = await composedBriefing();
    const collection = JSON.parse(String(await renderBriefing(store, briefing, { format: 'json' })));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(annotationCollectionSchema);
    expect(validate(collection), JSON.stringify(validate.errors)).toBe(true);
    expect(collection.total).toBe(3);
    const [first] = collection.first.items;
    expect(first.target.source).toMatchObject({ id: 'https://example.org/summit', format: 'text/html' });
    expect(first.body).toEqual(
      expect.arrayContaining([
        {
          type: 'TextualBody',
          value: 'The **core** pledge.',
          format: 'text/markdown',
          language: 'en',
          purpose: 'commenting',
        },
        {
          type: 'TextualBody',
          value: 'guarantees',
          format: 'text/plain',
          language: 'en',
          purpose: 'tagging',
        },
      ]),
    );
  });

  it('the schema rejects an annotation missing a MUST', async () => {
    const validate = new Ajv({ strict: false }).compile(annotationCollectionSchema);
    const broken = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:x',
      type: 'AnnotationCollection',
      first: { id: 'urn:p', type: 'AnnotationPage', items: [{ id: 'urn:a', type: 'Annotation' }] },
    };
    expect(validate(broken)).toBe(false);
  });
});

describe('Word', () => {
  const soffice = process.env['SOFFICE'] ?? '/usr/bin/soffice';

  it('converts in LibreOffice to a PDF with every section and excerpt in order, and the numbered sources', async () => {
    const { store, briefing, dir } = await composedBriefing();
    const target = path.join(dir, 'briefing.docx');
    await exportBriefing(store, briefing, { format: 'docx', target });
    const profile = path.join(dir, 'lo-profile');
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        target,
      ],
      { timeout: 120_000 },
    );
    const { stdout: text } = await run('pdftotext', ['-layout', path.join(dir, 'briefing.pdf'), '-']);
    const flat = text.replace(/\s+/g, ' ');
    const order = [
      briefing.title,
      'Bottom line up front',
      'Key judgments',
      'the United States would help guarantee',
      'Evidence',
      'Humanitarian agencies',
      'Counterpoints',
      'a peace deal remains elusive',
      'Sources',
    ];
    let at = -1;
    for (const phrase of order) {
      const next = flat.indexOf(phrase, at + 1);
      expect(next, `"${phrase}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    expect(flat).toMatch(/\[1\] A\. Writer, Kyiv Post, “Trump Pledges U\.S\. Support/);
    expect(flat).toMatch(/\[2\] “Ukraine Security Talks.*\(the source text is damaged in places\)/);
    const core = await (
      await JSZip.loadAsync(await readFile(target))
    )
      .file('docProps/core.xml')!
      .async('string');
    expect(core).toContain(`<dc:title>${briefing.title}</dc:title>`);
    expect(core).toContain('<dc:creator>Policy desk</dc:creator>');
    const styles = await (
      await JSZip.loadAsync(await readFile(target))
    )
      .file('word/document.xml')!
      .async('string');
    expect(styles.match(/<w:pStyle w:val="Quote"\/>/g)).toHaveLength(3);
    expect(styles).toContain('<w:pStyle w:val="Heading1"/>');
  }, 180_000);
});

describe('failed exports', () => {
  it('leave no file, no temp file, and say why', async () => {
    const { store, briefing, dir } = await composedBriefing();
    const missingFolder = path.join(dir, 'no-such-folder', 'briefing.html');
    await expect(
      exportBriefing(store, briefing, { format: 'html', target: missingFolder }),
    ).rejects.toMatchObject({
      code: 'export-failed',
      message: expect.stringMatching(/the folder does not exist\. No file was written\./),
    });
    const occupied = path.join(dir, 'taken');
    await mkdir(occupied);
    await expect(exportBriefing(store, briefing, { format: 'md', target: occupied })).rejects.toMatchObject({
      code: 'export-failed',
    });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
