# after streamlit/docs/python/api-examples-source/st-experimental-connection/0.84/demos/todo_list.py
# draws: a to-do list in session_state, a text input whose on_change callback adds an item,
# one checkbox per item in a narrow column, and a success box once every item is done.
import reactive_rerun as st

st.header("✅ To-do list")

if "todos" not in st.session_state:
    st.session_state.todos = [
        {"description": "Water the plants", "done": True},
        {"description": "Write the report", "done": False},
    ]


def add_todo():
    if st.session_state.new_todo:
        st.session_state.todos.append({"description": st.session_state.new_todo, "done": False})
        st.session_state.new_todo = ""


st.text_input("What do you need to do?", on_change=add_todo, key="new_todo")

left, right = st.columns([0.1, 0.9])
all_done = True
for i, todo in enumerate(st.session_state.todos):
    todo["done"] = left.checkbox(f"done {i}", value=todo["done"], key=f"todo-{i}")
    if todo["done"]:
        right.markdown(f"~~{todo['description']}~~")
    else:
        all_done = False
        right.markdown(todo["description"])

if all_done:
    st.success("Nice job on finishing all to-do items!")
