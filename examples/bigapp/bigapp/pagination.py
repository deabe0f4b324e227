"""A page of a query's rows, chosen by ?page=N&per_page=M, with the URLs of its neighbours."""

import re
from dataclasses import dataclass, field

from flask import abort, request, url_for
from sqlalchemy import Select, func, select

from .db import db

PER_PAGE = 20
MAX_PER_PAGE = 100
#: ASCII digits only (int() takes "٣" and " 3" too), and few enough to fit in 64 bits.
WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


@dataclass
class Page:
    number: int
    per_page: int
    total: int
    items: list = field(default_factory=list)

    @property
    def last(self):
        """The number of the last page; an empty list has one page, empty."""
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.last

    def url(self, number, **options):
        """The URL of page ``number`` of the same list, at the same size."""
        args = {**request.view_args, "page": number, "per_page": self.per_page}
        return url_for(request.endpoint, **args, **options)

    def links(self, **options):
        """``{"prev": url, "next": url}``, for the neighbours that exist."""
        found = {}
        if self.has_prev:
            found["prev"] = self.url(self.number - 1, **options)
        if self.has_next:
            found["next"] = self.url(self.number + 1, **options)
        return found


def number_arg(name, default, highest=None):
    """The query argument ``name``, a whole number from 1 (to ``highest``), else a 400."""
    text = request.args.get(name, str(default))
    if not WHOLE_NUMBER.fullmatch(text) or int(text) < 1:
        abort(400, f"{name} must be a whole number from 1 (18 digits at most).")
    if highest is not None and int(text) > highest:
        abort(400, f"{name} must be at most {highest}.")
    return int(text)


def paginate(query: Select) -> Page:
    """The page of ``query`` the request asks for; a page past the last one is a 404.

    ``query`` must be ordered by columns that no two rows share, such as the primary
    key last: with ties, the database may order them differently for each page.
    """
    number, per_page = number_arg("page", 1), number_arg("per_page", PER_PAGE, MAX_PER_PAGE)
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    page = Page(number, per_page, total)
    if page.number > page.last:
        abort(404, f"There is no page {page.number}: the last is {page.last}.")
    offset = (page.number - 1) * page.per_page
    page.items = list(db.session.scalars(query.limit(page.per_page).offset(offset)))
    return page
