"""A shared session store on a real redis-server (SPEC §15): plain records, fenced ownership,
a session taken over by another worker with its state, one script call per completed run."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from _redis import redis_server
from _webclient import open_client, serve, wait_for

import reactive_rerun as rr
from reactive_rerun import durable
from reactive_rerun.redis_store import RedisStore

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture
async def store(redis_url: str) -> AsyncIterator[RedisStore]:
    s = RedisStore(redis_url, ttl=60)
    try:
        yield s
    finally:
        await s._redis.flushdb()
        await s.close()


async def test_saves_are_fenced_by_the_epoch_of_the_last_claim(store: RedisStore) -> None:
    assert await store.save("s1", b"first", 1)  # a new session's record, epoch 1
    assert await store.save("s1", b"second", 1)
    claimed = await store.claim("s1")  # another worker takes it over
    assert claimed is not None and claimed.epoch == 2 and claimed.record == b"second"
    assert not await store.save("s1", b"stale", 1)  # the old owner is refused
    await store.delete("s1", 1)  # ... and cannot delete it either
    again = await store.claim("s1")
    assert again is not None and again.record == b"second" and again.epoch == 3
    assert not await store.save("s1", b"from the second owner", 2)
    await store.delete("s1", 3)
    assert await store.claim("s1") is None
    assert await store.claim("never-saved") is None
    assert not await store.save("never-saved-at-2", b"x", 2)  # no record is made at epoch 2


async def test_records_expire_with_the_session_timeout(redis_url: str) -> None:
    short = RedisStore(redis_url, ttl=-59.8)  # 200 ms
    try:
        assert await short.save("brief", b"x", 1)
        await asyncio.sleep(0.4)
        assert await short.claim("brief") is None
    finally:
        await short.close()


async def counter() -> None:
    if rr.button("+1"):
        rr.session_state.n = rr.session_state.get("n", 0) + 1
    rr.header(f"n = {rr.session_state.get('n', 0)}")


async def test_another_worker_takes_a_session_over_with_its_state(
    redis_url: str, store: RedisStore
) -> None:
    first = rr.App(counter, session_store=redis_url)
    second = rr.App(counter, session_store=redis_url)
    async with serve(first) as one, serve(second) as two:
        async with open_client(f"ws://{one}/_rr/ws") as tab:
            await tab.start()
            for n in (1, 2):
                await tab.click("+1")
                await tab.until(lambda p, n=n: p.header == f"n = {n}" and p.idle)  # type: ignore[misc]
            sid, page = tab.page.session_id, tab.page
        assert sid is not None
        await first.sessions.settled()
        stored = durable.load(await store._redis.hget(f"rr:session:{sid}", "data"))
        assert stored.state["n"] == 2  # saved after each completed run, as plain data
        page.resumed = None
        async with open_client(f"ws://{two}/_rr/ws", page=page) as tab:  # the other worker
            await tab.start(sid, page.seq)
            await tab.until(lambda p: p.resumed is not None and p.idle)
            assert tab.page.resumed is True and tab.page.header == "n = 2"
            await tab.click("+1")
            await tab.until(lambda p: p.header == "n = 3" and p.idle)
        await second.sessions.settled()
        old = first.sessions.live[sid]
        assert not await first.sessions.save(old)  # the first worker's copy is stale now
        assert sid not in first.sessions.live  # ... and dropped without a word
        stored = durable.load(await store._redis.hget(f"rr:session:{sid}", "data"))
        assert stored.state["n"] == 3


async def test_one_script_call_per_completed_run(redis_url: str, store: RedisStore) -> None:
    app = rr.App(counter, session_store=redis_url)

    async def script_calls() -> int:
        stats: dict[str, Any] = await store._redis.info("commandstats")
        names = ("cmdstat_evalsha", "cmdstat_eval")
        return sum(int(v["calls"]) for k, v in stats.items() if k in names)

    async with serve(app) as host:
        async with open_client(f"ws://{host}/_rr/ws") as tab:
            await tab.start()
            await tab.until(lambda p: p.idle and p.header == "n = 0")
            await app.sessions.settled()
            before = await script_calls()
            for n in range(1, 6):
                await tab.click("+1")
                await tab.until(lambda p, n=n: p.header == f"n = {n}" and p.idle)  # type: ignore[misc]
                await app.sessions.settled()
            assert await script_calls() - before == 5


async def test_a_value_a_store_cannot_keep_is_named_and_the_session_goes_on(
    redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    class Client:
        pass

    async def main() -> None:
        rr.session_state.setdefault("client", Client())
        await counter()

    app = rr.App(main, session_store=redis_url)
    caplog.set_level(logging.WARNING, "reactive_rerun")
    async with serve(app) as host:
        async with open_client(f"ws://{host}/_rr/ws") as tab:
            await tab.start()
            await tab.click("+1")
            await tab.until(lambda p: p.header == "n = 1" and p.idle)
            await app.sessions.settled()
    await wait_for(lambda: any("session_state['client']" in r.getMessage() for r in caplog.records))


async def test_a_live_owner_keeps_a_session_from_another_tab_but_not_from_its_own(
    redis_url: str, store: RedisStore
) -> None:
    from reactive_rerun.errors import SessionBusy

    owner, other = RedisStore(redis_url, ttl=60), RedisStore(redis_url, ttl=60)
    try:
        assert await owner.save("s2", b"state", 1, tab="tab-1")
        with pytest.raises(SessionBusy):
            await other.claim("s2", tab="tab-2")  # a duplicated tab: it gets a new session
        moved = await other.claim("s2", tab="tab-1")  # the same page load reconnecting
        assert moved is not None and moved.record == b"state"
        assert not await owner.save("s2", b"stale", 1, tab="tab-1")
        await other.close()  # that worker is gone: its heartbeat with it
        back = await owner.claim("s2", tab="tab-3")
        assert back is not None and back.epoch == moved.epoch + 1
    finally:
        await owner.close()


async def test_a_worker_beats_once_whatever_starts_it_and_stops_when_closed(
    redis_url: str,
) -> None:
    worker = RedisStore(redis_url, ttl=60)
    await asyncio.gather(*(worker.save(f"beat-{i}", b"x", 1) for i in range(10)))
    beating = [t for t in asyncio.all_tasks() if "_heartbeat" in repr(t.get_coro())]
    assert len(beating) == 1  # ten saves at once, one heartbeat
    key = "rr:worker:" + worker.worker
    assert await worker._redis.exists(key)
    await worker.close()
    observer = RedisStore(redis_url, ttl=60)
    try:
        await asyncio.sleep(0.6)  # a leftover beat would have set the key again by now
        assert not await observer._redis.exists(key)
    finally:
        await observer.close()
