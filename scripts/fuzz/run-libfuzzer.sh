#!/usr/bin/env bash
# Coverage-guided fuzzing of the target-text parser with libFuzzer (manual; CI runs the in-process fuzz
# tests instead, see docs/fuzzing.md). Builds a fuzzer from the Performa module's sources and
# scripts/fuzz/TargetParserFuzzer.swift, then runs it on the seed corpus Tests/Fuzz/corpus/target-text.
#
#   bash scripts/fuzz/run-libfuzzer.sh              # 5 minutes
#   bash scripts/fuzz/run-libfuzzer.sh -runs=1000000
#
# Extra arguments go to libFuzzer. New interesting inputs are kept in .build/libfuzzer/corpus (not in the
# repository); a crash is written as .build/libfuzzer/crash-*: add it to Tests/Fuzz/corpus/target-text as a
# named regression file and fix the parser.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.build/libfuzzer
mkdir -p "$out/corpus"
mapfile -t sources < <(find Sources/Performa -name '*.swift' | sort)
nice -n 10 swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Performa -package-name performa \
    "${sources[@]}" scripts/fuzz/TargetParserFuzzer.swift -o "$out/target-parser-fuzzer"
args=("$@")
if [ ${#args[@]} -eq 0 ]; then args=(-max_total_time=300); fi
nice -n 10 "$out/target-parser-fuzzer" -dict=scripts/fuzz/target-text.dict -max_len=4096 -timeout=10 \
    -artifact_prefix="$out/" "${args[@]}" "$out/corpus" Tests/Fuzz/corpus/target-text
