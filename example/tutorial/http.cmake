# An HTTP GET client and the smallest web server (the tutorial's items 4 and 6),
# checked against python3 -m http.server and curl.
tsock_tutorial(http http_get hello_http_server)
