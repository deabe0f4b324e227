"""The jobs a worker runs.

RQ stores a job's function by its module path, ``jobs.import_prices``; the worker
imports it. Start the worker in this folder, where ``import jobs`` works.
"""

import csv
import json
import os
import tempfile
from pathlib import Path

from flask import current_app
from prices import create_app


def import_prices(text):
    """Check every line of a price list, then replace the stored list with it.

    A bad line raises ValueError, and the job fails: nothing is stored.
    """
    prices = {}
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row:
            continue
        if len(row) != 2:
            raise ValueError(f"line {number}: expected a name and a price in cents")
        name, cents = row[0].strip(), row[1].strip()
        if not 1 <= len(name) <= 40:
            raise ValueError(f"line {number}: a name has 1 to 40 characters")
        if not (cents.isdecimal() and len(cents) <= 7 and 1 <= int(cents) <= 1_000_000):
            raise ValueError(f"line {number}: {cents!r} is not a price in cents")
        prices[name] = int(cents)
    # The job runs in the worker, outside any request: it makes its own app
    # context to read the app's configuration.
    with create_app().app_context():
        save(Path(current_app.config["PRICES_FILE"]), prices)
    return {"imported": len(prices)}


def save(path, prices):
    """Write the file whole, or not at all: readers never see half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False) as file:
        json.dump(prices, file)
    os.replace(file.name, path)
