"""`python -m bench`: every measurement in turn, then bench/RESULTS.md (raw figures in bench/out/).

Options: --quick for a short smoke run of the harness, --only to pick sections, --backends for HTTP.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench import BENCH_DIR, OUT_DIR
from bench.corpus import Corpus
from bench.databases import postgres_version
from bench.machine import describe
from bench.servers import WORKERS
from bench.targets import MISSED, evaluate

SECTIONS = ("engine", "startup", "memory", "scaling", "http")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few calls and short wrk runs (smoke test)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated, from {', '.join(SECTIONS)}")
    parser.add_argument("--backends", default="sqlite,postgresql", help="databases for the HTTP runs")
    parser.add_argument("--no-profiles", action="store_true", help="skip profiling missed targets")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "RESULTS.md")
    parser.add_argument("--render-only", action="store_true",
                        help="measure nothing: write the report again from bench/out/results.json")
    return parser.parse_args(argv)


def run_engine(corpus: Corpus, quick: bool) -> dict[str, Any]:
    from bench.engine_turns import (
        Counts,
        command_turns,
        conversation_turns,
        feedback_turns,
        load_engine,
        transition_turns,
    )

    counts = Counts(200, 40, 10) if quick else Counts()
    engine = load_engine()
    log(f"engine: {counts.calls} transition turns")
    results: dict[str, Any] = {"transition": transition_turns(engine, corpus, counts)}
    log(f"engine: {counts.calls} typed commands")
    results["commands"] = command_turns(engine, corpus, counts)
    log(f"engine: {counts.feedback_calls} practice answers per length")
    results["feedback"] = feedback_turns(engine, corpus, counts)
    log("engine: the HTTP conversation replayed in process")
    conversation_turns(engine, corpus, 5)  # warm-up
    results["conversation"] = conversation_turns(engine, corpus, 20 if quick else 150)
    return results


def run_assess(corpus: Corpus, quick: bool) -> dict[str, Any]:
    from bench.engine_turns import Counts, assess_calls, load_engine

    return assess_calls(load_engine(), corpus, Counts(200, 40, 10) if quick else Counts())


def run_startup(quick: bool) -> dict[str, Any]:
    from bench.startup import measure

    return measure(3 if quick else 7)


def run_memory(quick: bool) -> dict[str, Any]:
    from bench.worker_memory import measure

    return measure(100 if quick else 400)


def run_scaling(corpus: Corpus, quick: bool, errors: dict[str, str]) -> dict[str, Any]:
    from bench.scaling import bank_scaling, intent_scaling

    calls, warmup = (300, 30) if quick else (1200, 100)
    results: dict[str, Any] = {}
    log("scaling: intents x1, x10, x100")
    results["intents"] = _guarded("scaling (intents)", lambda: intent_scaling(corpus, calls, warmup), errors)
    log("scaling: question bank x1, x10")
    results["bank"] = _guarded("scaling (question bank)", lambda: bank_scaling(corpus, calls // 3, warmup),
                               errors)
    return results


def run_http(corpus: Corpus, plan, backends: list[str], errors: dict[str, str]) -> dict[str, Any]:
    from bench.http_load import run_backend
    from bench.request_path import measure as in_process

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    texts = corpus.conversation()
    results: dict[str, Any] = {}
    for backend in backends:
        if backend == "postgresql" and postgres_version() is None:
            results[backend] = {"error": "no PostgreSQL server answered (set BENCH_POSTGRES_URL)"}
            continue
        log(f"http: {backend}, service and floor alternating at {plan.connections} connections")
        try:
            results[backend] = run_backend(backend, plan, texts, OUT_DIR)
        except Exception as error:
            results[backend] = {"error": _describe(error)}
            log(f"http {backend} failed: {results[backend]['error']}")
            continue
        log(f"http: {backend}, one turn at a time in process")
        results[backend]["in_process"] = _guarded(f"in process ({backend})", lambda: in_process(
            backend, corpus, 36 if plan.repeats == 1 else 180), errors)
    return results


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {str(error).strip().splitlines()[-1] if str(error).strip() else ''}"


def _guarded(name: str, step: Callable[[], Any], errors: dict[str, str]) -> Any:
    """A failing measurement is reported, not fatal: the others still run and are written."""
    try:
        return step()
    except Exception as error:
        errors[name] = _describe(error)
        log(f"{name} failed: {errors[name]}")
        traceback.print_exc()
        return None


def render_again(output: Path) -> int:
    """After editing report.yaml or findings.yaml, the last run's report without measuring again."""
    from bench.report import render

    saved = json.loads((OUT_DIR / "results.json").read_text(encoding="utf-8"))
    verdicts = evaluate(saved["results"])
    report = render(saved["results"], verdicts, saved["hotspots"], saved["errors"])
    output.write_text(report, encoding="utf-8")
    log(f"wrote {output} from {OUT_DIR / 'results.json'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    from bench.http_load import Plan

    args = parse(argv)
    if args.render_only:
        return render_again(args.output)
    chosen = {part.strip() for part in args.only.split(",") if part.strip()}
    corpus = Corpus.load()
    plan = Plan(connections=(16,), duration_s=3, repeats=1, warmup_s=1) if args.quick else Plan()
    started = time.monotonic()
    errors: dict[str, str] = {}
    results: dict[str, Any] = {"machine": describe(), "postgres_version": postgres_version(),
                               "http_plan": {**asdict(plan), "workers": WORKERS}}
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("engine", lambda: run_engine(corpus, args.quick)),
        ("assess", lambda: run_assess(corpus, args.quick)),
        ("startup", lambda: run_startup(args.quick)),
        ("memory", lambda: run_memory(args.quick)),
        ("scaling", lambda: run_scaling(corpus, args.quick, errors)),
        ("http", lambda: run_http(corpus, plan, [b for b in args.backends.split(",") if b], errors)),
    ]
    for name, step in steps:
        if name in chosen or (name == "assess" and "engine" in chosen):
            log(f"{name} ...")
            results[name] = _guarded(name, step, errors)
    verdicts = evaluate(results)
    missed = [v.key for v in verdicts if v.status == MISSED]
    hotspots: dict[str, Any] = {}
    if missed and not args.no_profiles:
        from bench.diagnosis import explain

        log(f"profiling missed targets: {', '.join(dict.fromkeys(missed))}")
        hotspots = explain(missed, corpus)
    from bench.report import render

    results["elapsed_s"] = time.monotonic() - started

    args.output.write_text(render(results, verdicts, hotspots, errors), encoding="utf-8")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "results.json").write_text(json.dumps(
        {"results": results, "verdicts": [asdict(v) for v in verdicts], "hotspots": hotspots,
         "errors": errors},
        indent=2, default=str), encoding="utf-8")
    log(f"wrote {args.output} in {time.monotonic() - started:.0f} s")
    for verdict in verdicts:
        log(f"{verdict.status:>12}  {verdict.target}: {verdict.measured}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
