import { describe, expect, it } from 'vitest';
import { isFunctionWord, LanguageCounter, LANGUAGES, wordLanguages } from '../../src/text/function-words.ts';
import { languageOfText } from '../../src/text/language.ts';
import { normalizeWord } from '../../src/text/normalize.ts';
import { STOPWORDS } from '../../src/text/stopwords.ts';

const words = (s: string) => s.split(/\s+/).map(normalizeWord);
/** The language counted most among `norms`' function words, as the reuse engine counts them. */
const counted = (norms: readonly string[]) => {
  const c = new LanguageCounter();
  for (const n of norms) c.add(wordLanguages(n).function);
  return LANGUAGES[c.language()];
};

const SAMPLES = {
  en: 'The council said that the plan was ready and that it would be put to a vote with the support of the mayor.',
  fr: "Le conseil a déclaré que le projet était prêt et qu'il serait soumis au vote avec le soutien du maire dans les jours qui viennent.",
  de: 'Der Rat sagte, dass der Plan fertig sei und mit der Unterstützung des Bürgermeisters zur Abstimmung gestellt werde, die nicht leicht ist.',
  es: 'El consejo dijo que el plan estaba listo y que se sometería a votación con el apoyo del alcalde en los próximos días.',
  it: 'Il consiglio ha detto che il piano è pronto e che sarà messo ai voti con il sostegno del sindaco nei prossimi giorni della settimana.',
  pt: 'O conselho disse que o plano estava pronto e que seria posto em votação com o apoio do prefeito nos próximos dias da semana.',
  nl: 'De raad zei dat het plan klaar was en dat het met de steun van de burgemeester in stemming zou worden gebracht, niet eerder.',
  sv: 'Rådet sade att planen var klar och att den skulle gå till omröstning med stöd av borgmästaren, som inte har ändrat sig.',
  da: 'Rådet sagde, at planen var klar, og at den ville blive sat til afstemning med støtte fra borgmesteren, som ikke har ændret sig.',
  pl: 'Rada powiedziała, że plan jest gotowy i że zostanie poddany pod głosowanie przy wsparciu burmistrza, który nie zmienił zdania.',
  cs: 'Rada řekla, že plán je hotový a že bude předložen k hlasování s podporou starosty, který jako vždy souhlasí, podle zpráv.',
  ru: 'Совет заявил, что план готов и что его вынесут на голосование при поддержке мэра, который не изменил своего мнения.',
  el: 'Το συμβούλιο είπε ότι το σχέδιο είναι έτοιμο και ότι θα τεθεί σε ψηφοφορία με την υποστήριξη του δημάρχου, που δεν άλλαξε γνώμη.',
  la: 'Senatus dixit consilium paratum esse et quod ad suffragia mitteretur cum auxilio consulis, sed non sine dubitatione, ut etiam alii putant.',
  uk: 'Рада заявила, що план готовий і що його винесуть на голосування за підтримки мера, який не змінив своєї думки.',
  ar: 'قال المجلس إن الخطة جاهزة وإنها ستطرح على التصويت في الأيام المقبلة مع دعم رئيس البلدية الذي لم يغير رأيه.',
  tr: 'Meclis, planın hazır olduğunu ve belediye başkanının desteğiyle oylamaya sunulacağını söyledi; bu karar için çok daha fazla zaman gerekti.',
  id: 'Dewan mengatakan bahwa rencana itu sudah siap dan akan diajukan untuk pemungutan suara dengan dukungan wali kota yang tidak berubah pikiran.',
  hi: 'परिषद ने कहा कि योजना तैयार है और महापौर के समर्थन से इसे मतदान के लिए रखा जाएगा, जिन्होंने अपनी राय नहीं बदली।',
} as const;

describe('function words', () => {
  it('tells the language of a text by its most frequent function words', () => {
    for (const [lang, text] of Object.entries(SAMPLES)) {
      expect(languageOfText(text), lang).toBe(lang);
      expect(counted(words(text)), lang).toBe(lang);
    }
  });

  it('tells a short text by all its function words, the ones its neighbours share too', () => {
    // "en" is French, Spanish, Dutch and Swedish; counting only each
    // language's commonest words read this as Spanish.
    expect(languageOfText("Emmanuel Macron a déclaré : « Nous sommes en guerre, en guerre sanitaire ». Il a ajouté que l'État paiera, quoi qu'il en coûte.")).toBe('fr');
    // Counting only "quod", "sed", "ut"… read this as French ("est", "et", "de").
    expect(languageOfText('Omnes homines dignitate et iure liberi et pares nascuntur. Ratione conscientiaque praediti sunt et alii erga alios cum fraternitate se gerere debent.')).toBe('la');
  });

  it('reads Norwegian as Danish, the listed language nearest it', () => {
    expect(languageOfText('Rådet sa at planen var klar, og at den ville bli satt til avstemning med støtte fra ordføreren, som ikke har ombestemt seg.')).toBe('da');
  });

  it('reads a text with no function words, or a tie, as English', () => {
    expect(languageOfText('构建网络空间命运共同体')).toBe('en');
    expect(languageOfText('Xi Jinping, Wuzhen, 2019')).toBe('en');
    expect(counted([])).toBe('en');
    // One English and one French function word: a tie.
    expect(counted(['the', 'les'])).toBe('en');
  });

  it('keeps English function words exactly the stopword list', () => {
    for (const w of STOPWORDS) expect(isFunctionWord(w, 'en'), w).toBe(true);
    for (const w of ['people', 'war', 'die', 'son', 'man']) expect(isFunctionWord(w, 'en'), w).toBe(false);
  });

  it('knows a word as a function word only in its own languages', () => {
    expect(isFunctionWord('de', 'fr')).toBe(true);
    expect(isFunctionWord('de', 'en')).toBe(false);
    expect(isFunctionWord('war', 'de')).toBe(true);
    expect(isFunctionWord('die', 'nl')).toBe(true);
    expect(isFunctionWord('gesellschaft', 'de')).toBe(false);
    // Compared in the matching form: accents dropped.
    expect(isFunctionWord(normalizeWord('très'), 'fr')).toBe(true);
    expect(isFunctionWord(normalizeWord('über'), 'de')).toBe(true);
    expect(isFunctionWord(normalizeWord('и'), 'ru')).toBe(true);
    expect(isFunctionWord(normalizeWord('и'), 'en')).toBe(false);
    expect(isFunctionWord(normalizeWord('και'), 'el')).toBe(true);
    expect(isFunctionWord(normalizeWord('się'), 'pl')).toBe(true);
    expect(isFunctionWord(normalizeWord('quod'), 'la')).toBe(true);
    expect(isFunctionWord(normalizeWord('współpraca'), 'pl')).toBe(false);
    expect(wordLanguages('nonexistent')).toEqual({ function: 0, opener: 0, coordinator: 0 });
    // Coordinators join a list's last item, in their own language only; "but" joins clauses.
    const bit = (l: (typeof LANGUAGES)[number]) => 1 << LANGUAGES.indexOf(l);
    expect(wordLanguages('und').coordinator).toBe(bit('de'));
    expect(wordLanguages('och').coordinator & bit('sv')).toBe(bit('sv'));
    expect(wordLanguages('and').coordinator).toBe(bit('en'));
    expect(wordLanguages('but').coordinator).toBe(0);
    expect(LANGUAGES[0]).toBe('en');
  });
});

describe('languageOfText on short or borrowed words', () => {
  it('needs three function words before it reads a text as other than English', () => {
    expect(languageOfText('Do no harm.')).toBe('en');
    expect(languageOfText('Building a community with a shared future in cyberspace')).toBe('en');
    expect(languageOfText('Le Monde and the Gazette said so')).toBe('en');
    expect(languageOfText('Le monde est à nous et pour nous.')).toBe('fr');
  });
});

describe('openers', () => {
  it('are function words of their language that open a noun phrase', () => {
    LANGUAGES.forEach((lang, i) => {
      const openers = [...['the', 'la', 'der', 'el', 'il', 'o', 'het']].filter((w) => (wordLanguages(w).opener & (1 << i)) !== 0);
      for (const w of openers) expect(isFunctionWord(w, lang), `${lang} ${w}`).toBe(true);
    });
    expect(wordLanguages('the').opener).toBe(1);
    expect(wordLanguages('that').opener).toBe(0);
    expect(wordLanguages('un').opener & (1 << LANGUAGES.indexOf('fr'))).not.toBe(0);
    expect(wordLanguages('des').opener & (1 << LANGUAGES.indexOf('fr'))).toBe(0);
  });
});
