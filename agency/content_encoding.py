"""Drop the ``Content-Encoding: None`` header Wagtail's document serving writes.

Wagtail's ``sendfile`` sets ``Content-Encoding`` to whatever ``mimetypes.guess_type``
guessed as the encoding, which is ``None`` for every ordinary file, and writes it as
the string "None". A browser or proxy that believes the header would try to decode
the file with an encoding called "None". Remove this middleware once Wagtail stops
sending the header.
"""


class DropNoneContentEncodingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        return response
