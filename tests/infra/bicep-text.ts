/**
 * Reads a Bicep file as text (no Bicep CLI here) into its parameters and resources, each resource body as a
 * tree of objects and arrays whose leaves are the Bicep expressions as written (`'/healthz'`, `true`,
 * `identity.id`). Enough for the declarative subset infra/azure.bicep uses: one `key: value` per line,
 * single-quoted strings with `${}` interpolation, `//` comments.
 */
export type BicepValue = string | BicepValue[] | { [key: string]: BicepValue };

export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  body: { [key: string]: BicepValue };
}

export interface BicepFile {
  params: Map<string, { type: string; default?: string }>;
  resources: BicepResource[];
}

/** The text without comments; strings (which may hold `//`, braces and apostrophes) are kept as they are. */
function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === "'") inString = false;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else {
      if (c === "'") inString = true;
      out += c;
    }
  }
  return out;
}

class Reader {
  constructor(
    private readonly text: string,
    public pos = 0,
  ) {}

  private skipBlanks(newlines: boolean): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else break;
    }
  }

  /** An expression up to the end of its line, with brackets and strings balanced; `{`/`[` alone start a literal. */
  value(): BicepValue {
    this.skipBlanks(false);
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '{' || c === '[') {
      const literal = c === '{' ? this.object() : this.array();
      this.skipBlanks(false);
      const next = this.text[this.pos];
      if (next === '\n' || next === '}' || next === ']' || next === undefined) return literal;
      this.pos = start;
    }
    let depth = 0;
    let inString = false;
    for (; this.pos < this.text.length; this.pos++) {
      const ch = this.text[this.pos];
      if (inString) {
        if (ch === '\\') this.pos++;
        else if (ch === "'") inString = false;
        continue;
      }
      if (ch === "'") inString = true;
      else if ('{[('.includes(ch!)) depth++;
      else if ('}])'.includes(ch!)) {
        if (depth === 0) break;
        depth--;
      } else if (ch === '\n' && depth === 0) break;
    }
    return this.text.slice(start, this.pos).trim();
  }

  object(): { [key: string]: BicepValue } {
    const result: { [key: string]: BicepValue } = {};
    this.pos++; // {
    for (;;) {
      this.skipBlanks(true);
      if (this.text[this.pos] === '}') {
        this.pos++;
        return result;
      }
      const key = /^('(?:[^'\\]|\\.)*'|[A-Za-z_$][\w$]*)\s*:/.exec(this.text.slice(this.pos));
      if (!key) throw new Error(`Bicep object key expected at: ${this.text.slice(this.pos, this.pos + 40)}`);
      this.pos += key[0].length;
      result[key[1]!.replace(/^'(.*)'$/, '$1')] = this.value();
    }
  }

  array(): BicepValue[] {
    const result: BicepValue[] = [];
    this.pos++; // [
    for (;;) {
      this.skipBlanks(true);
      if (this.text[this.pos] === ']') {
        this.pos++;
        return result;
      }
      result.push(this.value());
    }
  }
}

export function parseBicep(text: string): BicepFile {
  const source = stripComments(text);
  const params = new Map<string, { type: string; default?: string }>();
  for (const m of source.matchAll(/^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/gm)) {
    params.set(m[1]!, { type: m[2]!, default: m[3]?.trim() });
  }
  const resources: BicepResource[] = [];
  for (const m of source.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'(\s+existing)?\s*=\s*\{/gm)) {
    const reader = new Reader(source, m.index! + m[0].length - 1);
    resources.push({ symbol: m[1]!, type: m[2]!, apiVersion: m[3]!, body: reader.object() });
  }
  return { params, resources };
}

/** The value at a dotted path (`properties.siteConfig.healthCheckPath`), or undefined. */
export function at(value: BicepValue | undefined, path: string): BicepValue | undefined {
  let current = value;
  for (const key of path.split('.')) {
    if (current === undefined || typeof current === 'string' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}
