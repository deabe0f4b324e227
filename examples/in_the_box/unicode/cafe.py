from io import BytesIO

from flask import Flask, render_template, request, send_file

app = Flask(__name__)


@app.get("/café/<name>")
def greet(name):
    return render_template("greet.html", name=name, drink=request.args.get("drink", "thé"))


@app.post("/order")
def order():
    name = request.form["name"]
    return {"name": name, "characters": len(name)}


@app.get("/menu")
def menu():
    text = "Café crème 3 €\nThé vert 2,50 €\n"
    return send_file(
        BytesIO(text.encode()),
        mimetype="text/plain",
        as_attachment=True,
        download_name="carte du café.txt",
    )
