"""Command line: thin wrappers over the library. Errors become one line and an exit code."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import click

from . import config as config_mod
from .errors import Busy, ConfigError, DeliveryError, MonitorError, SourcesDown

# Exit codes, each error class with its code and the words before its message; the README's
# table of exit codes is checked against these (tests/test_commands.py), and `--help` lists them.
EXIT_CODES = {0: "the pass completed, even if some sources failed", 1: "a state or output folder cannot be used",
              2: "bad config or command line", 3: "the digest could not be mailed", 4: "no feed could be read",
              75: "another run holds the lock", 130: "interrupted"}
ERRORS = ((Busy, 75, ""), (ConfigError, 2, "config error: "),
          (DeliveryError, 3, "delivery failed, findings stay pending for the next run: "),
          (SourcesDown, 4, ""), (MonitorError, 1, ""))
logger = logging.getLogger("monitor")


class Context:
    def __init__(self, config_path: str | None, verbose: int):
        self.config_path, self.verbose = config_path, verbose

    def settings(self) -> config_mod.Settings:
        return config_mod.load(self.config_path)


def _logging(verbose: int, quietest: int = logging.WARNING) -> None:
    """Timestamped lines on stderr; each -v one level more. Only the entry point configures."""
    level = max(min(quietest, logging.WARNING - 10 * verbose), logging.DEBUG)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    logging.getLogger("apscheduler").setLevel(logging.DEBUG if verbose > 1 else logging.WARNING)


def _set_config(ctx, _param, value):
    if value:
        ctx.find_object(Context).config_path = value


def _more_verbose(ctx, _param, value):
    if value:
        obj = ctx.find_object(Context)
        obj.verbose += value
        _logging(obj.verbose)


def options(command):
    """--config and -v after the command too: `monitor run --config X -v`."""
    command = click.option("--config", type=click.Path(dir_okay=False), expose_value=False, callback=_set_config,
                           help="TOML config (as before the command).")(command)
    return click.option("-v", "--verbose", count=True, expose_value=False, callback=_more_verbose,
                        help="More log output (-vv for debug).")(command)


def _say(text: str) -> None:
    """A line for a cron log: stamped like the log lines."""
    click.echo(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {text}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             epilog="Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + ".")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="MONITOR_CONFIG",
              help="TOML config (default: the shipped Sora-leak story).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="story-monitor", prog_name="monitor")
@click.pass_context
def cli(ctx, config_path, verbose):
    """Watch news coverage of one story and report what changed against a baseline.

    \b
    Examples:
      monitor run                       # one pass over the shipped feeds
      monitor run --demo                # the same pass over the bundled demo coverage
      monitor check article.txt --json  # compare one article with the baseline
      monitor --config my-story.toml schedule
      monitor feeds --config my-story.toml  # each feed's health
    """
    _logging(verbose)
    ctx.obj = Context(config_path, verbose)


@cli.command()
@options
@click.option("--demo", is_flag=True, help="Serve the bundled demo coverage on 127.0.0.1 and run on it.")
@click.option("--fresh", is_flag=True, help="With --demo: forget earlier demo runs and start the demo anew.")
@click.pass_obj
def run(obj: Context, demo: bool, fresh: bool):
    """Do one full pass: poll feeds, read new articles, compare, write (and mail) the digest.

    Exits 4 when no feed could be read (the digest and `monitor feeds` say why).

    \b
    Examples:
      monitor run --config my-story.toml && monitor digests --open
      monitor run --demo --fresh        # the demo from the start, as a newcomer sees it
    """
    from .runner import run_pass

    if fresh and not demo:
        raise click.UsageError("--fresh only applies to --demo (a real story's state is never thrown away)")
    if demo:
        from . import demo as demo_mod  # its HTTP server only for the demo

        with demo_mod.serve(demo_mod.folder()) as base:
            settings = demo_mod.settings(base)
            if fresh and demo_mod.reset(settings):
                _say(f"demo: earlier demo runs forgotten ({settings.db_path} removed)")
            report, settings = run_pass(demo_mod.with_local_pages(settings, base))
    else:
        report, settings = run_pass(obj.settings())
    _say(f"run {report.run_id}: {report.summary()}")
    if report.digest_path:
        _say(f"digest: {report.digest_path}")
    else:
        _say(f"digest: nothing new since the last one (archive: {settings.output_dir / 'index.html'})")
        if demo:
            _say("demo: every demo article has been read already; 'monitor run --demo --fresh' starts it anew")
    if report.nothing_read:
        resting = len(settings.feeds) - report.feeds_polled
        raise SourcesDown(f"no feed could be read: {report.feeds_failed} of {len(settings.feeds)} sources failed"
                          + (f", {resting} not polled this run after repeated timeouts" if resting else "")
                          + "; `monitor feeds` shows each one's last error")


@cli.command()
@options
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.pass_obj
def check(obj: Context, target: str, as_json: bool):
    """Compare one article (URL, HTML file, or text file) with the baseline.

    A text file may start with `key: value` lines (title, url, published) and a blank line.

    \b
    Example:
      monitor check follow-up.txt --json
    """
    from .inspect import check_target

    result = check_target(obj.settings(), target)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    click.echo(f"{result['title'] or target}: relevant={result['relevant']} (score {result['relevance']:.2f})")
    for c in result["claims"]:
        click.echo(f"  {c['status']:<12} {c['text']}")
        if c["status"] in ("updated", "contradicted"):
            click.echo(f"  {'':<12}   was: {c['old']}  [{c['reason']}]")
        if c["already_reported"]:
            click.echo(f"  {'':<12}   already reported in digest {c['already_reported']['digest']}")


@cli.command()
@click.argument("url")
@click.option("--diff", "pair", nargs=2, type=int, metavar="A B", help="Show what changed from version A to B.")
@click.pass_obj
def history(obj: Context, url: str, pair):
    """List the stored versions of an article, or what changed between two of them.

    \b
    Example:
      monitor history https://example.org/sora-leak --diff 1 2
    """
    from .history import show

    for line in show(obj.settings(), url, pair or None):
        click.echo(line)


@cli.group()
@options
def snapshots():
    """Build or extend the baseline snapshots.

    \b
    Example:
      monitor snapshots rebuild --config my-story.toml path/to/seed-folder
    """


@snapshots.command("rebuild")
@options
@click.argument("seeds_dir", type=click.Path(file_okay=False, exists=True), required=False)
@click.option("--out", type=click.Path(file_okay=False), help="Where to write (default: the snapshots folder).")
@click.pass_obj
def snapshots_rebuild(obj: Context, seeds_dir, out):
    """Rebuild one snapshot per seed article (.txt files).

    \b
    Example:
      monitor snapshots rebuild snapshots/seeds
    """
    from . import snapshots as snaps
    from .entities import topic_terms

    settings = obj.settings()
    out_dir = _snapshots_out(settings, out)
    seeds = Path(seeds_dir) if seeds_dir else out_dir / "seeds"
    for path in snaps.rebuild(seeds, out_dir, topic_terms(settings.topic)):
        click.echo(f"wrote {path}")


def _snapshots_out(settings: config_mod.Settings, out: str | None) -> Path:
    """Where snapshots go: --out, the config's snapshots_dir, or (for the shipped story
    only) the packaged baseline, which another story must never overwrite."""
    from .resources import data_dir

    if out:
        return Path(out)
    if settings.snapshots_dir:
        return settings.snapshots_dir
    if settings.path.resolve() != config_mod.default_config_path().resolve():
        raise ConfigError(f"{settings.path}: set [monitor] snapshots_dir to the folder for this story's baseline "
                          "(or pass --out), so the shipped story's baseline is not overwritten")
    return data_dir("snapshots")


@snapshots.command("add")
@options
@click.argument("target")
@click.option("--out", type=click.Path(file_okay=False), help="Snapshot folder (default: the configured one).")
@click.pass_obj
def snapshots_add(obj: Context, target: str, out):
    """Add one baseline article from a file or URL.

    \b
    Example:
      monitor snapshots add https://example.org/sora-leak-explained
    """
    from . import snapshots as snaps
    from .entities import topic_terms
    from .inspect import load_article

    settings = obj.settings()
    out_dir = _snapshots_out(settings, out)
    article = load_article(settings, target)
    path = snaps.add(article, out_dir, topic_terms(settings.topic),
                     Path(target).name if Path(target).exists() else None)
    click.echo(f"wrote {path}")


@cli.command()
@options
@click.pass_obj
def schedule(obj: Context):
    """Run passes on the config's cron schedule, in the foreground, until SIGTERM/SIGINT.
    Logs at INFO: each run's summary and when the next run is.

    \b
    Example:
      monitor --config /etc/story-monitor/sora.toml schedule
    """
    from .scheduler import run_scheduler

    _logging(obj.verbose, quietest=logging.INFO)  # a daemon's log: every run and the next one
    run_scheduler(obj.settings())


@cli.command()
@options
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON.")
@click.pass_obj
def feeds(obj: Context, as_json: bool):
    """List the feeds with their health: last success, failure streak, last error, items seen.

    \b
    Example:
      monitor feeds --config my-story.toml
    """
    from . import health

    rows = _with_store(obj.settings(), health.feeds)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for f in rows:
        state = f"FAILING {f['failures']} run(s) in a row" if f["failures"] else "ok"
        click.echo(f"{f['name']}  <{f['url']}>\n  {state}; last ok {f['last_ok'] or 'never'}; "
                   f"items seen {f['items_seen']}" + (f"\n  last error: {f['last_error']}" if f["failures"] else ""))


@cli.command()
@options
@click.option("--open", "open_latest", is_flag=True, help="Open the latest digest in the browser.")
@click.pass_obj
def digests(obj: Context, open_latest: bool):
    """List the digests, newest first, or open the latest.

    \b
    Example:
      monitor digests --open
    """
    rows = _with_store(obj.settings(), lambda _settings, store: store.digests())
    if open_latest:
        if not rows:
            raise MonitorError("no digest written yet; run `monitor run` first")
        if click.launch(rows[0]["html_path"], wait=True) != 0:
            raise MonitorError(f"could not open it (is xdg-open installed?); the latest digest is {rows[0]['html_path']}")
        return
    for d in rows:
        state = "refused by mail" if d["failed"] else "delivered" if d["sent_at"] else "mail pending"
        click.echo(f"{d['id']:>5}  {d['created']}  {state:<15} {d['summary']}\n       {d['html_path']}")


@cli.command()
@options
@click.option("--state", type=click.Choice(["offtopic", "failed", "retry"]), default="offtopic", show_default=True,
              help="offtopic: dropped by the topic (by title, or read and judged); "
                   "failed: could not be read at all; retry: waiting for the next run.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="At most this many, newest first.")
@click.pass_obj
def items(obj: Context, state: str, limit: int):
    """List feed items by what became of them.

    \b
    Example:
      monitor items --state offtopic --limit 20
    """
    states = {"offtopic": ("offtopic", "skipped"), "failed": ("failed",), "retry": ("retry", "deferred")}[state]
    settings = obj.settings()
    names = {s.url: s.name for s in settings.feeds}
    why = {"skipped": "title/summary off topic", "offtopic": "text off topic", "deferred": "run budget spent"}
    for r in _with_store(settings, lambda _s, store: store.items_in(states, limit)):
        reason = r["error"] or why.get(r["state"], r["state"])
        click.echo(f"{r['seen_at']}  {names.get(r['feed_url'], r['feed_url'])}: {r['title']}\n"
                   f"  {r['link'] or '(no link)'}\n  {reason}")


def _with_store(settings: config_mod.Settings, read):
    from .store import Store

    store = Store(settings.db_path)
    try:
        return read(settings, store)
    finally:
        store.close()


@cli.command("test-email")
@options
@click.pass_obj
def test_email(obj: Context):
    """Send a test message with the [email] settings, to check them.

    \b
    Example:
      MONITOR_SMTP_PASSWORD=... monitor --config my-story.toml test-email
    """
    from . import delivery

    settings = obj.settings()
    if not settings.email["enabled"]:
        raise ConfigError(f"{settings.path}: email.enabled is false; nothing to test")
    delivery.send(settings.email, delivery.test_message(settings.email))
    click.echo(f"sent a test message to {', '.join(settings.email['to'])} via "
               f"{settings.email['host']}:{settings.email['port']}")


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except MonitorError as exc:
        code, words = next((code, words) for kind, code, words in ERRORS if isinstance(exc, kind))
        click.echo(f"monitor: {words}{exc}", err=True)
        sys.exit(code)
