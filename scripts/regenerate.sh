#!/usr/bin/env bash
# Regenerates everything that is written from the code, then shows what changed:
#   docs/rules/          one page per rule and the index (from the rule types),
#   docs/infverif-parity.md   InfVerif's codes and the rule that reports each,
#   Tests/*/Golden/      the reporters' and the command line's golden outputs,
#   Tests/IsolationTests/Fixtures/corpus-report.digest   the digest of the corpus report.
# The known-gap lists of the invariant tests (Tests/WorkspaceTests/KnownVerdictGaps.txt,
# Tests/FixingTests/KnownFixGaps.txt) are not rewritten here: entries may only be removed by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
ISOLINT_UPDATE_DOCS=1 ISOLINT_UPDATE_GOLDENS=1 swift test \
    --filter 'RuleDocsTests|InfVerifParityTests|ReportingTests|CommandLineTests|BinaryCommandLineTests|CorpusReportDigestTests'
git status --short -- docs Tests
