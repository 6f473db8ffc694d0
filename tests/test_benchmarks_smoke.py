"""The benchmark code runs: every scenario once at a tiny size (``--quick``), our framework only.

Benchmarks are not tests: nothing here looks at a time, a rate or a size. It only checks
that each scenario produced results and saw no errors, so the benchmark code cannot rot.
Streamlit is an optional extra (``.[bench]``); its side is not run here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("psutil", reason="the benchmarks need the [bench] extra (psutil)")


def run_quick(tmp_path: Path, only: str) -> dict[str, object]:
    out = tmp_path / f"bench-{only.replace(',', '-')}.json"
    env = dict(os.environ, BENCH_LOGDIR=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--frameworks", "rr",
         "--only", only, "--json", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data: dict[str, object] = json.loads(out.read_text())
    return data


def test_every_server_scenario_runs_without_errors(tmp_path: Path) -> None:
    data = run_quick(tmp_path, "S1,S3,S4,S4b,S5,S5c,S6,S7")
    rows = data["rows"]
    assert isinstance(rows, list)
    scenarios = {r["scenario"] for r in rows}
    assert scenarios == {"S1", "S2", "S3", "S4", "S4b", "S5", "S5c", "S6", "S7"}
    for r in rows:
        assert r["st"] is None, r  # ours only
        if r["metric"].startswith("errors") or "errors" in r["metric"]:
            assert r["rr"] == 0, r
        else:
            assert r["rr"] is not None, r  # the scenario produced a number
    raw = data["raw"]
    assert isinstance(raw, dict)
    assert raw["S1_N10"]["rr"]["n"] > 0
    assert raw["S4_3"]["rr"]["completed"] > 0
    assert raw["S4b"]["rr"]["answered"] > 0
    s5c = raw["S5c"]
    assert s5c["flag_off"]["idle"]["extensions_answered"] == [""]  # offer declined
    assert s5c["flag_on"]["idle"]["extensions_answered"] != [""]  # uvicorn's default accepts
    assert s5c["flag_off"]["flood"]["uncompressed_frames"]["refused"] > 0


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's Chromium")
def test_browser_scenario_runs_without_errors(tmp_path: Path) -> None:
    data = run_quick(tmp_path, "S8")
    rows = data["rows"]
    assert isinstance(rows, list)
    by_metric = {r["metric"]: r for r in rows}
    assert by_metric["errors"]["rr"] == 0
    assert by_metric["navigation -> first element p50"]["rr"] is not None
    assert by_metric["JS transferred"]["rr"] > 0


def test_rerun_loop_benchmark_runs_without_errors() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.rerun_loops", "--loopers", "2", "--clicks", "5"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout[: proc.stdout.rindex("}") + 1])
    assert result["errors"] == 0
    assert result["loaded"]["n"] == 5 and result["looping_runs_total"] > 0


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's Chromium")
def test_browser_click_scenario_runs_without_errors(tmp_path: Path) -> None:
    data = run_quick(tmp_path, "S9")
    rows = data["rows"]
    assert isinstance(rows, list)
    by_metric = {r["metric"]: r for r in rows}
    assert by_metric["errors, N=10"]["rr"] == 0
    assert by_metric["click->DOM styled p50, N=10"]["rr"] is not None
    raw = data["raw"]
    assert isinstance(raw, dict)
    assert raw["S9_N10"]["echo"]["styled_p50"] is not None  # the floor was measured too
    assert raw["S9_N10"]["rr"]["client_p50"] is not None


def test_plain_script_sleep_scenario_runs_without_errors(tmp_path: Path) -> None:
    data = run_quick(tmp_path, "S10")
    rows = data["rows"]
    assert isinstance(rows, list)
    assert {r["scenario"] for r in rows} == {"S10"}
    by_metric = {r["metric"].strip(): r for r in rows}
    assert by_metric["errors"]["rr"] == 0
    assert by_metric["sleeping runs finished"]["rr"] >= 1  # the script did block in time.sleep
    assert all(r["rr"] is not None and r["st"] is None for r in rows)
    raw = data["raw"]
    assert isinstance(raw, dict)
    assert raw["S10"]["rr"]["idle"]["n"] > 0 and raw["S10"]["rr"]["loaded"]["n"] > 0


def test_cache_scenario_runs_without_errors(tmp_path: Path) -> None:
    data = run_quick(tmp_path, "C1")
    rows = data["rows"]
    assert isinstance(rows, list)
    by_metric = {r["metric"].strip(): r for r in rows}
    assert by_metric["errors"]["rr"] == 0
    assert any(m.endswith("computations") and r["rr"] == 1 for m, r in by_metric.items())
    assert all(r["st"] is None for r in rows)


def test_chat_stream_scenario_runs_without_errors(tmp_path: Path) -> None:
    """S11 at 3 sessions and 20-token replies; with Debian's Chromium one of them is a tab."""
    data = run_quick(tmp_path, "S11")
    rows = data["rows"]
    assert isinstance(rows, list)
    assert {r["scenario"] for r in rows} == {"S11"}
    by_metric = {r["metric"].strip(): r for r in rows}
    assert by_metric["errors"]["rr"] == 0
    assert all(r["st"] is None for r in rows)
    raw = data["raw"]
    assert isinstance(raw, dict)
    chat = raw["S11"]["rr"]
    assert chat["completed"] == chat["sessions"] - chat["browser"]  # every raw reply finished
    assert chat["bytes_per_token"] > 0 and chat["frames_per_reply"] > 0
    assert chat["token_frames_seen"] == chat["completed"] * chat["tokens"]
    if Path("/usr/bin/chromium").exists():
        assert chat["browser"] is True
        assert chat["tokens_seen_in_dom"] == chat["tokens"]  # the page saw every token


def test_dataframe_benchmark_runs_without_errors() -> None:
    pytest.importorskip("pandas")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.dataframe", "--rows", "5000"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout)["rr"]
    assert result["rows"] == 5000 and result["rows_in_dom"] < 60
    assert result["run_to_first_rows_ms"] > 0 and result["first_view_ws_bytes"] > 0


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's Chromium")
def test_chart_scenario_runs_without_errors(tmp_path: Path) -> None:
    data = run_quick(tmp_path, "CH1")
    by_metric = {r["metric"].strip(): r for r in data["rows"]}  # type: ignore[union-attr]
    assert by_metric["errors"]["rr"] == 0
    assert by_metric["update bytes sent, N=2000"]["rr"] > 2000
    assert by_metric["update painted p50 (setData), N=2000"]["rr"] is not None


def test_failover_scenario_runs_without_errors(tmp_path: Path) -> None:
    """S12 at 2 kills and a 1 s closed loop of 3 sessions; needs Debian's redis-server."""
    if shutil.which("redis-server") is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: scripts/test installs it from Debian")
        pytest.skip("redis-server is not installed")
    pytest.importorskip("redis", reason="the shared store needs the [redis] extra")
    data = run_quick(tmp_path, "S12")
    rows = data["rows"]
    assert isinstance(rows, list)
    assert {r["scenario"] for r in rows} == {"S12"}
    by_metric = {r["metric"].strip(): r for r in rows}
    assert by_metric["clicks lost / doubled"]["rr"] == 0
    assert by_metric["failover errors"]["rr"] == 0
    assert by_metric["errors, 3 sessions"]["rr"] == 0
    raw = data["raw"]
    assert isinstance(raw, dict)
    fo = raw["S12"]["failover"]
    assert fo["failover"]["n"] == fo["kills"] == 2
    assert all(k["resumed"] and k["count"] == k["expected"] for k in fo["per_kill"])
    assert fo["stored_count"] == fo["final_count"] == 3  # a first acknowledged click, 1 per kill
    assert raw["S12"]["store_3"]["evalsha_per_run"] > 0  # the store was used ...
    assert "redis_calls" not in raw["S12"]["memory_3"]  # ... and only where asked


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's Chromium")
def test_dataframe_scenario_runs_without_errors(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    data = run_quick(tmp_path, "DF1")
    by_metric = {r["metric"]: r for r in data["rows"]}  # type: ignore[union-attr]
    assert by_metric["run -> first rows painted, N=20000"]["rr"] > 0
    assert 0 < by_metric["websocket bytes for the first view, N=20000"]["rr"] < 100_000


def test_upload_scenario_runs_without_errors(tmp_path: Path) -> None:
    """U1 with a 5 MiB file: our uploader's PUT route took it whole."""
    data = run_quick(tmp_path, "U1")
    by_metric = {r["metric"].strip(): r for r in data["rows"]}  # type: ignore[union-attr]
    assert by_metric["errors"]["rr"] == 0
    raw = data["raw"]["U1"]["rr"]  # type: ignore[index]
    assert raw["status"] == 200 and '"size":5242880' in raw["response"]


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's Chromium")
def test_peer_click_scenario_runs_without_errors(tmp_path: Path) -> None:
    """B1 (ours only here: the peers are the [bench] extra's) at N=10, 3 clicks."""
    data = run_quick(tmp_path, "B1")
    by_metric = {r["metric"].strip(): r for r in data["rows"]}  # type: ignore[union-attr]
    assert by_metric["errors, N=10"]["rr"] == 0
    assert data["raw"]["B1_N10"]["rr"]["dom"]["n"] == 3  # type: ignore[index]


def test_workloads_alias_lists_every_workload() -> None:
    """``--only workloads`` expands to the issue's workloads in run order; a scenario another
    change adds later is kept by name."""
    from benchmarks.run import WORKLOADS, expand

    order = expand("workloads")
    assert set(order) == set(WORKLOADS.values())
    assert order.index("S10") < order.index("S11") < order.index("S12")


def test_regression_check_compares_ratios(tmp_path: Path) -> None:
    """``benchmarks.check`` on two results files: the same ratios pass; one advantage of ours
    that shrank by more than 30% fails (exit 1), whichever way its unit points."""
    def rows(ms_ratio: float, rate_ratio: float) -> dict[str, object]:
        return {"rows": [
            {"scenario": "S1", "metric": "click->finished p50, N=10", "unit": "ms", "rr": 1.0,
             "st": ms_ratio, "ratio_st_over_rr": ms_ratio, "ng": None, "ratio_ng_over_rr": None},
            {"scenario": "S4", "metric": "reruns/s, 10 sessions", "unit": "/s", "rr": 100.0,
             "st": 100.0 * rate_ratio, "ratio_st_over_rr": rate_ratio},
            {"scenario": "S1", "metric": "errors, N=10", "unit": "", "rr": 0, "st": 0,
             "ratio_st_over_rr": None},
        ]}

    base = tmp_path / "base.json"
    base.write_text(json.dumps(rows(40.0, 0.01)))
    cases = {"same.json": (rows(40.0, 0.01), 0), "slower.json": (rows(20.0, 0.01), 1),
             "fewer.json": (rows(40.0, 0.02), 1), "better.json": (rows(80.0, 0.005), 0)}
    for name, (content, code) in cases.items():
        (tmp_path / name).write_text(json.dumps(content))
        proc = subprocess.run(
            [sys.executable, "-m", "benchmarks.check", "--current", str(tmp_path / name),
             "--against", str(base)], cwd=ROOT, capture_output=True, text=True, timeout=60,
            check=False)
        assert proc.returncode == code, (name, proc.stdout + proc.stderr)
        assert "2 ratios compared" in proc.stdout, proc.stdout
