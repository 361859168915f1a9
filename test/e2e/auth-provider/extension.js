// TEST ONLY authentication provider for the ACG end-to-end tests and the demo.
//
// Registers the provider ids `microsoft` and `microsoft-sovereign-cloud` (the
// test install of code-server moves VS Code's built-in Microsoft sign-in aside,
// because two providers cannot share an id) and hands out unsigned JWT-shaped
// tokens that the ARM emulator in test/emulator accepts:
//
//   base64url({"alg":"none","typ":"JWT"}) + "." + base64url(payload) + ".emulator"
//   payload = { aud, tid, oid, upn, iat, nbf, exp, iss }
//
// Configuration (environment of the code-server process, which the Node
// extension host inherits):
//   ACG_TEST_AUTH_ACCOUNT                 account name / upn   (tester@contoso.example)
//   ACG_TEST_AUTH_HOME_TENANT             home tenant id       (DEFAULT_HOME_TENANT)
//   ACG_TEST_AUTH_OBJECT_ID               object id            (derived from the account)
//   ACG_TEST_AUTH_TOKEN_LIFETIME_SECONDS  token lifetime       (3600)
//   ACG_TEST_AUTH_SIGNED_IN=1             start signed in (no createSession needed). Only for VS Code
//                                         desktop test runs, where nobody can click the Allow dialog
//                                         (see test/e2e/runInElectron.ts)
//
// Behaviour mirrors the real Microsoft provider closely enough for our
// extension: no session until createSession (VS Code asks the user to allow the
// sign-in first); once an account is signed in, getSessions(scopes) silently
// mints a token for any scope set (the real provider does the same through
// MSAL's silent flow); expired tokens are re-minted on the next getSessions;
// removeSession signs the account out and fires onDidChangeSessions.
'use strict';

const vscode = require('vscode');
const crypto = require('crypto');

const PROVIDERS = [
    { id: 'microsoft', label: 'Microsoft (test)' },
    { id: 'microsoft-sovereign-cloud', label: 'Microsoft Sovereign Cloud (test)' },
];

/** Fallback only: the harness sets ACG_TEST_AUTH_HOME_TENANT from the emulator seed. */
const DEFAULT_HOME_TENANT = '00000000-0000-4000-8000-00000000acc0';
const DEFAULT_ACCOUNT = 'tester@contoso.example';
const DEFAULT_AUDIENCE = 'https://management.core.windows.net';
/** Re-mint a token when it has less than this left (a quarter of short lifetimes, so they still expire). */
const REFRESH_MARGIN_SECONDS = 60;
const refreshMargin = (lifetimeSeconds) => Math.min(REFRESH_MARGIN_SECONDS, Math.floor(lifetimeSeconds / 4));

const OPENID_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
/** Tenant aliases that mean "the account's own tenant". */
const TENANT_ALIASES = new Set(['common', 'organizations', 'consumers']);

function config() {
    const env = process.env;
    const account = env.ACG_TEST_AUTH_ACCOUNT || DEFAULT_ACCOUNT;
    const homeTenant = env.ACG_TEST_AUTH_HOME_TENANT || DEFAULT_HOME_TENANT;
    const lifetime = Number.parseInt(env.ACG_TEST_AUTH_TOKEN_LIFETIME_SECONDS || '', 10);
    return {
        account,
        homeTenant,
        objectId: env.ACG_TEST_AUTH_OBJECT_ID || uuidFrom(`oid:${account}`),
        lifetimeSeconds: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : 3600,
        startSignedIn: env.ACG_TEST_AUTH_SIGNED_IN === '1',
    };
}

/** A stable RFC 4122-shaped id derived from a string. */
function uuidFrom(text) {
    const h = crypto.createHash('sha256').update(text).digest('hex');
    const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function b64url(value) {
    return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function isResourceScope(scope) {
    return !scope.startsWith('VSCODE_TENANT:') && !scope.startsWith('VSCODE_CLIENT_ID:') && !OPENID_SCOPES.has(scope);
}

/** The token audience: first resource scope, without "/.default" and trailing slashes. */
function audienceOf(scopes) {
    const scope = scopes.find(isResourceScope);
    if (!scope) {
        return DEFAULT_AUDIENCE;
    }
    return scope.replace(/\/\.default$/, '').replace(/\/+$/, '');
}

function tenantOf(scopes, homeTenant) {
    const scope = scopes.find((s) => s.startsWith('VSCODE_TENANT:'));
    const tenant = scope ? scope.slice('VSCODE_TENANT:'.length) : '';
    return tenant && !TENANT_ALIASES.has(tenant.toLowerCase()) ? tenant : homeTenant;
}

function mintToken(scopes, cfg) {
    const now = Math.floor(Date.now() / 1000);
    const tid = tenantOf(scopes, cfg.homeTenant);
    const payload = {
        aud: audienceOf(scopes),
        tid,
        oid: cfg.objectId,
        upn: cfg.account,
        iat: now,
        nbf: now - 300, // like Entra ID: valid from 5 minutes ago (clock skew)
        exp: now + cfg.lifetimeSeconds,
        iss: `https://sts.windows.net/${tid}/`,
    };
    return { token: `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.emulator`, exp: payload.exp };
}

function scopeKey(scopes) {
    return [...new Set(scopes || [])].sort().join(' ');
}

class TestAuthProvider {
    constructor(id, log) {
        this.id = id;
        this.log = log;
        this.emitter = new vscode.EventEmitter();
        this.onDidChangeSessions = this.emitter.event;
        /** scope key -> { session, exp } ; all sessions belong to the one signed-in account. */
        this.sessions = new Map();
        this.signedIn = undefined; // AuthenticationSessionAccountInformation when signed in
    }

    accountInfo(cfg) {
        return { id: `${cfg.objectId}.${cfg.homeTenant}`, label: cfg.account };
    }

    matchesAccount(filter) {
        if (!filter || !this.signedIn) {
            return true;
        }
        return filter.id === this.signedIn.id || filter.label === this.signedIn.label;
    }

    /** Returns (minting or refreshing when needed) the session for exactly these scopes. */
    sessionFor(scopes, cfg) {
        const key = scopeKey(scopes);
        const now = Math.floor(Date.now() / 1000);
        let entry = this.sessions.get(key);
        if (!entry || entry.exp - refreshMargin(cfg.lifetimeSeconds) <= now) {
            const minted = mintToken(scopes, cfg);
            const session = {
                id: entry ? entry.session.id : crypto.randomUUID(),
                accessToken: minted.token,
                idToken: undefined,
                account: this.signedIn,
                scopes: [...scopes],
            };
            this.log(`[${this.id}] ${entry ? 'refreshed' : 'minted'} token for [${scopes.join(', ')}] exp=${minted.exp}`);
            entry = { session, exp: minted.exp };
            this.sessions.set(key, entry);
        }
        return entry.session;
    }

    async getSessions(scopes, options) {
        const filter = options && options.account;
        if (!this.signedIn || !this.matchesAccount(filter)) {
            this.log(`[${this.id}] getSessions([${(scopes || []).join(', ')}]) -> none (signed out or other account)`);
            return [];
        }
        const cfg = config();
        if (!scopes || scopes.length === 0) {
            // All sessions (VS Code uses this to list accounts); refresh expired ones.
            if (this.sessions.size === 0) {
                this.sessionFor([`${DEFAULT_AUDIENCE}/.default`], cfg); // signed in at start-up, nothing asked yet
            }
            return [...this.sessions.values()].map((e) => this.sessionFor(e.session.scopes, cfg));
        }
        const session = this.sessionFor(scopes, cfg);
        this.log(`[${this.id}] getSessions([${scopes.join(', ')}]) -> ${session.id}`);
        return [session];
    }

    async createSession(scopes) {
        const cfg = config();
        this.signedIn = this.accountInfo(cfg);
        const existing = this.sessions.has(scopeKey(scopes));
        const session = this.sessionFor(scopes, cfg);
        this.log(`[${this.id}] createSession([${scopes.join(', ')}]) as ${cfg.account} -> ${session.id}`);
        this.emitter.fire(existing ? { added: [], removed: [], changed: [session] } : { added: [session], removed: [], changed: [] });
        return session;
    }

    async removeSession(sessionId) {
        const known = [...this.sessions.values()].some((e) => e.session.id === sessionId);
        if (!known) {
            this.log(`[${this.id}] removeSession(${sessionId}) -> unknown`);
            return;
        }
        // The real provider signs the whole account out: drop every session of it.
        const removed = [...this.sessions.values()].map((e) => e.session);
        this.sessions.clear();
        this.signedIn = undefined;
        this.log(`[${this.id}] removeSession(${sessionId}) -> signed out, ${removed.length} session(s) removed`);
        this.emitter.fire({ added: [], removed, changed: [] });
    }

    dispose() {
        this.emitter.dispose();
    }
}

function activate(context) {
    const channel = vscode.window.createOutputChannel('ACG Test Auth');
    context.subscriptions.push(channel);
    const log = (line) => channel.appendLine(`${new Date().toISOString()} ${line}`);
    const cfg = config();
    log(`test auth provider active: account=${cfg.account} homeTenant=${cfg.homeTenant} lifetime=${cfg.lifetimeSeconds}s${cfg.startSignedIn ? ' (starts signed in)' : ''}`);
    for (const p of PROVIDERS) {
        const provider = new TestAuthProvider(p.id, log);
        if (cfg.startSignedIn) {
            provider.signedIn = provider.accountInfo(cfg);
        }
        context.subscriptions.push(provider);
        context.subscriptions.push(
            vscode.authentication.registerAuthenticationProvider(p.id, p.label, provider, { supportsMultipleAccounts: false }),
        );
    }
}

function deactivate() {}

module.exports = { activate, deactivate };
