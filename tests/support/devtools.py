"""Headless Chromium driven through the DevTools protocol on a pipe.

The browser checks (tests/export/check_report_layout.py, tests/site/
check_site.py) load pages that forbid scripts by their Content-Security-
Policy, so the pages cannot measure or test themselves. Chromium runs with
--remote-debugging-pipe instead: commands on its file descriptor 3, replies
on 4, no port and no network. Runtime.evaluate runs as the inspector,
outside the page's policy.
"""
import base64
import json
import os
import select
import subprocess


class Browser:
    """Headless Chromium whose DevTools protocol runs on fds 3 (in) and 4 (out)."""

    def __init__(self, chromium, profile, width, height, domains=("Page.enable",), timeout=60):
        to_browser, self.to_w = os.pipe()
        self.from_r, from_browser = os.pipe()
        self.timeout = timeout

        def child_fds():
            # Chromium reads commands on 3 and writes replies on 4; dup first
            # so that neither end is closed by the other's dup2.
            a, b = os.dup(to_browser), os.dup(from_browser)
            os.dup2(a, 3)
            os.dup2(b, 4)

        # The flags this machine's closed network needs (no background
        # connections, no sync, no extensions), and a fresh profile.
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-extensions", "--disable-sync",
             "--remote-debugging-pipe", f"--window-size={width},{height}",
             "--user-data-dir=" + profile, "about:blank"],
            pass_fds=(3, 4), preexec_fn=child_fds, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self.buffer, self.events, self.last_id = b"", [], 0
        page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"],
                                 flatten=True)["sessionId"]
        for domain in domains:
            self.send(domain, self.session)
        self.size(width, height)

    def receive(self):
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.from_r], [], [], self.timeout)
            if not ready:
                raise SystemExit(f"chromium did not answer in {self.timeout} s")
            chunk = os.read(self.from_r, 1 << 16)
            if not chunk:
                raise SystemExit("chromium closed its DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, session=None, **params):
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.to_w, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.last_id:
                if "error" in reply:
                    raise SystemExit(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def size(self, width, height):
        """The viewport, exactly width x height (the window less its frame)."""
        self.send("Emulation.setDeviceMetricsOverride", self.session, width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)

    def load(self, path):
        """Opens a file and waits for its load event; the events seen since
        are kept in self.events (console messages among them)."""
        self.events.clear()
        self.send("Page.navigate", self.session, url="file://" + path)
        while not any(e.get("method") == "Page.loadEventFired" and
                      e.get("sessionId") == self.session for e in self.events):
            self.events.append(self.receive())

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", self.session, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise SystemExit(f"evaluate: {result['exceptionDetails']}")
        return result["result"]["value"]

    def screenshot(self):
        """The viewport as PNG bytes."""
        return base64.b64decode(self.send("Page.captureScreenshot", self.session,
                                          format="png")["data"])

    def close(self):
        try:
            self.send("Browser.close")
        except SystemExit:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.to_w)
        os.close(self.from_r)
