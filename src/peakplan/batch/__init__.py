"""Many athletes: ``peakplan batch INPUT -o OUTDIR`` (docs/batch.md).

The pieces, in the order data flows through them:

- ``table.py``: a CSV or YAML table of athletes (one row each, columns are dotted scenario paths)
- ``athletes.py``: INPUT (a folder of scenario files, or a table over a base scenario) as
  :class:`Athlete` records, each a resolved scenario or a one-paragraph input error
- ``jobs.py``: the one solve code both executors run (:func:`solve_job`), and what it returns
- ``executors.py``: the local process pool and Ray behind one small interface
- ``outdir.py``: the output folder: plan files, the resume manifest, the summary table
- ``runner.py``: resume, run, record, in input order

Only ``jobs.solve_job`` (in the workers) imports OR-Tools, and only ``executors.RayExecutor``
imports Ray.
"""
