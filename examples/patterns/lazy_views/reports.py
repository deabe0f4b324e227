"""The report views: the module a lazy app imports only when a report is first asked for."""

import statistics  # stands for a slow import, such as a data-frame or plotting library

from flask import abort

SALES = {2024: [120, 90, 150], 2025: [130, 160, 160]}  # units sold, per quarter so far


def years():
    return {"years": sorted(SALES)}


def yearly(year):
    if year not in SALES:
        abort(404)
    figures = SALES[year]
    return {"year": year, "total": sum(figures), "mean": statistics.mean(figures)}
