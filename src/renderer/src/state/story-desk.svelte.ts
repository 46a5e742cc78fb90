/**
 * The story desk's state: the stories, the open story's analysis (entities,
 * who said what, coverage), the reader's entity choices sent to main (which
 * keeps them with the story and answers with the new analysis), and a quote
 * turned into a highlight in the Quote category with its speaker in the note.
 */
import type { StoryView } from '../../../shared/contract';
import type {
  EntityChoicesView,
  StoryDeskView,
  StorySuggestionView,
} from '../../../shared/story-desk-contract';
import { call, messageOf } from '../lib/api';
import type { Notices } from './notices.svelte';
import type { Saves } from './saves.svelte';

export type DeskQuote = StoryDeskView['quotes'][number];

export class StoryDesk {
  stories = $state<StoryView[]>([]);
  current = $state<StoryDeskView | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Story suggestions for the articles just imported, until accepted, moved or ignored. */
  suggestions = $state<StorySuggestionView[]>([]);

  constructor(
    private readonly saves: Saves,
    private readonly notices: Notices,
  ) {}

  async load(): Promise<void> {
    try {
      this.stories = await call('listStories', {});
      const first = this.current?.storyId ?? this.stories[0]?.id;
      if (first) await this.open(first);
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async open(storyId: string): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.current = await call('analyzeStory', { storyId });
    } catch (error) {
      this.error = `The story could not be analysed: ${messageOf(error)}`;
    } finally {
      this.loading = false;
    }
  }

  private async choose(
    change: (choices: EntityChoicesView) => EntityChoicesView,
    done: string,
  ): Promise<void> {
    const current = this.current;
    if (!current) return;
    try {
      const choices = change(structuredClone($state.snapshot(current.choices)));
      this.current = await this.saves.track(call('setEntityChoices', { storyId: current.storyId, choices }));
      this.notices.show(done);
    } catch (error) {
      this.notices.error(`Could not change the entities: ${messageOf(error)}`);
    }
  }

  /** Puts two entities together (by one alias of each). */
  merge(alias: string, into: string): Promise<void> {
    return this.choose(
      (choices) => ({
        ...choices,
        merges: [...choices.merges, [into, alias]],
        splits: choices.splits.filter((name) => name !== alias && name !== into),
      }),
      `Merged “${alias}” into “${into}”.`,
    );
  }

  /** Takes one alias out of its entity. */
  split(alias: string): Promise<void> {
    return this.choose(
      (choices) => ({
        ...choices,
        splits: [...choices.splits, alias],
        merges: choices.merges.filter((group) => !group.includes(alias)),
      }),
      `“${alias}” is now an entity of its own.`,
    );
  }

  rename(alias: string, label: string): Promise<void> {
    return this.choose(
      (choices) => ({ ...choices, renames: { ...choices.renames, [alias]: label } }),
      `Renamed to “${label}”.`,
    );
  }

  /** The quote's first report becomes a highlight in the Quote category, the speaker in its note. */
  async quoteToHighlight(quote: DeskQuote): Promise<void> {
    const report = quote.reports[0];
    if (!report) return;
    try {
      const { highlight } = await this.saves.track(
        call('createHighlight', {
          articleId: report.articleId,
          start: report.start,
          end: report.end,
          categoryId: 'quote',
        }),
      );
      const speaker = quote.speaker ?? 'unknown speaker';
      await this.saves.track(
        call('updateHighlight', {
          articleId: report.articleId,
          highlightId: highlight.id,
          note: `Speaker: ${speaker}`,
        }),
      );
      this.notices.show(`Quote by ${speaker} highlighted.`);
    } catch (error) {
      this.notices.error(`Could not highlight the quote: ${messageOf(error)}`);
    }
  }

  async suggestFor(articleIds: string[]): Promise<void> {
    if (articleIds.length === 0) return;
    try {
      const [stories, suggestions] = await Promise.all([
        call('listStories', {}),
        call('suggestStories', { articleIds: articleIds.slice(0, 50) }),
      ]);
      this.stories = stories;
      this.suggestions = suggestions;
    } catch (error) {
      this.notices.error(`Could not suggest stories: ${messageOf(error)}`);
    }
  }

  ignore(articleId: string): void {
    this.suggestions = this.suggestions.filter((each) => each.articleId !== articleId);
  }

  /** Files the article in a story (the suggested one, or another the reader moved it to). */
  async file(articleId: string, storyId: string): Promise<void> {
    try {
      const story = await this.saves.track(call('addToStory', { id: storyId, articleIds: [articleId] }));
      this.ignore(articleId);
      this.notices.show(`Added to “${story.name}”.`);
    } catch (error) {
      this.notices.error(`Could not add the article to the story: ${messageOf(error)}`);
    }
  }

  /** Starts a new story with the article and the unfiled articles like it. */
  async startStory(articleId: string, others: string[], name: string): Promise<void> {
    try {
      const story = await this.saves.track(call('createStory', { name, articleIds: [articleId, ...others] }));
      this.stories = [...this.stories, story];
      this.suggestions = this.suggestions.filter(
        (each) => each.articleId !== articleId && !others.includes(each.articleId),
      );
      this.notices.show(`Story “${story.name}” started.`);
    } catch (error) {
      this.notices.error(`Could not start the story: ${messageOf(error)}`);
    }
  }

  sourceOf(articleId: string): string {
    return this.current?.articles.find((article) => article.id === articleId)?.source ?? articleId;
  }
}
