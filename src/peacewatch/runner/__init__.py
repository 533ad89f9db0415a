"""The runner: reads sources, runs the pipeline over them in batches (in this process, on local
processes or on a Dask cluster), stores the reports and fuses their events into incidents."""
