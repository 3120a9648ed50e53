"""The Spark engine in local[2]: the same records and the same Parquet schema as the local engine."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from tests.helpers.batch_output import error_rows, parquet_records
from tests.helpers.builders import (
    TODAY,
    article_html,
    article_text,
    corrupt,
    warc_record_bytes,
    write_jsonl,
    write_warc,
)

from presslens.batch import run_batch
from presslens.batch.schema import document_schema

pytest.importorskip("pyspark")
pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def spark():
    """One quiet local[2] session for the module, stopped at teardown."""
    from presslens.batch.spark import spark_session

    session = spark_session("local[2]", app_name="presslens-tests")
    yield session
    session.stop()


def test_spark_and_local_engines_write_identical_records_and_schema(spark, tmp_path, settings) -> None:
    from presslens.batch.spark import run_spark

    records: list = [{"text": article_text(i), "id": f"a{i}"} for i in range(34)]
    records.insert(7, "{not json")
    jsonl = write_jsonl(tmp_path / "in.jsonl", records)
    members = [
        warc_record_bytes(True, f"https://news.example/{i}", article_html(i).encode()) for i in range(6)
    ]
    members.insert(3, corrupt(warc_record_bytes(True, "https://news.example/bad", article_html(9).encode())))
    warc = write_warc(tmp_path / "crawl.warc.gz", members)
    inputs = [str(jsonl), str(warc)]

    local = run_batch(inputs, tmp_path / "local", fmt="parquet", workers=2, settings=settings, today=TODAY)
    remote = run_spark(inputs, tmp_path / "spark", settings=settings, today=TODAY, spark=spark, partitions=4)

    assert (remote.records, remote.written, remote.failed) == (local.records, local.written, local.failed)
    assert (local.written, local.failed) == (40, 2)
    spark_schema = pq.read_schema(next((tmp_path / "spark" / "documents").glob("*.parquet")))
    assert spark_schema.remove_metadata().equals(document_schema())
    assert parquet_records(tmp_path / "spark") == parquet_records(tmp_path / "local")
    assert error_rows(tmp_path / "spark") == error_rows(tmp_path / "local")
