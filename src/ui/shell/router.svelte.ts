/**
 * The current view, read from the URL fragment so every view has a link that
 * works on a static host and over file://. The codec lives in state/url.ts.
 */
import { formatHash, parseHash, type View } from '../../state/url.ts';

export { compareView } from '../../state/url.ts';

export const href = formatHash;

class Router {
  #parsed = $state(parseHash(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.#parsed = parseHash(location.hash);
      });
    }
  }

  get view(): View {
    return this.#parsed.view;
  }

  /** Set when the fragment was malformed or outdated and a nearby view was opened instead. */
  get warning(): string | undefined {
    return this.#parsed.warning;
  }

  /** Opens a view, adding a history entry. */
  go(view: View) {
    location.hash = formatHash(view);
  }

  /** Changes view options without a history entry (toggles, scroll anchors). */
  replace(view: View) {
    const hash = formatHash(view);
    history.replaceState(history.state, '', hash);
    this.#parsed = { view };
  }
}

export const router = new Router();
