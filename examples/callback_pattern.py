"""The seed's "callback" pattern: the callback runs before the script body."""

import reactive_rerun as rr


def update_value() -> None:
    rr.session_state.value = "Bar"


async def main() -> None:
    if "value" not in rr.session_state:
        rr.session_state.value = "Title"
    rr.header(rr.session_state.value)
    rr.button("Bar", on_click=update_value)


app = rr.App(main, title="callback pattern")
