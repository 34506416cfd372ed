"""HEAD and CORS preflight for the API's machine addresses (/api/v1/…, /api/openapi.json).

Its operations are declared for GET. HEAD is answered as GET without the body, as HTTP
asks. A page on another site that sends If-None-Match or If-Modified-Since makes its
browser ask first with OPTIONS (a preflight): it is answered here, allowed for GET and HEAD
with those headers, without counting against the rate limit.
"""

from django.http import HttpResponse

MACHINE_PATHS = ("/api/v1/", "/api/openapi.json")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# Headers a page may send beyond the CORS-safelisted ones.
ALLOWED_HEADERS = "If-None-Match, If-Modified-Since"
PREFLIGHT_SECONDS = 86400


class ApiMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(MACHINE_PATHS):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return preflight()
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            response.content = b""
            del response["Content-Length"]
        return response


def preflight():
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_SECONDS)
    return response
