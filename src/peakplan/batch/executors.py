"""Where a batch's jobs run, behind one small interface: :meth:`Executor.run` takes the jobs and
yields each :class:`~peakplan.batch.jobs.JobResult` as it finishes (any order); ``close`` ends
the workers. Both executors run the same :func:`~peakplan.batch.jobs.solve_job`.

- ``local`` (the default): a process pool, one single-threaded solve per core; each worker
  imports the solver and reads the presets once (its initializer). Ctrl-C stops the workers at
  once. A worker that dies (out of memory, a crash) breaks the pool: the jobs not yet back are
  run once more in a new pool, then reported as ERROR.
- ``ray``: tasks of one CPU each on an existing Ray cluster (``address``) or on a local Ray
  instance with ``num_cpus`` CPUs. Ray is imported only here (``pip install "peakplan[ray]"``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any

from peakplan.batch.jobs import Job, JobResult, init_local_worker, solve_job
from peakplan.errors import InputError

EXECUTORS = ("local", "ray")
RAY_MISSING = ("--executor ray needs Ray, which is not installed in this Python environment. Install the extra "
               "with `pip install \"peakplan[ray]\"` (from a checkout: `pip install \".[ray]\"`), or leave out "
               "--executor to use the local process pool, which needs nothing more. On a cluster, every node "
               "needs the same peakplan and Ray versions (docs/batch.md).")
WORKER_DIED = ("the worker process solving this athlete died (out of memory, or a crash in the solver), twice; "
               "run the batch again to retry it, with fewer --jobs if memory is short")


def cores() -> int:
    """The cores this process may use (its CPU affinity, else the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Executor:
    """Run jobs, yield results as they finish. Use as a context manager (``close`` on exit)."""

    name = "executor"

    @property
    def workers(self) -> int:
        raise NotImplementedError

    def run(self, jobs: Sequence[Job]) -> Iterator[JobResult]:
        raise NotImplementedError

    def close(self) -> None:
        """End the workers (also after Ctrl-C)."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LocalExecutor(Executor):
    name = "local"

    def __init__(self, workers: int | None = None):
        self._workers = workers or cores()
        self._pool: ProcessPoolExecutor | None = None

    @property
    def workers(self) -> int:
        return self._workers

    def _new_pool(self, n_jobs: int) -> ProcessPoolExecutor:
        # forkserver: workers do not inherit the parent's threads (the progress bar's) mid-fork, and
        # they fork from a server that imported the solver once, so a new pool starts in milliseconds.
        context: BaseContext = multiprocessing.get_context("spawn")
        if "forkserver" in multiprocessing.get_all_start_methods():
            server = multiprocessing.get_context("forkserver")
            server.set_forkserver_preload(["peakplan.batch.jobs", "peakplan.planner"])
            context = server
        self._pool = ProcessPoolExecutor(max(1, min(self._workers, n_jobs)), mp_context=context,
                                         initializer=init_local_worker)
        return self._pool

    def run(self, jobs: Sequence[Job]) -> Iterator[JobResult]:
        remaining = list(jobs)
        for attempt in range(2):
            if not remaining:
                return
            pool = self._new_pool(len(remaining))
            futures: dict[Future[JobResult], Job] = {pool.submit(solve_job, job): job for job in remaining}
            done: set[str] = set()
            try:
                for future in as_completed(futures):
                    result = future.result()
                    done.add(result.athlete)
                    yield result
            except BrokenProcessPool:
                remaining = [job for job in remaining if job.athlete not in done]
                self.close()
                if attempt == 1:
                    yield from (JobResult(job.athlete, "ERROR", error=WORKER_DIED) for job in remaining)
                continue
            except BaseException:  # Ctrl-C, or the caller stopped reading: stop the solves now
                self.close()
                raise
            self._pool = None
            pool.shutdown()
            return

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if hasattr(pool, "terminate_workers"):  # Python 3.14+
            pool.terminate_workers()
            return
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


class RayExecutor(Executor):
    name = "ray"

    def __init__(self, address: str | None = None, num_cpus: int | None = None):
        """Ray is imported here (a clear error without it); the cluster is joined or started on first use,
        so a batch with nothing left to solve never waits for it."""
        try:
            import ray
        except ImportError:
            raise InputError(RAY_MISSING) from None
        self._ray: Any = ray
        self._address, self._num_cpus = address, num_cpus
        self._started = False         # we started (or joined) Ray, so we shut it down
        self._remote: Any = None

    def _connect(self) -> Any:
        if self._remote is None:
            if not self._ray.is_initialized():  # else: the caller's own Ray session (a notebook), left running
                _start_ray(self._ray, self._address, self._num_cpus)
                self._started = True
            self._remote = self._ray.remote(num_cpus=1, max_retries=1)(solve_job)
        return self._remote

    @property
    def workers(self) -> int:
        self._connect()
        return max(1, int(self._ray.cluster_resources().get("CPU", 1)))

    def run(self, jobs: Sequence[Job]) -> Iterator[JobResult]:
        ray, remote = self._ray, self._connect()
        waiting = list(reversed(jobs))
        window = 2 * self.workers  # a few queued per CPU: busy workers, few plans held in the object store
        pending: dict[Any, Job] = {}
        try:
            while waiting or pending:
                while waiting and len(pending) < window:
                    job = waiting.pop()
                    pending[remote.remote(job)] = job
                ready, _ = ray.wait(list(pending), num_returns=1)
                job = pending.pop(ready[0])
                try:
                    yield ray.get(ready[0])
                except ray.exceptions.RayError as exc:
                    yield JobResult(job.athlete, "ERROR", error=f"Ray could not run this athlete's solve: "
                                                               f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
        except BaseException:
            for ref in pending:
                ray.cancel(ref, force=True)
            raise

    def close(self) -> None:
        if self._started and self._ray.is_initialized():
            self._ray.shutdown()
        self._started, self._remote = False, None


def _start_ray(ray: Any, address: str | None, num_cpus: int | None) -> None:
    """Join the cluster at ``address``, or start a local instance of ``num_cpus`` CPUs without a dashboard."""
    own = {} if address else {"num_cpus": num_cpus or cores(), "include_dashboard": False}
    try:
        ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False, **own)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        if not address:
            raise InputError(f"--executor ray: could not start a local Ray instance ({exc}); see Ray's log in "
                             "/tmp/ray, or use --executor local.") from None
        raise InputError(f"--address {address}: cannot connect to a Ray cluster there ({exc}). Check the address "
                         "(HOST:6379; auto for the cluster `ray start` began on this machine; ray://HOST:10001 with "
                         "ray[client] installed); for a cluster with token authentication set RAY_AUTH_MODE=token and "
                         "give its token (~/.ray/auth_token or RAY_AUTH_TOKEN); or leave out --address for a local Ray "
                         "instance.") from None


def check_options(name: str, address: str | None) -> None:
    """InputError for an unknown executor, or an --address without Ray (checked before any work)."""
    if name not in EXECUTORS:
        raise InputError(f"--executor {name}: use one of {', '.join(EXECUTORS)}.")
    if address and name != "ray":
        raise InputError(f"--address {address}: is the address of a Ray cluster; add --executor ray.")


def make_executor(name: str, workers: int | None = None, address: str | None = None) -> Executor:
    """The executor called ``name``; InputError for bad options or a Ray that cannot be had."""
    check_options(name, address)
    return RayExecutor(address, workers) if name == "ray" else LocalExecutor(workers)
