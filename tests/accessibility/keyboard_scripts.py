"""JavaScript the keyboard tests run in the page: which elements take focus, and how
focus changes their look (WCAG 2.1 SC 2.4.7 and 1.4.11)."""

# Interactive elements in document order, numbered; their look when not focused.
MARK_FOCUSABLES = """() => {
    const selector = 'a[href], button, summary, input:not([type=hidden]), select, textarea, '
        + '[tabindex]';
    const visible = (el) => {
        if (el.closest('[hidden], [inert]')) return false;
        const style = getComputedStyle(el);
        // checkVisibility: not inside a closed <details>, whose content is not drawn.
        return style.visibility !== 'hidden' && el.getClientRects().length > 0
            && el.checkVisibility();
    };
    const items = [...document.querySelectorAll(selector)].filter(
        (el) => !el.disabled && el.tabIndex >= 0 && visible(el)
    );
    items.forEach((el, index) => { el.dataset.a11yIndex = String(index); });
    return {
        count: items.length,
        positive: [...document.querySelectorAll('[tabindex]')]
            .filter((el) => el.tabIndex > 0).map((el) => el.outerHTML.slice(0, 120)),
    };
}"""

# The focused element: its number, a description, and how focus changed its look.
FOCUS_STATE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const parse = (color) => {
        const m = color.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return {r, g, b, a};
    };
    const luminance = ({r, g, b}) => {
        const channel = (v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const contrast = (a, b) => {
        const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (l1 + 0.05) / (l2 + 0.05);
    };
    // The colour behind the element: the nearest ancestor with an opaque background.
    const backgroundOf = (node) => {
        for (let n = node; n; n = n.parentElement) {
            const c = parse(getComputedStyle(n).backgroundColor);
            if (c && c.a === 1) return c;
        }
        return {r: 255, g: 255, b: 255, a: 1};
    };
    const focused = getComputedStyle(el);
    const around = backgroundOf(el.parentElement);
    const indicators = [];
    if (focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) >= 2) {
        indicators.push({kind: 'outline', color: parse(focused.outlineColor)});
    }
    const shadow = focused.boxShadow.match(/rgba?\\([^)]+\\)/);
    if (focused.boxShadow !== 'none' && shadow) {
        indicators.push({kind: 'box-shadow', color: parse(shadow[0])});
    }
    const ownBackground = parse(focused.backgroundColor);
    if (ownBackground && ownBackground.a === 1) {
        indicators.push({kind: 'background', color: ownBackground});
    }
    return {
        index: el.dataset.a11yIndex === undefined ? null : Number(el.dataset.a11yIndex),
        // Focus on a native player's own controls (drawn by the browser inside the
        // element, so document.activeElement is the <video> itself).
        player: el.matches('video[controls], audio[controls]'),
        description: el.outerHTML.slice(0, 120),
        rest: el.dataset.a11yRest || null,
        style: [focused.outlineStyle, focused.outlineWidth, focused.outlineColor,
                focused.boxShadow, focused.backgroundColor].join(' | '),
        best_contrast: Math.max(0, ...indicators.filter((i) => i.color)
            .map((i) => contrast(i.color, around))),
        inView: (() => {
            const r = el.getBoundingClientRect();
            return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
        })(),
    };
}"""

# Each element's look at rest, to compare with its look when focused.
RECORD_REST = """() => {
    document.querySelectorAll('[data-a11y-index]').forEach((el) => {
        const s = getComputedStyle(el);
        el.dataset.a11yRest = [s.outlineStyle, s.outlineWidth, s.outlineColor,
                               s.boxShadow, s.backgroundColor].join(' | ');
    });
}"""
