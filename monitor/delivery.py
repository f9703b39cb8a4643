"""Delivering a digest: files in the output folder (always) and email (when enabled)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import smtplib
import socket
import ssl
import threading
from email.message import EmailMessage
from email.utils import formatdate
from html import escape
from pathlib import Path

from .errors import ConfigError, DeliveryError, OutputError, Rejected

logger = logging.getLogger(__name__)

_HEADER_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]|=\?")


def write_atomic(path: Path, text: str) -> None:
    """Write the whole file or leave the old one: OutputError (full disk, read-only folder)
    names the file, and no half-written .tmp is left behind."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"{path}: cannot write the digest ({exc.strerror}); free space or make the output "
                          "folder writable, and the next run writes it") from None


def write_files(output_dir: Path, stem: str, html: str, text: str) -> tuple[Path, Path]:
    """digest-<stamp>-<id>.html/.txt, and latest.html/.txt pointing at the same content."""
    html_path, text_path = output_dir / f"{stem}.html", output_dir / f"{stem}.txt"
    write_atomic(html_path, html)
    write_atomic(text_path, text)
    write_atomic(output_dir / "latest.html", html)
    write_atomic(output_dir / "latest.txt", text)
    return html_path, text_path


def header_safe(value: str) -> str:
    """No control characters or RFC 2047 encoded-word markers can reach a header."""
    return re.sub(r"\s+", " ", _HEADER_UNSAFE.sub(" ", value)).strip()


def message_id(digest_id: int, created: str, kind: str = "digest") -> str:
    stamp = re.sub(r"\D", "", created)
    return f"<{kind}-{digest_id}-{stamp}@story-monitor.local>"


def build_message(email: dict, subject: str, html: str, text: str, msg_id: str, where: str = "") -> EmailMessage:
    """Plain text and HTML, within email.max_message_bytes: over it, the HTML part is left
    out, then the text is cut, each time with a note naming `where` the whole digest is."""
    limit = int(email["max_message_bytes"])
    msg = _message(email, subject, text, _inline_css(html), msg_id)
    size = len(msg.as_bytes())
    if size <= limit:
        return msg
    logger.warning("digest %s is %d bytes, over email.max_message_bytes (%d): mailed as plain text",
                   msg_id, size, limit)
    whole = where or "the output folder"
    full = (f"[This digest is over the mail size limit of {limit:,} bytes, so it is sent as plain text "
            f"without its HTML part. The whole digest: {whole}]\n\n") + text
    body = full
    while True:
        msg = _message(email, subject, body, None, msg_id)
        size = len(msg.as_bytes())
        if size <= limit:
            return msg
        keep = max(0, int(len(body) * limit / size * 0.95) - 300)  # encoding grows the text a little
        body = full[:keep] + f"\n\n[Cut here, {len(full) - keep:,} more characters. The whole digest: {whole}]\n"


def text_message(email: dict, subject: str, text: str, msg_id: str) -> EmailMessage:
    """A short notice (an alert, a recovery): its text, and the same text as HTML."""
    return build_message(email, subject, f"<pre>{escape(text)}</pre>", text, msg_id)


def _message(email: dict, subject: str, text: str, html: str | None, msg_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = header_safe(subject)
    msg["From"] = header_safe(email["from"] or f"story-monitor@{socket.gethostname()}")
    msg["To"] = ", ".join(header_safe(a) for a in email["to"])
    if email["reply_to"]:
        msg["Reply-To"] = header_safe(email["reply_to"])
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = msg_id
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def _inline_css(html: str) -> str:
    """Many mail clients drop <style> blocks: put every rule on its elements. The block
    stays too, for the clients that honour its dark-mode rules (marked !important so
    they win over the inlined light ones)."""
    import css_inline

    return css_inline.CSSInliner(keep_style_tags=True).inline(html)


def send(email: dict, msg: EmailMessage) -> None:
    """Hand the message to the SMTP server; returns only when it accepted it (250).

    Rejected when the server refuses this message for good (5xx to its content, or 552,
    too big, to its declared size); DeliveryError for anything worth another try. The whole
    session, however the server drips or chatters, ends by email.deadline."""
    password = ""
    if email["password_env"]:
        password = os.environ.get(email["password_env"], "")
        if not password:
            raise ConfigError(f"email.password_env names {email['password_env']}, which is not set")
    where = f"SMTP {email['host']}:{email['port']}"
    deadline = float(email["deadline"])
    smtp = (smtplib.SMTP_SSL(context=ssl.create_default_context()) if email["security"] == "tls"
            else smtplib.SMTP())
    smtp.timeout = float(email["timeout"])
    expired = threading.Event()
    watchdog = threading.Timer(deadline, _expire, (smtp, expired))
    watchdog.daemon = True
    watchdog.start()
    try:
        smtp.connect(email["host"], email["port"])
        if expired.is_set():
            _expire(smtp, expired)
        if email["security"] == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if email["username"]:
            smtp.login(email["username"], password)
        refused = smtp.send_message(msg)
    except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
        smtp.close()
        if 500 <= exc.smtp_code < 600 and (isinstance(exc, smtplib.SMTPDataError) or exc.smtp_code == 552):
            raise Rejected(f"{where}: refused this message for good: {exc.smtp_code} "
                           f"{_text(exc.smtp_error)}") from None
        raise DeliveryError(f"{where}: {type(exc).__name__}: {exc}") from None
    except (smtplib.SMTPException, OSError) as exc:
        smtp.close()
        if expired.is_set():
            raise DeliveryError(f"{where}: the session took longer than email.deadline ({deadline:g}s)") from None
        raise DeliveryError(f"{where}: {type(exc).__name__}: {exc}") from None
    finally:
        watchdog.cancel()
    try:  # the 250 stands whatever QUIT brings: a 421 or 500 here must not send it again
        smtp.quit()
    except (smtplib.SMTPException, OSError) as exc:
        logger.debug("%s: QUIT after the message was accepted: %s", where, exc)
    finally:
        smtp.close()
    if refused:  # accepted for the others: sending again would duplicate it for them
        logger.warning("SMTP accepted the digest but refused %s", ", ".join(f"{a} ({c} {m!r})" for a, (c, m)
                                                                          in refused.items()))


def _expire(smtp: smtplib.SMTP, expired: threading.Event) -> None:
    """The session deadline: shutting the socket down wakes a blocked read at once."""
    expired.set()
    if smtp.sock is not None:
        try:
            smtp.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _text(reply) -> str:
    return (reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply))[:300]


def test_message(email: dict) -> EmailMessage:
    """A small message to check the email settings end to end."""
    text = "This is a test message from story-monitor: the email settings work.\n"
    html = "<p>This is a test message from story-monitor: the email settings work.</p>"
    stamp = formatdate(localtime=False)
    return build_message(email, "story-monitor: test message", html, text,
                         message_id(0, stamp + str(os.getpid())))
