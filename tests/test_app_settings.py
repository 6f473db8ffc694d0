"""App settings and context (issue: run Streamlit apps as they are): page config, secrets,
query parameters, and what the browser said about itself."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import reactive_rerun as rr
from reactive_rerun.client_info import ClientInfo
from reactive_rerun.secrets import Secrets
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_set_page_config_reaches_the_page_and_a_reconnect() -> None:
    async def main() -> None:
        rr.set_page_config(page_title="Sales", page_icon="📈", layout="wide",
                           initial_sidebar_state="collapsed")
        rr.header("body")

    async with AppTest(main) as at:
        assert at.page.settings == {
            "title": "Sales", "icon": "📈", "layout": "wide", "sidebar": "collapsed",
        }
        assert at.session is not None
        snapshot = at.session.data.page.snapshot()
        assert '"op":"page"' in snapshot[1]  # a client that reconnects gets the settings first


async def test_set_page_config_refuses_an_unknown_layout() -> None:
    async def main() -> None:
        rr.set_page_config(layout="huge")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        assert "layout must be" in at.exception[0].props["message"]


async def test_query_params_read_the_url_at_session_start_and_writes_update_it() -> None:
    seen: list[object] = []

    async def main() -> None:
        seen.append((rr.query_params.get("tab"), rr.query_params.get_all("tag")))
        if rr.button("Pick"):
            rr.query_params["tab"] = "details"
            rr.query_params.tag = ["x", "y"]
        if rr.button("Clear"):
            rr.query_params.clear()
        rr.button("Again")

    client = ClientInfo(url="http://host/app/?tab=summary&tag=a&tag=b")
    async with AppTest(main, client=client) as at:
        assert seen == [("summary", ["a", "b"])]
        await at.button("Pick").click()
        assert at.page.query == "?tab=details&tag=x&tag=y"
        assert rr.query_params.__class__.__name__ == "QueryParams"
        await at.button("Clear").click()
        assert at.page.query == ""
        await at.button("Again").click()
        assert seen[-1] == (None, [])


async def test_context_tells_headers_cookies_url_locale_and_timezone() -> None:
    found: dict[str, object] = {}

    async def main() -> None:
        ctx = rr.context
        found.update(
            agent=ctx.headers["user-agent"], cookie=ctx.cookies.get("theme"), url=ctx.url,
            locale=ctx.locale, tz=ctx.timezone, offset=ctx.timezone_offset, ip=ctx.ip_address,
        )

    client = ClientInfo(
        url="http://host/", raw_headers=[(b"user-agent", b"probe/1"), (b"cookie", b"theme=dark")],
        ip_address="10.1.2.3", locale="de-DE", timezone="Europe/Berlin", timezone_offset=-60,
    )
    async with AppTest(main, client=client):
        assert found == {
            "agent": "probe/1", "cookie": "dark", "url": "http://host/", "locale": "de-DE",
            "tz": "Europe/Berlin", "offset": -60, "ip": "10.1.2.3",
        }


def test_secrets_read_toml_beside_the_script_with_a_clear_error_for_a_missing_key(
    tmp_path: Path,
) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        'api_key = "k-123"\n[database]\nuser = "ada"\nport = 5432\n'
    )
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        secrets = Secrets()
        assert secrets["api_key"] == "k-123" and secrets.api_key == "k-123"
        assert secrets.database.user == "ada" and secrets["database"]["port"] == 5432
        assert "k-123" not in repr(secrets)
        with pytest.raises(KeyError, match='no key "missing".*secrets.toml'):
            secrets["missing"]
        with pytest.raises(AttributeError, match='no key "password"'):
            secrets.database.password  # noqa: B018
    finally:
        os.chdir(before)


async def test_page_icon_from_an_image_file_or_bytes_travels_as_a_data_url(
    tmp_path: Path,
) -> None:
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    )
    (tmp_path / "icon.png").write_bytes(png)
    (tmp_path / "app.py").write_text(
        "import reactive_rerun as st\n"
        "st.set_page_config(page_icon='icon.png')\n"
        "st.header('with an icon')\n"
    )
    async with AppTest.from_file(tmp_path / "app.py") as at:
        icon = at.page.settings["icon"]
        assert icon.startswith("data:image/png;base64,")

    async def from_bytes() -> None:
        rr.set_page_config(page_icon=png)

    async with AppTest(from_bytes) as at:
        assert at.page.settings["icon"].startswith("data:image/png;base64,")

    async def missing() -> None:
        rr.set_page_config(page_icon="nope.png")

    async with AppTest(missing) as at:
        assert "no such image file" in at.exception[0].props["message"]
