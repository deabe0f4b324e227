"""examples/patterns/lazy_views/reports.py: the report views, called through the lazy app."""

import pytest


@pytest.fixture
def app(example):
    from lazy import app

    return app


def test_years_lists_the_years_with_sales(client):
    assert client.get("/reports/").json == {"years": [2024, 2025]}


@pytest.mark.parametrize(("year", "total", "mean"), [(2024, 360, 120), (2025, 450, 150)])
def test_a_year_s_total_and_mean(client, year, total, mean):
    assert client.get(f"/reports/{year}").json == {"year": year, "total": total, "mean": mean}


@pytest.mark.parametrize("path", ["/reports/1999", "/reports/-1", "/reports/twenty"])
def test_a_year_without_sales_is_a_404(client, path):
    assert client.get(path).status_code == 404
