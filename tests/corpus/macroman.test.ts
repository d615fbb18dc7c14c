import { describe, expect, it } from 'vitest';
import { windows1252FromLatin1 } from '../../src/corpus/cp1252.ts';
import { decodeFile } from '../../src/corpus/decode.ts';
import { looksMacRoman } from '../../src/corpus/macroman.ts';

/** `text` in an 8-bit encoding, by the table its decoder reads (every character must be in it). */
function encode(text: string, decode: (bytes: Uint8Array) => string): Uint8Array {
  const high = decode(Uint8Array.from({ length: 128 }, (_, k) => 0x80 + k));
  return Uint8Array.from([...text], (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80) return code;
    const k = [...high].indexOf(c);
    if (k < 0) throw new Error(`${c} is not in the table`);
    return 0x80 + k;
  });
}
const mac = (t: string) => encode(t, (b) => new TextDecoder('macintosh').decode(b));
const cp1252 = (t: string) => encode(t, (b) => windows1252FromLatin1([...b].map((x) => String.fromCharCode(x)).join('')));

const TEXTS = {
  fr: 'Le conseil municipal s’est réuni mardi soir pour discuter de l’avenir du bac, déficitaire depuis dix ans. « Nous n’avons pas le choix », a déclaré la maire.',
  de: 'Der Gemeinderat traf sich am Dienstagabend, um über die Zukunft der Fähre zu beraten. Die Bürgermeisterin erklärte, dass sie künftig häufiger fährt und die Gebühren für Schüler sinken würden.',
  es: 'El ayuntamiento se reunió el martes para hablar del futuro del transbordador, que pierde dinero desde hace diez años. España también está pendiente.',
  sv: 'Kommunfullmäktige möttes på tisdagen för att diskutera färjans framtid, som har gått med förlust i tio år. Många invånare är oroliga.',
};

describe('looksMacRoman', () => {
  it.each(Object.entries(TEXTS))('tells MacRoman from windows-1252 (%s)', (_, text) => {
    expect(looksMacRoman(mac(text))).toBe(true);
    expect(looksMacRoman(cp1252(text))).toBe(false);
  });
  it('says no when too few accented letters stand in words to tell', () => {
    expect(looksMacRoman(mac('The café opened on Monday.'))).toBe(false);
    // Umlauts only at a word's start or after a capital: either reading could be right.
    expect(looksMacRoman(mac('Die Bürger äußerten über die Fähre ihre Sorgen.'))).toBe(false);
    expect(looksMacRoman(mac('Plain ASCII only.'))).toBe(false);
  });
});

describe('decodeFile: MacRoman', () => {
  it('reads a classic Mac OS text file as MacRoman, and a windows-1252 one as before', () => {
    const text = `${TEXTS.fr}\n\n${TEXTS.de}`;
    expect(decodeFile(mac(text), 'note.txt')).toMatchObject({ text, encoding: 'macintosh', how: 'detected' });
    expect(decodeFile(cp1252(text), 'note.txt')).toMatchObject({ text, encoding: 'windows-1252', how: 'detected' });
  });
});
