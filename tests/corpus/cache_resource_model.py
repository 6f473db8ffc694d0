# after streamlit/docs "st.cache_resource" pattern (one shared model object, e.g.
# fkd-streamlit/ocr-rag-streamlit loading a model once)
# draws: a text area, a "model" shared by every session (built once), and its prediction.
import reactive_rerun as st


class SentimentModel:
    GOOD = {"good", "great", "love", "nice"}
    BAD = {"bad", "awful", "hate", "poor"}

    def predict(self, text):
        words = set(text.lower().split())
        score = len(words & self.GOOD) - len(words & self.BAD)
        return "positive" if score > 0 else "negative" if score < 0 else "neutral"


@st.cache_resource
def get_model():
    return SentimentModel()


st.title("Sentiment")
text = st.text_area("Review", "I love this great phone")
model = get_model()
st.subheader(f"Prediction: {model.predict(text)}")
st.caption(f"model object {id(model) == id(get_model())}")
