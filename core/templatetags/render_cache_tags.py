"""``{% render_cache "name" %}…{% endrender_cache %}``: the enclosed template rendered
once and kept in the shared cache (core/render_cache.py says when and for how long).

The first fragment a template renders asks the cache for every fragment of that
template at once (one round trip instead of one per fragment); the others take theirs
from what came back."""

from django import template
from django.utils.safestring import mark_safe

from core import render_cache

register = template.Library()

MISSING = object()


class RenderCacheNode(template.Node):
    def __init__(self, name, nodelist, names):
        self.name = name
        self.nodelist = nodelist
        # Every fragment name of the template this one is in (filled while parsing it).
        self.names = names

    def render(self, context):
        keys, found = self.fragments(context)
        key = keys.get(self.name)
        if key is None:
            return self.nodelist.render(context)
        html = found.get(key, MISSING)
        if html is MISSING:
            html = str(self.nodelist.render(context))
            render_cache.store(key, html, context["request"])
        return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered

    def fragments(self, context):
        """({name: key}, {key: cached HTML}) for every fragment of this template in this
        render: worked out and fetched once, by the first fragment rendered, and kept
        in the render's own state (Django's ``context.render_context``)."""
        state = ("render_cache", id(self.names))
        kept = context.render_context.get(state)
        if kept is None:
            keys = render_cache.fragment_keys(self.names, context)
            found = render_cache.get_many(list(keys.values())) if keys else {}
            kept = context.render_context[state] = (keys, found)
        return kept


@register.tag("render_cache")
def do_render_cache(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Usage: {% render_cache "name" %}')
    name = bits[1][1:-1]
    # One list per template being parsed, shared by its fragments.
    if not hasattr(parser, "render_cache_names"):
        parser.render_cache_names = []
    parser.render_cache_names.append(name)
    nodelist = parser.parse(("endrender_cache",))
    parser.delete_first_token()
    return RenderCacheNode(name, nodelist, parser.render_cache_names)
