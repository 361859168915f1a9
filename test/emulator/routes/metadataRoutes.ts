/**
 * GET /metadata/endpoints?api-version=2015-01-01 — unauthenticated cloud metadata, Azure-Stack style,
 * so tools can configure a "custom cloud" pointing at the emulator.
 */
import { jsonResponse, type ArmResponse, type RequestContext } from '../http';
import type { Router } from '../router';

function endpoints(ctx: RequestContext): ArmResponse {
    const base = `${ctx.req.baseUrl}/`;
    return jsonResponse(200, {
        galleryEndpoint: base,
        graphEndpoint: 'https://graph.windows.net/',
        portalEndpoint: 'https://portal.azure.com/',
        authentication: {
            loginEndpoint: 'https://login.microsoftonline.com/',
            audiences: [base, 'https://management.core.windows.net/', 'https://management.azure.com/'],
        },
    });
}

export function registerMetadataRoutes(router: Router): void {
    router.add('GET', '/metadata/endpoints', endpoints);
}
