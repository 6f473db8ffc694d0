"""Every fenced block in README.md and docs/*.md is run (or checked) by a test, as written.

``CLAIMS`` names the test that covers each block; ``test_every_fenced_block_is_covered_by_a_test``
fails on a block nobody claims, so a new example cannot land untested. Python examples run as the
files they say they are (headless through ``AppTest``, and under the uvicorn command their comment
gives); shell examples that start a server run as written in a scratch folder, on a free port,
and must answer ``/_rr/health`` and serve a session. The servers start together once per module.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import pytest
from _processes import free_port, wait_until_serving
from _webclient import PageModel, hello
from websockets.sync.client import connect
from websockets.typing import Origin

from reactive_rerun.cli import _parser as cli_parser
from reactive_rerun.testing import AppTest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["README.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md"))]

# (doc, block index in that doc, language) -> the tests that run or check it ("file::test, ...").
CLAIMS: dict[tuple[str, int, str], str] = {
    ("README.md", 0, "python"): "tests/test_docs_examples.py::test_readme_app_runs_headless, "
                                "tests/test_docs_examples.py::test_readme_app_serves_as_it_says",
    ("README.md", 1, "sh"): "tests/test_docs_examples.py::test_readme_showcase_command_serves",
    ("README.md", 2, "sh"): "tests/test_docs_examples.py::test_readme_test_command_is_ci",
    ("docs/architecture.md", 1, "python"):
        "tests/test_docs.py::test_the_architecture_docs_kind_definition_draws_its_element",
    ("docs/behaviour.md", 0, "python"):
        "tests/test_docs_examples.py::test_behaviour_blocking_calls_example",
    ("docs/caching.md", 0, "python"): "tests/test_docs.py::test_the_caching_docs_example_runs",
    ("docs/client.md", 0, "js"): "tests/test_docs_examples.py::test_client_props_excerpt_is_real",
    ("docs/deploy.md", 0, "sh"): "tests/test_docs_examples.py::test_deploy_serving_command",
    ("docs/deploy.md", 1, "python"): "tests/test_docs_examples.py::test_deploy_mounting_example",
    ("docs/deploy.md", 2, "nginx"): "tests/test_docs_examples.py::test_deploy_nginx_sticky",
    ("docs/deploy.md", 3, "sh"): "tests/test_docs_examples.py::test_deploy_two_backends",
    ("docs/deploy.md", 4, "nginx"): "tests/test_docs_examples.py::test_deploy_nginx_two_hosts",
    ("docs/deploy.md", 5, "nginx"): "tests/test_docs_examples.py::test_deploy_nginx_limits",
    ("docs/deploy.md", 6, "sh"): "tests/test_docs_examples.py::test_deploy_behind_proxy_command",
    ("docs/scripts.md", 0, "sh"): "tests/test_docs_examples.py::test_scripts_run_commands",
    ("docs/testing.md", 0, "python"):
        "tests/test_docs.py::test_the_testing_docs_examples_pass_as_written",
    ("docs/testing.md", 1, "python"):
        "tests/test_docs.py::test_the_testing_docs_examples_pass_as_written",
    ("docs/theme.md", 0, "toml"):
        "tests/test_theme.py::test_the_theme_docs_examples_work_as_written",
    ("docs/theme.md", 1, "python"):
        "tests/test_theme.py::test_the_theme_docs_examples_work_as_written",
}
# Blocks without a language are not code: nothing to run.
NOT_CODE: dict[tuple[str, int, str], str] = {
    ("docs/architecture.md", 0, ""): "a diagram of the data path",
    ("docs/reliability.md", 0, ""): "a measurement's printed output",
}

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.M | re.S,
)


class Block(NamedTuple):
    doc: str
    position: int  # 0-based, in document order
    lang: str
    text: str  # the block's lines, its list-item indent removed
    before: str  # the doc's text before the block


def fenced_blocks(doc: str) -> list[Block]:
    text = (ROOT / doc).read_text(encoding="utf-8")
    found = []
    for i, m in enumerate(FENCE.finditer(text)):
        indent = len(m["indent"])
        body = "".join(line[indent:] for line in m["body"].splitlines(keepends=True))
        found.append(Block(doc, i, m["lang"], body, text[: m.start()]))
    return found


def block(doc: str, index: int, lang: str) -> Block:
    """The claimed block; fails if it moved or changed language (update CLAIMS and the test)."""
    blocks = fenced_blocks(doc)
    assert index < len(blocks) and blocks[index].lang == lang, (
        f"{doc} block {index} is no longer a {lang} block: update CLAIMS and its test")
    return blocks[index]


def test_every_fenced_block_is_covered_by_a_test() -> None:
    found = {(b.doc, b.position, b.lang) for doc in DOCS for b in fenced_blocks(doc)}
    claimed = CLAIMS.keys() | NOT_CODE.keys()
    new = sorted(found - claimed)
    assert not new, (
        f"fenced blocks no test runs: {new}. Add a test that runs each as written (or checks it, "
        "if it cannot run here) and claim it in CLAIMS in tests/test_docs_examples.py")
    assert not claimed - found, f"claimed blocks that are gone: {sorted(claimed - found)}"
    assert all(lang == "" for _, _, lang in NOT_CODE), "a block with a language is code: run it"
    for where in (w for claim in CLAIMS.values() for w in claim.split(", ")):
        path, name = where.split("::")
        assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), f"no test {where}"


# -- the servers the shell examples start -------------------------------------------------------


@dataclass
class Server:
    """One documented command line running in a scratch folder on a free port."""

    argv: list[str]
    cwd: Path
    log: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    ready: bool = field(default=False)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, env: dict[str, str]) -> None:
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(self.argv, cwd=self.cwd, env=env, stdout=out,
                                         stderr=subprocess.STDOUT)

    def serving(self, health_under: str = "") -> str:
        """Wait until ``/_rr/health`` answers (under a mount prefix if given); ``host:port``."""
        assert self.proc is not None
        if not self.ready:
            try:
                wait_until_serving(self.proc, self.host + health_under, within=60)
            except AssertionError as e:
                raise AssertionError(f"{shlex.join(self.argv)}: {e}\n{self.log.read_text()}") from e
            self.ready = True
        return self.host

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def command_line(text: str) -> list[str]:
    """A documented shell command as argv: line continuations joined, a trailing ``&`` (start
    in the background) dropped, a comment dropped."""
    argv = shlex.split(text.replace("\\\n", " "), comments=True)
    return argv[:-1] if argv and argv[-1] == "&" else argv


def on_port(argv: list[str], port: int) -> list[str]:
    """The command on ``port``: its ``--port N`` replaced, or ``--port N`` appended."""
    if "--port" in argv:
        i = argv.index("--port")
        return [*argv[: i + 1], str(port), *argv[i + 2:]]
    return [*argv, "--port", str(port)]


def comment_command(source: str) -> str:
    """The command a Python example's first line names: ``# x.py — run with: <command>``."""
    found = re.match(r"# (\S+\.py) — run with: (.+)\n", source)
    assert found, source.splitlines()[0]
    return found[2]


def readme_app() -> str:
    return block("README.md", 0, "python").text


def mounting_example() -> str:
    return block("docs/deploy.md", 1, "python").text


TINY_SCRIPT = "import reactive_rerun as st\n\nst.header('Hello from app.py')\n"


class Servers:
    """Every server the docs' commands start, keyed by the command as written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.by_command: dict[tuple[str, str], Server] = {}

    def add(self, command: str, cwd: Path) -> None:
        key = (command.strip(), str(cwd))
        if key not in self.by_command:
            port = free_port()
            argv = on_port(command_line(command), port)
            log = self.folder / f"server-{len(self.by_command)}.log"
            self.by_command[key] = Server(argv, cwd, log, port)

    def __call__(self, command: str, cwd: Path) -> Server:
        return self.by_command[(command.strip(), str(cwd))]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch project: README's ``myapp.py``, deploy.md's ``service.py`` and an ``app.py``."""
    path = tmp_path_factory.mktemp("docs")
    (path / "myapp.py").write_text(readme_app())
    (path / "service.py").write_text(mounting_example())
    (path / "app.py").write_text(TINY_SCRIPT)
    return path


@pytest.fixture(scope="module")
def servers(folder: Path) -> Iterator[Servers]:
    """All documented command lines, started at once (they boot in parallel), stopped at the end.

    Commands run as written but for the port: ``--port N`` (a free port) replaces the one given
    or is appended, a trailing ``&`` is dropped. ``python`` is this interpreter, and its folder
    is first on PATH so ``uvicorn`` and ``reactive-rerun`` are its console scripts; PYTHONPATH
    puts this checkout first so the code under test is what runs.
    """
    all_ = Servers(folder)
    all_.add(comment_command(readme_app()), folder)
    all_.add(showcase_command(), ROOT)
    all_.add(block("docs/deploy.md", 0, "sh").text, folder)
    all_.add(comment_command(mounting_example()), folder)
    for line in block("docs/deploy.md", 3, "sh").text.splitlines():
        all_.add(line, folder)
    all_.add(block("docs/deploy.md", 6, "sh").text, folder)
    for command in scripts_commands():
        all_.add(command, folder)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    for server in all_.by_command.values():
        if server.argv[0] == "python":
            server.argv[0] = sys.executable
        server.start(env)
    try:
        yield all_
    finally:
        for server in all_.by_command.values():
            server.stop()


def session(host: str, path: str = "/_rr/ws", click: str | None = None,
            shows: Callable[[PageModel], bool] | None = None) -> PageModel:
    """Open a websocket session as the browser does and read frames until the first run ends;
    then click the button labelled ``click`` and read until the page ``shows`` what it should
    with no run in flight (a run that reruns itself ends twice)."""
    page = PageModel()
    with connect(f"ws://{host}{path}", origin=Origin(f"http://{host}"), open_timeout=30) as ws:

        def until(predicate: Callable[[PageModel], bool]) -> None:
            deadline = time.monotonic() + 30
            while not (predicate(page) and page.idle):
                page.apply_frame(json.loads(ws.recv(timeout=max(0.1, deadline - time.monotonic()))))

        ws.send(json.dumps(hello()))
        until(lambda p: True)
        if click is not None:
            ws.send(json.dumps({"t": "click", "id": page.widget(click)["id"]}))
            until(shows or (lambda p: True))
    assert page.errors == [] and page.violations == []
    return page


def base_href(host: str, path: str = "/") -> str:
    page = httpx.get(f"http://{host}{path}", timeout=10)
    assert page.status_code == 200, page.text
    found = re.search(r'<base href="([^"]*)">', page.text)
    assert found, page.text
    return found[1]


# -- README.md ------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_readme_app_runs_headless(folder: Path) -> None:
    """README's example is ``myapp.py``: its ``main`` draws "Title" and a click on Foo shows
    "Foo"."""
    spec = importlib.util.spec_from_file_location("myapp", folder / "myapp.py")
    assert spec is not None and spec.loader is not None
    myapp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(myapp)
    async with AppTest(myapp.main) as at:
        assert at.header.texts == ["Title"]
        await at.button("Foo").click()
        assert at.header.texts == ["Foo"]
        assert at.errors == []


def test_readme_app_serves_as_it_says(folder: Path, servers: Servers) -> None:
    """The uvicorn command ``myapp.py``'s first line gives serves it, a click included."""
    server = servers(comment_command(readme_app()), folder)
    assert server.argv[:2] == ["uvicorn", "myapp:app"]
    page = session(server.serving(), click="Foo", shows=lambda p: p.header == "Foo")
    assert page.header == "Foo"


def showcase_command() -> str:
    """README's set-up line without its ``pip install -e . &&`` (the suite runs installed)."""
    text = block("README.md", 1, "sh").text.strip()
    install, serve = text.split(" && ")
    assert install == "pip install -e ."
    return serve


def test_readme_showcase_command_serves(servers: Servers) -> None:
    host = servers(showcase_command(), ROOT).serving()
    assert "<title>showcase</title>" in httpx.get(f"http://{host}/", timeout=10).text
    page = session(host)
    assert "reactive_rerun showcase" in page.texts("title")
    assert not [e for e in page.shown() if e["k"] == "exception"]


def test_readme_test_command_is_ci() -> None:
    """``bash scripts/test`` is CI itself (``.ci/run`` execs it, and it runs this suite), so it
    is not run from inside the suite; this checks the README names what CI runs."""
    assert block("README.md", 2, "sh").text == "bash scripts/test\n"
    assert "exec bash scripts/test" in (ROOT / ".ci" / "run").read_text()
    assert (ROOT / "scripts" / "test").exists()


# -- docs/behaviour.md, docs/client.md, docs/scripts.md --------------------------------------------


@pytest.mark.anyio
async def test_behaviour_blocking_calls_example(caplog: pytest.LogCaptureFixture) -> None:
    """The blocking-call example runs both ways and never holds the event loop (the watchdog
    would log "held the event loop" for a bare ``time.sleep``)."""
    source = block("docs/behaviour.md", 0, "python").text
    namespace: dict[str, Any] = {}
    exec(compile(source, "docs/behaviour.md", "exec"), namespace)
    with caplog.at_level(logging.WARNING, logger="reactive_rerun"):
        async with AppTest(namespace["main"]) as at:
            assert at.text.texts == ["waited 0.2 s", "waited 0.1 s"]
            assert len(at.exception) == 0 and at.errors == []
    assert not [r for r in caplog.records if "held the event loop" in r.getMessage()]


def test_client_props_excerpt_is_real() -> None:
    """The ``props`` line client.md shows is the line of the module it names, verbatim."""
    excerpt = block("docs/client.md", 0, "js")
    names = re.findall(r"`(static/elements/\w+\.js)`", excerpt.before.rstrip().split("\n\n")[-1])
    assert len(names) == 1, "the paragraph before the excerpt must name the one module it quotes"
    (name,) = names
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    assert excerpt.text.strip() in lines, f"docs/client.md quotes a line {name} no longer has"


def scripts_commands() -> list[str]:
    """``reactive-rerun run app.py`` and the ``python -m reactive_rerun run app.py`` its comment
    offers."""
    text = block("docs/scripts.md", 0, "sh").text.strip()
    first, alternative = text.split("# or:")
    return [first.strip(), alternative.strip()]


def test_scripts_run_commands(servers: Servers, folder: Path) -> None:
    commands = scripts_commands()
    assert [shlex.split(c)[:2] for c in commands] == [["reactive-rerun", "run"], ["python", "-m"]]
    for command in commands:
        host = servers(command, folder).serving()
        assert "<title>app</title>" in httpx.get(f"http://{host}/", timeout=10).text
        assert session(host).header == "Hello from app.py"


# -- docs/deploy.md -------------------------------------------------------------------------------


def test_deploy_serving_command(servers: Servers, folder: Path) -> None:
    """deploy.md's first command serves README's ``myapp.py`` (it is the same command)."""
    command = block("docs/deploy.md", 0, "sh").text
    assert command.strip() == comment_command(readme_app())
    host = servers(command, folder).serving()
    assert session(host).header == "Title"


def test_deploy_mounting_example(servers: Servers, folder: Path) -> None:
    """Both mounted apps serve their page with ``<base href>`` at their mount path, and a
    websocket session works under each mount."""
    server = servers(comment_command(mounting_example()), folder)
    host = server.serving(health_under="/dash")
    for prefix, title in (("/dash", "Dashboard"), ("/admin", "Admin")):
        assert base_href(host, f"{prefix}/") == f"{prefix}/"
        assert httpx.get(f"http://{host}{prefix}/_rr/health", timeout=10).json()["status"] == "ok"
        assert session(host, f"{prefix}/_rr/ws").header == title
    assert httpx.get(f"http://{host}/_rr/health", timeout=10).status_code == 404


def test_deploy_two_backends(servers: Servers, folder: Path) -> None:
    """The two backends of the sticky-session set-up each serve, with the page's base href at
    the proxy's prefix (``--root-path /dash``)."""
    lines = block("docs/deploy.md", 3, "sh").text.splitlines()
    assert len(lines) == 2 and all(line.endswith(" &") for line in lines)
    for line in lines:
        host = servers(line, folder).serving()
        assert base_href(host) == "/dash/"
        assert session(host).header == "Title"


def test_deploy_behind_proxy_command(servers: Servers, folder: Path) -> None:
    """The hardened command (proxy headers, keep-alive, concurrency limit) starts and serves,
    under the proxy's prefix, a session included."""
    command = block("docs/deploy.md", 6, "sh").text
    argv = command_line(command)
    assert "--proxy-headers" in argv and "--forwarded-allow-ips=127.0.0.1" in argv
    host = servers(command, folder).serving()
    assert base_href(host) == "/dash/"
    page = session(host, click="Foo", shows=lambda p: p.header == "Foo")
    assert page.header == "Foo"


# nginx is not installed where the suite runs, so its blocks are not run (no `nginx -t`): they
# are parsed (every statement ends with ';' or opens a balanced '{' block) and what they name
# is checked against the uvicorn commands beside them: ports, the /dash prefix that
# `--root-path` restores, and the upstream, map and zone they use being defined.

Directive = tuple[list[str], list["Directive"] | None]


def nginx(text: str) -> list[Directive]:
    """Parse nginx configuration into (words, children or None) statements."""
    tokens = re.findall(r"'[^']*'|\"[^\"]*\"|[{};]|[^\s{};'\"]+", re.sub(r"#[^\n]*", "", text))
    stack: list[list[Directive]] = [[]]
    words: list[str] = []
    for token in tokens:
        if token == ";":
            assert words, "an empty statement"
            stack[-1].append((words, None))
            words = []
        elif token == "{":
            children: list[Directive] = []
            stack[-1].append((words, children))
            stack.append(children)
            words = []
        elif token == "}":
            assert not words, f"{words} is not ended by ';'"
            assert len(stack) > 1, "a '}' closes nothing"
            stack.pop()
        else:
            words.append(token)
    assert not words, f"{words} is not ended by ';'"
    assert len(stack) == 1, "a '{' is not closed"
    return stack[0]


def walk(tree: list[Directive]) -> Iterator[Directive]:
    for statement in tree:
        yield statement
        if statement[1] is not None:
            yield from walk(statement[1])


def named(tree: list[Directive], name: str) -> list[Directive]:
    return [s for s in walk(tree) if s[0][0] == name]


def deploy_nginx() -> list[list[Directive]]:
    return [nginx(b.text) for b in fenced_blocks("docs/deploy.md") if b.lang == "nginx"]


def check_proxies(tree: list[Directive], root_path: str) -> None:
    """Every location proxies to a defined upstream; a stripping ``proxy_pass .../`` sits under
    the prefix that uvicorn's ``--root-path`` puts back; upgrade headers use the defined map."""
    defined = {s[0][1] for config in deploy_nginx() for s in named(config, "upstream")}
    maps = {s[0][2] for config in deploy_nginx() for s in named(config, "map")}
    for words, children in named(tree, "location"):
        assert children is not None
        (proxy,) = [s[0][1] for s in children if s[0][0] == "proxy_pass"]
        upstream = re.fullmatch(r"http://(\w+)(/?)", proxy)
        assert upstream and upstream[1] in defined, proxy
        if upstream[2]:  # "http://rr_app/" strips the location's prefix
            assert words[1] == f"{root_path}/", (words, root_path)
        headers = {s[0][1]: s[0][2] for s in children if s[0][0] == "proxy_set_header"}
        assert headers["Connection"] in maps and headers["Upgrade"] == "$http_upgrade"
        assert headers["Host"] == "$host"  # the app's Origin check compares Origin with Host


def root_path(argv: list[str]) -> str:
    return argv[argv.index("--root-path") + 1]


def test_deploy_nginx_sticky() -> None:
    tree = nginx(block("docs/deploy.md", 2, "nginx").text)
    commands = [command_line(line) for line in block("docs/deploy.md", 3, "sh").text.splitlines()]
    (upstream,) = named(tree, "upstream")
    assert upstream[1] is not None
    servers = [s[0][1] for s in upstream[1] if s[0][0] == "server"]
    assert servers == [f"127.0.0.1:{argv[argv.index('--port') + 1]}" for argv in commands]
    assert {root_path(argv) for argv in commands} == {"/dash"}
    check_proxies(tree, "/dash")


def test_deploy_nginx_two_hosts() -> None:
    """The upstream's port is what ``reactive-rerun run`` listens on with the command its
    comment gives (on every interface, so another host can reach it)."""
    text = block("docs/deploy.md", 4, "nginx").text
    tree = nginx(text)
    (upstream,) = named(tree, "upstream")
    assert upstream[1] is not None
    ports = {s[0][1].rsplit(":", 1)[1] for s in upstream[1] if s[0][0] == "server"}
    (command,) = re.findall(r"# (reactive-rerun run .*)", text)
    args = cli_parser().parse_args(shlex.split(command)[1:])
    assert ports == {str(args.port)} and args.host == "0.0.0.0"
    assert args.session_store.startswith("redis://")
    check_proxies(tree, "")


def test_deploy_nginx_limits() -> None:
    """The limits config: its zone is defined, its location is the ``--root-path`` of the
    command under it, and it passes the real client address that command trusts."""
    tree = nginx(block("docs/deploy.md", 5, "nginx").text)
    argv = command_line(block("docs/deploy.md", 6, "sh").text)
    zones = {s[0][2].split("=")[1].split(":")[0] for s in named(tree, "limit_conn_zone")}
    assert {s[0][1] for s in named(tree, "limit_conn")} <= zones
    check_proxies(tree, root_path(argv))
    (location,) = named(tree, "location")
    assert location[1] is not None
    headers = {s[0][1]: s[0][2] for s in location[1] if s[0][0] == "proxy_set_header"}
    assert headers["X-Forwarded-For"] == "$remote_addr"
    assert "--proxy-headers" in argv
