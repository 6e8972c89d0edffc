#!/usr/bin/env python3
"""Drives a running Seatguard of any release through its public API and records what it answered.

Two phases, run by make-fixture.sh against a server built from an earlier release:

  load.py write URL ADMIN_TOKEN OUT.json   makes an app, policies, a list, a webhook, evaluations over a
                                           dozen accounts and their devices, consumes, logs a device out
                                           and erases an account; writes what a later phase needs
  load.py read  URL OUT.json               after that server restarted on the same store: records every
                                           read the API offers (evaluations, accounts, devices, history,
                                           challenges, policies, lists, webhooks) into OUT.json

  load.py check URL OUT.json [--older] [--replayed]
                                           another build on that store answers every read recorded
                                           with 200 as recorded (fields it added may stand beside them;
                                           --older: a build older than the recording's, which need not
                                           know every field, only agree on those it has; --replayed:
                                           the tokens were replayed since, so reads they change are not
                                           compared); then each token names the same device (exit 1 if
                                           not, naming each difference)

UpgradeFromEarlierReleasesTest starts today's server on the store and expects those reads to answer as
the earlier release did, and each recorded device token to name the same device: `check` is the same
judgement for rollback-check.sh, where the server is another process. Endpoints a release does not
have (404) are recorded as such and skipped. Standard library only: it runs wherever the release check
runs.
"""
import re
import json
import sys
import urllib.error
import urllib.request

ORIGIN = "https://shop.example"

# Real public addresses in several countries, so that an IP database gives each a location.
ADDRESSES = ["81.2.69.160", "89.160.20.128", "2.125.160.216", "216.160.83.56", "175.16.199.1",
             "2a02:cf40::1:2", "67.43.156.1", "202.196.224.1"]
AGENTS = {
    "computer": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "mobile": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "android": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    "tablet": "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
}


def call(base, method, path, token=None, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, text


def must(status_and_body, *expected):
    status, body = status_and_body
    if status not in expected:
        raise SystemExit(f"unexpected answer {status}: {body}")
    return body


def components(user_index, device_index, kind):
    """A device's stable signals: distinct per device, the same each time the device comes back."""
    return {"canvas": f"c{user_index:02d}{device_index}", "webgl_renderer": f"GPU {user_index}-{device_index}",
            "screen": "1920x1080" if kind in ("computer", "mac") else "390x844",
            "hardware_concurrency": 4 + device_index, "platform": kind, "languages": "en-GB,en",
            "timezone": "Europe/London"}


def write(base, admin, out):
    app = must(call(base, "POST", "/v3/apps", admin, {"name": "earlier release", "allowed_origins": [ORIGIN]}), 201)
    secret, client_id = app["secret_key"], app["client_id"]
    made = {"app": {"id": app["id"], "client_id": client_id, "secret_key": secret},
            "evaluations": [], "devices": [], "challenges": [], "webhooks": [], "erased": [], "logged_out": []}

    # What later releases added is made only where the release has it (404 or 405 otherwise).
    list_status, made_list = call(base, "POST", "/v3/lists", secret,
                                  {"name": "office", "kind": "ip", "values": ["81.2.69.0/24", "2a02:cf40::/32"]})
    policy = {"name": "Three devices at most", "enabled": True, "mode": "enforce", "priority": 100, "actions": ["access"],
              "conditions": {"any": [{"check": "device_count", "op": "gte", "value": 3}]}, "verdict": "challenge",
              "challenge": {"type": "device_limit", "device_limit": 2, "success_url": ORIGIN + "/signup",
                            "logout_url": ORIGIN + "/logged-out"}}
    call(base, "POST", "/v3/policies", secret, policy)
    call(base, "POST", "/v3/policies", secret,
         {"name": "Watch new addresses", "enabled": True, "mode": "monitor", "priority": 50, "actions": ["login"],
          "conditions": {"all": [{"check": "is_new_ip", "op": "eq", "value": True}]}, "verdict": "deny"})
    # Hosts that pass a release's public-address check yet lead nowhere: today's releases refuse the
    # documentation range, which earlier ones took, and the earliest did not take an IPv6 literal.
    for url in ("https://[2001:20::1]/seatguard", "https://203.0.113.10/seatguard"):
        status, hook = call(base, "POST", "/v3/webhooks", secret,
                            {"url": url, "events": ["evaluation.created", "device.detached"]})
        if status == 201:
            made["webhooks"].append(hook["id"])
            break

    kinds = ["computer", "mobile", "tablet", "mac", "android"]
    for user_index in range(1, 13):
        user = f"user-{user_index:02d}"
        device_total = 1 + user_index % 4
        for device_index in range(device_total):
            kind = kinds[(user_index + device_index) % len(kinds)]
            token = None
            for visit in range(3 if device_index == 0 else 2):
                action = "signup" if device_index == 0 and visit == 0 else ("login" if visit == 0 else "access")
                device = {"components": components(user_index, device_index, kind), "timezone": "Europe/London"}
                if token:
                    device["token"] = token
                body = {"action": action, "user": user, "email": f"{user}@mail.example",
                        "ip": ADDRESSES[(user_index + device_index + visit) % len(ADDRESSES)],
                        "user_agent": AGENTS[kind], "device": device, "session": f"s-{user}-{device_index}",
                        "metadata": {"plan": "family", "visit": visit}}
                if action == "access":
                    body["return_to"] = ORIGIN + "/watch"
                answer = must(call(base, "POST", "/v3/evaluate", secret, body), 200)
                made["evaluations"].append(answer["evaluation_id"])
                if answer.get("redirect"):
                    made["challenges"].append(answer["evaluation_id"])
                if token is not None:
                    # The token the SDK would have kept since the first visit: the device the earlier release
                    # named it by must be the one today's names.
                    made["devices"].append({"user": user, "token": token, "kind": kind, "device_id": answer["device_id"],
                                            "user_agent": AGENTS[kind], "components": device["components"]})
                elif answer["device_id"] != "00000000-0000-0000-0000-000000000000":
                    token = f"tok-{user}-{device_index}-{answer['device_id'][:8]}"

    # A browser-mode evaluation, as the SDK sends it.
    answer = must(call(base, "POST", "/v3/evaluate", None,
                       {"client_id": client_id, "action": "login", "user": "user-01",
                        "device": {"components": components(1, 0, kinds[1]), "timezone": "Europe/London"}},
                       {"Origin": ORIGIN, "User-Agent": AGENTS[kinds[1]]}), 200)
    made["evaluations"].append(answer["evaluation_id"])

    for evaluation in made["evaluations"][:3]:
        must(call(base, "POST", f"/v3/evaluations/{evaluation}/consume", secret), 200)

    detached = next(d for d in made["devices"] if d["user"] == "user-03")
    status, _ = call(base, "DELETE", f"/v3/users/user-03/devices/{detached['device_id']}", secret)
    if status == 204:
        made["logged_out"].append({"user": "user-03", "device_id": detached["device_id"]})
    status, _ = call(base, "DELETE", "/v3/users/user-12", secret)
    if status == 204:
        made["erased"].append("user-12")
    # Deduplicate the device list: one entry per token is what the replay needs.
    seen = {}
    for device in made["devices"]:
        seen.setdefault(device["token"], device)
    made["devices"] = list(seen.values())
    with open(out, "w") as file:
        json.dump(made, file, indent=1)


def read(base, out):
    with open(out) as file:
        made = json.load(file)
    secret = made["app"]["secret_key"]
    reads = []

    def record(path):
        status, body = call(base, "GET", path, secret)
        if status >= 500:
            raise SystemExit(f"{path} answered {status}: {body}")
        reads.append({"path": path, "status": status, "body": body})
        return status, body

    for evaluation in made["evaluations"]:
        status, body = record(f"/v3/evaluations/{evaluation}")
        challenge = body.get("challenge") if status == 200 else None
        if challenge:
            record(f"/v3/challenges/{challenge['id']}")
    users = sorted({d["user"] for d in made["devices"]} | set(made["erased"]))
    for user in users:
        record(f"/v3/users/{user}")
        record(f"/v3/users/{user}/devices")
        record(f"/v3/users/{user}/history?limit=100")
    for path in ("/v3/policies", "/v3/lists", "/v3/webhooks"):
        record(path)
    for hook in made["webhooks"]:
        record(f"/v3/webhooks/{hook}")
        record(f"/v3/webhooks/{hook}/deliveries")
    made["reads"] = reads
    with open(out, "w") as file:
        json.dump(made, file, indent=1, sort_keys=True)


# Fields that move by themselves once a server runs on the store: the delivery worker goes on trying.
MOVING = re.compile(r"/v3/webhooks/[^/]+/deliveries/data/\d+/(attempts|status|last_attempt_at|last_error|last_status_code|next_attempt_at)")


# What replaying the tokens moves besides the accounts' reads: a device's new evaluation overrides the
# challenge its earlier one left open.
REPLAY_MOVES = re.compile(r"(/v3/evaluations/[^/]+/challenge|/v3/challenges/[^/]+)/(status|finished_at)")


def compare(where, then, now, older, replayed, differences):
    if MOVING.fullmatch(where) or (replayed and REPLAY_MOVES.fullmatch(where)):
        return
    if isinstance(then, dict):
        if not isinstance(now, dict):
            differences.append(f"{where}: was an object, is {now!r}")
            return
        for key, value in then.items():
            if key in now:
                compare(f"{where}/{key}", value, now[key], older, replayed, differences)
            elif not older:
                differences.append(f"{where}/{key}: gone (was {value!r})")
    elif isinstance(then, list):
        if not isinstance(now, list) or len(now) != len(then):
            differences.append(f"{where}: was {then!r}, is {now!r}")
            return
        for index, (was, is_) in enumerate(zip(then, now)):
            compare(f"{where}/{index}", was, is_, older, replayed, differences)
    elif then != now:
        differences.append(f"{where}: was {then!r}, is {now!r}")


def check(base, out, older, replayed):
    with open(out) as file:
        made = json.load(file)
    secret = made["app"]["secret_key"]
    differences = []
    compared = 0
    for read in made["reads"]:
        path = read["path"]
        if read["status"] != 200 or (replayed and (path.startswith("/v3/users/") or path.endswith("/deliveries"))):
            continue
        status, body = call(base, "GET", path, secret)
        if status != 200:
            differences.append(f"{path}: answered {status} {body}")
            continue
        compare(path, read["body"], body, older, replayed, differences)
        compared += 1
    logged_out = {entry["device_id"] for entry in made["logged_out"]}
    for device in made["devices"]:
        if device["user"] in made["erased"]:
            continue  # what an erasure kept of the account's devices is each release's own rule
        body = {"action": "access", "user": device["user"], "ip": ADDRESSES[0], "user_agent": device["user_agent"],
                "device": {"token": device["token"], "components": device["components"]}}
        status, answer = call(base, "POST", "/v3/evaluate", secret, body)
        where = f"{device['user']}'s token {device['token']}"
        if status != 200:
            differences.append(f"{where}: evaluate answered {status} {answer}")
        elif answer["device_id"] != device["device_id"]:
            differences.append(f"{where}: names {answer['device_id']}, named {device['device_id']}")
        elif answer["logout"] != (device["device_id"] in logged_out):
            differences.append(f"{where}: logout {answer['logout']}")
    for difference in differences:
        print("  " + difference)
    print(f"check: {compared} reads compared, {len(made['devices'])} tokens replayed, {len(differences)} differences")
    return not differences


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "write":
        write(sys.argv[2].rstrip("/"), sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 4 and sys.argv[1] == "read":
        read(sys.argv[2].rstrip("/"), sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == "check" and set(sys.argv[4:]) <= {"--older", "--replayed"}:
        sys.exit(0 if check(sys.argv[2].rstrip("/"), sys.argv[3], "--older" in sys.argv, "--replayed" in sys.argv) else 1)
    else:
        raise SystemExit(__doc__)
