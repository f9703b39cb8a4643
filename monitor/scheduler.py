"""`monitor schedule`: APScheduler 3.x in the foreground, one job, the same pass as `monitor run`."""

from __future__ import annotations

import logging
import signal
from datetime import datetime, timezone

from .config import Settings
from .errors import ConfigError, MonitorError

logger = logging.getLogger(__name__)
JOB_ID = "monitor-run"
# crontab's nicknames (@reboot means nothing to a scheduler already running; APScheduler
# counts weekdays from Monday, so Sunday is "sun", not crontab's 0)
NICKNAMES = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * sun",
             "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *"}


def _job(settings: Settings, trigger) -> None:
    from .runner import run_pass

    try:
        report, _ = run_pass(settings)
        logger.info("run %d: %s; digest: %s", report.run_id, report.summary(), report.digest_path or "none")
        if report.nothing_read:
            logger.error("run %d read no feed: every source failed; `monitor feeds` shows why", report.run_id)
    except MonitorError as exc:  # the next tick tries again; the failure is in the log
        logger.error("run failed: %s", exc)
    logger.info("next run at %s", next_run(trigger))


def next_run(trigger) -> str:
    when = trigger.get_next_fire_time(None, datetime.now(timezone.utc))
    return when.strftime("%Y-%m-%d %H:%M:%S UTC") if when else "never"


def cron_trigger(expr: str):
    """Five fields as in crontab, or a nickname such as @hourly; a sixth, leading field
    gives seconds ("*/5 * * * * *"). ValueError names what is wrong."""
    from apscheduler.triggers.cron import CronTrigger

    expr = NICKNAMES.get(expr.strip().lower(), expr)
    if expr.startswith("@"):
        raise ValueError(f"unknown nickname; use one of {', '.join(NICKNAMES)} or five cron fields")
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
        raise ConfigError(f"{settings.path}: 'schedule.cron' {settings.schedule['cron']!r}: {exc}") from None
    scheduler = BlockingScheduler(timezone="UTC")
    scheduler.add_job(_job, trigger, args=[settings, trigger], id=JOB_ID, coalesce=True, max_instances=1,
                      misfire_grace_time=int(settings.schedule["misfire_grace"]), replace_existing=True)

    def stop(signum, _frame):
        logger.info("signal %d: stopping after the current run", signum)
        scheduler.shutdown(wait=True)
        logger.info("scheduler stopped")

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    logger.info("scheduler started: %s (UTC); first run at %s", settings.schedule["cron"], next_run(trigger))
    scheduler.start()
