from wagtail import hooks

from .panels import AwaitingReviewPanel, MyDraftsPanel, UpcomingConferencesPanel


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    """The dashboard opens on what the team works with: drafts, reviews and conferences."""
    panels.extend([MyDraftsPanel(), AwaitingReviewPanel(), UpcomingConferencesPanel()])
