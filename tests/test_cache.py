"""SPEC §13: ``rr.cache_data`` and ``rr.cache_resource``, through the real runtime."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from _helpers import until

import reactive_rerun as rr
from reactive_rerun.cache.decorators import seconds
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def empty_caches() -> Iterator[None]:
    rr.cache_data.clear()
    rr.cache_resource.clear()
    yield
    rr.cache_data.clear()
    rr.cache_resource.clear()


# -- 1. the decorators -------------------------------------------------------------------------


async def test_cache_data_without_parentheses_caches_a_sync_function() -> None:
    calls: list[int] = []

    @rr.cache_data
    def double(x: int) -> int:
        calls.append(x)
        return 2 * x

    assert await double.aio(3) == 6
    assert await double.aio(3) == 6
    assert calls == [3]


async def test_cache_data_with_parentheses_caches_an_async_function() -> None:
    calls: list[int] = []

    @rr.cache_data()
    async def double(x: int) -> int:
        calls.append(x)
        return 2 * x

    assert await double(3) == 6
    assert await double(3) == 6
    assert await double(4) == 8
    assert calls == [3, 4]


async def test_cache_resource_caches_a_sync_and_an_async_function() -> None:
    @rr.cache_resource
    def make_sync() -> object:
        return object()

    @rr.cache_resource(ttl=60)
    async def make_async() -> object:
        return object()

    assert await make_sync.aio() is await make_sync.aio()
    assert await make_async() is await make_async()


async def test_an_edit_of_the_source_invalidates_the_key() -> None:
    namespace: dict[str, Any] = {"rr": rr}
    exec("@rr.cache_data\nasync def f(x):\n    return x + 1\n", namespace)
    first = namespace["f"]
    assert await first(1) == 2
    exec("@rr.cache_data\nasync def f(x):\n    return x + 100\n", namespace)
    assert await namespace["f"](1) == 101
    assert first.stats()["entries"] == 0  # the old code's entries were dropped


async def test_the_same_source_decorated_again_finds_its_entries() -> None:
    calls: list[int] = []
    source = "async def f(x):\n    calls.append(x)\n    return x\n"
    namespace: dict[str, Any] = {"calls": calls}
    for _ in range(3):  # a script file executed anew on every run decorates anew
        exec(source, namespace)
        assert await rr.cache_data(namespace["f"])(1) == 1
    assert calls == [1]


async def test_arguments_whose_name_starts_with_underscore_are_not_hashed() -> None:
    @rr.cache_data
    async def query(sql: str, _connection: object) -> str:
        return f"{sql} via {id(_connection)}"

    first = await query("select 1", threading.Lock())
    assert await query("select 1", threading.Lock()) == first  # a lock does not hash: skipped


async def test_defaults_and_keywords_give_the_same_key_as_positional_arguments() -> None:
    calls: list[int] = []

    @rr.cache_data
    async def f(a: int, b: int = 2) -> int:
        calls.append(a)
        return a + b

    assert await f(1) == await f(1, 2) == await f(a=1, b=2) == 3
    assert calls == [1]


async def test_clear_drops_every_entry_of_the_function() -> None:
    calls: list[int] = []

    @rr.cache_data
    async def f(x: int) -> int:
        calls.append(x)
        return x

    await f(1)
    await f(2)
    f.clear()
    await f(1)
    await f(2)
    assert calls == [1, 2, 1, 2]


async def test_clear_with_arguments_drops_only_that_entry() -> None:
    calls: list[int] = []

    @rr.cache_data
    async def f(x: int) -> int:
        calls.append(x)
        return x

    await f(1)
    await f(2)
    f.clear(1)
    await f(1)
    await f(2)
    assert calls == [1, 2, 1]


async def test_cache_data_clear_clears_data_functions_and_not_resources() -> None:
    @rr.cache_data
    async def data() -> list[int]:
        return [1]

    @rr.cache_resource
    async def resource() -> object:
        return object()

    await data()
    kept = await resource()
    rr.cache_data.clear()
    assert data.stats()["entries"] == 0
    assert await resource() is kept
    rr.cache_resource.clear()
    assert await resource() is not kept


def test_ttl_is_seconds_a_timedelta_a_string_or_none() -> None:
    assert seconds(None) is None
    assert seconds(2.5) == 2.5
    assert seconds(timedelta(minutes=1)) == 60
    assert seconds("1h30m") == 5400
    assert seconds("1.5 days") == 129600
    assert seconds("250ms") == 0.25


@pytest.mark.parametrize(
    "options",
    [{"ttl": -1}, {"ttl": "soon"}, {"max_entries": 0}, {"scope": "user"},
     {"refresh_mode": "later"}, {"max_size": -5}],
)
def test_bad_parameters_raise_api_error_at_decoration(options: dict[str, Any]) -> None:
    with pytest.raises(rr.APIError):
        rr.cache_data(**options)


def test_generators_are_refused_with_a_message() -> None:
    def numbers() -> Iterator[int]:
        yield 1

    with pytest.raises(rr.APIError, match="generator"):
        rr.cache_data(numbers)


def test_persist_is_accepted_and_said_to_have_no_effect(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, "reactive_rerun"):

        @rr.cache_data(persist="disk")
        def f() -> int:
            return 1

    assert f() == 1
    assert "persist='disk'" in caplog.text and "no effect" in caplog.text


async def test_a_sync_function_awaited_with_aio_computes_in_a_worker_thread() -> None:
    threads: list[int] = []

    @rr.cache_data
    def where() -> int:
        threads.append(threading.get_ident())
        return 1

    assert await where.aio() == 1
    assert threads and threads[0] != threading.get_ident()


async def test_a_sync_function_called_on_the_loop_computes_inline_and_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    threads: list[int] = []

    @rr.cache_data
    def where() -> int:
        threads.append(threading.get_ident())
        return 1

    with caplog.at_level(logging.WARNING, "reactive_rerun"):
        assert where() == 1
    assert threads == [threading.get_ident()]
    assert "where.aio(...)" in caplog.text


def test_a_sync_function_called_from_many_threads_computes_once() -> None:
    calls: list[int] = []
    started = threading.Event()

    @rr.cache_data
    def slow(x: int) -> int:
        calls.append(x)
        started.wait(1)  # every thread has called by now
        return x

    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(slow, 7) for _ in range(8)]
        started.set()
        assert [f.result() for f in futures] == [7] * 8
    assert calls == [7]


async def test_scope_session_keeps_one_entry_per_session() -> None:
    calls: list[str] = []

    @rr.cache_data(scope="session")
    async def mine() -> str:
        calls.append("x")
        return "v"

    async def main() -> None:
        rr.text(await mine())
        rr.text(await mine())

    async with AppTest(main), AppTest(main):
        pass
    assert len(calls) == 2  # once per session, not per call


async def test_scope_session_entries_go_when_the_session_ends() -> None:
    released: list[str] = []

    @rr.cache_resource(scope="session", on_release=released.append)
    async def connection() -> str:
        return "conn"

    async def main() -> None:
        rr.text(await connection())

    async with AppTest(main) as at:
        assert at.text.texts == ["conn"]
        assert connection.stats()["entries"] == 1
    assert connection.stats()["entries"] == 0
    assert released == ["conn"]


async def test_scope_session_outside_a_run_raises_api_error() -> None:
    @rr.cache_data(scope="session")
    async def mine() -> int:
        return 1

    with pytest.raises(rr.APIError, match="scope"):
        await mine()


async def test_methods_bind_their_instance() -> None:
    class Repo:
        def __init__(self) -> None:
            self.calls = 0

        @rr.cache_data
        async def get(_self, x: int) -> int:  # `_self`: not hashed
            _self.calls += 1
            return x

    repo = Repo()
    assert await repo.get(1) == await repo.get(1) == 1
    assert repo.calls == 1


# -- 2. one computation per key ------------------------------------------------------------------


async def test_concurrent_calls_from_many_sessions_share_one_computation() -> None:
    calls: list[int] = []

    @rr.cache_data
    async def slow(x: int) -> int:
        calls.append(x)
        await asyncio.sleep(0.05)
        return x * 10

    async def main() -> None:
        rr.text(str(await slow(4)))

    tests = [AppTest(main) for _ in range(20)]
    await asyncio.gather(*(t.__aenter__() for t in tests))
    try:
        assert all(t.text.texts == ["40"] for t in tests)
        assert calls == [4]
        assert slow.stats()["computations"] == 1
    finally:
        await asyncio.gather(*(t.close() for t in tests))


async def test_a_rerun_that_cancels_the_starting_run_reawaits_the_same_computation() -> None:
    calls: list[int] = []
    release = asyncio.Event()

    @rr.cache_data
    async def slow() -> str:
        calls.append(1)
        await release.wait()
        return "done"

    runs: list[str] = []

    async def main() -> None:
        runs.append("run")
        rr.button("Again")
        rr.text(await slow())

    at = AppTest(main, timeout=5)
    task = asyncio.create_task(at.__aenter__())
    await until(lambda: len(calls) == 1 and at.session is not None)
    await until(lambda: at.page.elements != {})
    await at.send({"t": "click", "id": at.button("Again").id}, settle=False)
    await until(lambda: len(runs) == 2)  # the first run was cancelled, the rerun waits
    release.set()
    await task
    try:
        assert at.text.texts == ["done"]
        assert calls == [1]
        assert slow.stats()["computations"] == 1
        assert [status for _, status in at.page.runs] == ["cancelled", "complete"]
    finally:
        await at.close()


async def test_the_computation_survives_the_cancellation_of_its_only_waiter() -> None:
    calls: list[int] = []

    @rr.cache_data
    async def slow() -> int:
        calls.append(1)
        await asyncio.sleep(0.05)
        return 5

    waiter = asyncio.create_task(slow())
    await asyncio.sleep(0.01)
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    await until(lambda: slow.stats()["entries"] == 1)
    assert await slow() == 5
    assert calls == [1]


async def test_an_exception_reaches_every_waiter_and_is_not_cached() -> None:
    calls: list[int] = []

    @rr.cache_data
    async def flaky() -> int:
        calls.append(1)
        await asyncio.sleep(0.01)
        if len(calls) == 1:
            raise ValueError("boom")
        return 1

    results = await asyncio.gather(*(flaky() for _ in range(5)), return_exceptions=True)
    assert all(isinstance(r, ValueError) for r in results)
    assert calls == [1]
    assert await flaky() == 1  # not cached: the next call computes again
    assert flaky.stats()["errors"] == 1


async def test_ui_calls_inside_a_cached_function_raise_api_error() -> None:
    @rr.cache_data
    async def draws() -> int:
        rr.text("inside")
        return 1

    async def main() -> None:
        try:
            await draws()
        except rr.APIError:
            rr.text("refused")

    async with AppTest(main) as at:
        assert at.text.texts == ["refused"]


# -- 3. memory -------------------------------------------------------------------------------------


async def test_expired_entries_are_dropped_by_a_timer_without_being_asked_for() -> None:
    @rr.cache_data(ttl=0.05)
    async def f(x: int) -> list[int]:
        return [x] * 1000

    await f(1)
    store = f.store
    assert len(store.entries) == 1
    await asyncio.sleep(0.12)
    assert len(store.entries) == 0 and store.bytes == 0  # no call, no stats(): the timer did it
    assert store.expirations == 1


async def test_max_entries_evicts_the_least_recently_used() -> None:
    calls: list[int] = []

    @rr.cache_data(max_entries=2)
    async def f(x: int) -> int:
        calls.append(x)
        return x

    await f(1)
    await f(2)
    await f(1)  # 1 is now the most recently used
    await f(3)  # evicts 2
    calls.clear()
    await f(1)
    await f(2)
    assert calls == [2]


async def test_max_size_evicts_by_approximate_bytes() -> None:
    @rr.cache_data(max_size=20_000)
    async def blob(x: int) -> bytes:
        return bytes(8_000)

    for i in range(5):
        await blob(i)
    stats = blob.stats()
    assert stats["entries"] == 2 and stats["bytes"] <= 20_000


async def test_cache_data_hands_each_caller_its_own_copy() -> None:
    @rr.cache_data
    async def rows() -> list[dict[str, int]]:
        return [{"a": 1}]

    mine = await rows()
    mine[0]["a"] = 99
    mine.append({})
    assert await rows() == [{"a": 1}]


async def test_callers_sharing_one_computation_get_separate_copies() -> None:
    @rr.cache_data
    async def rows() -> list[int]:
        await asyncio.sleep(0.01)
        return [1]

    a, b = await asyncio.gather(rows(), rows())
    assert a == b and a is not b


async def test_copy_false_hands_out_the_stored_object() -> None:
    @rr.cache_data(copy=False)
    async def rows() -> list[int]:
        return [1]

    assert await rows() is await rows()


async def test_cache_resource_hands_every_caller_the_same_object() -> None:
    @rr.cache_resource
    async def pool() -> list[int]:
        return []

    a, b = await asyncio.gather(pool(), pool())
    assert a is b is await pool()


async def test_on_release_runs_when_a_resource_is_evicted() -> None:
    released: list[int] = []

    @rr.cache_resource(max_entries=1, on_release=released.append)
    async def res(x: int) -> int:
        return x

    await res(1)
    await res(2)
    assert released == [1]


async def test_on_release_runs_when_a_resource_expires() -> None:
    released: list[int] = []

    @rr.cache_resource(ttl=0.03, on_release=released.append)
    async def res(x: int) -> int:
        return x

    await res(1)
    await until(lambda: released == [1])


async def test_on_release_runs_when_a_resource_is_cleared() -> None:
    released: list[int] = []

    @rr.cache_resource(on_release=released.append)
    async def res(x: int) -> int:
        return x

    await res(1)
    await res(2)
    res.clear()
    assert sorted(released) == [1, 2]


async def test_an_async_on_release_runs_on_the_loop() -> None:
    released: list[int] = []

    async def close(x: int) -> None:
        released.append(x)

    @rr.cache_resource(on_release=close)
    async def res(x: int) -> int:
        return x

    await res(1)
    rr.cache_resource.clear()
    await until(lambda: released == [1])


async def test_validate_false_drops_the_resource_and_computes_anew() -> None:
    released: list[dict[str, bool]] = []

    @rr.cache_resource(validate=lambda c: c["open"], on_release=released.append)
    async def connect() -> dict[str, bool]:
        return {"open": True}

    first = await connect()
    assert await connect() is first
    first["open"] = False
    second = await connect()
    assert second is not first and second["open"]
    assert released == [first]


# -- 4. introspection ------------------------------------------------------------------------------


async def test_stats_count_hits_misses_and_computations() -> None:
    @rr.cache_data
    async def f(x: int) -> int:
        return x

    await f(1)
    await f(1)
    await f(1)
    await f(2)
    stats = f.stats()
    assert (stats["hits"], stats["misses"], stats["computations"]) == (2, 2, 2)
    assert stats["function"].endswith("test_stats_count_hits_misses_and_computations.<locals>.f")


async def test_stats_report_entries_and_approximate_bytes() -> None:
    @rr.cache_data
    async def f(n: int) -> bytes:
        return bytes(n)

    await f(100_000)
    stats = f.stats()
    assert stats["entries"] == 1
    assert 100_000 <= stats["bytes"] < 101_000


async def test_module_level_stats_list_every_function_of_the_kind() -> None:
    @rr.cache_data
    async def data() -> int:
        return 1

    @rr.cache_resource
    async def resource() -> int:
        return 1

    await data()
    await resource()
    names = {s["function"] for s in rr.cache_data.stats()}
    assert data.stats()["function"] in names
    assert resource.stats()["function"] not in names
    assert resource.stats()["function"] in {s["function"] for s in rr.cache_resource.stats()}


def test_health_endpoint_includes_cache_stats() -> None:
    from _webclient import TestClient

    @rr.cache_data
    def f() -> int:
        return 1

    f()

    async def main() -> None:
        pass

    with TestClient(rr.App(main)) as client:
        caches = client.get("/_rr/health").json()["caches"]
    mine = [c for c in caches if c["function"] == f.stats()["function"]]
    assert mine and mine[0]["entries"] == 1 and mine[0]["kind"] == "data"


# -- 5. hashing ----------------------------------------------------------------------------------


@dataclasses.dataclass
class Point:
    x: int
    y: int


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([1, 2, (3, "x")], [1, 2, (3, "x")]),
        ({"a": 1, "b": [2]}, {"b": [2], "a": 1}),
        ({3, 1, 2}, {1, 2, 3}),
        (b"bytes", b"bytes"),
        (None, None),
        (1.5, 1.5),
        (datetime.date(2024, 1, 2), datetime.date(2024, 1, 2)),
        (datetime.datetime(2024, 1, 2, 3, 4), datetime.datetime(2024, 1, 2, 3, 4)),
        (Point(1, 2), Point(1, 2)),
    ],
)
async def test_equal_values_are_one_key(a: Any, b: Any) -> None:
    calls: list[Any] = []

    @rr.cache_data
    async def f(v: Any) -> int:
        calls.append(v)
        return 1

    await f(a)
    await f(b)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [(1, "1"), (1, True), ([1], (1,)), ({1}, [1]), (Point(1, 2), Point(2, 1)), (b"a", "a"),
     (datetime.date(2024, 1, 2), datetime.date(2024, 1, 3))],
)
async def test_different_values_are_different_keys(a: Any, b: Any) -> None:
    calls: list[Any] = []

    @rr.cache_data
    async def f(v: Any) -> int:
        calls.append(v)
        return 1

    await f(a)
    await f(b)
    assert len(calls) == 2


async def test_numpy_arrays_are_hashed_by_content() -> None:
    np = pytest.importorskip("numpy")
    calls: list[Any] = []

    @rr.cache_data
    async def total(a: Any) -> float:
        calls.append(1)
        return float(a.sum())

    await total(np.arange(10))
    await total(np.arange(10))
    await total(np.arange(10).astype("float64"))
    await total(np.arange(10).reshape(2, 5))
    assert len(calls) == 3


async def test_pydantic_models_are_hashed_by_their_fields() -> None:
    pydantic = pytest.importorskip("pydantic")

    class Query(pydantic.BaseModel):  # type: ignore[name-defined,misc]
        table: str
        limit: int

    calls: list[Any] = []

    @rr.cache_data
    async def run(q: Any) -> int:
        calls.append(q)
        return 1

    await run(Query(table="t", limit=1))
    await run(Query(table="t", limit=1))
    await run(Query(table="t", limit=2))
    assert len(calls) == 2


async def test_pandas_frames_are_hashed_by_content() -> None:
    pd = pytest.importorskip("pandas")
    calls: list[Any] = []

    @rr.cache_data
    async def f(df: Any) -> int:
        calls.append(1)
        return len(df)

    await f(pd.DataFrame({"a": [1, 2]}))
    await f(pd.DataFrame({"a": [1, 2]}))
    await f(pd.DataFrame({"a": [1, 3]}))
    assert len(calls) == 2


async def test_polars_frames_are_hashed_by_content() -> None:
    pl = pytest.importorskip("polars")
    calls: list[Any] = []

    @rr.cache_data
    async def f(df: Any) -> int:
        calls.append(1)
        return len(df)

    await f(pl.DataFrame({"a": [1, 2]}))
    await f(pl.DataFrame({"a": [1, 2]}))
    await f(pl.DataFrame({"a": [1, 3]}))
    assert len(calls) == 2


async def test_an_unhashable_argument_names_the_parameter_and_the_fix() -> None:
    @rr.cache_data
    async def query(sql: str, connection: Any) -> int:
        return 1

    with pytest.raises(rr.UnhashableParamError) as caught:
        await query("select 1", threading.Lock())
    message = str(caught.value)
    assert "'connection'" in message and "'_connection'" in message and "hash_funcs" in message
    assert isinstance(caught.value, rr.APIError)


async def test_hash_funcs_hash_a_type_by_what_the_function_returns() -> None:
    class Conn:
        def __init__(self, url: str) -> None:
            self.url = url
            self.lock = threading.Lock()  # does not pickle

    calls: list[str] = []

    @rr.cache_data(hash_funcs={Conn: lambda c: c.url})
    async def query(conn: Conn) -> int:
        calls.append(conn.url)
        return 1

    await query(Conn("db://a"))
    await query(Conn("db://a"))
    await query(Conn("db://b"))
    assert calls == ["db://a", "db://b"]


async def test_hash_funcs_accept_a_fully_qualified_type_name() -> None:
    calls: list[Any] = []

    @rr.cache_data(hash_funcs={"threading.Event": lambda e: e.is_set()})
    async def f(e: threading.Event) -> int:
        calls.append(e)
        return 1

    await f(threading.Event())
    await f(threading.Event())
    assert len(calls) == 1


def test_importing_the_package_imports_no_data_frame_library() -> None:
    code = (
        "import sys, reactive_rerun\n"
        "bad = {'pandas', 'polars', 'numpy', 'pydantic'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=".")


# -- the spinner -------------------------------------------------------------------------------


async def test_a_miss_shows_the_spinner_in_the_current_container_until_the_value_arrives() -> None:
    release = asyncio.Event()

    @rr.cache_data
    async def slow() -> str:
        await release.wait()
        return "value"

    async def main() -> None:
        col, _ = rr.columns(2)
        with col:
            rr.text(await slow())

    at = AppTest(main)
    entering = asyncio.create_task(at.__aenter__())
    await until(lambda: at.spinner.texts == ["Running `slow(...)`."])
    [spinner] = at.spinner
    [column] = at.blocks("column")[:1]
    assert spinner.path.startswith(column.path + ".")
    release.set()
    await entering
    try:
        assert at.spinner == []
        assert at.text.texts == ["value"]
    finally:
        await at.close()


async def test_a_hit_shows_no_spinner() -> None:
    @rr.cache_data
    async def fast() -> str:
        return "v"

    await fast()
    seen: list[str] = []

    async def main() -> None:
        rr.text(await fast())

    async with AppTest(main) as at:
        seen = [o["e"]["k"] for o in at.page.ops if o["op"] == "el"]
    assert "spinner" not in seen


async def test_show_spinner_text_and_show_time_reach_the_page() -> None:
    release = asyncio.Event()

    @rr.cache_resource(show_spinner="Loading the model...", show_time=True)
    async def model() -> str:
        await release.wait()
        return "m"

    async def main() -> None:
        rr.text(await model())

    at = AppTest(main)
    entering = asyncio.create_task(at.__aenter__())
    await until(lambda: at.spinner.texts == ["Loading the model..."])
    assert at.spinner[0].props["show_time"] is True
    release.set()
    await entering
    await at.close()


async def test_show_spinner_false_draws_nothing() -> None:
    @rr.cache_data(show_spinner=False)
    async def slow() -> str:
        await asyncio.sleep(0.01)
        return "v"

    async def main() -> None:
        rr.text(await slow())

    async with AppTest(main) as at:
        kinds = [o["e"]["k"] for o in at.page.ops if o["op"] == "el"]
    assert kinds == ["text"]
