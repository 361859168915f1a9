/**
 * CLI: npx tsx test/emulator/ensureCerts.ts [certDir]
 * Creates (or reuses) the emulator CA + leaf and prints the CA path, e.g. for
 *   NODE_EXTRA_CA_CERTS="$(npx tsx test/emulator/ensureCerts.ts)" npx mocha
 */
import { ensureCertificates } from './certificates';

ensureCertificates(process.argv[2])
    .then((paths) => {
        process.stdout.write(`${paths.caCertPath}\n`);
    })
    .catch((err: unknown) => {
        process.stderr.write(`ensureCerts failed: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
    });
