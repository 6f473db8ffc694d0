"""The seed's "container" pattern: a later write fills a container created earlier."""

import reactive_rerun as rr


async def main() -> None:
    if "value" not in rr.session_state:
        rr.session_state.value = "Title"
    container = rr.container()
    if rr.button("Baz"):
        rr.session_state.value = "Baz"
    container.header(rr.session_state.value)


app = rr.App(main, title="container pattern")
