#!/usr/bin/env python3
"""tigang inside PySpark: every text of a folder → its rows (one per numbered point) → a Spark
DataFrame → Parquet, then the row count read back from the Parquet.

    python rows_to_parquet.py FOLDER OUT.parquet          # local mode, all cores
    SPARK_MASTER=spark://host:7077 python rows_to_parquet.py hdfs:///speeches hdfs:///points.parquet

The executors need the tigang wheel installed (pip install tigang-*.whl on each node, or ship a
venv with --archives); the files are read with binaryFiles, so FOLDER may be on HDFS or S3.
"""
import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql.types import BooleanType, LongType, StringType, StructField, StructType

COLUMNS = [
    ("source", StringType()), ("speech", LongType()), ("speech_title", StringType()),
    ("path", StringType()), ("depth", LongType()), ("marker", StringType()),
    ("family", StringType()), ("number", LongType()), ("title", StringType()),
    ("parent", StringType()), ("breadcrumb", StringType()), ("line", LongType()),
    ("byte_start", LongType()), ("byte_end", LongType()), ("char_start", LongType()),
    ("char_end", LongType()), ("inline", BooleanType()),
]
SCHEMA = StructType([StructField(name, kind, True) for name, kind in COLUMNS])


def rows_of_files(files):
    """(path, bytes) pairs → row tuples; an input tigang refuses is reported and left out."""
    import tigang

    for path, data in files:
        try:
            found = tigang.rows(bytes(data), os.path.basename(path), dataframe=False)
        except ValueError as e:
            print(f"tigang: {e}", file=sys.stderr)
            continue
        for r in found:
            yield tuple(r[name] for name, _ in COLUMNS)


def main():
    folder, out = sys.argv[1], sys.argv[2]
    # Local mode runs the workers with this interpreter, which has tigang installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(os.environ.get("SPARK_MASTER", "local[*]"))
             .appName("tigang-rows").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    files = spark.sparkContext.binaryFiles(folder)
    df = spark.createDataFrame(files.mapPartitions(rows_of_files), SCHEMA)
    df.write.mode("overwrite").parquet(out)
    n = spark.read.parquet(out).count()
    print(f"wrote {n} rows to {out}")
    spark.stop()


if __name__ == "__main__":
    main()
