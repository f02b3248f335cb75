"""The Flask "session object" tutorial's app, the other side of the journey benchmark (bench/BlazorSession.Bench).

Written for this project from the tutorial's description: /set_session is a form that stores a username in the
session, /get_session shows it or says that none is stored. Sessions live on the server in Flask-Session's
filesystem store, as in the tutorial; the browser holds only a cookie with the session id.

Two things differ from a naive version, on purpose: the name is HTML-escaped wherever it is shown, and a POST
without a name (the field missing, empty or blank) answers the form again with a visible error and keeps the
name stored before.

Needs Debian's packages (run with /usr/bin/python3, not another python3 first on PATH):
    apt-get install -y python3-flask python3-flask-session

Run:
    /usr/bin/python3 bench/flask/session_app.py PORT SESSION_DIR

It listens on 127.0.0.1:PORT only, with werkzeug's threaded server, and keeps session files in SESSION_DIR.
"""

import secrets
import sys

from flask import Flask, redirect, render_template_string, request, session, url_for
from flask_session import Session
from werkzeug.serving import run_simple

USERNAME_MISSING = "Enter a username."

# Flask autoescapes templates rendered from strings: every {{ value }} below is HTML-escaped.
FORM = """<!doctype html>
<html lang="en"><head><title>Set session</title></head><body><h1>Set session</h1>
<form method="post" action="{{ url_for('set_session') }}"><label for="username">Username</label>
{% if error %}<input id="username" name="username" aria-invalid="true" aria-describedby="error">
<p id="error" role="alert">{{ error }}</p>
{% else %}<input id="username" name="username">
{% endif %}<button type="submit">Save</button></form>
<a href="{{ url_for('get_session') }}">Get session</a></body></html>"""

SAVED = """<!doctype html>
<html lang="en"><head><title>Session set</title></head><body>
<p id="status" role="status">Session data set successfully!</p>
<a href="{{ url_for('get_session') }}">Get session</a></body></html>"""

SHOWN = """<!doctype html>
<html lang="en"><head><title>Get session</title></head><body>
{% if username is none %}<p id="result">No session data found.</p>
{% else %}<p id="result">Session username: {{ username }}</p>
{% endif %}<a href="{{ url_for('set_session') }}">Set session</a></body></html>"""


def create_app(session_dir):
    app = Flask(__name__)
    # A new key at every start: nothing secret is committed, and a session id from an earlier run is not accepted.
    app.secret_key = secrets.token_hex(32)
    app.config.update(
        SESSION_TYPE="filesystem",
        SESSION_FILE_DIR=session_dir,
        # The cookie holds only the session id; signing it with the key above rejects ids a client makes up.
        SESSION_USE_SIGNER=True,
    )
    Session(app)

    @app.route("/")
    def home():
        return redirect(url_for("set_session"))

    @app.route("/set_session", methods=["GET", "POST"])
    def set_session():
        if request.method == "GET":
            return render_template_string(FORM, error=None)

        username = request.form.get("username", "").strip()
        if not username:
            # 422, not 400: the body is a well-formed form that the server understood; it is its content that
            # cannot be accepted (RFC 9110, 15.5.21). A 400 stays what werkzeug answers for a body it cannot parse.
            return render_template_string(FORM, error=USERNAME_MISSING), 422

        session["username"] = username
        return render_template_string(SAVED)

    @app.route("/get_session")
    def get_session():
        return render_template_string(SHOWN, username=session.get("username"))

    return app


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit():
        sys.exit(f"usage: {argv[0]} PORT SESSION_DIR")

    run_simple("127.0.0.1", int(argv[1]), create_app(argv[2]), threaded=True)


if __name__ == "__main__":
    main(sys.argv)
