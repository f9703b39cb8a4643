"""Command line: thin wrappers over the library. Errors become one line and an exit code."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import config as config_mod
from .errors import Busy, ConfigError, DeliveryError, MonitorError

EXIT_BUSY = 75  # EX_TEMPFAIL: cron may simply try again later
logger = logging.getLogger("monitor")


class Context:
    def __init__(self, config_path: str | None):
        self.config_path = config_path

    def settings(self) -> config_mod.Settings:
        return config_mod.load(self.config_path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="MONITOR_CONFIG",
              help="TOML config (default: the shipped Sora-leak story).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.pass_context
def cli(ctx, config_path, verbose):
    """Watch news coverage of one story and report what changed against a baseline.

    \b
    Examples:
      monitor run                       # one pass over the shipped feeds
      monitor run --demo                # the same pass over the bundled demo coverage
      monitor check article.txt --json  # compare one article with the baseline
      monitor --config my-story.toml schedule
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ctx.obj = Context(config_path)


@cli.command()
@click.option("--demo", is_flag=True, help="Serve the bundled demo coverage on 127.0.0.1 and run on it.")
@click.pass_obj
def run(obj: Context, demo: bool):
    """Do one full pass: poll feeds, read new articles, compare, write (and mail) the digest.

    \b
    Example:
      monitor run && xdg-open ~/.local/state/story-monitor/digests/latest.html
    """
    from .runner import run_pass

    if demo:
        from . import demo as demo_mod  # its HTTP server only for the demo

        with demo_mod.serve(demo_mod.folder()) as base:
            report, settings = run_pass(demo_mod.settings(base))
    else:
        report, settings = run_pass(obj.settings())
    click.echo(report.summary())
    if report.digest_path:
        click.echo(f"digest: {report.digest_path}")
    else:
        click.echo(f"digest: nothing new since the last one (archive: {settings.output_dir / 'index.html'})")


@cli.command()
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
def snapshots():
    """Build or extend the baseline snapshots."""


@snapshots.command("rebuild")
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

    settings = obj.settings()
    out_dir = _snapshots_out(settings, out)
    seeds = Path(seeds_dir) if seeds_dir else out_dir / "seeds"
    for path in snaps.rebuild(seeds, out_dir, settings.topic["anchors"] + settings.topic["context"]):
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
    from .inspect import load_article

    settings = obj.settings()
    out_dir = _snapshots_out(settings, out)
    article = load_article(settings, target)
    path = snaps.add(article, out_dir, settings.topic["anchors"] + settings.topic["context"],
                     Path(target).name if Path(target).exists() else None)
    click.echo(f"wrote {path}")


@cli.command()
@click.pass_obj
def schedule(obj: Context):
    """Run passes on the config's cron schedule, in the foreground, until SIGTERM/SIGINT.

    \b
    Example:
      monitor --config /etc/story-monitor/sora.toml schedule
    """
    from .scheduler import run_scheduler

    run_scheduler(obj.settings())


@cli.command("test-email")
@click.pass_obj
def test_email(obj: Context):
    """Send a test message with the [email] settings, to check them.

    \b
    Example:
      SMTP_PASSWORD=... monitor --config my-story.toml test-email
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
    except Busy as exc:
        click.echo(f"monitor: {exc}", err=True)
        sys.exit(EXIT_BUSY)
    except ConfigError as exc:
        click.echo(f"monitor: config error: {exc}", err=True)
        sys.exit(2)
    except DeliveryError as exc:
        click.echo(f"monitor: delivery failed, findings stay pending for the next run: {exc}", err=True)
        sys.exit(3)
    except MonitorError as exc:
        click.echo(f"monitor: {exc}", err=True)
        sys.exit(1)
