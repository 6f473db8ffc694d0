"""Multipage apps (SPEC §14): a pages/ folder or st.navigation; switching keeps the session."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reactive_rerun.client_info import ClientInfo
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def write(path: Path, source: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source))
    return path


@pytest.fixture
def folder_app(tmp_path: Path) -> Path:
    main = write(tmp_path / "Home.py", """
        import reactive_rerun as st
        st.session_state.visits = st.session_state.get("visits", 0) + 1
        st.header("Home")
        st.page_link("pages/2_Plotting_Demo.py", label="To the plot")
    """)
    write(tmp_path / "pages" / "2_Plotting_Demo.py", """
        import reactive_rerun as st
        st.header("Plotting")
        if st.button("Back home"):
            st.switch_page("Home.py")
    """)
    write(tmp_path / "pages" / "1_📈_Data.py", """
        import reactive_rerun as st
        st.header(f"Data after {st.session_state.visits} home visits")
    """)
    return main


async def test_a_pages_folder_makes_a_menu_ordered_by_number_and_labelled_by_name(
    folder_app: Path,
) -> None:
    async with AppTest.from_file(folder_app) as at:
        (menu,) = at.navigation
        assert [(p["title"], p["path"]) for p in menu.props["pages"]] == [
            ("Home", ""), ("📈 Data", "Data"), ("Plotting Demo", "Plotting_Demo"),
        ]
        assert menu.path.startswith("s.")  # in the sidebar
        assert menu.props["current"] == "" and at.header.texts == ["Home"]


async def test_switching_pages_keeps_the_session_and_updates_the_address_bar(
    folder_app: Path,
) -> None:
    async with AppTest.from_file(folder_app) as at:
        await at.navigate("Data")
        assert at.header.texts == ["Data after 1 home visits"]
        assert at.page.path == "Data"
        await at.navigate("")  # back home
        assert at.header.texts == ["Home"] and at.session_state["visits"] == 2
        link = at.page_link[0]
        assert link.props["path"] == "Plotting_Demo" and link.props["label"] == "To the plot"
        await at.navigate(link.props["path"])
        await at.button("Back home").click()  # st.switch_page
        assert at.header.texts == ["Home"] and at.page.path == ""


async def test_a_page_url_loads_that_page_directly(folder_app: Path) -> None:
    client = ClientInfo(url="http://host/app/Plotting_Demo")
    async with AppTest.from_file(folder_app, client=client) as at:
        assert at.header.texts == ["Home"]  # the harness's session starts without a page path
    # the web adapter passes the page path from hello; the session starts on it
    from reactive_rerun.script import ScriptFile
    from reactive_rerun.session import Session

    session = Session(ScriptFile(folder_app))
    session.introduce(client, new=True, page="Plotting_Demo")
    assert session.data.page_name == "Plotting_Demo"


async def test_st_navigation_with_functions_files_sections_and_an_unknown_path(
    tmp_path: Path,
) -> None:
    write(tmp_path / "about.py", "import reactive_rerun as st\nst.header('About page')\n")
    main = write(tmp_path / "app.py", """
        import reactive_rerun as st

        def dashboard():
            st.header("Dashboard")

        def settings():
            st.header("Settings")

        pg = st.navigation({
            "Main": [st.Page(dashboard, icon="📊"), st.Page("about.py", title="About")],
            "Admin": [st.Page(settings, url_path="admin")],
        })
        st.sidebar.caption("shared by every page")
        pg.run()
    """)
    async with AppTest.from_file(main) as at:
        assert at.header.texts == ["Dashboard"]
        pages = at.navigation[0].props["pages"]
        assert [(p["section"], p["title"], p["path"]) for p in pages] == [
            ("Main", "dashboard", ""), ("Main", "About", "about"), ("Admin", "settings", "admin"),
        ]
        await at.navigate("admin")
        assert at.header.texts == ["Settings"] and at.caption.texts == ["shared by every page"]
        await at.navigate("about")
        assert at.header.texts == ["About page"]
        await at.navigate("no-such-page")
        assert at.header.texts == ["Dashboard"] and at.page.path == ""


async def test_st_navigation_in_an_async_script_awaits_its_pages(tmp_path: Path) -> None:
    main = write(tmp_path / "app.py", """
        import asyncio
        import reactive_rerun as st

        async def first():
            await asyncio.sleep(0)
            st.header("First")

        def second():
            st.header("Second")

        pg = st.navigation([st.Page(first), st.Page(second)], position="hidden")
        await pg.run()
    """)
    async with AppTest.from_file(main) as at:
        assert at.header.texts == ["First"] and at.navigation == []
        await at.navigate("second")
        assert at.header.texts == ["Second"]
