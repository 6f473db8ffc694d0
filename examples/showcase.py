"""Every element, widget and container, on one page."""

import asyncio

import reactive_rerun as rr


def shout() -> None:
    rr.session_state.name = rr.session_state.name.upper()


async def main() -> None:
    rr.title("reactive_rerun showcase")
    rr.caption("An async script, rerun top to bottom on every interaction.")

    with rr.sidebar:
        rr.header("Sidebar")
        rr.radio("Plan", ["Free", "Pro", "Team"], key="plan")
        rr.caption("Light, dark or your system's look: the ⋮ menu at the top right.")
        rr.toggle("Compact", key="compact")

    rr.header("Text")
    rr.markdown("Some **Markdown** with `code`, a [link](https://example.com) and a list:\n\n"
                "- one\n- two\n\n<b>raw HTML stays text</b>")
    rr.text("Plain text keeps   its spacing.")
    rr.code("async def main():\n    # one run of the script\n    name = rr.text_input('Name')\n"
            "    rr.header(f'Hello, {name}!' if name else 'Hello')", language="python",
            line_numbers=True)
    rr.json({"session": "abc", "runs": [1, 2, 3], "ok": True, "user": {"name": "Ada", "id": 7}},
            expanded=1)
    rr.divider()
    rr.info("Info: something to know.")
    rr.success("Success: it worked.")
    rr.warning("Warning: careful.")
    rr.error("Error: it broke.")

    rr.header("Widgets")
    name = rr.text_input("Your name", key="name", placeholder="Ada")
    rr.button("Shout it", on_click=shout, type="primary")
    if name:
        rr.write(f"Hello, **{name}**!")
    notes = rr.text_area("Notes", placeholder="Anything...")
    age = rr.number_input("Age", min_value=0, max_value=130, value=30)
    level = rr.slider("Level", 0, 10, 5)
    span = rr.slider("Range", 0.0, 1.0, (0.25, 0.75))
    fruit = rr.selectbox("Fruit", ["apple", "banana", "cherry"])
    colors = rr.multiselect("Colours", ["red", "green", "blue"], default=["green"])
    agree = rr.checkbox("I agree")
    rr.write({"notes": len(notes), "age": age, "level": level, "range": span,
              "fruit": fruit, "colours": colors, "agree": agree})

    rr.header("Layout")
    left, right = rr.columns([2, 1])
    left.markdown("A wide column.")
    right.button("Narrow column button")
    tab_a, tab_b = rr.tabs(["First tab", "Second tab"])
    tab_a.write("Content of the first tab.")
    tab_b.write("Content of the second tab.")
    with rr.expander("More details"):
        rr.write("Hidden until opened.")
    slot = rr.empty()
    slot.text("placeholder text, replaced below")
    slot.success("The empty slot holds one element.")
    with rr.form("signup"):
        email = rr.text_input("Email")
        plan = rr.radio("Plan", ["Free", "Pro"], horizontal=True)
        if rr.form_submit_button("Sign up", type="primary"):
            rr.success(f"Signed up {email or 'nobody'} on {plan}.")

    if rr.button("Slow work"):
        async with rr.spinner("Working..."):
            await asyncio.sleep(1.0)
        rr.success("Done.")


app = rr.App(main, title="showcase")
