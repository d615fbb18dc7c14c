/**
 * An XML part as element events, in one pass: htmlparser2's tokenizer in
 * XML mode (entities decoded; nothing fetched, no DTD read), for the
 * formats that are XML inside a ZIP (Word, OpenDocument, Excel). TEI,
 * which needs the tokenizer's positions, drives it itself (tei.ts).
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface XmlEvents {
  /** An element opens (`selfClosing`: `<x/>`, which has no `close`); names as written. */
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ignore = (): void => {};

/** Calls `on`'s handlers for the elements and text of `xml` (`attributes: false`: every element's attributes given as one empty object, not read). */
export function walkXml(xml: string, on: XmlEvents, attributes = true): void {
  const none: Record<string, string> = {};
  let name = '';
  let attrs: Record<string, string> = {};
  let attr = '';
  let value = '';
  const callbacks: TokenizerCallbacks = {
    onopentagname: (s, e) => {
      name = xml.slice(s, e);
      attrs = attributes ? {} : none;
    },
    onattribname: (s, e) => {
      attr = xml.slice(s, e);
      value = '';
    },
    onattribdata: (s, e) => {
      if (attributes) value += xml.slice(s, e);
    },
    onattribentity: (cp) => {
      if (attributes) value += String.fromCodePoint(cp);
    },
    onattribend: () => {
      if (attributes) attrs[attr] = value;
    },
    onopentagend: () => on.open(name, attrs, false),
    onselfclosingtag: () => on.open(name, attrs, true),
    onclosetag: (s, e) => on.close(xml.slice(s, e)),
    ontext: (s, e) => on.text(xml.slice(s, e)),
    ontextentity: (cp) => on.text(String.fromCodePoint(cp)),
    oncdata: (s, e, endOffset) => on.text(xml.slice(s, e - endOffset)),
    oncomment: ignore,
    ondeclaration: ignore,
    onprocessinginstruction: ignore,
    onend: ignore,
  };
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, callbacks);
  tokenizer.write(xml);
  tokenizer.end();
}
