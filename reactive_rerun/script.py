"""``ScriptFile``: a module-level script file, executed top to bottom on every app run.

As in Streamlit, the file runs as ``__main__`` in a fresh namespace each run, with its folder
on ``sys.path``. A file with a top-level ``await`` runs as a coroutine on the loop; a file
without one (a plain Streamlit script) runs in a script thread (``threads.py``). The file is
compiled once per change (``reload``); a syntax error is raised by each run, so it shows on
the page until the next good save.
"""

from __future__ import annotations

import ast
import inspect
import sys
from contextvars import ContextVar
from pathlib import Path
from types import CodeType
from typing import Any

from . import magic
from .secrets import look_beside
from .threads import in_thread
from .write import write


class ScriptFile:
    """A script file as an app's script: ``App(ScriptFile("app.py"))``."""

    def __init__(self, path: str | Path, *, magic: bool = True) -> None:
        self.path = Path(path).resolve()
        self.magic = magic
        self.folder = self.path.parent
        look_beside(self.folder)  # st.secrets also reads .streamlit/secrets.toml beside it
        self.code: CodeType | None = None
        self.error: SyntaxError | None = None
        self.is_async = False
        self.reload()

    @property
    def name(self) -> str:
        return self.path.name

    def reload(self) -> None:
        """Compile the file as it is now; a syntax error is kept and raised by each run."""
        try:
            source = self.path.read_text(encoding="utf-8")
            tree = ast.parse(source, str(self.path))
            if self.magic:
                tree = magic.transform(tree)
            code = compile(tree, str(self.path), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        except SyntaxError as exc:
            self.code, self.error = None, exc
            return
        self.code, self.error = code, None
        self.is_async = bool(code.co_flags & inspect.CO_COROUTINE)

    def namespace(self) -> dict[str, Any]:
        return {
            "__name__": "__main__",
            "__file__": str(self.path),
            "__builtins__": __builtins__,
            magic.NAME: _magic_write,
        }

    async def __call__(self) -> None:
        """One app run of the file (or, beside a ``pages/`` folder, of the page shown)."""
        token = _main.set(self) if _main.get() is None else None
        try:
            pages = self.folder / "pages"
            if token is not None and pages.is_dir():
                from .pages import folder_pages, navigation

                chosen = navigation(folder_pages(self, pages))
                page = chosen.source
                if isinstance(page, ScriptFile) and page is not self:
                    await page._execute()
                    return
            await self._execute()
        finally:
            if token is not None:
                _main.reset(token)

    async def _execute(self) -> None:
        code = self._code()
        namespace = self.namespace()
        if self.is_async:
            result = eval(code, namespace)  # the app's own script file
            if inspect.isawaitable(result):
                await result
        else:
            await in_thread(exec, code, namespace)

    def run_here(self) -> None:
        """Run the file in this script thread (a page of a plain script's ``st.navigation``)."""
        code = self._code()
        if self.is_async:
            raise SyntaxError(f"{self.name} has a top-level await: run it from an async script")
        exec(code, self.namespace())

    def _code(self) -> CodeType:
        if self.error is not None:
            raise self.error
        assert self.code is not None
        folder = str(self.folder)
        if folder not in sys.path:
            sys.path.insert(0, folder)
        return self.code


_main: ContextVar[ScriptFile | None] = ContextVar("rr_main_script", default=None)


def script_folder() -> Path:
    """The folder of the app's main script (pages are found relative to it)."""
    main = _main.get()
    return main.folder if main is not None else Path.cwd()


def _magic_write(value: Any) -> Any:
    if value is not None:
        if isinstance(value, tuple):
            write(*value)
        else:
            write(value)
    return value


__all__ = ["ScriptFile", "script_folder"]
