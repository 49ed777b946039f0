"""RESULTS.md from one run's results: machine, targets, each measurement, and where the time goes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bench.targets import MISSED, Verdict


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
        f"- Load average (1, 5, 15 min) when the run started: {machine['load_average_at_start']}",
        "",
    ]


def targets_section(verdicts: list[Verdict]) -> list[str]:
    marks = {"met": "met", "missed": "**missed**", "not measured": "not measured"}
    return ["## Targets", "", *table(["Target", "Measured", "Status"],
                                     ([v.target, v.measured, marks[v.status]] for v in verdicts))]


def engine_section(engine: dict[str, Any] | None, assess: dict[str, Any] | None) -> list[str]:
    lines = ["## Engine alone, in process", ""]
    if not engine:
        return lines + ["Not measured (see Errors).", ""]
    lines += [
        "Each call is timed on its own with `time.perf_counter_ns` after a warm-up. Transition questions are "
        f"{engine['transition']['messages']} forum-style messages (typos, abbreviations, both spellings) sent "
        "through `Engine.respond` in a fresh session's state and in states a few turns in. Practice answers are "
        "composed from whole sentences on the topic of the question just asked, in the state that asked it.", "",
    ]
    rows = [_stats_row("Transition question (`Engine.respond`)", engine["transition"]["stats"])]
    feedback = engine.get("feedback") or {}
    for words, stats in (feedback.get("by_words") or {}).items():
        rows.append(_stats_row(f"Practice answer, {words} words (`Engine.respond`, with feedback)", stats))
    for words, stats in ((assess or {}).get("by_words") or {}).items():
        rows.append(_stats_row(f"`assess()` alone, {words} words", stats))
    lines += table(["Workload", "Calls", "Median", "p99", "Mean"], rows)
    intents = ", ".join(f"{name} {count}" for name, count in engine["transition"]["intents"].items())
    lines += [f"What the engine answered to the benchmark messages (intent: count): {intents}.", ""]
    if feedback.get("questions"):
        lines += [f"Practice questions answered: {', '.join(feedback['questions'])}.", ""]
    if assess and assess.get("mean_score"):
        scores = ", ".join(f"{w} words: {s}" for w, s in assess["mean_score"].items())
        lines += [f"`assess()` ran over all {assess['questions']} questions of the bank; mean score by length: "
                  f"{scores}.", ""]
    return lines


def startup_memory_section(startup: dict[str, Any] | None, memory: dict[str, Any] | None,
                           http: dict[str, Any] | None) -> list[str]:
    lines = ["## Start-up and memory", ""]
    if startup:
        lines += [f"Median of {startup['samples']} fresh interpreters: importing `chatbot.dialogue` "
                  f"{startup['import_ms']} ms, `Engine.load` (knowledge base, intents, rubric, responses, all "
                  f"validated) {startup['load_ms']} ms, together **{startup['total_ms']} ms**; the whole process "
                  f"including interpreter start and exit {startup['process_ms']} ms.", ""]
    if memory:
        lines += [f"One worker in a fresh process: `create_app()` took {memory['create_app_ms']} ms and left "
                  f"{memory['rss_after_create_app_mb']:.1f} MB resident; after {memory['turns']} turns through the "
                  f"test client (SQLite), **{memory['rss_after_turns_mb']:.1f} MB** (peak "
                  f"{memory['peak_rss_mb']:.1f} MB), from `/proc/self/status`.", ""]
    for backend, result in (http or {}).items():
        rss = result.get("worker_rss_mb") if isinstance(result, dict) else None
        if rss:
            parts = [f"{app} {', '.join(f'{mb:.0f}' for mb in values)} MB" for app, values in rss.items()]
            lines += [f"gunicorn workers after the {backend} load runs: {'; '.join(parts)}.", ""]
    return lines


def scaling_section(scaling: dict[str, Any] | None) -> list[str]:
    lines = ["## Scaling", ""]
    if not scaling:
        return lines + ["Not measured (see Errors).", ""]
    intents = scaling.get("intents")
    if intents:
        lines += ["Intents: the real set plus generated, distinct intents (each with invented words of its own, "
                  "in the same sentence frames users type), written to a folder and loaded with "
                  "`IntentSet.load`; the same real messages classified by `Matcher.match`. *Same answers* is the "
                  "share of real messages whose intent is unchanged from x1.", ""]
        rows = [[f"x{r['scale']}", r["intents"], f"{r['load_s']} s", f"{r['build_s']} s", us(r["match"]["median_us"]),
                 us(r["match"]["p99_us"]), f"{intents['ratios'].get('x' + str(r['scale']), 1.0)}x",
                 f"{100 * r['same_answers']:.0f}%"] for r in intents["rows"]]
        lines += table(["Scale", "Intents", "Load", "Matcher build", "Match median", "Match p99",
                        "Median vs x1", "Same answers"], rows)
    bank = scaling.get("bank")
    if bank:
        lines += ["Question bank: the real bank plus generated questions shaped like the real ones (same number "
                  "of talking points, cues and outline lines) on generated skills, so a lookup for a real skill "
                  f"(`{bank['skill']}`) returns the same questions at every scale. A category lookup returns ten "
                  "times as many questions at x10, so it cannot stay flat.", ""]
        measures = [("questions_for_skill", "`questions_for(skill=…)`"),
                    ("questions_for_category", "`questions_for(category=…)`"),
                    ("practice_start_turn", "Practice start turn (`practice …`)"),
                    ("feedback_turn_150", "Practice answer turn, 150 words")]
        header = ["Workload", *(f"x{r['scale']} ({r['questions']} questions)" for r in bank["rows"]), "Ratio"]
        rows = [[label, *(us(r[key]["median_us"]) for r in bank["rows"]),
                 ", ".join(f"{k}: {v}x" for k, v in bank["ratios"][key].items())] for key, label in measures]
        lines += table(header, rows)
    return lines


def http_section(http: dict[str, Any] | None, plan: dict[str, Any]) -> list[str]:
    lines = ["## Over HTTP: the service against the floor", ""]
    if not http:
        return lines + ["Not measured (see Errors).", ""]
    lines += [
        f"Both apps run under gunicorn with {plan['workers']} sync workers on loopback, each on its own throwaway "
        "database. The floor (`bench/floor_app.py`) does a turn's database work and nothing else: Flask + "
        "Flask-SQLAlchemy, one transaction that locks the session row, checks the bearer token, stores two "
        "messages and updates the state, with the service's SQLite settings (WAL, `BEGIN IMMEDIATE`). "
        f"wrk (`bench/turn.lua`) runs with one thread per connection, each connection posting to its own "
        f"freshly created session, for {plan['duration_s']} s per run after a {plan['warmup_s']} s warm-up; runs "
        "alternate service, floor, service, floor, and the ratio is the median of adjacent pairs. The service "
        "has `RATELIMIT_ENABLED=false`. Its messages follow a scripted conversation: questions, a practice "
        "question, answers of 50–300 words (feedback), `try again`, `stop`.", "",
    ]
    for backend, result in http.items():
        if "error" in result:
            lines += [f"### {backend}", "", f"Not measured: {result['error']}", ""]
            continue
        lines += [f"### {backend}", ""]
        rows = []
        for s in result["summary"]:
            for app in ("service", "floor"):
                a = s[app]
                rows.append([s["connections"], app, f"{a['rps']:.0f}", f"{a['p50_ms']:.1f} ms", f"{a['p99_ms']:.1f} ms",
                             a["errors"], f"{100 * s['throughput_ratio']:.0f}%" if app == "service" else ""])
        lines += table(["Connections", "App", "Turns/s", "p50", "p99", "Errors", "Service/floor"], rows)
        runs = ", ".join(f"{r['app']}@{r['connections']}: {r['rps']:.0f}/s" for r in result["runs"])
        lines += [f"Runs in the order they ran: {runs}.", ""]
    return lines


def hotspots_section(hotspots: dict[str, Any], verdicts: list[Verdict]) -> list[str]:
    missed = [v for v in verdicts if v.status == MISSED]
    lines = ["## Where the time goes (missed targets)", ""]
    if not missed:
        return lines + ["Every measured target was met; nothing needed profiling.", ""]
    for key, found in hotspots.items():
        names = "; ".join(v.target for v in missed if v.key == key)
        lines += [f"### {names}", ""]
        if "error" in found:
            lines += [f"Profiling failed: {found['error']}", ""]
            continue
        lines += [f"pyinstrument over {found['seconds']} s of the workload; full profile in `{found['full_profile']}`.",
                  "", "Time inside each project package (cumulative): " +
                  (", ".join(f"`{n}` {p}%" for n, p in found["by_project_package"]) or "none") + ".", "",
                  *table(["Self time by file", "Share"], ([f"`{n}`", f"{p}%"] for n, p in found["by_file"])),
                  *table(["Self time by function", "Share"], ([f"`{n}`", f"{p}%"] for n, p in found["by_function"]))]
    return lines


def render(results: dict[str, Any], verdicts: list[Verdict], hotspots: dict[str, Any],
           errors: dict[str, str]) -> str:
    machine = results["machine"]
    lines = [
        "# Benchmark results", "",
        f"Written by `make bench` (`python -m bench`) on {machine['date']}, in {results['elapsed_s']:.0f} s.", "",
        "These figures come from a shared machine where other work may be running at the same time, so they are "
        "indicative. The ratios (service against floor, x100 against x1), measured side by side in one run, are "
        "steadier than the absolute numbers.", "",
    ]
    lines += machine_section(machine, results.get("postgres_version"))
    lines += targets_section(verdicts)
    lines += engine_section(results.get("engine"), results.get("assess"))
    lines += startup_memory_section(results.get("startup"), results.get("memory"), results.get("http"))
    lines += scaling_section(results.get("scaling"))
    lines += http_section(results.get("http"), results["http_plan"])
    lines += hotspots_section(hotspots, verdicts)
    if errors:
        lines += ["## Errors", "", *table(["Measurement", "Error"], errors.items())]
    return "\n".join(lines).rstrip() + "\n"
