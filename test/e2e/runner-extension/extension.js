// TEST ONLY: runs the bundled extension-host suite inside code-server's extension host.
//
// code-server cannot be started with --extensionTestsPath, so test/e2e/runInCodeServer.ts installs
// this extension next to the extension under test and sets, in code-server's environment:
//   ACG_E2E_SUITE   absolute path of the bundled suite (out/e2e-suite/index.js, see test/e2e/buildSuite.ts)
//   ACG_E2E_RESULT  file to write {passed, failed, pending, failures:[{title, error}], tests:[...]} to
// It first creates `${ACG_E2E_RESULT}.started`; while the suite runs, one JSON line per finished test is
// appended to `${ACG_E2E_RESULT}.progress` so the launcher can print progress live.
// Without ACG_E2E_SUITE this extension does nothing.
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

let started = false;

function writeAtomic(file, text) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
}

function line(test) {
    const mark = test.state === 'passed' ? 'ok  ' : test.state === 'failed' ? 'FAIL' : 'skip';
    const ms = typeof test.durationMs === 'number' ? ` (${test.durationMs} ms)` : '';
    return `${mark} ${test.fullTitle}${ms}`;
}

async function runSuite(suitePath, resultPath, channel) {
    const progressPath = `${resultPath}.progress`;
    fs.writeFileSync(`${resultPath}.started`, `${process.pid}\n`); // tells the launcher the runner is alive
    const say = (text) => {
        channel.appendLine(text);
        console.log(`[acg-e2e] ${text}`);
    };
    let result;
    try {
        say(`running ${suitePath}`);
        // eslint-disable-next-line import/no-dynamic-require
        const suite = require(suitePath);
        if (typeof suite.runWithResults === 'function') {
            result = await suite.runWithResults((test) => {
                say(line(test));
                fs.appendFileSync(progressPath, `${JSON.stringify(test)}\n`);
            });
        } else if (typeof suite.run === 'function') {
            // A plain @vscode/test-electron style suite: only pass/fail of the whole run is known.
            try {
                await suite.run();
                result = { passed: 1, failed: 0, pending: 0, failures: [], tests: [] };
            } catch (err) {
                result = { passed: 0, failed: 1, pending: 0, failures: [{ title: 'suite', error: String(err && err.stack || err) }], tests: [] };
            }
        } else {
            throw new Error(`${suitePath} exports neither runWithResults() nor run()`);
        }
    } catch (err) {
        result = {
            passed: 0,
            failed: 1,
            pending: 0,
            failures: [{ title: 'loading the e2e suite', error: String((err && err.stack) || err) }],
            tests: [],
        };
    }
    say(`${result.passed} passed, ${result.failed} failed`);
    fs.mkdirSync(path.dirname(resultPath), { recursive: true });
    writeAtomic(resultPath, `${JSON.stringify(result, null, 2)}\n`);
}

function activate(context) {
    const suitePath = process.env.ACG_E2E_SUITE;
    const resultPath = process.env.ACG_E2E_RESULT;
    if (!suitePath || !resultPath || started) {
        return;
    }
    // One run per extension host process (a window reload would otherwise run the suite again).
    started = true;
    if (fs.existsSync(resultPath)) {
        return;
    }
    const channel = vscode.window.createOutputChannel('ACG e2e tests');
    context.subscriptions.push(channel);
    // Run after activation returns, so activation events of other extensions are not blocked.
    setTimeout(() => {
        runSuite(suitePath, resultPath, channel).catch((err) => channel.appendLine(String(err)));
    }, 0);
}

function deactivate() {}

module.exports = { activate, deactivate };
