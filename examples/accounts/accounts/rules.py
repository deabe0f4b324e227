"""What the app accepts in a field. Each rule returns the clean value or raises Invalid."""

import re
import unicodedata

from .passwords import MAX_LENGTH, normalise

# ASCII only, lower case: one spelling per address, and no look-alike letters.
EMAIL = re.compile(r"[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+")


class Invalid(ValueError):
    """A value the user typed is refused; the message says why."""


def email(value: str) -> str:
    value = value.strip()
    if not value.isascii():
        raise Invalid("Write the email address in ASCII letters, digits and . _ % + -.")
    value = value.lower()
    if len(value) > 254 or not EMAIL.fullmatch(value):
        raise Invalid("Enter an email address such as ada@example.com.")
    return value


def password(value: str, email: str) -> str:
    """The password as the user typed it; its NFKC form is what gets hashed."""
    normal = normalise(value)
    if normal and normal.isspace():
        raise Invalid("Choose a password that is not only spaces.")
    # Counted with each run of spaces as one (ASVS 2.1.1), so padding does not count.
    if len(re.sub(" +", " ", normal)) < 12 or len(normal) > MAX_LENGTH:
        raise Invalid(f"Choose a password of 12 to {MAX_LENGTH} characters.")
    if normal.lower() == email:
        raise Invalid("Choose a password that is not your email address.")
    return value


def display_name(value: str) -> str:
    value = unicodedata.normalize("NFC", value).strip()
    if not 1 <= len(value) <= 50:
        raise Invalid("Choose a display name of 1 to 50 characters.")
    if any(unicodedata.category(c).startswith("C") for c in value):
        raise Invalid("A display name cannot contain control characters.")
    return value
