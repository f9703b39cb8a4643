"""Delivering a digest: files in the output folder (always) and email (when enabled)."""

from __future__ import annotations

import logging
import os
import re
import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from .errors import ConfigError, DeliveryError

logger = logging.getLogger(__name__)

_HEADER_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]|=\?")


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_files(output_dir: Path, stem: str, html: str, text: str) -> tuple[Path, Path]:
    """digest-<stamp>-<id>.html/.txt, and latest.html/.txt pointing at the same content."""
    output_dir.mkdir(parents=True, exist_ok=True)
    html_path, text_path = output_dir / f"{stem}.html", output_dir / f"{stem}.txt"
    write_atomic(html_path, html)
    write_atomic(text_path, text)
    write_atomic(output_dir / "latest.html", html)
    write_atomic(output_dir / "latest.txt", text)
    return html_path, text_path


def header_safe(value: str) -> str:
    """No control characters or RFC 2047 encoded-word markers can reach a header."""
    return re.sub(r"\s+", " ", _HEADER_UNSAFE.sub(" ", value)).strip()


def message_id(digest_id: int, created: str, domain: str = "story-monitor.local") -> str:
    stamp = re.sub(r"\D", "", created)
    return f"<digest-{digest_id}-{stamp}@{domain}>"


def build_message(email: dict, subject: str, html: str, text: str, msg_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = header_safe(subject)
    msg["From"] = header_safe(email["from"] or f"story-monitor@{socket.gethostname()}")
    msg["To"] = ", ".join(header_safe(a) for a in email["to"])
    if email["reply_to"]:
        msg["Reply-To"] = header_safe(email["reply_to"])
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = msg_id
    msg.set_content(text)
    msg.add_alternative(_inline_css(html), subtype="html")
    return msg


def _inline_css(html: str) -> str:
    """Many mail clients drop <style> blocks: put every rule on its elements."""
    import css_inline

    return css_inline.inline(html)


def send(email: dict, msg: EmailMessage) -> None:
    """Hand the message to the SMTP server; returns only when it accepted it."""
    password = ""
    if email["password_env"]:
        password = os.environ.get(email["password_env"], "")
        if not password:
            raise ConfigError(f"email.password_env names {email['password_env']}, which is not set")
    timeout = float(email["timeout"])
    try:
        if email["security"] == "tls":
            smtp = smtplib.SMTP_SSL(email["host"], email["port"], timeout=timeout,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(email["host"], email["port"], timeout=timeout)
        with smtp:
            if email["security"] == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if email["username"]:
                smtp.login(email["username"], password)
            refused = smtp.send_message(msg)
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"SMTP {email['host']}:{email['port']}: {type(exc).__name__}: {exc}") from None
    if refused:  # accepted for the others: sending again would duplicate it for them
        logger.warning("SMTP accepted the digest but refused %s", ", ".join(f"{a} ({c} {m!r})" for a, (c, m)
                                                                          in refused.items()))


def test_message(email: dict) -> EmailMessage:
    """A small message to check the email settings end to end."""
    text = "This is a test message from story-monitor: the email settings work.\n"
    html = "<p>This is a test message from story-monitor: the email settings work.</p>"
    stamp = formatdate(localtime=False)
    return build_message(email, "story-monitor: test message", html, text,
                         message_id(0, stamp + str(os.getpid())))
