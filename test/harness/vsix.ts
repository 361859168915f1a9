/**
 * Packs a plain extension folder (package.json + JS files, no build step, no
 * node_modules) into a .vsix that `code-server --install-extension` accepts.
 *
 * Used for the test-only helper extensions in test/e2e/ (auth provider, test
 * runner): running `vsce` on them would need LICENSE/repository fields and a
 * network-free vsce start-up for every test run; a .vsix is only a zip with the
 * extension under `extension/` plus two small XML manifests, so we write it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

interface ZipEntry {
    name: string;
    data: Buffer;
}

interface ExtensionManifest {
    name: string;
    publisher: string;
    version: string;
    displayName?: string;
    description?: string;
    engines?: { vscode?: string };
}

function listFiles(root: string, rel = ''): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (entry.name === 'node_modules' || entry.name === '.git') {
                continue;
            }
            out.push(...listFiles(root, child));
        } else if (entry.isFile()) {
            out.push(child);
        }
    }
    return out.sort();
}

function xmlEscape(s: string): string {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function vsixManifest(m: ExtensionManifest): string {
    return [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">',
        '  <Metadata>',
        `    <Identity Language="en-US" Id="${xmlEscape(m.name)}" Version="${xmlEscape(m.version)}" Publisher="${xmlEscape(m.publisher)}" />`,
        `    <DisplayName>${xmlEscape(m.displayName ?? m.name)}</DisplayName>`,
        `    <Description xml:space="preserve">${xmlEscape(m.description ?? '')}</Description>`,
        '    <Properties>',
        `      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="${xmlEscape(m.engines?.vscode ?? '*')}" />`,
        '    </Properties>',
        '  </Metadata>',
        '  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation>',
        '  <Dependencies/>',
        '  <Assets>',
        '    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />',
        '  </Assets>',
        '</PackageManifest>',
        '',
    ].join('\n');
}

const CONTENT_TYPES = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '  <Default Extension=".json" ContentType="application/json" />',
    '  <Default Extension=".js" ContentType="application/javascript" />',
    '  <Default Extension=".md" ContentType="text/markdown" />',
    '  <Default Extension=".vsixmanifest" ContentType="text/xml" />',
    '</Types>',
    '',
].join('\n');

/** Fixed DOS timestamp (1980-01-01 00:00) so the archive is reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function writeZip(entries: ZipEntry[]): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const e of entries) {
        const name = Buffer.from(e.name, 'utf8');
        const crc = zlib.crc32(e.data) >>> 0;
        const compressed = zlib.deflateRawSync(e.data);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4); // version needed
        local.writeUInt16LE(0x0800, 6); // UTF-8 names
        local.writeUInt16LE(8, 8); // deflate
        local.writeUInt16LE(DOS_TIME, 10);
        local.writeUInt16LE(DOS_DATE, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(compressed.length, 18);
        local.writeUInt32LE(e.data.length, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28);
        locals.push(local, name, compressed);

        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(0x031e, 4); // made by: unix, 3.0
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(0x0800, 8);
        central.writeUInt16LE(8, 10);
        central.writeUInt16LE(DOS_TIME, 12);
        central.writeUInt16LE(DOS_DATE, 14);
        central.writeUInt32LE(crc, 16);
        central.writeUInt32LE(compressed.length, 20);
        central.writeUInt32LE(e.data.length, 24);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt16LE(0, 30); // extra
        central.writeUInt16LE(0, 32); // comment
        central.writeUInt16LE(0, 34); // disk
        central.writeUInt16LE(0, 36); // internal attrs
        central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attrs: regular file 0644
        central.writeUInt32LE(offset, 42);
        centrals.push(central, name);

        offset += local.length + name.length + compressed.length;
    }
    const centralBuf = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0, 4);
    end.writeUInt16LE(0, 6);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(centralBuf.length, 12);
    end.writeUInt32LE(offset, 16);
    end.writeUInt16LE(0, 20);
    return Buffer.concat([...locals, centralBuf, end]);
}

/**
 * Packs `folder` into `outFile` (a .vsix). The folder must contain a
 * package.json with name, publisher and version. Returns `outFile`.
 */
export function packFolderAsVsix(folder: string, outFile: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as ExtensionManifest;
    if (!manifest.name || !manifest.publisher || !manifest.version) {
        throw new Error(`${folder}/package.json needs name, publisher and version`);
    }
    const entries: ZipEntry[] = [
        { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES, 'utf8') },
        { name: 'extension.vsixmanifest', data: Buffer.from(vsixManifest(manifest), 'utf8') },
    ];
    for (const rel of listFiles(folder)) {
        entries.push({ name: `extension/${rel}`, data: fs.readFileSync(path.join(folder, rel)) });
    }
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, writeZip(entries));
    return outFile;
}

/** `publisher.name` of the extension in `folder`. */
export function extensionIdOfFolder(folder: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as ExtensionManifest;
    return `${manifest.publisher}.${manifest.name}`;
}
