"""SQLAlchemy 2 (ORM select, Core text() with bound parameters) and pandas.read_sql,
over the psycopg and pg8000 dialects. (The Inspector's catalog queries are tested with
the pg_catalog emulation.)"""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Nation(Base):
    __tablename__ = "nation"
    n_nationkey: Mapped[int] = mapped_column(primary_key=True)
    n_name: Mapped[str]
    n_regionkey: Mapped[int]


@pytest.fixture(params=["psycopg", "pg8000"])
def engine(request, dsn):
    engine = sa.create_engine(dsn.replace("postgresql://", f"postgresql+{request.param}://"))
    yield engine
    engine.dispose()


def test_orm_select(engine):
    with Session(engine) as session:
        query = sa.select(Nation).where(Nation.n_regionkey == 1).order_by(Nation.n_nationkey)
        assert [n.n_name for n in session.scalars(query)] == ["ARGENTINA", "BRAZIL", "CANADA", "PERU", "UNITED STATES"]
        assert session.get(Nation, 7).n_name == "GERMANY"


def test_core_text_with_bound_parameters(engine):
    with engine.connect() as conn:
        count = conn.execute(sa.text("select count(*) from orders where o_orderstatus = :s and o_totalprice > :p"),
                             {"s": "F", "p": 100000}).scalar()
        assert count == 46546


def test_pandas_read_sql(engine):
    frame = pd.read_sql(sa.text("select n_nationkey, n_name from nation where n_regionkey = :r order by 1"),
                        engine, params={"r": 2})
    assert list(frame.columns) == ["n_nationkey", "n_name"]
    assert frame["n_name"].tolist() == ["INDIA", "INDONESIA", "JAPAN", "CHINA", "VIETNAM"]
    assert str(frame["n_nationkey"].dtype) == "int64"
