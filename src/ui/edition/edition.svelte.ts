/**
 * What the views know of editions: the edition this file carries (its
 * title, introduction and teacher's notes, for the corpus it holds), the
 * app's own HTML to write new editions from, and the view the reader was
 * on before coming to the corpus menu (an edition can open there).
 */
import { getContext, setContext } from 'svelte';
import type { OpenedEdition } from '../../edition/open.ts';
import type { Carried } from '../../edition/series.ts';
import type { PageEdition } from '../../edition/page.ts';
import type { TeacherLayer } from '../../edition/teacher.ts';
import type { View } from '../../state/url.ts';

export class EditionSession {
  readonly opened: OpenedEdition | null;
  /** The app's HTML (null when the page is not one self-contained file). */
  readonly appHtml: string | null;
  /** Why an edition cannot be made here, when it cannot. */
  readonly cannotMake: string | null;
  /** The file carried a data block that could not be read. */
  readonly problem: string | null;
  /** The last view other than the first screen and the library this session, and the corpus (its key in the corpus menu) it was in: "the view you were on". */
  lastView = $state.raw<{ corpus: string; view: View } | null>(null);
  /** The reader closed the introduction shown above the opening view. */
  introClosed = $state(false);
  /** The reader's own records brought from an earlier file of this reading set whose texts differ. */
  readonly carried: Carried | null;

  constructor(page: Pick<PageEdition, 'appHtml' | 'notSelfContained' | 'error'>, opened: OpenedEdition | null, carried: Carried | null = null) {
    this.opened = opened;
    this.carried = carried;
    this.appHtml = page.appHtml;
    this.cannotMake = page.notSelfContained;
    this.problem = page.error;
  }

  /** The edition, when `corpusId` is its corpus (by content: the same texts from anywhere). */
  editionOf(corpusId: string): OpenedEdition | null {
    return this.opened && this.opened.corpus.id === corpusId ? this.opened : null;
  }

  /** The teacher's notes on the corpus `corpusId`, when this file's edition carries some. */
  teacherFor(corpusId: string): TeacherLayer | null {
    return this.editionOf(corpusId)?.teacher ?? null;
  }
}

const KEY = Symbol('refrain-edition');

export function setEditionContext(session: EditionSession): EditionSession {
  return setContext(KEY, session);
}

export function getEditionContext(): EditionSession {
  const s = getContext<EditionSession | undefined>(KEY);
  if (!s) throw new Error('Refrain: getEditionContext() called outside <EditionRoot>.');
  return s;
}
