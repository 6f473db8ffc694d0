"""rr.pyplot, rr.graphviz_chart and rr.map: what they send."""

from __future__ import annotations

import pytest

import reactive_rerun as rr
from reactive_rerun.elements import graphviz as gv
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_pyplot_sends_a_png_and_closes_the_figure() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    async def main() -> None:
        fig, ax = plt.subplots(figsize=(2, 1))
        ax.plot([1, 2, 3])
        await rr.pyplot(fig)
        plt.figure(figsize=(1, 1))
        plt.plot([3, 1])
        await rr.pyplot(clear_figure=False)

    async with AppTest(main) as at:
        first, second = at.pyplot
        src = first.props["src"]
        assert at.session is not None
        assert src.startswith(f"_rr/media/{at.session.id}/")  # served, not inline
        file = at.session.live.media.get(src.rsplit("/", 1)[1])
        assert file is not None and file.mimetype == "image/png"
        assert (await file.content())[:8] == b"\x89PNG\r\n\x1a\n"
        assert 100 < first.props["px_width"] < 250  # about 2 inches at 100 CSS px an inch
        assert first.props["width"] == "stretch"
        assert len(plt.get_fignums()) == 1  # the given figure closed, the kept one still open
    plt.close("all")


async def test_a_default_looking_figure_is_drawn_for_light_and_dark_pages() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kept, ax = plt.subplots(figsize=(2, 1))
    ax.set_title("kept")

    async def main() -> None:
        await rr.pyplot(kept, clear_figure=False)
        with plt.style.context("dark_background"):
            styled, ax2 = plt.subplots(figsize=(2, 1))
            ax2.plot([1, 2])
        await rr.pyplot(styled)
        red = plt.figure(figsize=(1, 1), facecolor="red")
        await rr.pyplot(red)

    async with AppTest(main) as at:
        plain, styled, red = at.pyplot
        assert plain.props["src_dark"] and plain.props["src_dark"] != plain.props["src"]
        assert styled.props["src_dark"] is None and red.props["src_dark"] is None
        assert at.session is not None
        png = await at.session.live.media.get(plain.props["src"].rsplit("/", 1)[1]).content()
        assert png[25] == 6  # colour type 6: RGBA, the background is transparent
    # the figure the script kept looks as it did
    assert kept.get_facecolor() == (1, 1, 1, 1) and ax.title.get_color() == "black"
    plt.close("all")


def test_pyplot_in_a_plain_script_renders_in_its_thread() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from reactive_rerun.testing import SyncAppTest

    def main() -> None:
        plt.plot([1, 2])
        rr.pyplot()

    with SyncAppTest(main) as at:
        assert at.pyplot[0].props["src"].startswith("_rr/media/")
    assert plt.get_fignums() == []


async def test_graphviz_shows_the_dot_source_without_graphviz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gv.shutil, "which", lambda name: None)

    class Digraph:
        source = "digraph { a -> b }"

    async def main() -> None:
        await rr.graphviz_chart("graph { x -- y }")
        await rr.graphviz_chart(Digraph(), use_container_width=True)

    async with AppTest(main) as at:
        one, two = at.graphviz
        assert one.props["dot"] == "graph { x -- y }" and one.props["src"] is None
        assert two.props["dot"] == "digraph { a -> b }" and two.props["width"] == "stretch"


async def test_map_reads_lat_lon_columns_and_drops_missing_points() -> None:
    async def main() -> None:
        rr.map({"LAT": [1.0, None, 3.0], "lon": [4.0, 5.0, 6.0], "c": ["#f00", "#0f0", "#00f"]},
               color="c", size=50)
        rr.map({"y": [1], "x": [2]}, latitude="y", longitude="x")
        rr.map({"a": [1]})

    async with AppTest(main) as at:
        one, two = at.map
        assert one.props["lat"] == [1.0, 3.0] and one.props["lon"] == [4.0, 6.0]
        assert one.props["colors"] == ["#f00", "#00f"] and one.props["sizes"] == 50.0
        assert two.props["lat"] == [1] and two.props["lon"] == [2]
        assert "needs a latitude column" in at.exception[0].props["message"]
