import "server-only";
import { Transform } from "node:stream";
import { fileTooComplex, XLSX_LIMITS } from "./xlsx-limits";

const LT = 0x3c; // <
const GT = 0x3e; // >
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const SLASH = 0x2f; // /
const DASH = 0x2d; // -
const BRACKET = 0x5d; // ]
const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

type State = "text" | "open" | "bang" | "tag" | "comment" | "cdata" | "instruction";
const COL = [0x63, 0x6f, 0x6c]; // "col"
const COMMENT_OPENING = "--";
const CDATA_OPENING = "[CDATA[";

/**
 * Refuses (FILE_TOO_COMPLEX) XML whose shape would cost the parser memory out of proportion:
 * - a token longer than XLSX_LIMITS.tokenBytes (a text, a tag with its attributes, a comment,
 *   CDATA, an instruction): the XML parser holds each whole before handing it on, so one 50 MB
 *   cell costs over 100 MB; an Excel cell holds at most 32,767 characters;
 * - elements nested deeper than XLSX_LIMITS.depth: the parser keeps a stack of open elements;
 * - more <col> definitions than Excel has columns: exceljs collects them all before using any;
 * - a DOCTYPE, which OOXML forbids.
 * The bytes pass on unchanged; every delimiter is ASCII, so UTF-8 needs no decoding here.
 */
export function xmlShapeGuard(): Transform {
  let state: State = "text";
  let length = 0; // of the current token, so far
  let depth = 0;
  let columnDefinitions = 0;
  let closingTag = false;
  let naming = false; // in a tag's name
  let nameMatched = 0; // bytes of the name that match "col" so far, -1 once it cannot
  let quote = 0; // the quote an attribute value is open with
  let previous = 0; // in a tag: the byte before, for "/>"
  let opening = ""; // what follows "<!" so far
  let last = 0; // inside a comment, CDATA or instruction: the two bytes before, for "-->", "]]>", "?>"
  let beforeLast = 0;
  const enter = (next: State) => {
    state = next;
    if (next === "text") length = 0;
    last = beforeLast = previous = 0;
  };
  /** The end of a tag's name: counted if it is a column definition. */
  const named = () => {
    naming = false;
    return !closingTag && nameMatched === COL.length && ++columnDefinitions > XLSX_LIMITS.columnDefinitions;
  };
  /** The end of a tag: the depth it leaves. */
  const closed = () => {
    if (closingTag) depth--;
    else if (previous !== SLASH) depth++;
    return depth > XLSX_LIMITS.depth;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (++length > XLSX_LIMITS.tokenBytes) return done(fileTooComplex());
        switch (state) {
          case "text":
            if (byte === LT) {
              enter("open");
              length = 1;
            }
            break;
          case "open":
            opening = "";
            closingTag = byte === SLASH;
            naming = true;
            nameMatched = closingTag ? 0 : byte === COL[0] ? 1 : -1;
            enter(byte === BANG ? "bang" : byte === QUESTION ? "instruction" : "tag");
            break;
          case "bang":
            opening += String.fromCharCode(byte);
            if (opening === COMMENT_OPENING) enter("comment");
            else if (opening === CDATA_OPENING) enter("cdata");
            else if (!COMMENT_OPENING.startsWith(opening) && !CDATA_OPENING.startsWith(opening))
              return done(fileTooComplex());
            break;
          case "tag":
            if (quote) {
              if (byte === quote) quote = 0;
            } else if (byte === GT) {
              if ((naming && named()) || closed()) return done(fileTooComplex());
              enter("text");
              break;
            } else if (naming && (isSpace(byte) || byte === SLASH)) {
              if (named()) return done(fileTooComplex());
            } else if (naming) {
              nameMatched = nameMatched >= 0 && byte === COL[nameMatched] ? nameMatched + 1 : -1;
            } else if (byte === QUOTE || byte === APOSTROPHE) quote = byte;
            previous = byte;
            break;
          case "comment":
          case "cdata":
          case "instruction": {
            const closer = state === "comment" ? DASH : state === "cdata" ? BRACKET : QUESTION;
            if (byte === GT && last === closer && (state === "instruction" || beforeLast === closer)) enter("text");
            else [beforeLast, last] = [last, byte];
            break;
          }
        }
      }
      done(null, chunk);
    },
  });
}
