from flask import Flask

app = Flask(__name__)


@app.route("/recipes/")
def recipes():
    # Like a folder: /recipes redirects here.
    return "All the recipes"


@app.route("/faq")
def faq():
    # Like a file: /faq/ does not exist.
    return "Frequently asked questions"
