/**
 * Rules `furniture`, `see-also`, `caption` and `credit`: site furniture,
 * recognised by its shape and a small generic web vocabulary, never by the
 * strings of a known page. `anywhereRule` applies to every line;
 * `removeOutsideBody` removes what is not prose before the first and after
 * the last paragraph of the article. The body's edges are sentences, not
 * lines: a hard-wrapped line whose sentence goes on in the next line of its
 * block (`wrapsInto`) is body with it, so the
 * first line of a wrapped text ("…to discuss the future of" / "the ferry
 * service…") is never taken for a heading. So is a greeting opening the
 * body ("Hi all,", "Dear colleagues,": a short line ending in a comma,
 * which no heading does), and a last line that reads as a sentence without
 * its full stop (sentence case, six words or more) when no other such line
 * follows it: a list of related headlines after an article is several.
 */
import { bylineReason } from './bylines.ts';
import type { Line, Removal } from './lines.ts';
import { wrapsInto } from './paragraphs.ts';
import { CJK_TEST, endsSentence, isAllCaps, normPhrase, snippet } from './text-shape.ts';

/** Links to other stories run to a paragraph at most. */
const SEE_ALSO_MAX_WORDS = 60;
/** A photo caption is at most a long paragraph. */
const CAPTION_MAX_WORDS = 80;
/** A photo credit ("WU HEPING / FOR CHINA DAILY") is a short capitals line… */
const CREDIT_MAX_WORDS = 8;
/** …and one ending in an outlet word ("CHINA DAILY") shorter still. */
const OUTLET_CREDIT_MAX_WORDS = 3;
const EDITOR_CREDIT_MAX_WORDS = 20;
/** A row of social links: short, with at least two network names, at most this many words per name. */
const SOCIAL_ROW_MAX_WORDS = 20;
const SOCIAL_ROW_MIN_LINKS = 2;
const SOCIAL_ROW_WORDS_PER_LINK = 2.5;
/** Furniture phrases are matched on short lines only ("Share this article on Facebook"). */
const FURNITURE_PHRASE_MAX_WORDS = 10;
/** A navigation link ending in ">>" is this short. */
const NAV_LINK_MAX_WORDS = 5;
const NOTICE_MAX_WORDS = 60;
/** A section header in capitals outside the body. */
const CAPS_HEADER_MAX_WORDS = 8;
/** "Home News World": a breadcrumb names at least this many levels. */
const BREADCRUMB_MIN_WORDS = 3;
/** A greeting opening a letter or a post ("Hi all,", "Dear Sir or Madam:") is this short. */
const GREETING_MAX_WORDS = 6;
/** The body's last sentence without its full stop has at least this many words… */
const UNSTOPPED_MIN_WORDS = 6;
/** …and at least this share of its words after the first start in lower case (a sentence, not a Title Case headline or label). */
const UNSTOPPED_MIN_LOWER_SHARE = 0.5;

const SOCIAL =
  /\b(?:facebook|twitter|instagram|youtube|linkedin|whatsapp|telegram|reddit|pinterest|tiktok|weibo|wechat|flipboard|rss|apple news|google news|vk)\b|新浪微博|微博|微信/giu;

/** Whole-line furniture phrases (matched against `normPhrase`). Generic web vocabulary only. */
const FURNITURE_PHRASES = new RegExp(
  '^(?:' +
    [
      'home', 'search', 'search for', 'archive', 'archives', 'menu', 'main menu', 'navigation', 'skip to (?:main )?content', 'back to top',
      'log ?in', 'log ?out', 'sign ?in', 'sign ?up', 'register', 'subscribe(?: now| today| to (?:our|the) newsletter)?', 'newsletters?',
      'print(?: this(?: article| page| story)?)?', 'e ?mail(?: this(?: article| page| story)?)?', 'share(?: this(?: article| page| story| post)?)?(?: on \\w+(?: \\w+)?)?', 'shares?', 'tweet',
      'follow(?: us)?(?: on \\w+)?', 'advertisement', 'advertising', 'sponsored(?: content)?', 'ad', 'ads',
      'next', 'previous', 'prev', '(?:next|previous) (?:article|story|post|page)', 'load more', 'show more', 'see more', 'view more', 'read more', 'continue reading',
      'comments?', '\\d+ comments?', 'no comments?(?: yet)?', 'reply', '(?:add|leave|post|write|submit) (?:a |your )?(?:comment|reply)s?', 'join the (?:discussion|conversation)',
      'related', 'related (?:reading|articles?|stories|story|news|posts?|content|coverage|links|topics|items)', 'we recommend', 'recommended(?: for you| reading| stories| articles)?',
      'most (?:read|popular|viewed|shared|commented|emailed)', 'trending(?: now| stories)?', 'popular(?: stories| posts)?', 'editor s picks?', 'top stories', 'latest news', 'breaking news',
      'you (?:may|might) (?:also )?(?:like|be interested in|enjoy)', 'more (?:stories|news|articles) from .{1,40}',
      'key ?words?', 'tags?', 'topics?', 'categories', 'filed under',
      'privacy', 'privacy policy', 'privacy (?:and )?cookies? policy', 'cookies? (?:policy|settings|preferences)', 'terms(?: of (?:use|service))?', 'terms and conditions',
      'accept(?: all)?(?: cookies)?', 'reject(?: all)?', 'contact(?: us)?', 'about(?: us)?', 'all rights reserved', 'copyright.{0,60}',
      'like this', 'like', 'loading', 'close', 'open', 'toggle navigation',
    ].join('|') +
    ')$',
  'u',
);

const SEE_ALSO =
  /^(?:(?:see also|also read|read also|also see)(?:\s*(?::|>>|»|›|—|–|-|\|)|\s+(?=\S))|(?:read more|more on this|related|related (?:reading|articles?|stories|story|news|coverage|content|links)|recommended(?: reading)?|further reading)\s*(?::|>>|»|›|—|–|\|)\s*\S)/iu;

const CAPTION_START = /^[([]?(?:file |handout )?(?:photo|photos|picture|pictures|image|images|video|photograph)\)?\s*(?:shows\b|taken\b|:|\/|\||—|–|-\s)|^photo taken\b|^(?:this|the) (?:photo|picture|image) (?:shows|taken)\b/iu;
const CAPTION_END = /[([]\s*(?:(?:file )?photos?|pictures?|images?|photograph|provided)\b[^()[\]]{0,120}[)\]]\s*$/iu;

/** Credit shapes: a slash, "PHOTO ...", "FOR/PROVIDED TO/COURTESY OF <OUTLET>", or a short line ending in an outlet word. */
const CREDIT_SHAPE = /\/|^(?:PHOTOS?|PHOTOGRAPHS?|PHOTO BY)\b|\b(?:FOR|PROVIDED TO|COURTESY OF)\s+\p{Lu}/u;
const OUTLET_END = /\b(?:DAILY|XINHUA|REUTERS|AFP|AP|EPA|GETTY IMAGES|VCG|CNS|IC|IMAGES|PHOTOS?|TIMES|NEWS|POST|PRESS|AGENCY)$/u;

const EDITOR_LINE = /^[([]?\s*(?:web |chief |responsible |executive |managing |copy )?editors?(?: in charge)?\s*[:：]/iu;
const EDITOR_ANY = /[([]\s*(?:web |chief |responsible |executive )?editors?(?: in charge)?\s*[:：][^()[\]]*[)\]]/iu;

const NOTICE =
  /\b(?:(?:this|our) (?:web ?site|site|page) uses cookies|we use cookies|uses cookies to|akismet|comment data is processed|all rights reserved|(?:please )?follow (?:us|[\p{L}' ]{1,40} on (?:twitter|facebook|weibo|wechat|instagram|x))|scan(?:ning)? (?:the )?(?:qr )?code|sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter|reproduction (?:is )?(?:prohibited|forbidden)|without permission is prohibited)\b|^(?:copyright|©|\(c\))\s/iu;

function socialCount(t: string): number {
  return t.match(SOCIAL)?.length ?? 0;
}

/** Rules that apply anywhere in the document. */
export function anywhereRule(l: Line): Removal | undefined {
  const t = l.t;
  const w = l.words;
  if (w <= SEE_ALSO_MAX_WORDS && SEE_ALSO.test(t) && !/^related\s+to\b/iu.test(t))
    return { rule: 'see-also', reason: `link to another story injected between paragraphs: "${snippet(t)}"` };
  if (w <= CAPTION_MAX_WORDS && (CAPTION_START.test(t) || CAPTION_END.test(t)))
    return { rule: 'caption', reason: `photo caption: "${snippet(t)}"` };
  if (w <= CREDIT_MAX_WORDS && !endsSentence(t) && isAllCaps(t) && (CREDIT_SHAPE.test(t) || (w <= OUTLET_CREDIT_MAX_WORDS && OUTLET_END.test(t))))
    return { rule: 'credit', reason: `photo/outlet credit line "${t}"` };
  if (w <= EDITOR_CREDIT_MAX_WORDS && (EDITOR_LINE.test(t) || (EDITOR_ANY.test(t) && !endsSentence(t))))
    return { rule: 'furniture', reason: `editor credit "${snippet(t)}"` };
  const social = w <= SOCIAL_ROW_MAX_WORDS ? socialCount(t) : 0;
  if (social >= SOCIAL_ROW_MIN_LINKS && !endsSentence(t) && social * SOCIAL_ROW_WORDS_PER_LINK >= w)
    return { rule: 'furniture', reason: `row of social-network links "${snippet(t)}"` };
  if (w <= FURNITURE_PHRASE_MAX_WORDS) {
    const p = normPhrase(t);
    if (FURNITURE_PHRASES.test(p)) return { rule: 'furniture', reason: `site furniture "${snippet(t)}"` };
    if (w <= NAV_LINK_MAX_WORDS && /(?:>>|»|›)$/u.test(t.trim())) return { rule: 'furniture', reason: `navigation link "${t}"` };
  }
  return undefined;
}

/** Notices (cookies, spam filter, copyright, follow-us, scan-the-code): only outside the article body. */
export function isNotice(l: Line): boolean {
  return l.words <= NOTICE_MAX_WORDS && NOTICE.test(l.t);
}

/** Reason for a non-prose line outside the body. */
export function edgeReason(l: Line, where: 'head' | 'tail', latinDoc: boolean): string {
  const t = l.t;
  if (latinDoc && CJK_TEST.test(t) && !/\p{Script=Latin}/u.test(t))
    return `line in another script (CJK) ${where === 'head' ? 'before' : 'after'} the article: page chrome`;
  if (isAllCaps(t) && l.words <= CAPS_HEADER_MAX_WORDS) return `section header in capitals ${where === 'head' ? 'before' : 'after'} the article`;
  if (where === 'head')
    return l.words >= BREADCRUMB_MIN_WORDS && /^(?:home|news|index)\b/iu.test(t)
      ? 'navigation breadcrumb before the article'
      : 'heading or navigation line before the first paragraph (headline, standfirst or site chrome)';
  return 'label or link line after the last paragraph';
}

/**
 * The body runs from the first to the last prose line that is not furniture
 * (or a line the metadata says to keep), widened to whole sentences: the
 * lines just before it whose sentence goes on into its first line, and the
 * lines just after it that its last sentence goes on into (`wrapsInto`).
 * Outside it, every line not yet decided on is removed: bylines,
 * notices, labels, and prose that belongs to the site rather than the article.
 */
export function removeOutsideBody(nonBlank: Line[], latinDoc: boolean): void {
  const bodyLike = (l: Line): boolean => !l.removed && l.prose && !isNotice(l) && bylineReason(l) === undefined;
  let firstBody = nonBlank.findIndex((l) => l.forceKeep || bodyLike(l));
  if (firstBody < 0) return;
  let lastBody = -1;
  for (let k = nonBlank.length - 1; k >= 0; k--) {
    const l = nonBlank[k];
    if (l && (l.forceKeep || bodyLike(l))) {
      lastBody = k;
      break;
    }
  }
  // A line wrapping into the body is body, not a notice ("By default, pip will…" is no byline either).
  const wrapped = (a: Line, b: Line): boolean => !a.removed && !b.removed && !isNotice(a) && !isNotice(b) && wrapsInto(a, b);
  while (firstBody > 0 && wrapped(nonBlank[firstBody - 1]!, nonBlank[firstBody]!)) firstBody--;
  while (lastBody < nonBlank.length - 1 && wrapped(nonBlank[lastBody]!, nonBlank[lastBody + 1]!)) lastBody++;
  // A letter's or a post's greeting just before the body opens it ("Hi all,").
  const before = nonBlank[firstBody - 1];
  if (before && isGreeting(before)) firstBody--;
  // The body's last sentence without its full stop, when no other sentence-like line follows (a list of related headlines).
  const after = nonBlank[lastBody + 1];
  if (after && unstoppedSentence(after) && !nonBlank.slice(lastBody + 2).some(unstoppedSentence)) lastBody++;
  nonBlank.forEach((l, k) => {
    if (l.removed || l.forceKeep) return;
    const where = k < firstBody ? 'head' : k > lastBody ? 'tail' : undefined;
    if (!where) return;
    const by = bylineReason(l);
    if (by) l.removed = { rule: 'byline', reason: by };
    else if (isNotice(l)) l.removed = { rule: 'furniture', reason: `site notice "${snippet(l.t)}"` };
    else if (!l.prose) l.removed = { rule: 'furniture', reason: edgeReason(l, where, latinDoc) };
    else l.removed = { rule: 'furniture', reason: `site text ${where === 'head' ? 'before' : 'after'} the article` };
  });
}

/** Not yet removed, and neither a byline nor a notice. */
const undecided = (l: Line): boolean => !l.removed && !l.forceKeep && !isNotice(l) && bylineReason(l) === undefined;

/** A short line ending in a comma (or, of two words or more, a colon), as a greeting does in any language: no heading or navigation line ends so. */
function isGreeting(l: Line): boolean {
  if (!undecided(l) || l.words < 1 || l.words > GREETING_MAX_WORDS || isAllCaps(l.t)) return false;
  return /\p{L}[,，]$/u.test(l.t) || (l.words >= 2 && /\p{L}[:：]$/u.test(l.t));
}

/**
 * A line that reads as a sentence whose full stop is missing: long enough,
 * in sentence case (most words after the first in lower case; a script
 * without case counts as such), not a link row, an address or a label.
 */
function unstoppedSentence(l: Line): boolean {
  if (!undecided(l) || l.prose || l.words < UNSTOPPED_MIN_WORDS || isAllCaps(l.t) || /:\/\/|www\.|[@=|>»›]|\/.*\//u.test(l.t)) return false;
  const words = l.t.match(/\p{L}+/gu)?.slice(1) ?? [];
  const cased = words.filter((w) => w.toLowerCase() !== w.toUpperCase());
  if (!cased.length) return true;
  return cased.filter((w) => w[0] === w[0]!.toLowerCase()).length >= cased.length * UNSTOPPED_MIN_LOWER_SHARE;
}
