"""One page built from three calls to slow services: awaited together, or made in turn."""

import asyncio
import time

from flask import Flask, current_app

app = Flask(__name__)
app.config["SERVICE_DELAY"] = 0.1  # seconds each service takes to answer

SERVICES = ("weather", "news", "calendar")


async def ask_async(service, events):
    """Stands for a request with an async client (httpx, aiohttp): it waits without blocking."""
    events.append(f"{service} started")
    await asyncio.sleep(current_app.config["SERVICE_DELAY"])
    events.append(f"{service} finished")
    return f"{service}: ok"


def ask(service, events):
    """The same request with a blocking client (urllib, requests): the thread waits."""
    events.append(f"{service} started")
    time.sleep(current_app.config["SERVICE_DELAY"])
    events.append(f"{service} finished")
    return f"{service}: ok"


@app.get("/together")
async def together():
    started = time.monotonic()
    events = []
    answers = await asyncio.gather(*(ask_async(service, events) for service in SERVICES))
    # started and finished are read on the server's clock, to put requests in order.
    return {"answers": answers, "events": events, "started": started, "finished": time.monotonic()}


@app.get("/one-by-one")
async def one_by_one():
    started = time.monotonic()
    events = []
    answers = [await ask_async(service, events) for service in SERVICES]  # each await ends first
    return {"answers": answers, "events": events, "started": started, "finished": time.monotonic()}


@app.get("/in-turn")
def in_turn():
    started = time.monotonic()
    events = []
    answers = [ask(service, events) for service in SERVICES]
    return {"answers": answers, "events": events, "started": started, "finished": time.monotonic()}
