"""Notes in Redis: a counter for the ids and a hash of JSON documents."""

import json

import notes_api
from flask import Flask
from redis import Redis


class RedisNotes:
    def __init__(self, url):
        # One client for the app: its pool lends a connection to each command.
        self.redis = Redis.from_url(url, decode_responses=True)

    def add(self, title, tags):
        note_id = self.redis.incr("notes:last-id")  # atomic: no id is given twice
        note = {"id": note_id, "title": title, "tags": tags}
        self.redis.hset("notes", note["id"], json.dumps(note))
        return note

    def get(self, note_id):
        found = self.redis.hget("notes", note_id)
        return None if found is None else json.loads(found)

    def all(self):
        notes = [json.loads(found) for found in self.redis.hvals("notes")]
        return sorted(notes, key=lambda note: note["id"])


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(REDIS_URL="redis://127.0.0.1:6379/0")
    app.config.from_mapping(test_config)
    notes_api.init_app(app, RedisNotes(app.config["REDIS_URL"]))
    return app
