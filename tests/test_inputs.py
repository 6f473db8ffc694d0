"""The date, time, colour and choice inputs: values, parameters, and bad client values."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from test_widgets import _refused, set_msg

import reactive_rerun as rr
from reactive_rerun.testing import AppTest

pytestmark = pytest.mark.anyio

D = dt.date


def shows(values: list[Any]) -> None:
    rr.text(json.dumps(values, default=str))


async def test_date_input_returns_a_date_sent_as_iso() -> None:
    async def main() -> None:
        shows([rr.date_input("Day", D(2024, 5, 1), min_value=D(2024, 1, 1),
                             max_value=D(2024, 12, 31), format="DD.MM.YYYY")])

    async with AppTest(main) as at:
        el = at.date_input("Day")
        assert el.props["value"] == "2024-05-01"
        assert (el.props["min"], el.props["max"], el.props["format"]) == (
            "2024-01-01", "2024-12-31", "DD.MM.YYYY")
        assert at.text.texts == ['["2024-05-01"]']
        await el.set_value(D(2024, 6, 2))
        assert at.date_input("Day").value == D(2024, 6, 2)
        assert at.text.texts == ['["2024-06-02"]']


async def test_date_input_range_returns_a_tuple() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append(rr.date_input("Trip", (D(2024, 5, 1), D(2024, 5, 3))))

    async with AppTest(main) as at:
        assert seen[-1] == (D(2024, 5, 1), D(2024, 5, 3))
        assert at.date_input("Trip").props["range"] is True
        await at.date_input("Trip").set_value((D(2024, 5, 2), D(2024, 5, 9)))
        assert seen[-1] == (D(2024, 5, 2), D(2024, 5, 9))
        await at.date_input("Trip").set_value((D(2024, 5, 4),))  # the user picked the start only
        assert seen[-1] == (D(2024, 5, 4),)


async def test_date_input_defaults_to_today_and_may_start_empty() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append((rr.date_input("a"), rr.date_input("b", value=None)))

    async with AppTest(main):
        assert seen[-1] == (dt.date.today(), None)


@pytest.mark.parametrize(("kwargs", "needle"), [
    ({"format": "YY/MM/DD"}, "format"),
    ({"value": "May 1st"}, "not a date"),
    ({"value": D(2030, 1, 1), "max_value": D(2029, 1, 1)}, "after the maximum"),
    ({"min_value": D(2024, 2, 1), "max_value": D(2024, 1, 1)}, "after max_value"),
    ({"label_visibility": "gone"}, "label_visibility"),
])
async def test_date_input_refuses_bad_parameters(kwargs: dict[str, Any], needle: str) -> None:
    async def main() -> None:
        rr.date_input("d", **kwargs)

    async with AppTest(main) as at:
        assert len(at.exception) == 1 and needle in at.exception[0].props["message"]


async def test_time_input_returns_a_time_on_its_step() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append(rr.time_input("At", dt.time(9, 30), step=dt.timedelta(minutes=30)))

    async with AppTest(main) as at:
        assert at.time_input("At").props["value"] == "09:30"
        assert at.time_input("At").props["step"] == 1800
        await at.time_input("At").set_value(dt.time(14, 0))
        assert seen[-1] == dt.time(14, 0)


async def test_time_input_now_rounds_down_to_the_step() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append(rr.time_input("now", step=3600))

    async with AppTest(main):
        assert seen[-1].minute == 0 and seen[-1].second == 0


async def test_datetime_input_returns_a_datetime() -> None:
    seen: list[Any] = []
    start = dt.datetime(2024, 5, 1, 9, 0)

    async def main() -> None:
        seen.append(rr.datetime_input("When", start, min_value=start,
                                      max_value=dt.datetime(2024, 6, 1)))

    async with AppTest(main) as at:
        el = at.datetime_input("When")
        assert (el.props["value"], el.props["min"]) == ("2024-05-01T09:00", "2024-05-01T09:00")
        await el.set_value(dt.datetime(2024, 5, 20, 17, 45))
        assert seen[-1] == dt.datetime(2024, 5, 20, 17, 45)


async def test_color_picker_returns_hex_and_widens_short_hex() -> None:
    seen: list[Any] = []

    async def main() -> None:
        seen.append((rr.color_picker("Fill", "#0af"), rr.color_picker("Line")))

    async with AppTest(main) as at:
        assert seen[-1] == ("#00aaff", "#000000")
        await at.color_picker("Fill").set_value("#123456")
        assert seen[-1] == ("#123456", "#000000")


async def test_color_picker_refuses_a_bad_value() -> None:
    async def main() -> None:
        rr.color_picker("c", "red")

    async with AppTest(main) as at:
        assert "not a hex colour" in at.exception[0].props["message"]


async def test_select_slider_takes_any_options_through_format_func() -> None:
    seen: list[Any] = []
    sizes = [dt.timedelta(hours=h) for h in (1, 2, 4, 8)]

    async def main() -> None:
        seen.append(rr.select_slider("Span", sizes, value=sizes[1],
                                     format_func=lambda d: f"{d.seconds // 3600} h"))
        seen.append(rr.select_slider("Band", ["XS", "S", "M", "L"], value=("S", "L")))

    async with AppTest(main) as at:
        assert seen[-2:] == [sizes[1], ("S", "L")]
        assert at.select_slider("Span").props["options"] == ["1 h", "2 h", "4 h", "8 h"]
        await at.select_slider("Span").set_value("8 h")
        await at.select_slider("Band").set_value(("XS", "M"))
        assert seen[-2:] == [sizes[3], ("XS", "M")]


@pytest.mark.parametrize("kind", ["pills", "segmented_control"])
async def test_pills_and_segmented_control_single_and_multi(kind: str) -> None:
    seen: list[Any] = []

    async def main() -> None:
        fn = getattr(rr, kind)
        seen.append((fn("One", ["a", "b", "c"]),
                     fn("Many", ["a", "b", "c"], selection_mode="multi", default=["c"]),
                     fn("Must", [1, 2], required=True, format_func=lambda n: f"#{n}")))

    async with AppTest(main) as at:
        assert seen[-1] == (None, ["c"], 1)
        one = at.elements(kind)("One")
        await one.set_value("b")
        await at.elements(kind)("Many").set_value(["c", "a"])
        await at.elements(kind)("Must").set_value("#2")
        assert seen[-1] == ("b", ["c", "a"], 2)
        await at.elements(kind)("One").set_value(None)
        assert seen[-1][0] is None


async def test_label_visibility_and_help_reach_the_page() -> None:
    async def main() -> None:
        rr.date_input("hidden", label_visibility="hidden", help="pick **a** day")
        rr.pills("collapsed", ["a"], label_visibility="collapsed")

    async with AppTest(main) as at:
        assert at.date_input("hidden").props["label_visibility"] == "hidden"
        assert at.date_input("hidden").props["help"] == "pick **a** day"
        assert at.pills("collapsed").props["label_visibility"] == "collapsed"


async def inputs_app() -> None:
    rr.date_input("date", D(2024, 5, 1), min_value=D(2024, 1, 1), max_value=D(2024, 12, 31))
    rr.date_input("dates", (D(2024, 5, 1), D(2024, 5, 3)))
    rr.time_input("time", dt.time(9, 0), step=900)
    rr.datetime_input("datetime", dt.datetime(2024, 5, 1, 9), max_value=dt.datetime(2025, 1, 1))
    rr.color_picker("color")
    rr.select_slider("sel", ["a", "b", "c"])
    rr.select_slider("selr", ["a", "b", "c"], value=("a", "b"))
    rr.pills("pills", ["a", "b"], required=True)
    rr.segmented_control("seg", ["a", "b"], selection_mode="multi")
    rr.date_input("off", D(2024, 5, 1), disabled=True)


@pytest.mark.parametrize(
    ("kind", "label", "value", "needle"),
    [
        ("date_input", "date", "2024/05/02", "expected a date as YYYY-MM-DD"),
        ("date_input", "date", "2024-02-30", "day is out of range"),
        ("date_input", "date", "2025-01-01", "after the maximum 2024-12-31"),
        ("date_input", "date", None, "expected a date"),
        ("date_input", "dates", ["2024-05-03", "2024-05-01"], "after its end"),
        ("date_input", "dates", "2024-05-03", "list of at most two dates"),
        ("time_input", "time", "09:07", "not on a step of 900 seconds"),
        ("time_input", "time", "25:00", "hour must be in 0..23"),
        ("time_input", "time", 900, "expected a time"),
        ("datetime_input", "datetime", "2026-01-01T00:00", "after the maximum"),
        ("datetime_input", "datetime", "2024-05-01 09:00", "expected a date and time"),
        ("color_picker", "color", "red", "expected a colour as #rrggbb"),
        ("color_picker", "color", "#12345g", "expected a colour as #rrggbb"),
        ("select_slider", "sel", 3, "out of range"),
        ("select_slider", "sel", None, "expected an option index"),
        ("select_slider", "selr", [2, 0], "above its high index"),
        ("pills", "pills", None, "an option is required"),
        ("pills", "pills", "a", "expected an option index"),
        ("segmented_control", "seg", [0, 0], "distinct"),
        ("segmented_control", "seg", 0, "list of option indices"),
        ("date_input", "off", "2024-05-02", "disabled"),
    ],
)
async def test_a_bad_value_for_a_new_input_is_refused_and_changes_nothing(
    kind: str, label: str, value: Any, needle: str
) -> None:
    async with AppTest(inputs_app) as at:
        await _refused(at, set_msg(at, kind, label, value), kind, needle)


async def test_button_types_include_tertiary_and_a_bad_type_is_an_api_error() -> None:
    async def main() -> None:
        rr.button("plain", type="tertiary")
        rr.button("odd", type="loud")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        assert at.button("plain").props["kind"] == "tertiary"
        assert "'primary', 'secondary' or 'tertiary'" in at.exception[0].props["message"]


async def test_label_visibility_is_checked_on_every_widget() -> None:
    async def main() -> None:
        rr.slider("s", label_visibility="collapsed")
        rr.checkbox("c", label_visibility="nope")  # type: ignore[arg-type]

    async with AppTest(main) as at:
        assert at.slider("s").props["label_visibility"] == "collapsed"
        assert "label_visibility must be one of" in at.exception[0].props["message"]
