/**
 * ARM server-side paging: `{"value":[…], "nextLink":"<absolute url>?api-version=…&$skiptoken=…"}`,
 * nextLink omitted on the last page. The skip token is the (opaque) key of the last item served, so pages
 * stay consistent when items are added or removed between page requests.
 */
import { ArmError } from './errors';
import type { ArmResponse, RequestContext } from './http';

export interface PagedItem {
    /** Sort key, unique within the list (lower-case id). */
    key: string;
}

function decodeToken(token: string): string {
    try {
        return Buffer.from(token, 'base64url').toString('utf8');
    } catch {
        throw new ArmError(400, 'InvalidSkipToken', `The skip token '${token}' is invalid.`);
    }
}

/** First index whose key is greater than `after` (items sorted by key). */
function firstAfter<T extends PagedItem>(items: readonly T[], after: string): number {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (items[mid].key <= after) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/** One page of `items` (sorted by key) as an ARM list response. */
export function pagedResponse<T extends PagedItem>(ctx: RequestContext, items: readonly T[], present: (item: T) => unknown): ArmResponse {
    const token = ctx.req.query.get('$skiptoken') ?? ctx.req.query.get('$skipToken');
    const start = token ? firstAfter(items, decodeToken(token)) : 0;
    const pageSize = Math.max(1, ctx.settings.pageSize);
    const page = items.slice(start, start + pageSize);
    const body: { value: unknown[]; nextLink?: string } = { value: page.map(present) };
    if (start + pageSize < items.length && page.length > 0) {
        body.nextLink = nextLink(ctx, page[page.length - 1].key);
    }
    return { status: 200, body };
}

function nextLink(ctx: RequestContext, lastKey: string): string {
    const query = new URLSearchParams();
    for (const [name, value] of ctx.req.query) {
        if (name.toLowerCase() !== '$skiptoken') {
            query.append(name, value);
        }
    }
    const params = query.toString();
    const token = Buffer.from(lastKey, 'utf8').toString('base64url');
    return `${ctx.req.baseUrl}${ctx.req.path}?${params ? `${params}&` : ''}$skiptoken=${token}`;
}
