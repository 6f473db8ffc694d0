# after streamlit/docs/python/api-examples-source/st-experimental-connection/0.84/demos/tic_tac_toe.py
# draws: a 3x3 board of buttons in columns, whose turn it is, the winner when there is one,
# and a "New game" button; moves go through session_state and st.rerun().
import reactive_rerun as st

st.title("Tic-tac-toe")
if "board" not in st.session_state:
    st.session_state.board = [["."] * 3 for _ in range(3)]
    st.session_state.next = "X"
    st.session_state.winner = None

def winner(board):
    lines = [[(r, c) for c in range(3)] for r in range(3)]
    lines += [[(r, c) for r in range(3)] for c in range(3)]
    lines += [[(i, i) for i in range(3)], [(i, 2 - i) for i in range(3)]]
    for line in lines:
        marks = {board[r][c] for r, c in line}
        if len(marks) == 1 and "." not in marks:
            return marks.pop()
    return None


def play(r, c):
    s = st.session_state
    if s.board[r][c] == "." and not s.winner:
        s.board[r][c] = s.next
        s.next = "O" if s.next == "X" else "X"
        s.winner = winner(s.board)


for r in range(3):
    cols = st.columns(3)
    for c in range(3):
        cols[c].button(st.session_state.board[r][c], key=f"cell-{r}-{c}", on_click=play, args=(r, c))

if st.session_state.winner:
    st.success(f"{st.session_state.winner} won!")
else:
    st.write(f"Next: {st.session_state.next}")
if st.button("New game"):
    del st.session_state.board
    st.rerun()
