"""``Runner``: carry out one run (callbacks, then the script or a fragment) and close it.

Closing a run is where a completed run's result becomes the session's: what it did not draw
is swept from the page, widgets it did not draw lose their state, and the fragments it drew
become the session's fragments.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from . import protocol
from .bindings import Bindings
from .config import SessionConfig
from .context import Run, entered, in_fragment
from .durable import SessionData
from .element import commit, place
from .elements.exception import EXCEPTION, describe
from .errors import APIError, RerunRequested, StopRun
from .page import is_under
from .run_queue import PendingCallback, RunQueue
from .state import NO_KEYS
from .threads import in_thread, is_async
from .watchdog import Watched, reporter
from .writer import PageWriter

logger = logging.getLogger("reactive_rerun")

Script = Callable[[], Any]  # an async def (run on the loop) or a plain def (a script thread)


class Runner:
    __slots__ = (
        "script", "data", "live", "config", "queue", "writer", "poke", "interrupted", "after_run",
        "bound", "fragments_changed",
    )

    def __init__(
        self,
        script: Script,
        data: SessionData,
        live: Bindings,
        config: SessionConfig,
        queue: RunQueue,
        writer: PageWriter,
        poke: Callable[[], None],
    ) -> None:
        self.script = script
        self.data, self.live, self.config = data, live, config
        self.queue, self.writer, self.poke = queue, writer, poke
        self.interrupted: Run | None = None  # the last app run that ended in rr.rerun()
        self.after_run: Callable[[], None] | None = None  # a completed or failed run: save
        self.bound: Callable[[], None] = lambda: None  # an app run bound the widgets
        self.fragments_changed: Callable[[], None] = lambda: None

    async def app_run(self, run: Run, callbacks: list[PendingCallback]) -> None:
        with entered(run, "m", None):
            await self._execute(run, callbacks, _body(self.script, (), {}))

    async def fragment_run(self, run: Run, callbacks: list[PendingCallback]) -> None:
        record = run.fragment
        assert record is not None
        call = self.live.fragments[record.id]
        with entered(run, record.path, record):
            await self._execute(run, callbacks, _body(call.fn, call.args, call.kwargs))

    async def _execute(
        self,
        run: Run,
        callbacks: list[PendingCallback],
        body: Callable[[], Coroutine[Any, Any, Any]],
    ) -> None:
        self.writer.start(run)
        status: protocol.Status = "complete"
        try:
            if await self._run_callbacks(run, callbacks):
                self.queue.request_app(user=True)
                self.poke()
                status = "rerun"
            else:
                run.phase = "body"
                show = self.writer.notice if self.config.dev_mode else None
                await Watched(body(), self.config.block_warning, reporter(self.data.id, show))
        except RerunRequested as signal:
            status = "rerun"
            if signal.scope == "fragment" and run.fragment is not None:
                self.queue.request_fragment(run.fragment.id, user=False)
            else:
                self.queue.request_app(user=False)
            self.poke()
        except StopRun:
            pass
        except asyncio.CancelledError:
            status = "cancelled"
            raise
        except BaseException as exc:  # sys.exit(), KeyboardInterrupt, ...: never the server's
            status = "error"
            self.show_exception(run, exc)
        finally:
            if run.stopping and status != "cancelled":
                status = "cancelled"  # it swallowed its cancellation: still not a completed run
            self.finish(run, status)

    async def _run_callbacks(self, run: Run, callbacks: list[PendingCallback]) -> bool:
        """Run pending callbacks; True when one asked for an app rerun from a fragment run."""
        escalate = False
        for i, cb in enumerate(callbacks):
            if run.stopping:  # cancelled meanwhile: the rest wait for the next run
                self.queue.callbacks[:0] = callbacks[i:]
                break
            record = self.data.fragments.get(cb.fragment) if cb.fragment else None
            with in_fragment(record) if record is not None else contextlib.nullcontext():
                try:
                    result = cb.fn(*cb.args, **cb.kwargs)
                    if inspect.isawaitable(result):
                        await result
                except RerunRequested as signal:
                    escalate = escalate or (signal.scope == "app" and run.scope == "fragment")
                except StopRun:
                    pass
                except asyncio.CancelledError:
                    self.queue.callbacks[:0] = callbacks[i + 1:]
                    raise
                except BaseException as exc:  # a callback's KeyboardInterrupt is its own
                    self.show_exception(run, exc)
        return escalate

    def show_exception(self, run: Run, exc: BaseException) -> None:
        """Draw an uncaught exception where it happened (or in the run's own root).

        Never fails: an exception whose ``__str__`` raises is still shown, by its type.
        """
        try:
            logger.error("session %s: uncaught exception in a run", self.data.id[:8], exc_info=exc)
        except Exception:  # logging an unprintable exception must not stop the showing
            pass
        if run.detached:
            return
        props = EXCEPTION.props(describe(exc, details=self.config.show_error_details))
        home = run.fragment.path if run.fragment is not None else "m"
        block = getattr(exc, "_rr_block", None) or home
        if block not in self.data.page.nodes and block not in ("m", "s"):
            block = "m"
        for where in dict.fromkeys((block, home)):
            try:
                commit(run, place(run, where), props)
                return
            except APIError:  # e.g. an outside container this fragment run cannot reach
                continue

    def finish(self, run: Run, status: protocol.Status) -> None:
        """Close a run: sweep what it did not draw, clean widget state, keep the registry."""
        if run.detached:
            return
        if run.fragment is None:
            self.interrupted = run if status == "rerun" else None
        if status in ("complete", "error"):
            record = run.fragment
            roots = ("m", "s") if record is None else (record.path, *record.outlets.values())
            removed = self.data.page.sweep(roots, run.drawn)
            if removed:
                self.writer.emit(protocol.op_rm(removed))
            self.live.windows.sweep(self.data.page)  # large tables no longer shown
            self.live.media.sweep(self.data.page)  # images and downloads no longer shown
            self.live.uploads.sweep(self.data.page)  # uploaders no longer shown
            self._clean_widgets(run, complete=status == "complete")
            if self.live.submitted:
                self._clear_submitted_forms(run)
            self._next_submission(run)
        if status != "cancelled":
            self._register_fragments(run, complete=status == "complete")
        run.stopping = True  # tasks the run spawned stop at their next UI call
        self.writer.end(run, status)
        if status in ("complete", "error"):
            if run.fragment is None:
                self.bound()
            if self.after_run is not None:
                self.after_run()

    def _next_submission(self, run: Run) -> None:
        """A run read one chat submission and more were sent meanwhile: answer the next."""
        for wid in run.widgets_seen:
            meta = self.live.widgets.get(wid)
            if meta is None or not meta.submits or not self.data.widgets.pending(wid):
                continue
            if meta.fragment is not None and meta.fragment in self.live.fragments:
                self.queue.request_fragment(meta.fragment, user=True, waits=True)
            else:
                self.queue.request_app(user=True, waits=True)
            self.poke()

    def _clean_widgets(self, run: Run, *, complete: bool) -> None:
        bound = self.live.widgets
        if run.fragment is None:
            unseen = {w for w in bound if w not in run.widgets_seen}
        else:
            fid = run.fragment.id
            seen = run.widgets_seen
            unseen = {w for w, m in bound.items() if m.fragment == fid and w not in seen}
        if not complete:  # off the page now, so no longer accepted; values kept after a failure
            self.live.forget(unseen)
            return
        widgets = self.data.widgets
        if run.fragment is None:
            unseen |= {w for w in widgets.values if w not in run.widgets_seen}
            keys = [m.key for m in bound.values() if m.trigger and m.key]
            widgets.trigger_keys = frozenset(keys) if keys else NO_KEYS
        self.live.forget(unseen)
        widgets.forget(unseen)

    def _clear_submitted_forms(self, run: Run) -> None:
        """``form(clear_on_submit=True)``: the run that saw the submitted values is over; the
        form's widgets show and hold their defaults again."""
        forms, self.live.submitted = self.live.submitted, {}
        widgets, state, page = self.data.widgets, self.data.state, self.data.page
        for meta in list(self.live.widgets.values()):
            if meta.form not in forms or meta.trigger:
                continue
            if meta.key is not None:
                state.set_from_widget(meta.key, meta.default)
            else:
                widgets.values[meta.id] = meta.default
            node = page.nodes.get(meta.path)
            if node is not None and node.props.get("id") == meta.id:
                props = dict(node.props)
                props[meta.shows_in] = meta.encode(meta.default)
                self.writer.draw(run, meta.path, props)

    def _register_fragments(self, run: Run, *, complete: bool) -> None:
        """The fragments a run drew are the session's; a completed run drops the ones it did
        not draw (all of them for an app run, its nested ones for a fragment run)."""
        fragments, calls = self.data.fragments, self.live.fragments
        if complete and run.fragment is None:
            fragments.clear()
            calls.clear()
        elif complete and run.fragment is not None:
            root = run.fragment
            for fid, record in list(fragments.items()):
                nested = record is not root and is_under(record.path, root.path)
                if nested and fid not in run.fragments_called:
                    del fragments[fid]
                    calls.pop(fid, None)
        fragments.update(run.fragments_called)
        calls.update(run.fragment_calls)
        self.fragments_changed()


def _body(
    fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Callable[[], Coroutine[Any, Any, Any]]:
    """The run's body as a coroutine: an ``async def`` on the loop, a plain ``def`` in a
    script thread (its UI calls are carried out on the loop)."""
    if is_async(fn):
        return lambda: fn(*args, **kwargs)
    return lambda: in_thread(lambda: fn(*args, **kwargs))


__all__ = ["Runner", "Script"]
