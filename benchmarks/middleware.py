"""X-Bench-Queries: how many SQL queries a response took, and X-Bench-Cache: which cache
the site uses (benchmarks/settings.py only)."""

from django.conf import settings
from django.db import connection


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count)
        response["X-Bench-Cache"] = settings.BENCH_CACHE
        return response
