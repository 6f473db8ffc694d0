"""A chat app: a local fake model streams its replies; the history lives in session_state.

Run it with ``uvicorn examples.chat:app``. Send a message while a reply streams: the reply
completes, then the new message is answered. The Stop control cancels a reply; what it
wrote so far stays in the history.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import reactive_rerun as rr

TOKEN_DELAY = 0.03  # seconds between the fake model's tokens (tests set it)


async def fake_model(prompt: str) -> AsyncIterator[str]:
    """Stream a reply word by word, like an LLM client's stream."""
    words = (
        f"You said **{prompt}**. Here is a longer reply, streamed one word at a time, so you "
        "can watch it arrive, send another message meanwhile, or press Stop."
    ).split(" ")
    for i, word in enumerate(words):
        await asyncio.sleep(TOKEN_DELAY)
        yield word if i == 0 else " " + word


async def main() -> None:
    rr.title("Chat")
    rr.caption("A local fake model streaming with asyncio.sleep.")
    history: list[dict[str, str]] = rr.session_state.setdefault("history", [])
    for message in history:
        with rr.chat_message(message["role"]):
            rr.markdown(message["content"])
    if prompt := rr.chat_input("Ask anything"):
        history.append({"role": "user", "content": prompt})
        with rr.chat_message("user"):
            rr.markdown(prompt)
        with rr.chat_message("assistant"):
            parts: list[str] = []

            async def tee() -> AsyncIterator[str]:
                async for part in fake_model(prompt):
                    parts.append(part)
                    yield part

            try:
                await rr.write_stream(tee(), cursor="▌")
            finally:  # a stopped reply keeps what was streamed so far
                history.append({"role": "assistant", "content": "".join(parts)})


app = rr.App(main, title="Chat")
