/**
 * The ARM emulator as a separate server process, as Azure is to the extension: the benchmark process
 * then spends its CPU only on the client side being measured.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as https from 'node:https';
import type { FaultRule, RecordedRequest } from '../emulator/ArmEmulator';
import type { SeedFile } from '../emulator/seed';

export interface EmulatorProcess {
  readonly url: string;
  requests(): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  close(): Promise<void>;
}

function admin(url: string, method: string, route: string, body?: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(`__emulator/${route}`, url), { method, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export async function startEmulatorProcess(root: string, seed: SeedFile | string, options: { pageSize?: number; faults?: FaultRule[] } = {}): Promise<EmulatorProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acg-bench-'));
  const seedPath = typeof seed === 'string' ? seed : path.join(dir, 'seed.json');
  if (typeof seed !== 'string') {
    writeFileSync(seedPath, JSON.stringify(seed));
  }
  const args = ['--import', 'tsx', path.join(root, 'test/emulator/main.ts'), '--seed', seedPath, '--quiet', '--page-size', String(options.pageSize ?? 50)];
  if (options.faults) {
    const faultsPath = path.join(dir, 'faults.json');
    writeFileSync(faultsPath, JSON.stringify(options.faults));
    args.push('--faults', faultsPath);
  }
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code ?? 'signal'}) before it was ready`)));
  });
  return {
    url,
    requests: async () => JSON.parse(await admin(url, 'GET', 'requests')) as RecordedRequest[],
    clearRequests: async () => {
      await admin(url, 'DELETE', 'requests');
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
