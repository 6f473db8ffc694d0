"""The seed's "rerun" pattern: the button sets the value, then reruns at once."""

import reactive_rerun as rr


async def main() -> None:
    if "value" not in rr.session_state:
        rr.session_state.value = "Title"
    rr.header(rr.session_state.value)
    if rr.button("Foo"):
        rr.session_state.value = "Foo"
        rr.rerun()


app = rr.App(main, title="rerun pattern")
