"""`monitor schedule`: APScheduler 3.x in the foreground, one job, the same pass as `monitor run`."""

from __future__ import annotations

import logging
import signal

from .config import Settings
from .errors import MonitorError

logger = logging.getLogger(__name__)
JOB_ID = "monitor-run"


def _job(settings: Settings) -> None:
    from .runner import run_pass

    try:
        report, _ = run_pass(settings)
        logger.warning("run %d: %s; digest: %s", report.run_id, report.summary(), report.digest_path or "none")
    except MonitorError as exc:  # the next tick tries again; the failure is in the log
        logger.error("run failed: %s", exc)


def cron_trigger(expr: str):
    """Five fields as in crontab; a sixth, leading field gives seconds ("*/5 * * * * *")."""
    from apscheduler.triggers.cron import CronTrigger

    fields = expr.split()
    if len(fields) == 6:
        second, minute, hour, day, month, dow = fields
        return CronTrigger(second=second, minute=minute, hour=hour, day=day, month=month, day_of_week=dow,
                           timezone="UTC")
    return CronTrigger.from_crontab(expr, timezone="UTC")


def run_scheduler(settings: Settings) -> None:
    from apscheduler.schedulers.blocking import BlockingScheduler

    try:
        trigger = cron_trigger(settings.schedule["cron"])
    except ValueError as exc:
        raise MonitorError(f"{settings.path}: schedule.cron {settings.schedule['cron']!r}: {exc}") from None
    scheduler = BlockingScheduler(timezone="UTC")
    scheduler.add_job(_job, trigger, args=[settings], id=JOB_ID, coalesce=True, max_instances=1,
                      misfire_grace_time=int(settings.schedule["misfire_grace"]), replace_existing=True)

    def stop(signum, _frame):
        logger.warning("signal %d: stopping after the current run", signum)
        scheduler.shutdown(wait=True)
        logger.warning("scheduler stopped")

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    logger.warning("scheduler started: %s (UTC)", settings.schedule["cron"])
    scheduler.start()
