import type { Position } from 'vscode-languageserver-types';
import type { PatternDocument } from '../../document/patternDocument';
import type { YamlPath } from '../../document/yamlPath';
import { flowDepth, readFlowCollection, type FlowCollection } from './flowLine';
import { flowCursor, scalarCursor, typed, type YamlCursor } from './yamlCursor';
import { closingQuote, readYamlLine, unquoteScalar, type YamlLine } from './yamlLine';

/** A block or flow mapping met by the scan; `path` is undefined where the structure makes no sense. */
export interface ScannedMap {
  readonly kind: 'map';
  readonly col: number;
  readonly path: YamlPath | undefined;
  /** Keys with the line each is on. */
  readonly keys: Map<string, number>;
  /** The scalar values written on the key's own line, unquoted. */
  readonly values: Map<string, string>;
  lastKey: string | undefined;
  /** True when the last key has no value on its line, so a block may follow. */
  lastOpen: boolean;
}

export interface SeqEntry {
  readonly line: number;
  scalar: string | undefined;
  map: ScannedMap | undefined;
}

export interface ScannedSeq {
  readonly kind: 'seq';
  /** Column of the dashes (for a flow sequence: of its key). */
  readonly col: number;
  readonly path: YamlPath | undefined;
  readonly entries: SeqEntry[];
  /** True when the last entry is a dash with nothing after it, so a block may follow. */
  itemOpen: boolean;
}

type Frame = ScannedMap | ScannedSeq;

export type { TypedText, YamlCursor } from './yamlCursor';

export interface YamlOutline {
  readonly cursor: YamlCursor | undefined;
  readonly root: ScannedMap;
  mapAt(path: YamlPath): ScannedMap | undefined;
  seqAt(path: YamlPath): ScannedSeq | undefined;
}

/**
 * Lines to pass over: the rest of a multi-line scalar or flow collection. In block context these
 * continue only on lines indented deeper than their parent (`col`), so a less indented line ends
 * them even when a quote or bracket was never closed (as while one types).
 */
type Skip =
  | { readonly kind: 'deeper'; readonly col: number }
  | { readonly kind: 'quote'; readonly col: number; readonly quote: string }
  | { readonly kind: 'flow'; readonly col: number; depth: number };

/**
 * Scans the frontmatter's lines by indentation, as the YAML block structure is, and finds what
 * the cursor is in. It works the same on valid and on half-typed YAML: each line is read on its
 * own, and structure comes from indentation and the keys on previous lines. The whole frontmatter
 * is scanned so that siblings after the cursor (keys already present, entries already in a list)
 * are known too.
 */
export function scanYamlOutline(doc: PatternDocument, position: Position): YamlOutline {
  return new OutlineScanner(doc, position).run();
}

const pathKey = (path: YamlPath): string => JSON.stringify(path);

class OutlineScanner {
  private readonly root: ScannedMap = newMap(0, []);
  private readonly stack: Frame[] = [this.root];
  private readonly frames = new Map<string, Frame>([[pathKey([]), this.root]]);
  private skip: Skip | undefined;
  private cursor: YamlCursor | undefined;

  constructor(private readonly doc: PatternDocument, private readonly position: Position) {}

  run(): YamlOutline {
    const fm = this.doc.frontmatter;
    if (fm && fm.yamlStart > fm.openEnd) {
      const lines = this.doc.lines;
      const first = lines.positionAt(fm.yamlStart).line;
      const end = fm.closed ? lines.positionAt(fm.closeStart!).line : lines.lineCount;
      for (let line = first; line < end; line++) this.scanLine(line, lines.lineText(line));
    }
    const frames = this.frames;
    const at = (path: YamlPath) => frames.get(pathKey(path));
    return {
      cursor: this.cursor,
      root: this.root,
      mapAt: (path) => { const f = at(path); return f?.kind === 'map' ? f : undefined; },
      seqAt: (path) => { const f = at(path); return f?.kind === 'seq' ? f : undefined; },
    };
  }

  private scanLine(lineNo: number, text: string): void {
    const isCursor = lineNo === this.position.line;
    const ch = this.position.character;
    const t = readYamlLine(text);
    if (this.skip && this.skipsLine(t, text, isCursor ? ch : undefined)) return;
    if (t.blank) {
      if (isCursor && t.indent >= ch) this.cursor = this.blankLineCursor(lineNo, ch);
      return;
    }
    let cursorCh = isCursor && ch >= t.indent ? ch : undefined;
    let seq: ScannedSeq | undefined;
    for (const dash of t.dashes) {
      if (cursorCh !== undefined && cursorCh <= dash) cursorCh = undefined; // before a dash: nothing to complete
      seq = this.dash(dash, lineNo);
    }
    if (t.key) this.keyLine(t, text, lineNo, cursorCh);
    else if (seq) this.itemLine(seq, t, text, lineNo, cursorCh);
    else if (cursorCh !== undefined) this.cursor = this.partialKeyCursor(t, text, lineNo, cursorCh);
  }

  /** True when the line belongs to a multi-line scalar or flow collection that is being passed over. */
  private skipsLine(t: YamlLine, text: string, cursorCh: number | undefined): boolean {
    const skip = this.skip!;
    const col = t.blank ? (cursorCh ?? Infinity) : t.indent;
    if (col <= skip.col && !(t.blank && cursorCh === undefined)) {
      this.skip = undefined;
      return false;
    }
    if (skip.kind === 'deeper') return true;
    if (skip.kind === 'quote') {
      if (closingQuote(skip.quote + text, 0) >= 0) this.skip = undefined;
    } else if ((skip.depth += flowDepth(text)) <= 0) {
      this.skip = undefined;
    }
    return true;
  }

  private keyLine(t: YamlLine, text: string, lineNo: number, cursorCh: number | undefined): void {
    const key = t.key!;
    const map = this.key(key.start, key.text, lineNo);
    const value = text.slice(t.valueStart, t.valueEnd);
    map.lastOpen = value === '';
    const childPath = map.path && [...map.path, key.text];
    let flow: FlowCollection | undefined;
    if (value.startsWith('[') || value.startsWith('{')) {
      flow = readFlowCollection(text, t.valueStart);
      this.registerFlow(childPath, key.start, flow, lineNo);
      if (!flow.closed && cursorCh === undefined) this.skip = { kind: 'flow', col: key.start, depth: flowDepth(value) };
    } else if (value !== '') {
      map.values.set(key.text, unquoteScalar(value));
      this.skipAfterScalar(text, t.valueStart, key.start);
    }
    if (cursorCh === undefined || !map.path) return;
    if (cursorCh >= key.start && cursorCh <= key.end) {
      this.cursor = { kind: 'key', containerPath: map.path, keyColumn: key.start, typed: typed(text, lineNo, key.start, key.end, cursorCh, ''), hasColon: true, startsBlock: false };
    } else if (cursorCh > key.colon && cursorCh <= t.commentStart) {
      const lead = t.valueStart === key.colon + 1 && cursorCh === key.colon + 1 ? ' ' : '';
      this.cursor = flow ? flowCursor(flow, childPath!, text, lineNo, cursorCh) : scalarCursor(childPath!, text, t, lineNo, cursorCh, lead, undefined);
    }
  }

  private itemLine(seq: ScannedSeq, t: YamlLine, text: string, lineNo: number, cursorCh: number | undefined): void {
    const entry = seq.entries[seq.entries.length - 1];
    const value = text.slice(t.valueStart, t.valueEnd);
    const entryPath = seq.path && [...seq.path, seq.entries.length - 1];
    seq.itemOpen = value === '';
    let flow: FlowCollection | undefined;
    if (value.startsWith('{')) {
      flow = readFlowCollection(text, t.valueStart);
      entry.map = this.registerFlow(entryPath, t.contentStart, flow, lineNo) as ScannedMap | undefined;
      if (!flow.closed && cursorCh === undefined) this.skip = { kind: 'flow', col: t.dashes[t.dashes.length - 1], depth: flowDepth(value) };
    } else if (value.startsWith('[')) {
      if (!readFlowCollection(text, t.valueStart).closed && cursorCh === undefined) this.skip = { kind: 'flow', col: t.dashes[t.dashes.length - 1], depth: flowDepth(value) };
      return;
    } else if (value !== '') {
      entry.scalar = unquoteScalar(value);
      this.skipAfterScalar(text, t.valueStart, t.dashes[t.dashes.length - 1]);
    }
    if (cursorCh === undefined || !entryPath || cursorCh > t.commentStart) return;
    const lead = text[t.contentStart - 1] === '-' ? ' ' : ''; // `-|` needs a space before the value
    this.cursor = flow
      ? flowCursor(flow, entryPath, text, lineNo, cursorCh)
      : scalarCursor(entryPath, text, t, lineNo, cursorCh, lead, { contentColumn: t.contentStart + lead.length });
  }

  /** A multi-line plain or quoted scalar, or a block scalar, continues on the lines that follow. */
  private skipAfterScalar(text: string, valueStart: number, parentCol: number): void {
    const first = text[valueStart];
    if (first === '"' || first === "'") {
      if (closingQuote(text, valueStart) < 0) this.skip = { kind: 'quote', col: parentCol, quote: first };
    } else if (first !== '[' && first !== '{') {
      this.skip = { kind: 'deeper', col: parentCol };
    }
  }

  /** Handles a `- ` at column `col`: a new entry of the sequence there (creating it when needed). */
  private dash(col: number, lineNo: number): ScannedSeq {
    this.popWhile((f) => f.col > col);
    const top = this.top();
    let seq: ScannedSeq;
    if (top.kind === 'seq' && top.col === col) {
      seq = top;
    } else if (top.kind === 'map' && top.lastOpen && top.lastKey !== undefined && top.col <= col) {
      seq = this.push(newSeq(col, top.path && [...top.path, top.lastKey]));
      top.lastOpen = false;
    } else if (top.kind === 'seq' && top.col < col && top.itemOpen) {
      seq = this.push(newSeq(col, top.path && [...top.path, top.entries.length - 1]));
      top.itemOpen = false;
    } else {
      seq = this.push(newSeq(col, undefined));
    }
    seq.entries.push({ line: lineNo, scalar: undefined, map: undefined });
    seq.itemOpen = false;
    return seq;
  }

  /** Handles a `key:` at column `col`: the mapping it belongs to (creating it when needed). */
  private key(col: number, key: string, lineNo: number): ScannedMap {
    const map = this.mapForKeyAt(col, true);
    map.keys.set(key, lineNo);
    map.lastKey = key;
    return map;
  }

  private mapForKeyAt(col: number, mutate: boolean): ScannedMap {
    const stack = mutate ? this.stack : [...this.stack];
    while (stack.length > 1 && (stack[stack.length - 1].col > col || (stack[stack.length - 1].kind === 'seq' && stack[stack.length - 1].col === col))) stack.pop();
    const top = stack[stack.length - 1];
    let path: YamlPath | undefined;
    if (top.kind === 'map' && top.col === col) return top;
    if (top.kind === 'map' && top.col < col && top.lastOpen && top.lastKey !== undefined) {
      path = top.path && [...top.path, top.lastKey];
      if (mutate) top.lastOpen = false;
    } else if (top.kind === 'seq' && top.col < col) {
      const entry = top.entries[top.entries.length - 1];
      path = top.path && entry && [...top.path, top.entries.length - 1];
      if (mutate) top.itemOpen = false;
      if (entry && mutate) return (entry.map = this.push(newMap(col, path)));
    }
    const map = newMap(col, path);
    return mutate ? this.push(map) : map;
  }

  /** The cursor on an empty line: a new key of the mapping at its column, or a new sequence entry. */
  private blankLineCursor(lineNo: number, ch: number): YamlCursor | undefined {
    const at = typed('', lineNo, ch, ch, ch, '');
    const stack = [...this.stack];
    while (stack.length > 1 && stack[stack.length - 1].col > ch) stack.pop();
    const top = stack[stack.length - 1];
    if (top.kind === 'seq' && top.col === ch) return top.path && { kind: 'newItem', seqPath: top.path, dashColumn: ch, typed: at };
    const map = this.mapForKeyAt(ch, false);
    if (!map.path) return undefined;
    // A key opened just above (`enables:` then this line): its schema decides between keys and a list entry.
    const startsBlock = top.kind === 'map' && top.col < ch && top.lastOpen;
    return { kind: 'key', containerPath: map.path, keyColumn: ch, typed: at, hasColon: false, startsBlock };
  }

  /** A word alone on a line (no colon yet): a key being typed. */
  private partialKeyCursor(t: YamlLine, text: string, lineNo: number, ch: number): YamlCursor | undefined {
    const word = text.slice(t.contentStart, t.valueEnd);
    if (!/^[A-Za-z0-9_-]*$/.test(word) || ch > t.valueEnd) return undefined;
    const map = this.mapForKeyAt(t.contentStart, false);
    if (!map.path) return undefined;
    return { kind: 'key', containerPath: map.path, keyColumn: t.contentStart, typed: typed(text, lineNo, t.contentStart, t.valueEnd, ch, ''), hasColon: false, startsBlock: false };
  }

  /** Registers a flow collection written on one line as a frame, so its items count as siblings. */
  private registerFlow(path: YamlPath | undefined, col: number, flow: FlowCollection, lineNo: number): Frame | undefined {
    if (!path) return undefined;
    if (flow.kind === 'map') {
      const map = newMap(col, path);
      for (const item of flow.items) {
        if (!item.key) continue;
        map.keys.set(item.key.text, lineNo);
        map.values.set(item.key.text, item.value.text);
      }
      return this.register(map);
    }
    const seq = newSeq(col, path);
    for (const item of flow.items) seq.entries.push({ line: lineNo, scalar: item.value.text, map: undefined });
    return this.register(seq);
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  private popWhile(test: (frame: Frame) => boolean): void {
    while (this.stack.length > 1 && test(this.top())) this.stack.pop();
  }

  private push<F extends Frame>(frame: F): F {
    this.stack.push(frame);
    return this.register(frame);
  }

  /** Remembers the first frame of each path (a repeated key keeps the first, as diagnostics report the rest). */
  private register<F extends Frame>(frame: F): F {
    if (frame.path && !this.frames.has(pathKey(frame.path))) this.frames.set(pathKey(frame.path), frame);
    return frame;
  }
}

function newMap(col: number, path: YamlPath | undefined): ScannedMap {
  return { kind: 'map', col, path, keys: new Map(), values: new Map(), lastKey: undefined, lastOpen: false };
}

function newSeq(col: number, path: YamlPath | undefined): ScannedSeq {
  return { kind: 'seq', col, path, entries: [], itemOpen: false };
}
