/**
 * The encodings a reader can choose to re-read a file as, by the names
 * `TextDecoder` knows (WHATWG) and the names readers know. Apart from
 * decode.ts so the page can show them without bundling chardet.
 */

/** Encodings a reader can choose to re-read a file as: WHATWG names and what they are for. */
export const ENCODING_CHOICES: ReadonlyArray<{ name: string; short: string; label: string }> = [
  { name: 'utf-8', short: 'UTF-8', label: 'UTF-8' },
  { name: 'windows-1252', short: 'windows-1252', label: 'Western (windows-1252, ISO-8859-1)' },
  { name: 'iso-8859-15', short: 'ISO-8859-15', label: 'Western with € (ISO-8859-15)' },
  { name: 'macintosh', short: 'MacRoman', label: 'Western, classic Mac OS (MacRoman)' },
  { name: 'windows-1250', short: 'windows-1250', label: 'Central European (windows-1250)' },
  { name: 'iso-8859-2', short: 'ISO-8859-2', label: 'Central European (ISO-8859-2)' },
  { name: 'windows-1251', short: 'windows-1251', label: 'Cyrillic (windows-1251)' },
  { name: 'koi8-r', short: 'KOI8-R', label: 'Cyrillic (KOI8-R)' },
  { name: 'iso-8859-5', short: 'ISO-8859-5', label: 'Cyrillic (ISO-8859-5)' },
  { name: 'windows-1253', short: 'windows-1253', label: 'Greek (windows-1253)' },
  { name: 'iso-8859-7', short: 'ISO-8859-7', label: 'Greek (ISO-8859-7)' },
  { name: 'windows-1254', short: 'windows-1254', label: 'Turkish (windows-1254, ISO-8859-9)' },
  { name: 'windows-1255', short: 'windows-1255', label: 'Hebrew (windows-1255)' },
  { name: 'iso-8859-8', short: 'ISO-8859-8', label: 'Hebrew (ISO-8859-8)' },
  { name: 'windows-1256', short: 'windows-1256', label: 'Arabic (windows-1256)' },
  { name: 'iso-8859-6', short: 'ISO-8859-6', label: 'Arabic (ISO-8859-6)' },
  { name: 'windows-1257', short: 'windows-1257', label: 'Baltic (windows-1257)' },
  { name: 'windows-1258', short: 'windows-1258', label: 'Vietnamese (windows-1258)' },
  { name: 'windows-874', short: 'windows-874', label: 'Thai (windows-874, TIS-620)' },
  { name: 'gb18030', short: 'GB18030', label: 'Chinese, simplified (GB18030, GBK, GB2312)' },
  { name: 'big5', short: 'Big5', label: 'Chinese, traditional (Big5)' },
  { name: 'shift_jis', short: 'Shift_JIS', label: 'Japanese (Shift_JIS)' },
  { name: 'euc-jp', short: 'EUC-JP', label: 'Japanese (EUC-JP)' },
  { name: 'iso-2022-jp', short: 'ISO-2022-JP', label: 'Japanese (ISO-2022-JP)' },
  { name: 'euc-kr', short: 'EUC-KR', label: 'Korean (EUC-KR)' },
  { name: 'utf-16le', short: 'UTF-16LE', label: 'UTF-16, little-endian' },
  { name: 'utf-16be', short: 'UTF-16BE', label: 'UTF-16, big-endian' },
];

/** The name a reader knows an encoding by ("Western (windows-1252, ISO-8859-1)"), else its WHATWG name. */
export function encodingLabel(name: string): string {
  return ENCODING_CHOICES.find((c) => c.name === name)?.label ?? name;
}

/** The encoding's usual short name ("GB18030", "UTF-16LE"), else its WHATWG name. */
export function encodingShortName(name: string): string {
  return ENCODING_CHOICES.find((c) => c.name === name)?.short ?? name;
}
