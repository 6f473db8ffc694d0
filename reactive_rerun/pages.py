"""Multipage apps: ``st.Page``, ``st.navigation``, ``st.switch_page``, ``st.page_link``, and a
``pages/`` folder beside the script.

The page a session shows is part of its durable data (``SessionData.page_name``, the page's
URL path; ``""`` is the default page). Switching pages is an app rerun over the same socket:
a link sends ``nav``, and when a run shows another page than the browser's address bar, the
server sends a ``url`` op that pushes the page's path onto the browser's history, so the back
and forward buttons (``popstate`` -> ``nav``) keep the session and its state.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from . import _params, protocol
from .context import current_block, current_run
from .element import commit, place, ui
from .elements.navigation import NAVIGATION
from .elements.page_link import PAGE_LINK
from .errors import APIError, RerunRequested
from .script import ScriptFile, script_folder
from .threads import Awaited, run_ui, script_loop

_PREFIX = re.compile(r"^\d+[_ -]*")


def _label(stem: str) -> str:
    return _PREFIX.sub("", stem).replace("_", " ").strip() or stem


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", _PREFIX.sub("", text)).strip("_") or "page"


class Page:
    """One page: a script file (relative to the main script's folder) or a function."""

    def __init__(
        self,
        page: str | Path | ScriptFile | Callable[[], Any],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: Literal["visible", "hidden"] = "visible",
        help: str | None = None,
    ) -> None:
        if visibility not in ("visible", "hidden"):
            raise APIError(f"st.Page visibility must be 'visible' or 'hidden', not {visibility!r}.")
        self.visibility = visibility
        self.help = _params.text("st.Page", "help", help)
        self.source: ScriptFile | Callable[[], Any]
        if isinstance(page, ScriptFile):
            self.source = page
            name = page.path.stem
        elif callable(page):
            self.source = page
            name = getattr(page, "__name__", "page")
        else:
            path = Path(page)
            if not path.is_absolute():
                path = script_folder() / path
            if not path.is_file():
                raise APIError(f"st.Page: there is no page file {str(page)!r} (looked at {path}).")
            self.source = _file(path)
            name = path.stem
        self.title = title if title is not None else _label(name)
        self.icon = icon
        self.default = default
        if url_path is not None and ("/" in url_path.strip("/") or not url_path.strip("/")):
            if not default:
                raise APIError(f"st.Page url_path {url_path!r}: one non-empty path segment.")
        self.url_path = "" if default else (url_path.strip("/") if url_path else _slug(name))

    def __repr__(self) -> str:
        return f"Page({self.title!r}, url_path={self.url_path!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Page) and other.url_path == self.url_path

    def __hash__(self) -> int:
        return hash(self.url_path)

    def run(self) -> Any:
        """Run the page: in a plain script it runs now; in an ``async def``, ``await`` it."""
        source = self.source
        if isinstance(source, ScriptFile):
            if script_loop() is not None:
                source.run_here()
                return None
            return Awaited(source(), "pg.run", _notice())
        result = source()
        if inspect.iscoroutine(result):
            return Awaited(result, "pg.run", _notice())
        return result


_files: dict[Path, ScriptFile] = {}


def _file(path: Path) -> ScriptFile:
    """One compiled ``ScriptFile`` per page file (compiled again when it changes)."""
    path = path.resolve()
    found = _files.get(path)
    if found is None:
        found = _files[path] = ScriptFile(path)
    return found


def reload_pages() -> None:
    for page in _files.values():
        page.reload()


def folder_pages(main: ScriptFile, folder: Path) -> list[Page]:
    """The pages of a ``pages/`` folder: the main script first, then the files by their
    number prefix and name, labelled from the file name as Streamlit does."""

    def order(path: Path) -> tuple[int, str]:
        number = re.match(r"^(\d+)", path.stem)
        return (int(number.group(1)) if number else 1 << 30, path.stem.lower())

    files = sorted((p for p in folder.glob("*.py") if not p.name.startswith("_")), key=order)
    return [Page(main, default=True), *(Page(_file(p)) for p in files)]


def _notice() -> Callable[[str], None]:
    from .element import unawaited_notice

    return unawaited_notice()


Pages = Sequence[Page] | Mapping[str, Sequence[Page]]


def navigation(
    pages: Pages | Sequence[str], *, position: str = "sidebar", expanded: bool = False
) -> Page:
    """Choose the page this run shows and draw the page menu; ``.run()`` the page it returns."""
    if position not in ("sidebar", "hidden", "top"):
        raise APIError(
            f'st.navigation position must be "sidebar", "hidden" or "top", not {position!r}.'
        )
    sections: list[tuple[str | None, Page]] = []
    if isinstance(pages, Mapping):
        for section, group in pages.items():
            sections += [(str(section) or None, _page(p)) for p in group]
    else:
        sections = [(None, _page(p)) for p in pages]
    if not sections:
        raise APIError("st.navigation needs at least one page.")
    listed = [page for _, page in sections]
    if sum(page.default for page in listed) > 1:
        raise APIError("st.navigation: only one page may be the default.")
    if not any(page.default for page in listed):
        first = listed[0]
        first.url_path, first.default = "", True
    seen: set[str] = set()
    for page in listed:
        if page.url_path in seen:
            raise APIError(f"st.navigation: two pages have the url_path {page.url_path!r}.")
        seen.add(page.url_path)
    return run_ui(_choose, sections, position)


def _page(page: Page | str) -> Page:
    return page if isinstance(page, Page) else Page(page)


def _choose(sections: list[tuple[str | None, Page]], position: str) -> Page:
    host = current_run().host
    data = host.data
    by_path = {page.url_path: page for _, page in sections}
    chosen = by_path.get(data.page_name) or by_path[""]
    if chosen.url_path != data.page_name:
        data.page_name = chosen.url_path  # an unknown path shows the default page
    data.page_titles = {page.url_path: page.title for _, page in sections}
    data.page_files = {
        str(page.source.path): page.url_path for _, page in sections
        if isinstance(page.source, ScriptFile)
    }
    if position != "hidden":
        listing = [
            {"path": page.url_path, "title": page.title, "icon": page.icon, "section": section,
             "help": page.help}
            for section, page in sections if page.visibility == "visible"
        ]
        run = current_run()
        block = "s" if position == "sidebar" else "m"
        commit(run, place(run, block), NAVIGATION.props(
            {"pages": listing, "current": chosen.url_path, "position": position}
        ))
    show_url(host)
    return chosen


def show_url(host: Any) -> None:
    """Push the shown page's path when the browser's address bar shows another one."""
    data = host.data
    if data.page_shown != data.page_name:
        data.page_shown = data.page_name
        host.emit(protocol.op_url(_query(data.query), path=data.page_name, push=True))


def _query(query: dict[str, list[str]]) -> str:
    from urllib.parse import urlencode

    text = urlencode([(k, v) for k, values in query.items() for v in values])
    return f"?{text}" if text else ""


QueryParamsInput = Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str | Iterable[str]]]


def query_pairs(query_params: QueryParamsInput | None) -> dict[str, list[str]]:
    """Query parameters as given to ``switch_page`` / ``page_link`` -> ``{key: [values]}``."""
    if query_params is None:
        return {}
    items = query_params.items() if isinstance(query_params, Mapping) else query_params
    out: dict[str, list[str]] = {}
    try:
        for key, value in items:
            values = [value] if isinstance(value, str) or not isinstance(value, Iterable) \
                else list(value)
            out.setdefault(str(key), []).extend(str(v) for v in values)
    except (TypeError, ValueError):
        raise APIError(f"query_params must be a mapping or (key, value) pairs, not "
                       f"{query_params!r}.") from None
    return out


def query_text(query_params: QueryParamsInput | None) -> str:
    return _query(query_pairs(query_params)).lstrip("?")


def switch_page(page: Page | str, *, query_params: QueryParamsInput | None = None) -> None:
    """Show another page: this run stops and the app reruns on that page (with
    ``query_params`` as its ``rr.query_params``)."""
    target = page.url_path if isinstance(page, Page) else _path_of(page)
    run_ui(_switch, target, query_pairs(query_params))
    raise RerunRequested("app")


def _path_of(page: str) -> str:
    """A page given as a file path (relative to the main script) -> its URL path."""
    path = Path(page)
    if not path.is_absolute():
        path = script_folder() / path
    known = current_run().host.data.page_files.get(str(path.resolve()))
    return known if known is not None else _slug(path.stem)


def _switch(path: str, query: dict[str, list[str]]) -> None:
    data = current_run().host.data
    if data.page_titles and path not in data.page_titles:
        raise APIError(f"st.switch_page: no page with the path {path!r} in this app.")
    data.page_name = path
    data.query.clear()
    data.query.update(query)


@ui
def page_link(
    page: Page | str,
    *,
    label: str | None = None,
    icon: str | None = None,
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    icon_position: Literal["left", "right"] = "left",
    width: Literal["content", "stretch"] | int = "content",
    query_params: QueryParamsInput | None = None,
) -> None:
    """A link to a page of this app (no reload: the session stays) or to another site.

    ``query_params`` (a mapping, or pairs; a value may be a list) become the page's
    ``rr.query_params`` when the link is followed."""
    run = current_run()
    data = run.host.data
    if icon_position not in ("left", "right"):
        raise APIError(f"page_link icon_position must be 'left' or 'right', not {icon_position!r}")
    shown_width = "stretch" if use_container_width else _params.width("page_link", width)
    query = query_text(query_params)
    if isinstance(page, str) and re.match(r"^[a-z]+://", page):
        if query:
            raise APIError("page_link query_params apply to this app's pages, not to other sites; "
                           "put them in the URL.")
        path, url, title = None, page, label or page
    else:
        path = page.url_path if isinstance(page, Page) else _path_of(page)
        url = None
        shown = page.title if isinstance(page, Page) else data.page_titles.get(path, path)
        title = label or shown
    commit(run, place(run, current_block()), PAGE_LINK.props({
        "path": path, "url": url, "label": title, "icon": icon, "disabled": bool(disabled),
        "help": help, "current": path is not None and path == data.page_name,
        "icon_position": icon_position, "width": shown_width, "query": query or None,
    }))


__all__ = ["Page", "navigation", "page_link", "show_url", "switch_page"]
