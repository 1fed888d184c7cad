"""``{% render_cache "name" %}…{% endrender_cache %}``: the enclosed template rendered
once and kept in the shared cache (core/render_cache.py says when and for how long)."""

from django import template
from django.utils.safestring import mark_safe

from core import render_cache

register = template.Library()


class RenderCacheNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        key = render_cache.fragment_key(self.name, context)
        if key is None:
            return self.nodelist.render(context)
        html = render_cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            render_cache.store(key, str(html), context["request"])
        return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered


@register.tag("render_cache")
def do_render_cache(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Usage: {% render_cache "name" %}')
    nodelist = parser.parse(("endrender_cache",))
    parser.delete_first_token()
    return RenderCacheNode(bits[1][1:-1], nodelist)
