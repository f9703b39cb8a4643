"""Errors the monitor raises on purpose. Only the CLI turns them into messages.

MonitorError
 +-- ConfigError        the configuration file is missing or wrong
 +-- FetchError         a URL could not be fetched
 |    +-- BlockedURL    scheme, host or address not allowed
 |    +-- TooLarge      body over the byte cap
 |    +-- Timeout       connect/read timeout or total deadline passed
 |    +-- HTTPStatus    the server answered with an error status
 +-- ParseError         fetched bytes are not what was expected
 |    +-- FeedError     not a feed
 |    +-- ExtractError  no article text could be extracted
 +-- StoreError         the state folder or database cannot be used
 +-- OutputError        the digest files cannot be written
 +-- Busy               another run holds the lock
 +-- SourcesDown        no feed could be read in a pass
 +-- DeliveryError      the digest could not be delivered
      +-- Rejected      the SMTP server refused this message for good
"""


class MonitorError(Exception):
    """Base class for every error the monitor raises deliberately."""


class ConfigError(MonitorError):
    """The configuration file is missing, unreadable or has a bad value."""


class FetchError(MonitorError):
    """A URL could not be fetched."""


class BlockedURL(FetchError):
    """The URL's scheme, host or resolved address is not allowed."""


class TooLarge(FetchError):
    """The response body is larger than the configured cap."""


class Timeout(FetchError):
    """The connect/read timeout or the total deadline passed."""


class HTTPStatus(FetchError):
    """The server answered with an error status."""

    def __init__(self, status: int, url: str):
        super().__init__(f"HTTP {status} from {url}")
        self.status = status


class ParseError(MonitorError):
    """Fetched bytes are not what was expected."""


class FeedError(ParseError):
    """The body is not an RSS or Atom feed."""


class ExtractError(ParseError):
    """No article text could be extracted from the page."""


class StoreError(MonitorError):
    """The state folder or database cannot be opened or used."""


class OutputError(MonitorError):
    """The digest files cannot be written to the output folder."""


class Busy(MonitorError):
    """Another run holds the lock."""


class SourcesDown(MonitorError):
    """No feed could be read in a pass: every source failed or is being polled less often."""


class DeliveryError(MonitorError):
    """The digest could not be delivered."""


class Rejected(DeliveryError):
    """The SMTP server refused this message for good (a 5xx to its content or its size)."""
