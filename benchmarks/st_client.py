"""Load client for Streamlit's own websocket protocol: protobuf over ``/_stcore/stream``.

Uses the protobuf modules bundled in the ``streamlit`` package (an optional ``[bench]``
extra). Like the browser frontend it selects the ``streamlit`` subprotocol, starts the first
run with ``BackMsg.rerun_script`` (empty widget states), learns button ids from the
``new_element`` deltas, and clicks by sending ``rerun_script`` with the button's
``trigger_value`` (and the fragment id for a button inside a fragment). A run is finished
on ``script_finished`` ``FINISHED_SUCCESSFULLY`` or ``FINISHED_FRAGMENT_RUN_SUCCESSFULLY``;
``FINISHED_EARLY_FOR_RERUN`` (``st.rerun()``, or a click pre-empting a run) does not count.
"""

from __future__ import annotations

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from . import wsraw
from .driver import ClientSession

FINISHED_SUCCESSFULLY = 0
FINISHED_WITH_COMPILE_ERROR = 1
FINISHED_EARLY_FOR_RERUN = 2
FINISHED_FRAGMENT_RUN_SUCCESSFULLY = 3


def markdown_bodies(payload: bytes) -> list[bytes]:
    """The end of the body of a ``markdown`` element in a ForwardMsg's ``new_element`` delta
    (as UTF-8), or nothing: what S11 scans for the tokens a frame carries. ``write_stream``
    resends the whole text so far with each token, so its last 32 characters hold the newest."""
    msg = ForwardMsg.FromString(payload)
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return []
    el = msg.delta.new_element
    if el.WhichOneof("type") != "markdown":
        return []
    return [el.markdown.body[-32:].encode()]


class STSession(ClientSession):
    framework = "st"

    def __init__(self, host: str, port: int) -> None:
        super().__init__(host, port)
        self.page_script_hash = ""
        self.session_id = ""  # new_session.initialize.session_id (U1's upload URL)
        self.fragment_of: dict[str, str] = {}  # button label -> fragment id
        self.finishes: dict[int, int] = {}
        self.messages = 0
        self._clicks: dict[tuple[str, bool], bytes] = {}

    async def _open(self) -> None:
        self.conn = await wsraw.connect(
            self.host, self.port, "/_stcore/stream", self._message, subprotocol="streamlit"
        )
        self.conn.on_close = self._lost
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        self.conn.send_binary(msg.SerializeToString())

    def _click(self, label: str) -> None:
        assert self.conn is not None
        data = self._clicks.get((label, True))
        if data is None:
            msg = BackMsg()
            state = msg.rerun_script
            state.query_string = ""
            state.page_script_hash = self.page_script_hash
            ws = state.widget_states.widgets.add()
            ws.id = self.buttons[label]
            ws.trigger_value = True
            fid = self.fragment_of.get(label)
            if fid:
                state.fragment_id = fid
            data = msg.SerializeToString()
            self._clicks[(label, True)] = data
        self.conn.send_binary(data)

    def _submit(self, label: str, text: str) -> None:
        """A chat_input submission: ``rerun_script`` with the widget's value (Streamlit's
        frontend sends ``chat_input_value``; older versions a ``string_trigger_value``).
        Not run here: streamlit was not installed when this was written."""
        assert self.conn is not None
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = ""
        state.page_script_hash = self.page_script_hash
        ws = state.widget_states.widgets.add()
        ws.id = self.buttons[label]
        if "chat_input_value" in ws.DESCRIPTOR.fields_by_name:
            ws.chat_input_value.data = text
        else:
            ws.string_trigger_value.data = text
        self.conn.send_binary(msg.SerializeToString())

    def _message(self, opcode: int, payload: bytes) -> None:
        if opcode != wsraw.OP_BINARY:
            self._error("text frame from server")
            return
        self.messages += 1
        msg = ForwardMsg.FromString(payload)
        kind = msg.WhichOneof("type")
        if kind == "delta":
            delta = msg.delta
            if not self.completed and delta.WhichOneof("type") == "new_element":
                el = delta.new_element
                if el.WhichOneof("type") == "button":
                    self.buttons[el.button.label] = el.button.id
                    if delta.fragment_id:
                        self.fragment_of[el.button.label] = delta.fragment_id
                elif el.WhichOneof("type") == "chat_input":
                    self.buttons[el.chat_input.placeholder] = el.chat_input.id
                elif el.WhichOneof("type") == "exception":
                    self._error(f"script raised {el.exception.type}: {el.exception.message}")
        elif kind == "script_finished":
            status = msg.script_finished
            self.finishes[status] = self.finishes.get(status, 0) + 1
            if status in (FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                self._run_finished()
            elif status == FINISHED_WITH_COMPILE_ERROR:
                self._error("script failed to compile")
        elif kind == "new_session":
            if msg.new_session.initialize.session_id:
                self.session_id = msg.new_session.initialize.session_id
            if msg.new_session.page_script_hash:
                self.page_script_hash = msg.new_session.page_script_hash
        elif kind == "session_event":
            ev = msg.session_event
            if ev.WhichOneof("type") == "script_compilation_exception":
                self._error("script compilation exception")
