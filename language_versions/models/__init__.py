from .easy_read import EasyReadIndexPage, EasyReadPage
from .sign_language import SignLanguageIndexPage, SignLanguagePage

__all__ = ["EasyReadIndexPage", "EasyReadPage", "SignLanguageIndexPage", "SignLanguagePage"]
