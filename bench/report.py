"""RESULTS.md from one run's results: machine, targets, each measurement, and where the time goes.

The prose lives in report.yaml; this module arranges it with the figures into tables and paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import yaml

from bench import BENCH_DIR
from bench.findings import confirmed
from bench.targets import MISSED, Verdict

FEEDBACK_MEASURES = (
    ("questions_for_skill", "`questions_for(skill=…)`"),
    ("questions_for_category", "`questions_for(category=…)`"),
    ("practice_start_turn", "Practice start turn (`practice …`)"),
    ("feedback_turn_150", "Practice answer turn, 150 words"),
)


@cache
def words() -> dict[str, str]:
    return yaml.safe_load((BENCH_DIR / "report.yaml").read_text(encoding="utf-8"))


def say(key: str, **fields: Any) -> list[str]:
    """One paragraph from report.yaml with its figures filled in, and the blank line after it."""
    return [words()[key].format(**fields), ""]


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def us(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f} µs" if value < 1000 else f"{value / 1000:.2f} ms"


def _stats_row(label: str, stats: dict[str, Any]) -> list[Any]:
    return [label, stats["calls"], us(stats["median_us"]), us(stats["p99_us"]), us(stats["mean_us"])]


def machine_section(machine: dict[str, Any], postgres: str | None) -> list[str]:
    packages = ", ".join(f"{name} {version}" for name, version in machine["packages"].items())
    return [
        "## Machine", "",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores ({machine['usable_cores']} usable)",
        f"- Memory: {machine['memory_gib']} GiB; OS: {machine['os']}",
        f"- {machine['python']}; SQLite {machine['sqlite']}; PostgreSQL {postgres or 'not reachable'}",
        f"- Load generator: {machine['wrk']}",
        f"- Packages: {packages}",
        f"- Load average (1, 5, 15 min) when the run started: "
        f"{', '.join(str(load) for load in machine['load_average_at_start'])}",
        "",
    ]


def targets_section(verdicts: list[Verdict]) -> list[str]:
    marks = {"met": "met", "missed": "**missed**", "not measured": "not measured"}
    rows = ([v.target, v.measured, marks[v.status]] for v in verdicts)
    return ["## Targets", "", *table(["Target", "Measured", "Status"], rows)]


def engine_section(engine: dict[str, Any] | None, assess: dict[str, Any] | None) -> list[str]:
    lines = ["## Engine alone, in process", ""]
    if not engine:
        return lines + say("not_measured")
    lines += say("engine_method", messages=engine["transition"]["messages"])
    rows = [_stats_row("Transition question (`Engine.respond`)", engine["transition"]["stats"])]
    feedback = engine.get("feedback") or {}
    for count, stats in (feedback.get("by_words") or {}).items():
        rows.append(_stats_row(f"Practice answer, {count} words (`Engine.respond`, feedback)", stats))
    for count, stats in ((assess or {}).get("by_words") or {}).items():
        rows.append(_stats_row(f"`assess()` alone, {count} words", stats))
    if engine.get("conversation"):
        rows.append(_stats_row("The HTTP load's conversation, turn after turn (conversation service, in-memory store)",
                               engine["conversation"]["stats"]))
    lines += table(["Workload", "Calls", "Median", "p99", "Mean"], rows)
    intents = ", ".join(f"{name} {count}" for name, count in engine["transition"]["intents"].items())
    lines += say("engine_intents", intents=intents)
    if feedback.get("questions"):
        lines += say("engine_questions", questions=", ".join(feedback["questions"]))
    sizes = (engine.get("conversation") or {}).get("state_bytes")
    if sizes:
        lines += say("engine_state", turns=engine["conversation"]["turns_per_session"], **sizes)
    if assess and assess.get("mean_score"):
        scores = ", ".join(f"{count} words {score}" for count, score in assess["mean_score"].items())
        lines += say("engine_scores", questions=assess["questions"], scores=scores)
    return lines


def startup_memory_section(startup: dict[str, Any] | None, memory: dict[str, Any] | None,
                           http: dict[str, Any] | None) -> list[str]:
    lines = ["## Start-up and memory", ""]
    lines += say("startup", **startup) if startup else []
    lines += say("memory", **memory) if memory else []
    for backend, result in (http or {}).items():
        rss = result.get("worker_rss_mb") if isinstance(result, dict) else None
        if rss:
            parts = "; ".join(f"{app} {', '.join(f'{mb:.0f}' for mb in values)} MB"
                              for app, values in rss.items())
            lines += say("worker_rss", backend=backend, parts=parts)
    return lines


def intents_table(intents: dict[str, Any]) -> list[str]:
    def ratio(kind: str, scale: int) -> str:
        return f"{intents[kind].get(f'x{scale}', 1.0)}x"

    rows = [[f"x{r['scale']}", r["intents"], f"{r['load_s']} s", f"{r['build_s']} s",
             us(r["match"]["median_us"]), us(r["match"]["p99_us"]), ratio("ratios", r["scale"]),
             ratio("mean_ratios", r["scale"]), f"{100 * r['same_answers']:.0f}%"]
            for r in intents["rows"]]
    return table(["Scale", "Intents", "Load", "Matcher build", "Match median", "Match p99", "Median vs x1",
                  "Mean vs x1", "Same answers"], rows)


def bank_table(bank: dict[str, Any]) -> list[str]:
    header = ["Workload", *(f"x{r['scale']} ({r['questions']} questions)" for r in bank["rows"]), "Ratio"]
    rows = [[label, *(us(r[key]["median_us"]) for r in bank["rows"]),
             ", ".join(f"{scale}: {value}x" for scale, value in bank["ratios"][key].items())]
            for key, label in FEEDBACK_MEASURES]
    return table(header, rows)


def scaling_section(scaling: dict[str, Any] | None) -> list[str]:
    lines = ["## Scaling", ""]
    if not scaling:
        return lines + say("not_measured")
    if scaling.get("intents"):
        lines += say("intents_method") + intents_table(scaling["intents"])
    bank = scaling.get("bank")
    if bank:
        lines += say("bank_method", skill=bank["skill"]) + bank_table(bank)
        lines += say("bank_same_questions" if bank["same_questions_asked"] else "bank_other_questions")
    return lines


def http_backend(backend: str, result: dict[str, Any]) -> list[str]:
    lines = [f"### {backend}", ""]
    if "error" in result:
        return lines + [f"Not measured: {result['error']}", ""]
    rows = []
    for summary in result["summary"]:
        ratio = summary["throughput_ratio"]
        for app in ("service", "floor"):
            a = summary[app]
            shown = f"{100 * ratio:.0f}%" if app == "service" and ratio is not None else ""
            rows.append([summary["connections"], app, f"{a['rps']:.0f}", f"{a['p50_ms']:.1f} ms",
                         f"{a['p99_ms']:.1f} ms", a["errors"], shown])
    lines += table(["Connections", "App", "Turns/s", "p50", "p99", "Errors", "Service/floor"], rows)
    runs = ", ".join(f"{r['app']}@{r['connections']} {r['rps']:.0f}/s" for r in result["runs"])
    lines += say("http_runs", runs=runs)
    local = result.get("in_process")
    if local:
        floor = local["floor"]
        lines += say("http_in_process", calls=floor["calls"], budget=us(floor["mean_us"] * (1 / 0.8 - 1)))
        labels = {"service": "Service", "replay": "Service, engine replaying its recorded turns",
                  "echo": "Service, engine replaced by an echo", "floor": "Floor"}
        lines += table(["App, one turn at a time", "Median", "p99", "Mean", "Mean beyond the floor"],
                       ([labels[name], us(s["median_us"]), us(s["p99_us"]), us(s["mean_us"]),
                         us(s["mean_us"] - floor["mean_us"]) if name != "floor" else ""]
                        for name, s in local.items()))
    return lines


def http_section(http: dict[str, Any] | None, plan: dict[str, Any],
                 engine_mix: dict[str, Any] | None) -> list[str]:
    lines = ["## Over HTTP: the service against the floor", ""]
    if not http:
        return lines + say("not_measured")
    lines += say("http_method", **plan)
    if engine_mix:
        lines += say("http_engine_share", mean=us(engine_mix["stats"]["mean_us"]),
                     turns=engine_mix["turns_per_session"])
    for backend, result in http.items():
        lines += http_backend(backend, result)
    return lines + say("http_littles_law", needed=16 / 0.05)


def hotspots_section(hotspots: dict[str, Any], verdicts: list[Verdict], results: dict[str, Any]) -> list[str]:
    missed = [v for v in verdicts if v.status == MISSED]
    lines = ["## Where the time goes (missed targets)", ""]
    if not missed:
        return lines + say("hotspots_none")
    for key, found in hotspots.items():
        lines += [f"### {'; '.join(v.target for v in missed if v.key == key)}", ""]
        if "error" in found:
            lines += say("hotspots_failed", error=found["error"])
            continue
        if key.startswith("http_"):
            lines += say("hotspots_http", backend=key.removeprefix("http_"), turns=found.get("calls", "-"))
        for finding, figure in confirmed(key, found, results):
            lines += say("finding", cause=finding.cause.strip().format(figure=figure), owner=finding.owner)
        packages = ", ".join(f"`{name}` {share}%" for name, share in found["by_package"]) or "none"
        lines += say("hotspots_intro", **found) + say("hotspots_packages", packages=packages)
        if found.get("imports"):
            lines += say("hotspots_imports")
            lines += table(["Package", "Cumulative import"],
                           ([f"`{n}`", f"{ms} ms"] for n, ms in found["imports"]))
        lines += table(["Self time by file", "Share"], ([f"`{n}`", f"{p}%"] for n, p in found["by_file"]))
        lines += table(["Self time by function", "Share"],
                       ([f"`{n}`", f"{p}%"] for n, p in found["by_function"]))
    return lines


def render(results: dict[str, Any], verdicts: list[Verdict], hotspots: dict[str, Any],
           errors: dict[str, str]) -> str:
    machine = results["machine"]
    lines = ["# Benchmark results", ""]
    lines += say("intro", date=machine["date"], elapsed=results["elapsed_s"]) + say("shared_machine")
    lines += machine_section(machine, results.get("postgres_version"))
    lines += targets_section(verdicts)
    lines += engine_section(results.get("engine"), results.get("assess"))
    lines += startup_memory_section(results.get("startup"), results.get("memory"), results.get("http"))
    lines += scaling_section(results.get("scaling"))
    lines += http_section(results.get("http"), results["http_plan"],
                          (results.get("engine") or {}).get("conversation"))
    lines += hotspots_section(hotspots, verdicts, results)
    if errors:
        lines += ["## Errors", "", *table(["Measurement", "Error"], errors.items())]
    return "\n".join(lines).rstrip() + "\n"
