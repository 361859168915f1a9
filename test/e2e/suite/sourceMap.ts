/**
 * Maps `out/e2e-suite/index.js:LINE:COL` in error stacks back to the TypeScript sources, using the
 * inline source map esbuild writes into the bundle. (VS Code's extension host installs its own
 * Error.prepareStackTrace, so Node's --enable-source-maps does not apply there.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Mapping {
    genCol: number;
    source: number;
    line: number;
    col: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) {
            shift += 5;
        } else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
        }
    }
    return values;
}

interface ParsedMap {
    sources: string[];
    lines: Mapping[][];
}

let cached: ParsedMap | null | undefined;

function load(bundle: string): ParsedMap | null {
    const text = fs.readFileSync(bundle, 'utf8');
    const m = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(text);
    if (!m) {
        return null;
    }
    const map = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as { sources: string[]; mappings: string };
    const lines: Mapping[][] = [];
    let source = 0;
    let line = 0;
    let col = 0;
    for (const lineText of map.mappings.split(';')) {
        const out: Mapping[] = [];
        let genCol = 0;
        for (const seg of lineText.split(',')) {
            if (!seg) {
                continue;
            }
            const v = decodeVlq(seg);
            genCol += v[0];
            if (v.length >= 4) {
                source += v[1];
                line += v[2];
                col += v[3];
                out.push({ genCol, source, line, col });
            }
        }
        lines.push(out);
    }
    const dir = path.dirname(bundle);
    return { sources: map.sources.map((s) => path.resolve(dir, s)), lines };
}

/** Rewrites stack frames that point into this bundle to TypeScript file:line:col. */
export function mapStack(stack: string): string {
    const bundle = __filename;
    try {
        if (cached === undefined) {
            cached = load(bundle);
        }
    } catch {
        cached = null;
    }
    const map = cached;
    if (!map) {
        return stack;
    }
    const escaped = bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return stack.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g'), (whole, l: string, c: string) => {
        const segs = map.lines[Number(l) - 1];
        if (!segs?.length) {
            return whole;
        }
        const column = Number(c) - 1;
        let best = segs[0];
        for (const s of segs) {
            if (s.genCol <= column) {
                best = s;
            }
        }
        return `${map.sources[best.source]}:${best.line + 1}:${best.col + 1}`;
    });
}
