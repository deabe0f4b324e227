"""The tables: shelves hold books."""

from sqlalchemy import ForeignKey, Index, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    # Constraints get names from these patterns, the same on every database, so a
    # migration can name the one it drops or changes.
    metadata = MetaData(
        naming_convention={
            "pk": "pk_%(table_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        }
    )


class Shelf(Base):
    __tablename__ = "shelf"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    books: Mapped[list["Book"]] = relationship(back_populates="shelf", order_by="Book.id")

    def to_json(self):
        return {"id": self.id, "name": self.name}


class Book(Base):
    __tablename__ = "book"
    # The order of the list of books (api.py): the database reads a page from the
    # index in that order, instead of sorting the whole table for every page.
    __table_args__ = (Index(None, "year", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]
    shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))
    shelf: Mapped[Shelf] = relationship(back_populates="books")

    def to_json(self):
        return {"id": self.id, "title": self.title, "year": self.year, "shelf_id": self.shelf_id}
