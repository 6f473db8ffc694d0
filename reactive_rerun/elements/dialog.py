"""``@rr.dialog``: a function drawn in a modal; it reruns on its own, like a fragment."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, Literal

from .. import _params
from ..bindings import WidgetMeta
from ..context import current_block, current_run, within
from ..element import Element, commit, place, unawaited_notice
from ..errors import APIError
from ..fragments import Fragment
from ..threads import Awaited, run_ui
from ..widget import never, same

DIALOG = Element(
    "dialog", ("title", "width", "dismissible", "id", "opened", "position", "icon"),
    doc="`title`, `width` (`small` / `medium` / `large`), `dismissible`, `id` (a trigger the "
    "client clicks when the user dismisses it, or null), `opened` (changes when a run opens it), "
    "`position` (`center`, or `left` / `right`: a full-height side drawer), `icon`",
    block=True,
)

_WIDTHS = ("small", "medium", "large")
_POSITIONS = ("center", "left", "right")


class Dialog:
    """A function decorated with ``@rr.dialog(title)``: calling it opens the modal with the
    function drawn inside. Widgets in it rerun only the function (a fragment); ``rr.rerun()``
    reruns the app, and the dialog closes unless that run calls it again."""

    def __init__(
        self, fn: Callable[..., Any], title: str, width: str, dismissible: bool,
        on_dismiss: Literal["ignore", "rerun"] | Callable[..., Any],
        position: str = "center", icon: str | None = None,
    ) -> None:
        self.fragment: Fragment[Any, Any] = Fragment(fn, None)
        self.title, self.width, self.dismissible, self.on_dismiss = (
            title, width, dismissible, on_dismiss
        )
        self.position, self.icon = position, icon
        self.__name__ = getattr(fn, "__name__", "dialog")
        self.__doc__ = fn.__doc__
        self.__wrapped__ = fn

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.fragment.is_async:
            return Awaited(self._call_async(args, kwargs), self.__name__, unawaited_notice())
        path = run_ui(self._open)
        with within(path):
            return self.fragment(*args, **kwargs)

    async def _call_async(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        path = self._open()
        with within(path):
            return await self.fragment._call_async(args, kwargs)

    def _open(self) -> str:
        run = current_run()
        block = current_block()
        if run.block_forms.get(block) is not None:
            raise APIError("A dialog cannot be opened inside an rr.form(); open it outside.")
        path = place(run, block)
        wid: str | None = None
        if self.on_dismiss != "ignore":
            seed = f"dialog:{self.fragment.fn.__qualname__}@{path}"
            wid = hashlib.blake2b(seed.encode(), digest_size=8).hexdigest()
            callback = self.on_dismiss if callable(self.on_dismiss) else None
            run.host.live.widgets[wid] = WidgetMeta(
                wid, "dialog", None, "value", never, same, callback, trigger=True
            )
            run.widgets_seen.add(wid)
        commit(run, path, DIALOG.props({
            "title": self.title, "width": self.width, "dismissible": self.dismissible,
            "id": wid, "opened": run.id, "position": self.position, "icon": self.icon,
        }))
        return path


def dialog(
    title: str,
    *,
    width: Literal["small", "medium", "large"] = "small",
    position: Literal["center", "left", "right"] = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Literal["ignore", "rerun"] | Callable[..., Any] = "ignore",
) -> Callable[[Callable[..., Any]], Dialog]:
    """Decorate a function to draw it in a modal dialog: ``@rr.dialog("Vote")``.

    ``position="left"``/``"right"`` shows it as a full-height drawer on that side (its width
    can be dragged); ``icon`` goes before the title. ``dismissible=False`` hides the close
    button and ignores Escape and clicks outside.
    ``on_dismiss``: ``"ignore"`` (the modal just closes), ``"rerun"`` (the app reruns) or a
    callback (called, then the app reruns).
    """
    if width not in _WIDTHS:
        raise APIError(f"dialog width must be 'small', 'medium' or 'large', not {width!r}")
    if position not in _POSITIONS:
        raise APIError(f"dialog position must be 'center', 'left' or 'right', not {position!r}")
    shown_icon = _params.icon("dialog", icon)
    if on_dismiss not in ("ignore", "rerun") and not callable(on_dismiss):
        raise APIError(
            f"dialog on_dismiss must be 'ignore', 'rerun' or a callable, not {on_dismiss!r}"
        )

    def decorate(fn: Callable[..., Any]) -> Dialog:
        if not callable(fn):
            raise APIError(f"@rr.dialog decorates a function, not {fn!r}.")
        return Dialog(fn, str(title), width, bool(dismissible), on_dismiss, position, shown_icon)

    return decorate

__all__ = ["DIALOG", "Dialog", "dialog"]
