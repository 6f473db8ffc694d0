"""rr.pydeck_chart: the deck's JSON reaches the page, Streamlit's parameters, and selections
checked against the deck's own layers and rows (tests/data/pydeck_scatter.json is pydeck 0.9.3's
``Deck.to_json()`` of four cities)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio
SPEC: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "pydeck_scatter.json")
                                  .read_text())


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class FakeDeck:
    """Anything with pydeck's ``to_json()`` and ``_tooltip`` is drawn like a ``pydeck.Deck``."""

    def __init__(self, spec: dict[str, Any], tooltip: Any = True) -> None:
        self.spec, self._tooltip = spec, tooltip

    def to_json(self) -> str:
        return json.dumps(self.spec)


async def test_the_decks_json_and_tooltip_reach_the_page() -> None:
    async def main() -> None:
        rr.pydeck_chart(FakeDeck(SPEC, {"text": "{name}"}), height=300, width=600, alt="cities")
        rr.pydeck_chart({**SPEC, "tooltip": {"html": "<b>{name}</b>"}}, use_container_width=True)
        rr.pydeck_chart(FakeDeck(SPEC))  # pydeck's default tooltip=True: none, as in Streamlit
        rr.pydeck_chart()

    async with AppTest(main) as at:
        one, two, three, empty = at.pydeck
        assert one.props["spec"] == SPEC and one.props["tooltip"] == {"text": "{name}"}
        assert (one.props["height"], one.props["width"], one.props["alt"]) == (300, 600, "cities")
        assert one.props["id"] is None and one.props["selection_mode"] == "single-object"
        assert two.props["tooltip"] == {"html": "<b>{name}</b>"} and "tooltip" not in two.props[
            "spec"]
        assert two.props["width"] == "stretch" and two.props["height"] == 500
        assert three.props["tooltip"] is None
        assert empty.props["spec"]["initialViewState"]["zoom"] == 1 and at.errors == []


async def test_bad_parameters_are_refused() -> None:
    async def main() -> None:
        for bad in [{"height": 0}, {"width": "content"}, {"selection_mode": "box"},
                    {"on_select": "always"}, {"alt": 3}]:
            with pytest.raises(rr.errors.APIError):
                rr.pydeck_chart(SPEC, **bad)
        with pytest.raises(rr.errors.APIError, match="pydeck Deck"):
            rr.pydeck_chart("deck")
        with pytest.raises(rr.errors.APIError, match="layers"):
            rr.pydeck_chart({"layers": "x"})
        with pytest.raises(rr.errors.APIError, match="JSON"):
            rr.pydeck_chart({"layers": [{"data": [object()]}]})

    async with AppTest(main) as at:
        assert at.errors == [] and at.pydeck == []


async def test_a_click_returns_streamlits_selection_with_the_rows() -> None:
    async def main() -> None:
        rr.session_state.runs = rr.session_state.get("runs", 0) + 1
        rr.session_state.one = rr.pydeck_chart(SPEC, on_select="rerun", key="deck")
        rr.session_state.many = rr.pydeck_chart(SPEC, on_select="rerun",
                                                selection_mode="multi-object")

    async with AppTest(main) as at:
        one, many = at.pydeck
        empty = {"selection": {"indices": {}, "objects": {}}}
        assert at.session_state.one == empty and at.session_state.many == empty
        await one.set_value({"indices": {"cities": [1]}})
        event = at.session_state.one
        assert event.selection.indices == {"cities": [1]}
        assert event.selection.objects["cities"][0]["name"] == "Munich"
        assert at.session_state["deck"] == event and at.session_state.runs == 2
        await many.set_value({"indices": {"cities": [3, 0]}, "objects": {"cities": ["forged"]}})
        picked = at.session_state.many.selection
        assert [row["name"] for row in picked.objects["cities"]] == ["Hamburg", "Berlin"]
        assert at.pydeck[1].props["selection"]["indices"] == {"cities": [3, 0]}


async def test_a_bad_selection_is_refused_and_changes_nothing() -> None:
    async def main() -> None:
        rr.session_state.runs = rr.session_state.get("runs", 0) + 1
        rr.session_state.event = rr.pydeck_chart(SPEC, on_select="rerun")

    async with AppTest(main) as at:
        bad_values: list[Any] = [
            {"indices": {"towns": [0]}},  # no such layer
            {"indices": {"cities": [4]}},  # four rows
            {"indices": {"cities": [-1]}}, {"indices": {"cities": ["0"]}},
            {"indices": {"cities": [True]}}, {"indices": {"cities": [0, 1]}},  # single-object
            {"indices": {"cities": [0, 0]}}, {"rows": []}, [0], "cities",
        ]
        for bad in bad_values:
            await at.send({"t": "set", "id": at.pydeck[0].id, "v": bad})
        assert len(at.page.errors) == len(bad_values) and at.session_state.runs == 1
        assert at.session_state.event == {"selection": {"indices": {}, "objects": {}}}


async def test_a_kept_selection_lets_go_of_rows_the_new_data_lacks() -> None:
    async def main() -> None:
        spec = json.loads(json.dumps(SPEC))
        spec["layers"][0]["data"] = spec["layers"][0]["data"][: 2 if rr.button("Fewer") else 4]
        rr.session_state.event = rr.pydeck_chart(spec, on_select="rerun", key="deck",
                                                 selection_mode="multi-object")

    async with AppTest(main) as at:
        await at.pydeck[0].set_value({"indices": {"cities": [0, 3]}})
        assert at.session_state.event.selection.indices == {"cities": [0, 3]}
        await at.button[0].click()
        assert at.session_state.event.selection.indices == {"cities": [0]}
        assert at.pydeck[0].props["spec"]["layers"][0]["data"][1]["name"] == "Munich"


async def test_rows_behind_a_url_come_from_the_client_as_plain_json() -> None:
    spec = {"layers": [{"@@type": "GeoJsonLayer", "id": "shapes", "data": "shapes.json",
                        "pickable": True}]}

    async def main() -> None:
        rr.session_state.event = rr.pydeck_chart(spec, on_select="rerun")

    async with AppTest(main) as at:
        await at.send({"t": "set", "id": at.pydeck[0].id, "v": {"indices": {"shapes": [7]}}})
        assert len(at.page.errors) == 1  # no row given for a row the server cannot see
        await at.pydeck[0].set_value({"indices": {"shapes": [7]},
                                      "objects": {"shapes": [{"name": "park"}]}})
        assert at.session_state.event.selection.objects == {"shapes": [{"name": "park"}]}


async def test_a_real_pydeck_deck() -> None:
    pdk = pytest.importorskip("pydeck")
    layer = pdk.Layer("ScatterplotLayer", data=[{"lat": 1.0, "lon": 2.0}] * 3, id="dots",
                      get_position="[lon, lat]", pickable=True)
    deck = pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=1, longitude=2,
                                                                      zoom=5),
                    tooltip={"text": "{lat}"})

    async def main() -> None:
        rr.session_state.event = rr.pydeck_chart(deck, on_select="rerun")

    async with AppTest(main) as at:
        props = at.pydeck[0].props
        assert props["spec"]["layers"][0]["getPosition"] == "@@=[lon, lat]"
        assert props["spec"]["initialViewState"]["zoom"] == 5
        assert props["tooltip"] == {"text": "{lat}"}
        await at.pydeck[0].set_value({"indices": {"dots": [2]}})
        assert at.session_state.event.selection.objects == {"dots": [{"lat": 1.0, "lon": 2.0}]}


async def test_a_geojson_collections_features_are_its_rows() -> None:
    park = {"type": "Feature", "properties": {"name": "park"},
            "geometry": {"type": "Point", "coordinates": [0, 0]}}
    spec = {"layers": [{"@@type": "GeoJsonLayer", "id": "shapes", "pickable": True,
                        "data": {"type": "FeatureCollection", "features": [park]}}]}

    async def main() -> None:
        rr.session_state.event = rr.pydeck_chart(spec, on_select="rerun")

    async with AppTest(main) as at:
        await at.pydeck[0].set_value({"indices": {"shapes": [0]}})
        assert at.session_state.event.selection.objects == {"shapes": [park]}
